/**
 * How an error reaches the user: a mistake they can fix is one line plus the fix and no stack; anything else is a
 * bug, shown with its stack only under --debug.
 */
import {PROGRAM} from './usage.js';

export interface FailureText {
	text: string;
	exitCode: number;
}

interface FixableError {
	message: string;
	fix: string;
	cause?: unknown;
}

function isFixable(error: unknown): error is FixableError {
	return error instanceof Error && typeof (error as {fix?: unknown}).fix === 'string';
}

export function failureText(error: unknown, debug: boolean): FailureText {
	if (isFixable(error)) {
		const cause = typeof error.cause === 'string' && error.cause !== '' ? ` (${error.cause})` : '';
		const stack = debug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
		return {text: `${PROGRAM}: ${error.message}${cause} ${error.fix}${stack}\n`, exitCode: 2};
	}
	const message = error instanceof Error ? error.message : String(error);
	const detail = debug
		? `\n${error instanceof Error ? (error.stack ?? message) : message}`
		: ` Run again with --debug for the stack trace, and report it as a bug.`;
	return {text: `${PROGRAM}: unexpected error: ${message.replace(/\.$/, "")}.${detail}\n`, exitCode: 1};
}
