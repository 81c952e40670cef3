/**
 * The one path by which the program changes a file in ~/.aws (aws-files.md §7 rules 10–11, §8 "the bar"):
 * lock → read what is on disk now → build → backup → atomic replace → read back. Other tools rewrite these files
 * whole, in place, without backup; a crash or a second writer then loses profiles. Here a reader only ever sees the
 * old bytes or the new ones, two writers are serialised (the second builds on the first one's result), and every
 * failure before the rename leaves the file untouched.
 */
import {mkdir, readFile, stat, unlink} from 'node:fs/promises';
import path from 'node:path';
import {lock} from 'proper-lockfile';
import {leftoverTemps, replaceAtomically} from './atomic-replace.js';
import {BACKUP_SUFFIX, pruneBackups, saveBackup} from './backup-copies.js';
import {realTarget} from './real-target.js';
import {shellPath, StoreError, storeErrorFrom} from './store-error.js';

export interface SafeWriteInput {
	path: string;
	/**
	 * The new text from the text on disk at the moment of writing (undefined: no file); undefined means no change.
	 * Keep it pure: it may run more than once, and it runs while other writers wait.
	 */
	build: (current: string | undefined) => string | undefined;
	/** Where backups go; default: beside `path` (beside the link, not its target, when `path` is a symlink). */
	backupDir?: string;
	/** How many backups of this file to keep, newest first (default 10; 0 takes none). */
	keepBackups?: number;
}

export interface WriteResult {
	/** The path as given, made absolute. */
	path: string;
	/** The file actually written: `path` with every symlink resolved. */
	realPath: string;
	changed: boolean;
	/** The copy of the previous content, when there was one and the file changed. */
	backup?: string;
	/** The file did not exist before. */
	created: boolean;
	/** Permission bits of the file now (0 when there is no file). */
	mode: number;
	/** Set when group or others may read or write the file; kept as it was, never changed silently. */
	looseModeWarning?: string;
}

const DEFAULT_KEEP = 10;
/** A writer holds the lock for milliseconds; one killed while holding it is taken over after this long. */
const STALE_LOCK_MS = 10_000;
/** Longer than STALE_LOCK_MS, so a waiter outlives a dead writer's lock. */
const LOCK_WAIT_MS = 25_000;

/** An error thrown by the caller's `build`: passed on as it is, never mistaken for a file-system failure. */
class BuildFailure {
	constructor(readonly error: unknown) {}
}

interface Current {
	text: string;
	bytes: Buffer;
	mode: number;
	owner: {uid: number; gid: number};
}

const utf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true});

export async function safeWrite(input: SafeWriteInput): Promise<WriteResult> {
	const file = path.resolve(input.path);
	let lockPath: string | undefined;
	try {
		const realPath = await realTarget(file);
		lockPath = `${realPath}.lock`;
		return await writeTarget(input, file, realPath);
	} catch (error) {
		if (error instanceof BuildFailure) throw error.error;
		throw storeErrorFrom(error, {path: file, ...(lockPath === undefined ? {} : {lockPath})});
	}
}

async function writeTarget(input: SafeWriteInput, file: string, realPath: string): Promise<WriteResult> {
	const directory = path.dirname(realPath);
	if (!(await exists(directory))) {
		// Nothing to lock yet: create ~/.aws (0700) only when there is something to write into it.
		if (runBuild(input, undefined) === undefined) return {path: file, realPath, changed: false, created: false, mode: 0};
		await mkdir(directory, {recursive: true, mode: 0o700});
	}
	let lockLost: unknown;
	const release = await acquireLock(realPath, (error) => {
		lockLost = error;
	});
	try {
		await removeLeftovers(input, file, realPath);
		const current = await readCurrent(file, realPath);
		const next = runBuild(input, current?.text);
		if (next === undefined || next === current?.text) {
			return {path: file, realPath, changed: false, created: false, ...modeReport(file, current?.mode ?? 0)};
		}
		const keep = input.keepBackups ?? DEFAULT_KEEP;
		const backup = current && keep > 0 ? await saveBackup(file, current.bytes, input.backupDir) : undefined;
		const bytes = Buffer.from(next, 'utf8');
		try {
			await replaceAtomically(realPath, bytes, current ? {mode: current.mode, owner: current.owner} : {mode: 0o600});
		} catch (error) {
			// The file is unchanged, so its fresh copy is clutter that would push an older, different backup out.
			if (backup) await unlink(backup).catch(() => undefined);
			throw error;
		}
		await verify(file, realPath, bytes, backup, lockLost);
		if (backup) await pruneBackups(file, keep, input.backupDir);
		const mode = (await stat(realPath)).mode & 0o777;
		return {path: file, realPath, changed: true, ...(backup ? {backup} : {}), created: !current, ...modeReport(file, mode)};
	} finally {
		await release().catch(() => undefined);
	}
}

/** Temp files of writers killed mid-write (each holds a full copy of a secret-bearing file): ours, since we hold the lock. */
async function removeLeftovers(input: SafeWriteInput, file: string, realPath: string): Promise<void> {
	const backupDirectory = path.resolve(input.backupDir ?? path.dirname(file));
	const leftovers = [
		...leftoverTemps(path.dirname(realPath), path.basename(realPath)),
		...leftoverTemps(backupDirectory, path.basename(file), BACKUP_SUFFIX),
	];
	await Promise.all(leftovers.map(async (leftover) => unlink(leftover).catch(() => undefined)));
}

