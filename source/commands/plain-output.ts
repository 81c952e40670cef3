/** How the doctor's text reaches a terminal or a pipe: colour only where a person reads it and has not opted out. */
import type {Env} from '../gather/snapshot.js';

/**
 * NO_COLOR (any non-empty value) wins; then FORCE_COLOR decides when set (`0`/`false` off, anything else on, even into
 * a pipe, as chalk and most CLIs read it); otherwise colour only on a terminal that is not `dumb`.
 */
export function wantsColour(io: {stdout: {isTTY?: boolean}; env: Env}): boolean {
	if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
	const force = io.env.FORCE_COLOR;
	if (force !== undefined) return force !== '0' && force !== 'false';
	return Boolean(io.stdout.isTTY) && io.env.TERM !== 'dumb';
}

export function withNewline(text: string): string {
	return text.endsWith('\n') ? text : `${text}\n`;
}
