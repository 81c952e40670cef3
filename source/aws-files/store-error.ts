/**
 * Why the profile store could not write a file, in the user's words: what failed, the system's own error as the
 * cause, and the fix. Every failure before the final rename leaves the file exactly as it was, and the message says
 * so — the one thing a person whose ~/.aws just failed to save wants to know first.
 */
import path from 'node:path';

export type StoreErrorCode =
	| 'STORE_READ_ONLY'
	| 'STORE_PERMISSION_DENIED'
	| 'STORE_IS_DIRECTORY'
	| 'STORE_NOT_A_FILE'
	| 'STORE_NOT_A_DIRECTORY'
	| 'STORE_DISK_FULL'
	| 'STORE_SYMLINK_LOOP'
	| 'STORE_LOCKED'
	| 'STORE_NOT_UTF8'
	| 'STORE_VERIFY_FAILED'
	| 'STORE_BACKUP_NOT_FOUND'
	| 'STORE_WRITE_FAILED';

export class StoreError extends Error {
	readonly code: StoreErrorCode;
	readonly fix: string;
	/** The file the user asked to write (as given, before symlinks are resolved). */
	readonly path: string;
	declare readonly cause: string | undefined;

	constructor(input: {code: StoreErrorCode; message: string; fix: string; path: string; cause?: string}) {
		super(oneLine(input.message), input.cause === undefined ? undefined : {cause: oneLine(input.cause)});
		this.name = 'StoreError';
		this.code = input.code;
		this.fix = oneLine(input.fix);
		this.path = input.path;
	}

	/** Message, cause and fix, one line each. */
	lines(): string[] {
		return [this.message, ...(this.cause ? [`Cause: ${this.cause}`] : []), `Fix: ${this.fix}`];
	}
}

function oneLine(text: string): string {
	return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** Single-quoted for a POSIX shell when it holds anything a shell would read specially. */
export function shellPath(file: string): string {
	return /^[\w@%+=:,./-]+$/.test(file) ? file : `'${file.replaceAll("'", `'\\''`)}'`;
}

function errnoCode(error: unknown): string | undefined {
	const code = (error as {code?: unknown} | null)?.code;
	return typeof code === 'string' ? code : undefined;
}

function causeOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * Maps a file-system error met while writing `file` to a StoreError (a StoreError passes through). `lockPath` is
 * where the inter-process lock lives, named in the fix for a lock that is never released.
 */
export function storeErrorFrom(error: unknown, context: {path: string; lockPath?: string}): StoreError {
	if (error instanceof StoreError) return error;
	const file = context.path;
	const quoted = shellPath(file);
	const directory = shellPath(path.dirname(file));
	const cause = causeOf(error);
	const unchanged = `Could not write ${file} (left unchanged)`;
	const make = (code: StoreErrorCode, message: string, fix: string) => new StoreError({code, message, fix, path: file, cause});
	switch (errnoCode(error)) {
		case 'EROFS':
			return make(
				'STORE_READ_ONLY',
				`${unchanged}: the file system is read-only.`,
				`Remount it read-write, or keep the file on a writable disk and point AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE at it.`,
			);
		case 'EACCES':
		case 'EPERM':
			return make(
				'STORE_PERMISSION_DENIED',
				`${unchanged}: permission denied.`,
				`See who owns it with "ls -ld ${directory} ${quoted}"; if sudo created it, take it back with "sudo chown -R "$(id -un)" ${directory}".`,
			);
		case 'EISDIR':
			return make(
				'STORE_IS_DIRECTORY',
				`${unchanged}: it is a directory, not a file.`,
				`Move the directory ${quoted} out of the way, or point AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE at a file.`,
			);
		case 'ENOTDIR':
			return make(
				'STORE_NOT_A_DIRECTORY',
				`${unchanged}: part of its directory path is a file, not a directory.`,
				`Check each part of the path with "ls -ld ${directory}" and move the file that is in the way.`,
			);
		case 'ENOSPC':
		case 'EDQUOT':
			return make(
				'STORE_DISK_FULL',
				`${unchanged}: the disk is full.`,
				`Free some space on the disk that holds it ("df -h ${directory}" shows how much is left), then run the command again.`,
			);
		case 'ELOOP':
			return make(
				'STORE_SYMLINK_LOOP',
				`${unchanged}: its symbolic links point at each other in a loop.`,
				`Look at the links with "ls -l ${quoted}" and point them at a real file.`,
			);
		case 'ELOCKED': {
			const lock = shellPath(context.lockPath ?? `${file}.lock`);
			return make(
				'STORE_LOCKED',
				`${unchanged}: another program has been writing it for too long (lock ${lock}).`,
				`Wait for the other sls-creds-wizard to finish and run the command again; if none is running, remove the lock with "rmdir ${lock}".`,
			);
		}
		default:
			return make(
				'STORE_WRITE_FAILED',
				`${unchanged}.`,
				`Check the file and its directory ("ls -ld ${directory} ${quoted}"), fix what the cause names, and run the command again.`,
			);
	}
}