/**
 * Waits for the inter-process lock on the real file. proper-lockfile's own retries would also retry EACCES or
 * EROFS for the whole wait, so only "held by another writer" (ELOCKED) is waited out here.
 */
async function acquireLock(realPath: string, onCompromised: (error: Error) => void): Promise<() => Promise<void>> {
	const deadline = Date.now() + LOCK_WAIT_MS;
	for (let attempt = 0; ; attempt++) {
		try {
			return await lock(realPath, {realpath: false, stale: STALE_LOCK_MS, onCompromised});
		} catch (error) {
			if ((error as {code?: unknown}).code !== 'ELOCKED' || Date.now() >= deadline) throw error;
		}
		const delay = Math.min(500, 5 * 1.3 ** attempt) * (0.5 + Math.random());
		await new Promise((resolve) => setTimeout(resolve, delay));
	}
}

function runBuild(input: SafeWriteInput, current: string | undefined): string | undefined {
	let next: unknown;
	try {
		next = input.build(current);
	} catch (error) {
		throw new BuildFailure(error);
	}
	if (next !== undefined && typeof next !== 'string') throw new BuildFailure(new TypeError('safeWrite: build must return a string or undefined'));
	return next;
}

async function exists(directory: string): Promise<boolean> {
	try {
		await stat(directory);
		return true;
	} catch (error) {
		if ((error as {code?: unknown}).code === 'ENOENT') return false;
		throw error;
	}
}

async function readCurrent(file: string, realPath: string): Promise<Current | undefined> {
	let info;
	try {
		info = await stat(realPath);
	} catch (error) {
		if ((error as {code?: unknown}).code === 'ENOENT') return undefined;
		throw error;
	}
	if (info.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${realPath}'`), {code: 'EISDIR'});
	if (!info.isFile()) {
		// Renaming over /dev/null or a FIFO would replace it with a regular file.
		throw new StoreError({
			code: 'STORE_NOT_A_FILE',
			message: `Could not write ${file} (left unchanged): it is a ${kindOf(info)}, not a regular file.`,
			fix: `Point AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE at a regular file.`,
			path: file,
		});
	}
	const bytes = await readFile(realPath);
	let text: string;
	try {
		text = utf8.decode(bytes);
	} catch {
		// Decoding would replace the odd bytes with U+FFFD and the write would change lines nobody edited.
		throw new StoreError({
			code: 'STORE_NOT_UTF8',
			message: `Could not edit ${file} (left unchanged): it is not UTF-8 text, and rewriting it would change bytes outside the profile.`,
			fix: `Convert it to UTF-8 (for example "iconv -f latin1 -t utf-8 ${shellPath(realPath)} > ${shellPath(`${realPath}.utf8`)}", check it, then move it over the original), or edit it by hand.`,
			path: file,
		});
	}
	return {text, bytes, mode: info.mode & 0o7777, owner: {uid: info.uid, gid: info.gid}};
}

function kindOf(info: {isCharacterDevice(): boolean; isBlockDevice(): boolean; isFIFO(): boolean; isSocket(): boolean}): string {
	if (info.isCharacterDevice() || info.isBlockDevice()) return 'device';
	if (info.isFIFO()) return 'named pipe';
	if (info.isSocket()) return 'socket';
	return 'special file';
}

/** Success is reported only after the bytes on disk are the bytes meant (aws-files.md §8). */
async function verify(file: string, realPath: string, bytes: Buffer, backup: string | undefined, lockLost: unknown): Promise<void> {
	const written = await readFile(realPath);
	if (written.equals(bytes) && lockLost === undefined) return;
	const previous = backup ? ` The previous content is in ${backup}.` : '';
	throw new StoreError({
		code: 'STORE_VERIFY_FAILED',
		message:
			lockLost === undefined
				? `${file} reads back differently right after writing: another program changed it at the same moment.`
				: `${file} was written, but another writer took over its lock meanwhile, so it may hold that writer's version.`,
		fix: `Look at ${shellPath(file)} and run the command again.${previous}`,
		path: file,
		...(lockLost === undefined ? {} : {cause: lockLost instanceof Error ? lockLost.message : String(lockLost)}),
	});
}

function modeReport(file: string, mode: number): {mode: number; looseModeWarning?: string} {
	const bits = mode & 0o777;
	// Windows has no such bits; Node reports 0666 there for every writable file.
	if (process.platform === 'win32' || (bits & 0o077) === 0) return {mode: bits};
	const who = bits & 0o070 ? (bits & 0o007 ? 'its group and other users' : 'its group') : 'other users';
	const access = [bits & 0o044 ? 'read' : '', bits & 0o022 ? 'changed' : ''].filter(Boolean).join(' and ') || 'used';
	return {
		mode: bits,
		looseModeWarning: `${file} can be ${access} by ${who} (mode ${bits.toString(8).padStart(4, '0')}); fix: chmod 600 ${shellPath(file)}`,
	};
}
