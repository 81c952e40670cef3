/**
 * Replaces a file so that a reader, a crash or a full disk only ever leaves the old bytes or the new ones: write a
 * temp file beside the target, check every byte landed, fsync, rename over the target, fsync the directory.
 *
 * Not write-file-atomic: it issues one `write` and ignores the count returned, and on a filling disk `write(2)`
 * returns a short count without an error — the truncated temp file is then renamed over the good one (seen here
 * with a 256 KB tmpfs; also coder/xum#4282). `FileHandle.writeFile` loops until every byte is written or throws.
 */
import {randomBytes} from 'node:crypto';
import {readdirSync} from 'node:fs';
import {open, rename, unlink} from 'node:fs/promises';
import path from 'node:path';

export interface ReplaceOptions {
	/** Permission bits of the new file (umask does not apply). */
	mode: number;
	/** Owner to hand the file back to when running as root (a `sudo` run must not take over the user's file). */
	owner?: {uid: number; gid: number};
}

/** `.<name>.tmp-<pid>-<8 hex>`: hidden, and recognisable as ours when a killed writer leaves one behind. */
function tempName(target: string): string {
	return path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}

export async function replaceAtomically(target: string, bytes: Uint8Array, options: ReplaceOptions): Promise<void> {
	const temp = tempName(target);
	const handle = await open(temp, 'wx', options.mode);
	let renamed = false;
	try {
		try {
			await handle.writeFile(bytes);
			if ((await handle.stat()).size !== bytes.byteLength) {
				throw Object.assign(new Error(`EIO: short write, write '${temp}'`), {code: 'EIO'});
			}
			const owner = options.owner;
			if (owner && process.getuid?.() === 0) await handle.chown(owner.uid, owner.gid);
			await handle.chmod(options.mode);
			await handle.sync();
		} finally {
			await handle.close();
		}
		await rename(temp, target);
		renamed = true;
	} finally {
		if (!renamed) await unlink(temp).catch(() => undefined);
	}
	await syncDirectory(path.dirname(target));
}

/** Makes the rename itself durable; some file systems (and Windows) refuse to fsync a directory, which is fine. */
async function syncDirectory(directory: string): Promise<void> {
	try {
		const handle = await open(directory, 'r');
		try {
			await handle.sync();
		} finally {
			await handle.close();
		}
	} catch {
		// Best effort only: the data itself is already synced.
	}
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Temp files that killed writers of `name` (followed by `suffix`, a regular expression source) left in
 * `directory`. Call only while holding the lock of the file they belong to: then no live writer owns one.
 */
export function leftoverTemps(directory: string, name: string, suffix = ''): string[] {
	const pattern = new RegExp(`^\\.${escapeRegExp(name)}${suffix}\\.tmp-\\d+-[0-9a-f]{8}$`);
	let entries: string[];
	try {
		entries = readdirSync(directory);
	} catch {
		return [];
	}
	return entries.filter((entry) => pattern.test(entry)).map((entry) => path.join(directory, entry));
}
