/**
 * Backups as the user sees them: the list to pick from, and putting one back. A restore is an ordinary write
 * through `safeWrite` (locked, atomic, read back), and takes a backup of what it replaces, so it can be undone too.
 */
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {listBackups, type BackupEntry} from './backup-copies.js';
import {safeWrite, type WriteResult} from './safe-write.js';
import {shellPath, StoreError, storeErrorFrom} from './store-error.js';

export {listBackups, type BackupEntry};

const utf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true});

/** Writes the backup's bytes back to `file`; `backup` is an entry from `listBackups` or a backup file's path. */
export async function restoreBackup(
	file: string,
	backup: BackupEntry | string,
	options: {backupDir?: string; keepBackups?: number} = {},
): Promise<WriteResult> {
	const backupPath = path.resolve(typeof backup === 'string' ? backup : backup.path);
	let text: string;
	try {
		text = utf8.decode(await readFile(backupPath));
	} catch (error) {
		if ((error as {code?: unknown}).code === 'ENOENT') {
			throw new StoreError({
				code: 'STORE_BACKUP_NOT_FOUND',
				message: `Could not restore ${path.resolve(file)} (left unchanged): the backup ${backupPath} does not exist.`,
				fix: `Pick one of the backups listed by "sls-creds-wizard profile restore".`,
				path: path.resolve(file),
				cause: error instanceof Error ? error.message : String(error),
			});
		}
		if (error instanceof TypeError) {
			throw new StoreError({
				code: 'STORE_NOT_UTF8',
				message: `Could not restore ${path.resolve(file)} (left unchanged): the backup ${backupPath} is not UTF-8 text.`,
				fix: `Look at it with "less ${shellPath(backupPath)}" and copy back what you need by hand.`,
				path: path.resolve(file),
			});
		}
		throw storeErrorFrom(error, {path: path.resolve(file)});
	}
	return safeWrite({
		path: file,
		build: () => text,
		...(options.backupDir === undefined ? {} : {backupDir: options.backupDir}),
		...(options.keepBackups === undefined ? {} : {keepBackups: options.keepBackups}),
	});
}
