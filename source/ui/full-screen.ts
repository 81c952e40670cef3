/**
 * Running an Ink app on the terminal's alternate screen and always giving the normal screen back, whatever ends
 * the program (spec/toolchain.md §5: ink 6.8 has no alternateScreen option). The order matters: unmount Ink first
 * so its last frame lands on the alternate screen and vanishes with it, then leave, then print or exit.
 */
import type {Instance} from 'ink';

export const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h\u001B[H';
/** Ink hides the cursor; show it again in case Ink never got to. */
export const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l\u001B[?25h';

/** Switches to the alternate screen (only on a TTY) and returns an idempotent `leave()`. */
export function enterAlternateScreen(stdout: NodeJS.WriteStream): () => void {
	if (!stdout.isTTY) return () => {};
	stdout.write(ENTER_ALTERNATE_SCREEN);
	let left = false;
	return () => {
		if (left) return;
		left = true;
		stdout.write(LEAVE_ALTERNATE_SCREEN);
	};
}

export interface FullScreenOptions {
	stdout: NodeJS.WriteStream;
	stderr: NodeJS.WriteStream;
	/** How to end the process from a signal or a crash (tests pass their own). */
	exit?: (code: number) => void;
	/** Text for an error that escaped everything, printed on the normal screen after leaving. */
	describeCrash?: (error: unknown) => string;
}

/** Exit codes for deaths by signal: 128 + the signal number, as shells report them. */
const signalCodes = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129} as const;

/**
 * Enters the alternate screen, mounts the app with `start()` and waits until it exits. Signals and uncaught errors
 * unmount, leave the alternate screen and end the process with the conventional code; a normal exit or a render
 * error returns (or rethrows) after leaving, so the caller prints on the normal screen.
 */
export async function runFullScreen(start: () => Instance, options: FullScreenOptions): Promise<void> {
	const {stdout, stderr} = options;
	const exit = options.exit ?? ((code: number) => process.exit(code));
	const describeCrash = options.describeCrash ?? ((error: unknown) => `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	const leave = enterAlternateScreen(stdout);
	let instance: Instance | undefined;
	const unmount = () => {
		try {
			instance?.unmount();
		} catch {
			// Already unmounted, or Ink itself is what broke: leaving the alternate screen matters more.
		}
	};
	const onSignal = (signal: keyof typeof signalCodes) => {
		unmount();
		leave();
		exit(signalCodes[signal]);
	};
	const onCrash = (error: unknown) => {
		unmount();
		leave();
		stderr.write(describeCrash(error));
		exit(1);
	};
	const handlers = [
		['SIGINT', () => onSignal('SIGINT')],
		['SIGTERM', () => onSignal('SIGTERM')],
		['SIGHUP', () => onSignal('SIGHUP')],
		['uncaughtException', onCrash],
		['unhandledRejection', onCrash],
		// Synchronous backstop for a process.exit() from anywhere: the write is synchronous on a TTY.
		['exit', leave],
	] as const;
	for (const [event, handler] of handlers) process.on(event, handler);
	try {
		instance = start();
		await instance.waitUntilExit();
	} finally {
		unmount();
		leave();
		for (const [event, handler] of handlers) process.off(event, handler);
	}
}
