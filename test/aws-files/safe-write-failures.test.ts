/**
 * Real failures, not simulated ones: a full disk and a read-only file system are tiny tmpfs mounts inside a
 * private user+mount namespace (`unshare -rm`, nothing leaks to the host), and "permission denied" is a writer
 * running as `nobody` (`setpriv`) when the tests run as root. In every case the file keeps its bytes, and no
 * temp file, backup or lock is left behind.
 */
import {spawnSync} from 'node:child_process';
import {chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {StoreError, storeErrorFrom, type StoreErrorCode} from '../../source/aws-files/store-error.js';
import {bundleFixtures, type FixtureBundle} from './fixtures/bundle.js';
import {useScratchHome} from './fixtures/scratch-home.js';

const scratch = useScratchHome();

const CANARY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARYKEY';
const ORIGINAL = `# team account\n[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${CANARY}\n`;
/** 64 KB: more than the space left on the full disk. */
const LARGE = `${ORIGINAL}\n${Array.from({length: 1200}, (_, index) => `[p${index}]\nregion = eu-west-1\noutput = json\n`).join('\n')}`;

let fixtures: FixtureBundle;
/** World-readable inputs for the children (the `nobody` writer must read them). */
let inputs: string;

beforeAll(async () => {
	fixtures = await bundleFixtures();
	inputs = mkdtempSync(path.join(tmpdir(), 'safe-write-inputs-'));
	chmodSync(inputs, 0o755);
	writeFileSync(path.join(inputs, 'original'), ORIGINAL, {mode: 0o644});
	writeFileSync(path.join(inputs, 'large'), LARGE, {mode: 0o644});
});

afterAll(() => {
	fixtures.remove();
	rmSync(inputs, {recursive: true, force: true});
});

interface ChildOutcome {
	result?: unknown;
	error?: {name: string; code: StoreErrorCode; message: string; cause?: string; fix: string; lines: string[]};
}

function outcomeOf(run: {status: number | null; stdout: string; stderr: string}): ChildOutcome {
	expect(run.stderr).toBe('');
	expect(run.status).toBe(0);
	expect(run.stdout).not.toContain(CANARY);
	return JSON.parse(run.stdout) as ChildOutcome;
}

/**
 * Runs `setup`, then one write of `content` to `$M/.aws/credentials` through the bundled safeWrite, inside a new
 * user and mount namespace; `$M` is a 256 KB tmpfs. Reports the child's outcome, the file's bytes after and what
 * ~/.aws holds.
 */
function writeInNamespace(setup: string, content: 'large' | 'original'): {outcome: ChildOutcome; after: string; listing: string[]} {
	const out = path.join(scratch.home, 'out');
	mkdirSync(out);
	const script = `
		mount -t tmpfs -o size=256k tmpfs "$M"
		mkdir -m 700 "$M/.aws"
		cp "$INPUTS/original" "$M/.aws/credentials"
		chmod 600 "$M/.aws/credentials"
		${setup}
		node "$WRITER" "$M/.aws/credentials" "$INPUTS/${content}" 10 > "$OUT/stdout"
		cp "$M/.aws/credentials" "$OUT/after"
		ls -A "$M/.aws" > "$OUT/listing"
	`;
	const mountPoint = path.join(scratch.home, 'mnt');
	mkdirSync(mountPoint);
	const run = spawnSync('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-euc', script], {
		env: {PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: scratch.home, M: mountPoint, INPUTS: inputs, OUT: out, WRITER: fixtures.file('write-once')},
		encoding: 'utf8',
		timeout: 30_000,
	});
	if (run.status !== 0) throw new Error(`the namespace script failed (${run.status}): ${run.stderr}`);
	return {
		outcome: outcomeOf({status: 0, stdout: readFileSync(path.join(out, 'stdout'), 'utf8'), stderr: ''}),
		after: readFileSync(path.join(out, 'after'), 'utf8'),
		listing: readFileSync(path.join(out, 'listing'), 'utf8').split('\n').filter(Boolean),
	};
}

