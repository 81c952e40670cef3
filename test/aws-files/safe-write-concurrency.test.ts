/**
 * Concurrency test: 20 processes, released at the same instant, each add a different profile to the same file
 * through safeWrite. Tools that read, edit and write back without a lock lose all but the last writer's profile;
 * here every one survives, because each writer builds on what is on disk once it holds the lock.
 */
import {spawn} from 'node:child_process';
import {mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {readCliIni} from '../../source/aws-files/cli-reader.js';
import {listBackups} from '../../source/aws-files/backups.js';
import type {WriteResult} from '../../source/aws-files/safe-write.js';
import {sdkProfiles} from '../../source/aws-files/sdk-profiles.js';
import {bundleFixtures, type FixtureBundle} from './fixtures/bundle.js';
import {useScratchHome} from './fixtures/scratch-home.js';

const scratch = useScratchHome();

const WRITERS = 20;

let fixtures: FixtureBundle;
beforeAll(async () => {
	fixtures = await bundleFixtures();
});
afterAll(() => fixtures.remove());

interface Writer {
	status: number | null;
	stdout: string;
	stderr: string;
}

async function addProfilesAtOnce(file: string): Promise<Writer[]> {
	// Late enough for all 20 to have started (Node start-up on a busy 2-CPU machine), so they really collide.
	const startAt = Date.now() + 3_000;
	return Promise.all(
		Array.from({length: WRITERS}, async (_, index) => {
			const child = spawn(process.execPath, [fixtures.file('add-profile'), file, `writer-${index}`, String(startAt)], {
				env: {PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: scratch.home},
			});
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (chunk: Buffer) => {
				stdout += chunk.toString();
			});
			child.stderr.on('data', (chunk: Buffer) => {
				stderr += chunk.toString();
			});
			const status = await new Promise<number | null>((resolve) => child.once('exit', resolve));
			return {status, stdout, stderr};
		}),
	);
}

function expectAllProfiles(text: string, extra: string[]): void {
	const expected = [...extra, ...Array.from({length: WRITERS}, (_, index) => `writer-${index}`)].sort();
	expect(Object.keys(sdkProfiles({credentials: text}).credentials).sort()).toEqual(expected);
	// No duplicate sections or keys: the AWS CLI still reads the file.
	expect(readCliIni(text).ok).toBe(true);
}

describe('safeWrite with 20 writers at once', () => {
	it('creates the file once and keeps every profile', {timeout: 30_000}, async () => {
		const started = Date.now();
		const writers = await addProfilesAtOnce(scratch.credentials);
		expect(writers.map((writer) => writer.stderr)).toEqual(Array.from({length: WRITERS}, () => ''));
		expect(writers.map((writer) => writer.status)).toEqual(Array.from({length: WRITERS}, () => 0));
		const results = writers.map((writer) => JSON.parse(writer.stdout) as WriteResult);
		expect(results.filter((result) => result.created)).toHaveLength(1);
		expect(results.every((result) => result.changed && result.mode === 0o600)).toBe(true);
		expectAllProfiles(readFileSync(scratch.credentials, 'utf8'), []);
		expect(statSync(scratch.aws).mode & 0o777).toBe(0o700);
		expect(statSync(scratch.credentials).mode & 0o777).toBe(0o600);
		// 19 writers found a file to back up; the newest 10 copies are kept, each one profile shorter than the next.
		const backups = listBackups(scratch.credentials);
		expect(backups).toHaveLength(10);
		const sizes = backups.map((backup) => readFileSync(backup.path, 'utf8').split('[writer-').length - 1);
		expect(sizes).toEqual([19, 18, 17, 16, 15, 14, 13, 12, 11, 10]);
		expect(readdirSync(scratch.aws).filter((name) => !name.endsWith('.bak'))).toEqual(['credentials']);
		expect(Date.now() - started).toBeLessThan(20_000);
	});

	it('adds to an existing hand-written file without touching its bytes', {timeout: 30_000}, async () => {
		const original = '# mine\r\n[default]\r\nregion = eu-west-1 ; note\r\n\r\n[old]\r\naws_access_key_id = AKIAOLD';
		mkdirSync(scratch.aws, {mode: 0o700});
		writeFileSync(scratch.credentials, original, {mode: 0o640});
		const writers = await addProfilesAtOnce(scratch.credentials);
		expect(writers.map((writer) => writer.status)).toEqual(Array.from({length: WRITERS}, () => 0));
		const text = readFileSync(scratch.credentials, 'utf8');
		expect(text.startsWith(`${original}\n`)).toBe(true);
		expectAllProfiles(text, ['default', 'old']);
		expect(statSync(scratch.credentials).mode & 0o777).toBe(0o640);
		const results = writers.map((writer) => JSON.parse(writer.stdout) as WriteResult);
		expect(results.every((result) => result.looseModeWarning?.endsWith(`fix: chmod 600 ${scratch.credentials}`))).toBe(true);
	});
});
