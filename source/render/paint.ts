/** ANSI styles for plain output. Whether to colour is the caller's decision (NO_COLOR, FORCE_COLOR, TTY). */
export interface Paint {
	bold(text: string): string;
	dim(text: string): string;
	red(text: string): string;
	green(text: string): string;
	yellow(text: string): string;
	cyan(text: string): string;
}

const style = (open: number, close: number) => (text: string) => (text === '' ? text : `\u001B[${open}m${text}\u001B[${close}m`);

const colours: Paint = {
	bold: style(1, 22),
	dim: style(2, 22),
	red: style(31, 39),
	green: style(32, 39),
	yellow: style(33, 39),
	cyan: style(36, 39),
};

const identity = (text: string) => text;
const none: Paint = {bold: identity, dim: identity, red: identity, green: identity, yellow: identity, cyan: identity};

export function paint(color: boolean): Paint {
	return color ? colours : none;
}