describe('a full disk', () => {
	it('fails while writing the temp file: STORE_DISK_FULL, file and directory as they were', () => {
		// Leave 16 KB: room for the lock and the small backup, not for the 64 KB file.
		const {outcome, after, listing} = writeInNamespace(
			'head -c 10M /dev/zero > "$M/filler" 2>/dev/null || true; truncate -s -16K "$M/filler"',
			'large',
		);
		expect(outcome.error).toMatchObject({name: 'StoreError', code: 'STORE_DISK_FULL'});
		expect(outcome.error?.lines).toEqual([
			expect.stringMatching(/^Could not write .*\/\.aws\/credentials \(left unchanged\): the disk is full\.$/),
			'Cause: ENOSPC: no space left on device, write',
			expect.stringMatching(/^Fix: Free some space on the disk that holds it \("df -h .*\/\.aws" shows how much is left\), then run the command again\.$/),
		]);
		expect(after).toBe(ORIGINAL);
		expect(listing).toEqual(['credentials']);
	});

	it('fails before anything is written when not even the backup fits', () => {
		const {outcome, after, listing} = writeInNamespace('head -c 10M /dev/zero > "$M/filler" 2>/dev/null || true', 'large');
		expect(outcome.error).toMatchObject({code: 'STORE_DISK_FULL'});
		expect(after).toBe(ORIGINAL);
		expect(listing).toEqual(['credentials']);
	});
});

describe('a read-only file system', () => {
	it('fails at the lock: STORE_READ_ONLY, file as it was', () => {
		const {outcome, after, listing} = writeInNamespace('mount -o remount,ro "$M"', 'large');
		expect(outcome.error).toMatchObject({code: 'STORE_READ_ONLY'});
		expect(outcome.error?.cause).toMatch(/^EROFS: read-only file system, mkdir '.*\/\.aws\/credentials\.lock'$/);
		expect(outcome.error?.fix).toBe('Remount it read-write, or keep the file on a writable disk and point AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE at it.');
		expect(after).toBe(ORIGINAL);
		expect(listing).toEqual(['credentials']);
	});
});

describe('permission denied', () => {
	const root = process.getuid?.() === 0;
	/** As root, the writer runs as `nobody`; otherwise as the current user, whom the modes below shut out as well. */
	const writer = root ? {uid: 65_534, gid: 65_534} : undefined;

	function writeAsUser(file: string): ChildOutcome {
		const command = [process.execPath, fixtures.file('write-once'), file, path.join(inputs, 'large'), '10'];
		const [program = '', ...args] = writer ? ['setpriv', `--reuid=${writer.uid}`, `--regid=${writer.gid}`, '--clear-groups', ...command] : command;
		const run = spawnSync(program, args, {env: {PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: scratch.home}, encoding: 'utf8', timeout: 30_000});
		return outcomeOf(run);
	}

	function ownedByWriter(...paths: string[]): void {
		if (writer) for (const entry of paths) chownSync(entry, writer.uid, writer.gid);
	}

	it('on a ~/.aws the user cannot write (chmod 500): STORE_PERMISSION_DENIED at the lock', () => {
		chmodSync(scratch.home, 0o755);
		mkdirSync(scratch.aws);
		writeFileSync(scratch.credentials, ORIGINAL, {mode: 0o600});
		ownedByWriter(scratch.aws, scratch.credentials);
		chmodSync(scratch.aws, 0o500);
		const outcome = writeAsUser(scratch.credentials);
		chmodSync(scratch.aws, 0o700);
		expect(outcome.error).toMatchObject({code: 'STORE_PERMISSION_DENIED', message: `Could not write ${scratch.credentials} (left unchanged): permission denied.`});
		expect(outcome.error?.cause).toBe(`EACCES: permission denied, mkdir '${scratch.credentials}.lock'`);
		expect(outcome.error?.fix).toBe(
			`See who owns it with "ls -ld ${scratch.aws} ${scratch.credentials}"; if sudo created it, take it back with "sudo chown -R "$(id -un)" ${scratch.aws}".`,
		);
		expect(readFileSync(scratch.credentials, 'utf8')).toBe(ORIGINAL);
		expect(readdirSync(scratch.aws)).toEqual(['credentials']);
	});

	it('on a file the user cannot read: STORE_PERMISSION_DENIED, and the lock is let go', () => {
		chmodSync(scratch.home, 0o755);
		mkdirSync(scratch.aws, {mode: 0o700});
		writeFileSync(scratch.credentials, ORIGINAL);
		ownedByWriter(scratch.aws);
		chmodSync(scratch.credentials, root ? 0o600 : 0o000);
		const outcome = writeAsUser(scratch.credentials);
		expect(outcome.error).toMatchObject({code: 'STORE_PERMISSION_DENIED'});
		expect(outcome.error?.cause).toBe(`EACCES: permission denied, open '${scratch.credentials}'`);
		expect(readFileSync(scratch.credentials, 'utf8')).toBe(ORIGINAL);
		expect(readdirSync(scratch.aws)).toEqual(['credentials']);
		expect(existsSync(`${scratch.credentials}.lock`)).toBe(false);
	});
});

