/**
 * Where `profile` writes what it has to say: results and diffs on stdout, warnings and errors on stderr, JSON as
 * one document. Everything passes through a last scrub of the exact secret values this run handled: the diff and
 * the messages are built masked already, so this only matters if some text (an error from a library) quotes one.
 */
import {scrubKnownSecrets} from '../aws/mask-text.js';
import {PROGRAM} from './usage.js';

export interface ProfileIo {
	cwd: string;
	env: Readonly<Record<string, string | undefined>>;
	stdin: NodeJS.ReadStream;
	stdout: NodeJS.WriteStream;
	stderr: NodeJS.WriteStream;
	toolVersion: string;
}

/** A failure the user can act on: what happened, the system's cause, and the fix. */
export interface ProfileFailure {
	code: string;
	message: string;
	cause?: string;
	fix: string;
}

export class ProfileOutput {
	readonly #io: ProfileIo;
	readonly #secrets = new Set<string>();

	constructor(io: ProfileIo) {
		this.#io = io;
	}

	/** Raw values typed, piped or passed in this run: never to be printed. */
	rememberSecret(value: string | undefined): void {
		if (value !== undefined && value.trim().length >= 4) {
			this.#secrets.add(value);
			this.#secrets.add(value.trim());
		}
	}

	scrub(text: string): string {
		return scrubKnownSecrets(text, [...this.#secrets].sort((a, b) => b.length - a.length));
	}

	out(text = ''): void {
		this.#io.stdout.write(this.scrub(text.endsWith('\n') ? text : `${text}\n`));
	}

	err(text: string): void {
		this.#io.stderr.write(this.scrub(text.endsWith('\n') ? text : `${text}\n`));
	}

	warn(text: string): void {
		this.err(`${PROGRAM}: warning: ${text}`);
	}

	json(value: unknown): void {
		this.out(`${JSON.stringify(value, null, 2)}`);
	}

	/** One line: message, (cause,) fix — the shape every other failure of this tool has. */
	failure(failure: ProfileFailure): void {
		const message = failure.cause ? `${failure.message.replace(/\.$/, '')} (${failure.cause.replace(/\.$/, '')}).` : failure.message;
		this.err(`${PROGRAM}: ${message} ${failure.fix}`);
	}
}

/** `0600`: the way `ls -l` users and `chmod` read modes. */
export function octalMode(mode: number): string {
	return (mode & 0o7777).toString(8).padStart(4, '0');
}
