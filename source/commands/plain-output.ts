/** How the doctor's text reaches a terminal or a pipe: colour only where a person reads it and has not opted out. */
import type {Env} from '../gather/snapshot.js';

export function wantsColour(io: {stdout: NodeJS.WriteStream; env: Env}): boolean {
	if (!io.stdout.isTTY) return false;
	if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
	return io.env.FORCE_COLOR !== '0' && io.env.TERM !== 'dumb';
}

export function withNewline(text: string): string {
	return text.endsWith('\n') ? text : `${text}\n`;
}