describe('storeErrorFrom', () => {
	const file = '/home/dev/.aws/credentials';
	const errno = (code: string, message = `${code}: something, open '${file}'`) => Object.assign(new Error(message), {code});

	it.each([
		{code: 'EROFS', expected: 'STORE_READ_ONLY', says: 'the file system is read-only.'},
		{code: 'EACCES', expected: 'STORE_PERMISSION_DENIED', says: 'permission denied.'},
		{code: 'EPERM', expected: 'STORE_PERMISSION_DENIED', says: 'permission denied.'},
		{code: 'EISDIR', expected: 'STORE_IS_DIRECTORY', says: 'it is a directory, not a file.'},
		{code: 'ENOTDIR', expected: 'STORE_NOT_A_DIRECTORY', says: 'part of its directory path is a file, not a directory.'},
		{code: 'ENOSPC', expected: 'STORE_DISK_FULL', says: 'the disk is full.'},
		{code: 'EDQUOT', expected: 'STORE_DISK_FULL', says: 'the disk is full.'},
		{code: 'ELOOP', expected: 'STORE_SYMLINK_LOOP', says: 'its symbolic links point at each other in a loop.'},
		{code: 'ELOCKED', expected: 'STORE_LOCKED', says: `another program has been writing it for too long (lock ${file}.lock).`},
		{code: 'EIO', expected: 'STORE_WRITE_FAILED', says: undefined},
	])('$code → $expected: message, cause and fix, one line each', ({code, expected, says}) => {
		const error = storeErrorFrom(errno(code), {path: file});
		expect(error).toBeInstanceOf(StoreError);
		expect(error.code).toBe(expected);
		expect(error.message).toBe(says ? `Could not write ${file} (left unchanged): ${says}` : `Could not write ${file} (left unchanged).`);
		expect(error.cause).toBe(`${code}: something, open '${file}'`);
		expect(error.fix.length).toBeGreaterThan(20);
		expect(error.lines()).toHaveLength(3);
		for (const line of error.lines()) expect(line).not.toMatch(/[\r\n]/);
	});

	it('names the lock to remove when one is never released', () => {
		const error = storeErrorFrom(errno('ELOCKED'), {path: file, lockPath: '/real/credentials.lock'});
		expect(error.fix).toBe(
			'Wait for the other sls-creds-wizard to finish and run the command again; if none is running, remove the lock with "rmdir /real/credentials.lock".',
		);
	});

	it('quotes paths a shell would split', () => {
		const error = storeErrorFrom(errno('EACCES'), {path: "/Users/Jo Do'e/.aws/credentials"});
		expect(error.fix).toContain(`"ls -ld '/Users/Jo Do'\\''e/.aws' '/Users/Jo Do'\\''e/.aws/credentials'"`);
	});

	it('passes a StoreError through and keeps a cause that is not an Error', () => {
		const original = new StoreError({code: 'STORE_NOT_UTF8', message: 'm', fix: 'f', path: file});
		expect(storeErrorFrom(original, {path: file})).toBe(original);
		expect(storeErrorFrom('weird', {path: file}).cause).toBe('weird');
	});

	it('folds line breaks out of every part', () => {
		const error = new StoreError({code: 'STORE_WRITE_FAILED', message: 'a\nb', fix: 'c\r\nd', cause: 'e\n\nf', path: file});
		expect(error.lines()).toEqual(['a b', 'Cause: e f', 'Fix: c d']);
	});
});
