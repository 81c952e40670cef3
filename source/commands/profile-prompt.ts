/**
 * Questions on the terminal for `profile`: a masked line for secrets (each character echoed as `*`), y/N, and a
 * number from a list. A small raw-mode reader instead of Ink: these are one-line questions, and Ink (with React)
 * would multiply the start-up cost of a command that otherwise loads almost nothing.
 *
 * In raw mode Ctrl-C arrives as a byte, not as SIGINT: it rejects with `PromptInterrupted` after the terminal is
 * back in its normal mode, and the command exits 130.
 */

export class PromptInterrupted extends Error {
	constructor() {
		super('interrupted');
		this.name = 'PromptInterrupted';
	}
}

export interface PromptTerminal {
	input: NodeJS.ReadStream;
	/** Where questions and echo go (stderr: stdout stays for results). */
	output: NodeJS.WriteStream;
}

const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const CTRL_U = '\u0015';
const BACKSPACE = new Set(['\u007F', '\b']);
/** CSI (`ESC [ … final`) and SS3 (`ESC O x`) sequences: arrow keys, bracketed-paste markers, function keys. */
const ESCAPE_SEQUENCE = /^\u001B(?:\[[0-9;?]*[ -/]*[@-~]|O.|.)?/u;

/** Reads one line in raw mode. `mask` echoes `*` per character; the typed text is never written. */
export function readLine(terminal: PromptTerminal, question: string, options: {mask: boolean}): Promise<string> {
	const {input, output} = terminal;
	return new Promise((resolve, reject) => {
		const typed: string[] = [];
		const wasRaw = input.isRaw;
		const wasPaused = input.isPaused();
		const finish = (outcome: () => void): void => {
			input.off('data', onData);
			input.setRawMode(wasRaw);
			if (wasPaused) input.pause();
			output.write('\n');
			outcome();
		};
		const onData = (chunk: Buffer | string): void => {
			let rest = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
			while (rest.length > 0) {
				if (rest.startsWith('\u001B')) {
					rest = rest.slice(ESCAPE_SEQUENCE.exec(rest)?.[0].length ?? 1);
					continue;
				}
				const character = String.fromCodePoint(rest.codePointAt(0)!);
				rest = rest.slice(character.length);
				if (character === CTRL_C) {
					finish(() => reject(new PromptInterrupted()));
					return;
				}
				if (character === '\r' || character === '\n' || (character === CTRL_D && typed.length === 0)) {
					finish(() => resolve(typed.join('')));
					return;
				}
				if (BACKSPACE.has(character)) {
					if (typed.pop() !== undefined) output.write('\b \b');
				} else if (character === CTRL_U) {
					output.write('\b \b'.repeat(typed.length));
					typed.length = 0;
				} else if (character >= ' ') {
					typed.push(character);
					output.write(options.mask ? '*' : character);
				}
			}
		};
		// Raw mode first: a key typed as soon as the question shows must not be echoed by the terminal.
		input.setRawMode(true);
		output.write(question);
		input.on('data', onData);
		input.resume();
	});
}

export function readSecret(terminal: PromptTerminal, question: string): Promise<string> {
	return readLine(terminal, question, {mask: true});
}

/** y/N: anything but y/yes is no. */
export async function confirm(terminal: PromptTerminal, question: string): Promise<boolean> {
	const answer = (await readLine(terminal, `${question} [y/N] `, {mask: false})).trim().toLowerCase();
	return answer === 'y' || answer === 'yes';
}

/** A number from 1 to `count`; an empty answer is no choice. Asks again after anything else. */
export async function chooseNumber(terminal: PromptTerminal, question: string, count: number): Promise<number | undefined> {
	for (;;) {
		const answer = (await readLine(terminal, question, {mask: false})).trim();
		if (answer === '') return undefined;
		const number = Number(answer);
		if (Number.isInteger(number) && number >= 1 && number <= count) return number;
		terminal.output.write(`Type a number from 1 to ${count}, or press Enter to stop.\n`);
	}
}
