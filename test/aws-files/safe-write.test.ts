import {execFileSync} from 'node:child_process';
import {chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, lstatSync, statSync, symlinkSync, utimesSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {lock} from 'proper-lockfile';
import {describe, expect, it} from 'vitest';
import {listBackups} from '../../source/aws-files/backups.js';
import {safeWrite} from '../../source/aws-files/safe-write.js';
import {StoreError} from '../../source/aws-files/store-error.js';
import {useScratchHome} from './fixtures/scratch-home.js';

const scratch = useScratchHome();

const SECTION = '[dev]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n';

function permissions(file: string): number {
	return statSync(file).mode & 0o777;
}

function seed(file: string, text: string | Buffer, mode = 0o600): void {
	mkdirSync(path.dirname(file), {recursive: true, mode: 0o700});
	writeFileSync(file, text);
	chmodSync(file, mode);
}

function append(addition: string): (current: string | undefined) => string {
	return (current) => `${current ?? ''}${addition}`;
}

async function storeErrorOf(promise: Promise<unknown>): Promise<StoreError> {
	const error: unknown = await promise.then(
		() => undefined,
		(reason: unknown) => reason,
	);
	if (!(error instanceof StoreError)) throw new Error(`expected a StoreError, got ${String(error)}`);
	return error;
}

describe('safeWrite: new files', () => {
	it('creates ~/.aws 0700 and the file 0600, and reports it created', async () => {
		const result = await safeWrite({path: scratch.credentials, build: () => SECTION});
		expect(readFileSync(scratch.credentials, 'utf8')).toBe(SECTION);
		expect(permissions(scratch.aws)).toBe(0o700);
		expect(permissions(scratch.credentials)).toBe(0o600);
		expect(result).toEqual({path: scratch.credentials, realPath: scratch.credentials, changed: true, created: true, mode: 0o600});
		expect(readdirSync(scratch.aws)).toEqual(['credentials']);
	});

	it('creates every missing directory 0700 for a file named by AWS_SHARED_CREDENTIALS_FILE', async () => {
		const file = path.join(scratch.home, 'project', 'secrets', 'aws-credentials');
		await safeWrite({path: file, build: () => SECTION});
		expect(permissions(path.join(scratch.home, 'project'))).toBe(0o700);
		expect(permissions(path.join(scratch.home, 'project', 'secrets'))).toBe(0o700);
		expect(permissions(file)).toBe(0o600);
	});

	it('creates nothing, not even ~/.aws, when there is nothing to write', async () => {
		const seen: Array<string | undefined> = [];
		const result = await safeWrite({
			path: scratch.credentials,
			build: (current) => {
				seen.push(current);
				return undefined;
			},
		});
		expect(result).toEqual({path: scratch.credentials, realPath: scratch.credentials, changed: false, created: false, mode: 0});
		expect(seen).toEqual([undefined]);
		expect(existsSync(scratch.aws)).toBe(false);
	});

	it('resolves a relative path', async () => {
		const result = await safeWrite({path: path.relative(process.cwd(), scratch.credentials), build: () => SECTION});
		expect(result.path).toBe(scratch.credentials);
	});
});

describe('safeWrite: existing files', () => {
	it('hands build the exact text on disk and writes exactly what it returns (BOM, CRLF, no final newline)', async () => {
		const original = '\uFEFF# mine\r\n[default]\r\naws_access_key_id = AKIAIOSFODNN7EXAMPLE ; keep\r\n\r\n[x]\tkey=v';
		seed(scratch.credentials, original);
		const seen: Array<string | undefined> = [];
		await safeWrite({
			path: scratch.credentials,
			build: (current) => {
				seen.push(current);
				return `${current}\r\n\r\n${SECTION}`;
			},
		});
		expect(seen).toEqual([original]);
		expect(readFileSync(scratch.credentials)).toEqual(Buffer.from(`${original}\r\n\r\n${SECTION}`, 'utf8'));
	});

	it('replaces the file by rename (a new inode), never rewriting it in place', async () => {
		seed(scratch.credentials, '[a]\n');
		const before = statSync(scratch.credentials).ino;
		await safeWrite({path: scratch.credentials, build: append(SECTION)});
		expect(statSync(scratch.credentials).ino).not.toBe(before);
	});

	it.each([
		{mode: 0o600, warning: undefined},
		{mode: 0o400, warning: undefined},
		{mode: 0o640, warning: 'can be read by its group (mode 0640); fix: chmod 600 '},
		{mode: 0o644, warning: 'can be read by its group and other users (mode 0644); fix: chmod 600 '},
		{mode: 0o606, warning: 'can be read and changed by other users (mode 0606); fix: chmod 600 '},
	])('keeps mode $mode as it was and reports it when loose', async ({mode, warning}) => {
		seed(scratch.credentials, '[a]\n', mode);
		const result = await safeWrite({path: scratch.credentials, build: append(SECTION)});
		expect(permissions(scratch.credentials)).toBe(mode);
		expect(result.mode).toBe(mode);
		if (warning === undefined) expect(result.looseModeWarning).toBeUndefined();
		else expect(result.looseModeWarning).toBe(`${scratch.credentials} ${warning}${scratch.credentials}`);
	});

	it('reports a loose mode even when nothing changes', async () => {
		seed(scratch.credentials, '[a]\n', 0o644);
		const result = await safeWrite({path: scratch.credentials, build: () => undefined});
		expect(result).toMatchObject({changed: false, mode: 0o644, looseModeWarning: expect.stringContaining('chmod 600') as unknown});
	});

	it('keeps the owner (a root-run write hands the file back to the user who owns it)', async () => {
		seed(scratch.credentials, '[a]\n');
		const root = process.getuid?.() === 0;
		if (root) chownSync(scratch.credentials, 65_534, 65_534);
		const before = statSync(scratch.credentials);
		await safeWrite({path: scratch.credentials, build: append(SECTION)});
		const after = statSync(scratch.credentials);
		expect({uid: after.uid, gid: after.gid}).toEqual({uid: before.uid, gid: before.gid});
	});

	it.each([
		{what: 'build returns undefined', build: () => undefined},
		{what: 'build returns the same text', build: (current: string | undefined) => current},
	])('leaves the file alone when $what: no write, no backup', async ({build}) => {
		seed(scratch.credentials, '[a]\n');
		utimesSync(scratch.credentials, new Date(2020, 0, 1), new Date(2020, 0, 1));
		const before = statSync(scratch.credentials);
		const result = await safeWrite({path: scratch.credentials, build});
		const after = statSync(scratch.credentials);
		expect(result.changed).toBe(false);
		expect(result.backup).toBeUndefined();
		expect({ino: after.ino, mtime: after.mtimeMs}).toEqual({ino: before.ino, mtime: before.mtimeMs});
		expect(readdirSync(scratch.aws)).toEqual(['credentials']);
	});

	it('passes an error thrown by build on as it is, with the file, backups and lock untouched', async () => {
		seed(scratch.credentials, '[a]\n');
		const refusal = new Error('Profile "a" is already configured');
		await expect(safeWrite({path: scratch.credentials, build: () => {
			throw refusal;
		}})).rejects.toBe(refusal);
		expect(readFileSync(scratch.credentials, 'utf8')).toBe('[a]\n');
		expect(readdirSync(scratch.aws)).toEqual(['credentials']);
	});

	it('rejects a build that returns something other than text', async () => {
		seed(scratch.credentials, '[a]\n');
		await expect(safeWrite({path: scratch.credentials, build: () => 42 as unknown as string})).rejects.toThrow(TypeError);
		expect(readFileSync(scratch.credentials, 'utf8')).toBe('[a]\n');
	});
});

describe('safeWrite: backups', () => {
	it('copies the previous content to a 0600 backup beside the file, whatever the file mode', async () => {
		seed(scratch.credentials, '[old]\n', 0o644);
		const result = await safeWrite({path: scratch.credentials, build: () => SECTION});
		expect(result.backup).toMatch(/\/credentials\.\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.bak$/);
		expect(path.dirname(result.backup ?? '')).toBe(scratch.aws);
		expect(readFileSync(result.backup ?? '', 'utf8')).toBe('[old]\n');
		expect(permissions(result.backup ?? '')).toBe(0o600);
	});

	it('keeps the newest N backups, newest first', async () => {
		seed(scratch.credentials, 'v0\n');
		for (let version = 1; version <= 6; version++) {
			await safeWrite({path: scratch.credentials, build: () => `v${version}\n`, keepBackups: 3});
		}
		const backups = listBackups(scratch.credentials);
		expect(backups.map((entry) => readFileSync(entry.path, 'utf8'))).toEqual(['v5\n', 'v4\n', 'v3\n']);
		expect(readdirSync(scratch.aws).filter((name) => name.endsWith('.bak'))).toHaveLength(3);
	});

	it('keeps 10 by default', async () => {
		seed(scratch.credentials, 'v0\n');
		for (let version = 1; version <= 12; version++) await safeWrite({path: scratch.credentials, build: () => `v${version}\n`});
		expect(listBackups(scratch.credentials)).toHaveLength(10);
	});

	it('puts backups in backupDir (created 0700) when given', async () => {
		seed(scratch.credentials, '[old]\n');
		const backupDir = path.join(scratch.home, 'backups', 'aws');
		const result = await safeWrite({path: scratch.credentials, build: () => SECTION, backupDir});
		expect(path.dirname(result.backup ?? '')).toBe(backupDir);
		expect(permissions(backupDir)).toBe(0o700);
		expect(listBackups(scratch.credentials, backupDir).map((entry) => entry.path)).toEqual([result.backup]);
		expect(readdirSync(scratch.aws)).toEqual(['credentials']);
	});

	it('takes no backup with keepBackups 0, and none of a file that did not exist', async () => {
		await safeWrite({path: scratch.credentials, build: () => '[a]\n'});
		const result = await safeWrite({path: scratch.credentials, build: () => '[b]\n', keepBackups: 0});
		expect(result.backup).toBeUndefined();
		expect(readdirSync(scratch.aws)).toEqual(['credentials']);
	});
});

describe('safeWrite: symlinks', () => {
	it('writes through a link to its target and leaves the link a link', async () => {
		const target = path.join(scratch.home, 'dotfiles', 'aws', 'credentials');
		seed(target, '[a]\n', 0o640);
		mkdirSync(scratch.aws, {mode: 0o700});
		symlinkSync(target, scratch.credentials);
		const result = await safeWrite({path: scratch.credentials, build: append(SECTION)});
		expect(lstatSync(scratch.credentials).isSymbolicLink()).toBe(true);
		expect(readFileSync(target, 'utf8')).toBe(`[a]\n${SECTION}`);
		expect(permissions(target)).toBe(0o640);
		expect(result).toMatchObject({path: scratch.credentials, realPath: target, changed: true, created: false, mode: 0o640});
		// The backup stays in ~/.aws, out of a dotfiles repository that may be pushed somewhere.
		expect(path.dirname(result.backup ?? '')).toBe(scratch.aws);
		expect(readdirSync(path.dirname(target))).toEqual(['credentials']);
	});

	it('follows a chain of relative links', async () => {
		const real = path.join(scratch.home, 'store', 'real');
		seed(real, '[a]\n');
		mkdirSync(scratch.aws, {mode: 0o700});
		symlinkSync('../store/real', path.join(scratch.aws, 'middle'));
		symlinkSync('middle', scratch.credentials);
		const result = await safeWrite({path: scratch.credentials, build: append(SECTION)});
		expect(result.realPath).toBe(real);
		expect(readFileSync(real, 'utf8')).toBe(`[a]\n${SECTION}`);
		expect(lstatSync(path.join(scratch.aws, 'middle')).isSymbolicLink()).toBe(true);
	});

	it('creates the target of a dangling link (0600), not a file in place of the link', async () => {
		const target = path.join(scratch.home, 'dotfiles', 'credentials');
		mkdirSync(path.dirname(target), {recursive: true});
		mkdirSync(scratch.aws, {mode: 0o700});
		symlinkSync(target, scratch.credentials);
		const result = await safeWrite({path: scratch.credentials, build: () => SECTION});
		expect(lstatSync(scratch.credentials).isSymbolicLink()).toBe(true);
		expect(readFileSync(target, 'utf8')).toBe(SECTION);
		expect(permissions(target)).toBe(0o600);
		expect(result).toMatchObject({realPath: target, created: true});
	});

	it('writes through a linked ~/.aws directory', async () => {
		const realDirectory = path.join(scratch.home, 'synced', 'aws');
		seed(path.join(realDirectory, 'credentials'), '[a]\n');
		symlinkSync(realDirectory, scratch.aws);
		const result = await safeWrite({path: scratch.credentials, build: append(SECTION)});
		expect(result.realPath).toBe(path.join(realDirectory, 'credentials'));
		expect(readFileSync(path.join(realDirectory, 'credentials'), 'utf8')).toBe(`[a]\n${SECTION}`);
	});
});

describe('safeWrite: the lock', () => {
	it('makes a second writer wait, then build on what the first one wrote', async () => {
		seed(scratch.credentials, '[a]\n');
		const release = await lock(scratch.credentials, {realpath: false});
		const seen: Array<string | undefined> = [];
		const waiting = safeWrite({
			path: scratch.credentials,
			build: (current) => {
				seen.push(current);
				return `${current ?? ''}[c]\n`;
			},
		});
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(seen).toEqual([]);
		// The lock holder writes, then lets go.
		writeFileSync(scratch.credentials, '[a]\n[b]\n');
		await release();
		const result = await waiting;
		expect(seen).toEqual(['[a]\n[b]\n']);
		expect(readFileSync(scratch.credentials, 'utf8')).toBe('[a]\n[b]\n[c]\n');
		expect(readFileSync(result.backup ?? '', 'utf8')).toBe('[a]\n[b]\n');
	});

	it('takes over the lock of a writer that died long ago', async () => {
		seed(scratch.credentials, '[a]\n');
		const lockDirectory = `${scratch.credentials}.lock`;
		mkdirSync(lockDirectory);
		utimesSync(lockDirectory, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
		const started = Date.now();
		await safeWrite({path: scratch.credentials, build: append('[b]\n')});
		expect(Date.now() - started).toBeLessThan(2_000);
		expect(readFileSync(scratch.credentials, 'utf8')).toBe('[a]\n[b]\n');
		expect(existsSync(lockDirectory)).toBe(false);
	});

	it('locks the real file, so writers through a link and through the target take turns', async () => {
		const target = path.join(scratch.home, 'real-credentials');
		seed(target, '');
		mkdirSync(scratch.aws, {mode: 0o700});
		symlinkSync(target, scratch.credentials);
		await Promise.all(
			Array.from({length: 10}, async (_, index) =>
				safeWrite({path: index % 2 ? target : scratch.credentials, build: append(`[p${index}]\n`)}),
			),
		);
		const names = readFileSync(target, 'utf8').trim().split('\n').sort();
		expect(names).toEqual(Array.from({length: 10}, (_, index) => `[p${index}]`).sort());
		expect(existsSync(`${target}.lock`)).toBe(false);
	});
});

describe('safeWrite: files it refuses to touch', () => {
	it('a directory in place of the file', async () => {
		mkdirSync(scratch.credentials, {recursive: true});
		writeFileSync(path.join(scratch.credentials, 'inside'), 'x');
		const error = await storeErrorOf(safeWrite({path: scratch.credentials, build: () => SECTION}));
		expect(error.code).toBe('STORE_IS_DIRECTORY');
		expect(error.message).toBe(`Could not write ${scratch.credentials} (left unchanged): it is a directory, not a file.`);
		expect(readdirSync(scratch.credentials)).toEqual(['inside']);
		expect(readdirSync(scratch.aws)).toEqual(['credentials']);
	});

	it('a named pipe (renaming over it would replace it with a regular file)', async () => {
		mkdirSync(scratch.aws, {mode: 0o700});
		execFileSync('mkfifo', [scratch.credentials]);
		const error = await storeErrorOf(safeWrite({path: scratch.credentials, build: () => SECTION}));
		expect(error.code).toBe('STORE_NOT_A_FILE');
		expect(error.message).toContain('it is a named pipe, not a regular file');
		expect(lstatSync(scratch.credentials).isFIFO()).toBe(true);
	});

	it('a file that is not UTF-8 (rewriting it would change bytes nobody edited)', async () => {
		const latin1 = Buffer.from('# caf\xe9\n[default]\nregion = eu-west-1\n', 'latin1');
		seed(scratch.credentials, latin1);
		const error = await storeErrorOf(safeWrite({path: scratch.credentials, build: append(SECTION)}));
		expect(error.code).toBe('STORE_NOT_UTF8');
		expect(readFileSync(scratch.credentials)).toEqual(latin1);
		expect(readdirSync(scratch.aws)).toEqual(['credentials']);
	});

	it('a path through a file', async () => {
		seed(path.join(scratch.home, 'plain-file'), 'x');
		const file = path.join(scratch.home, 'plain-file', 'credentials');
		const error = await storeErrorOf(safeWrite({path: file, build: () => SECTION}));
		expect(error.code).toBe('STORE_NOT_A_DIRECTORY');
		expect(readFileSync(path.join(scratch.home, 'plain-file'), 'utf8')).toBe('x');
	});

	it('a symlink loop', async () => {
		mkdirSync(scratch.aws, {mode: 0o700});
		symlinkSync('config', scratch.credentials);
		symlinkSync('credentials', scratch.config);
		const error = await storeErrorOf(safeWrite({path: scratch.credentials, build: () => SECTION}));
		expect(error.code).toBe('STORE_SYMLINK_LOOP');
		expect(error.fix).toContain(`ls -l ${scratch.credentials}`);
		expect(readdirSync(scratch.aws).sort()).toEqual(['config', 'credentials']);
	});
});

describe('safeWrite: what killed writers leave behind', () => {
	it('removes its own temp files (here and in the backup directory) and nothing else', async () => {
		seed(scratch.credentials, '[a]\n');
		const ours = [
			'.credentials.tmp-4242-deadbeef',
			'.credentials.2025-01-31T09-15-02-123Z.bak.tmp-4242-0badf00d',
			'.credentials.2025-01-31T09-15-02-123Z-1.bak.tmp-7-00000000',
		];
		const others = [
			'credentials.2024',
			'credentials.1234567890',
			'.credentials.swp',
			'.credentials.b.tmp-4242-deadbeef',
			'.config.tmp-4242-deadbeef',
			'.credentials.tmp-4242-deadbeef-extra',
		];
		for (const name of [...ours, ...others]) writeFileSync(path.join(scratch.aws, name), 'x');
		await safeWrite({path: scratch.credentials, build: append('[b]\n')});
		const left = readdirSync(scratch.aws).filter((name) => !name.endsWith('.bak'));
		expect(left.sort()).toEqual(['credentials', ...others].sort());
	});
});
