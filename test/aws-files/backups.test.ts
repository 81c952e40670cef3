import {mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {pruneBackups, saveBackup} from '../../source/aws-files/backup-copies.js';
import {listBackups, restoreBackup} from '../../source/aws-files/backups.js';
import {safeWrite} from '../../source/aws-files/safe-write.js';
import {StoreError} from '../../source/aws-files/store-error.js';
import {useScratchHome} from './fixtures/scratch-home.js';

const scratch = useScratchHome();

function seed(file: string, text: string): void {
	mkdirSync(path.dirname(file), {recursive: true, mode: 0o700});
	writeFileSync(file, text, {mode: 0o600});
}

describe('listBackups', () => {
	it('lists newest first, with the time taken from the name, and a same-millisecond copy after its twin', async () => {
		seed(scratch.credentials, 'now\n');
		const early = new Date('2024-03-01T10:00:00.000Z');
		const late = new Date('2025-01-31T09:15:02.123Z');
		await saveBackup(scratch.credentials, Buffer.from('early\n'), undefined, early);
		await saveBackup(scratch.credentials, Buffer.from('late-1\n'), undefined, late);
		await saveBackup(scratch.credentials, Buffer.from('late-2\n'), undefined, late);
		await saveBackup(scratch.credentials, Buffer.from('late-3\n'), undefined, late);
		const entries = listBackups(scratch.credentials);
		expect(entries.map((entry) => entry.name)).toEqual([
			'credentials.2025-01-31T09-15-02-123Z-2.bak',
			'credentials.2025-01-31T09-15-02-123Z-1.bak',
			'credentials.2025-01-31T09-15-02-123Z.bak',
			'credentials.2024-03-01T10-00-00-000Z.bak',
		]);
		expect(entries.map((entry) => readFileSync(entry.path, 'utf8'))).toEqual(['late-3\n', 'late-2\n', 'late-1\n', 'early\n']);
		expect(entries[0]).toMatchObject({time: late, size: 'late-3\n'.length, path: path.join(scratch.aws, entries[0]?.name ?? '')});
		expect(entries.every((entry) => (statSync(entry.path).mode & 0o777) === 0o600)).toBe(true);
	});

	it.each([
		'credentials.bak',
		'credentials.2024',
		'credentials.1234567890',
		'config.2025-01-31T09-15-02-123Z.bak',
		'credentials.2025-01-31T09-15-02-123Z.bak.3141592653',
		'credentials.2025-13-31T09-15-02-123Z.bak',
		'credentials.2025-01-31T09-15-02-123Z-x.bak',
		'xcredentials.2025-01-31T09-15-02-123Z.bak',
	])('ignores %s (not a backup of this file, or a half-written copy)', (name) => {
		seed(path.join(scratch.aws, name), 'x');
		expect(listBackups(scratch.credentials)).toEqual([]);
	});

	it('ignores a directory that happens to have a backup name', () => {
		mkdirSync(path.join(scratch.aws, 'credentials.2025-01-31T09-15-02-123Z.bak'), {recursive: true});
		expect(listBackups(scratch.credentials)).toEqual([]);
	});

	it('is empty when the directory does not exist', () => {
		expect(listBackups(path.join(scratch.home, 'nowhere', 'credentials'))).toEqual([]);
	});

	it('keeps the backups of the credentials and config files apart', async () => {
		seed(scratch.credentials, 'c0\n');
		seed(scratch.config, 'k0\n');
		await safeWrite({path: scratch.credentials, build: () => 'c1\n'});
		await safeWrite({path: scratch.config, build: () => 'k1\n'});
		expect(listBackups(scratch.credentials).map((entry) => readFileSync(entry.path, 'utf8'))).toEqual(['c0\n']);
		expect(listBackups(scratch.config).map((entry) => readFileSync(entry.path, 'utf8'))).toEqual(['k0\n']);
	});
});

describe('pruneBackups', () => {
	it('removes all but the newest N and nothing else', async () => {
		seed(scratch.credentials, 'now\n');
		seed(path.join(scratch.aws, 'credentials.bak'), 'user copy\n');
		for (let day = 1; day <= 5; day++) {
			await saveBackup(scratch.credentials, Buffer.from(`day ${day}\n`), undefined, new Date(Date.UTC(2025, 0, day)));
		}
		await pruneBackups(scratch.credentials, 2);
		expect(listBackups(scratch.credentials).map((entry) => readFileSync(entry.path, 'utf8'))).toEqual(['day 5\n', 'day 4\n']);
		expect(readdirSync(scratch.aws)).toContain('credentials.bak');
	});
});

describe('restoreBackup', () => {
	it('puts a backup back through safeWrite, backing up what it replaces', async () => {
		seed(scratch.credentials, '# first\n[a]\n');
		await safeWrite({path: scratch.credentials, build: () => '[b]\n'});
		const [backup] = listBackups(scratch.credentials);
		if (!backup) throw new Error('no backup');
		const result = await restoreBackup(scratch.credentials, backup);
		expect(readFileSync(scratch.credentials, 'utf8')).toBe('# first\n[a]\n');
		expect(result).toMatchObject({changed: true, created: false, mode: 0o600});
		expect(readFileSync(result.backup ?? '', 'utf8')).toBe('[b]\n');
		// The restore can itself be undone.
		await restoreBackup(scratch.credentials, result.backup ?? '');
		expect(readFileSync(scratch.credentials, 'utf8')).toBe('[b]\n');
	});

	it('keeps the bytes exactly (BOM, CRLF, no final newline)', async () => {
		const odd = '\uFEFF[default]\r\nregion = eu-west-1\r\n\r\n# end';
		seed(scratch.credentials, odd);
		await safeWrite({path: scratch.credentials, build: () => '[x]\n'});
		await restoreBackup(scratch.credentials, listBackups(scratch.credentials)[0]?.path ?? '');
		expect(readFileSync(scratch.credentials)).toEqual(Buffer.from(odd, 'utf8'));
	});

	it('restores through a symlink to its target', async () => {
		const target = path.join(scratch.home, 'dotfiles', 'credentials');
		seed(target, '[a]\n');
		mkdirSync(scratch.aws, {recursive: true, mode: 0o700});
		symlinkSync(target, scratch.credentials);
		await safeWrite({path: scratch.credentials, build: () => '[b]\n'});
		const result = await restoreBackup(scratch.credentials, listBackups(scratch.credentials)[0]?.path ?? '');
		expect(result.realPath).toBe(target);
		expect(readFileSync(target, 'utf8')).toBe('[a]\n');
	});

	it('recreates a deleted file from its backup', async () => {
		seed(scratch.credentials, '[a]\n');
		await safeWrite({path: scratch.credentials, build: () => '[b]\n'});
		const backup = listBackups(scratch.credentials)[0]?.path ?? '';
		rmSync(scratch.credentials);
		const result = await restoreBackup(scratch.credentials, backup);
		expect(result).toMatchObject({changed: true, created: true, mode: 0o600});
		expect(readFileSync(scratch.credentials, 'utf8')).toBe('[a]\n');
	});

	it('changes nothing when the file already holds the backup', async () => {
		seed(scratch.credentials, '[a]\n');
		await safeWrite({path: scratch.credentials, build: () => '[b]\n'});
		const backup = listBackups(scratch.credentials)[0]?.path ?? '';
		await restoreBackup(scratch.credentials, backup);
		const again = await restoreBackup(scratch.credentials, backup);
		expect(again.changed).toBe(false);
	});

	it('refuses a backup that does not exist, leaving the file alone', async () => {
		seed(scratch.credentials, '[a]\n');
		const missing = path.join(scratch.aws, 'credentials.2025-01-31T09-15-02-123Z.bak');
		const error: unknown = await restoreBackup(scratch.credentials, missing).catch((reason: unknown) => reason);
		expect(error).toBeInstanceOf(StoreError);
		expect(error).toMatchObject({code: 'STORE_BACKUP_NOT_FOUND', message: `Could not restore ${scratch.credentials} (left unchanged): the backup ${missing} does not exist.`});
		expect(readFileSync(scratch.credentials, 'utf8')).toBe('[a]\n');
	});

	it('refuses a backup that is not UTF-8 text', async () => {
		seed(scratch.credentials, '[a]\n');
		const odd = path.join(scratch.aws, 'credentials.2025-01-31T09-15-02-123Z.bak');
		writeFileSync(odd, Buffer.from([0x5b, 0xff, 0x5d, 0x0a]));
		await expect(restoreBackup(scratch.credentials, odd)).rejects.toMatchObject({code: 'STORE_NOT_UTF8'});
		expect(readFileSync(scratch.credentials, 'utf8')).toBe('[a]\n');
	});
});
