/**
 * Crash test: writers flipping a credentials file between two contents through safeWrite are killed with SIGKILL
 * at random moments, 500 times. After every kill the file is exactly one of the two contents — never empty, never
 * half of each — and every backup is whole. Node start-up dominates, so each writer loops until it is killed and a
 * few run side by side, each on its own file.
 */
import {spawn} from 'node:child_process';
import {availableParallelism} from 'node:os';
import {existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {listBackups} from '../../source/aws-files/backups.js';
import {safeWrite} from '../../source/aws-files/safe-write.js';
import {sdkProfiles} from '../../source/aws-files/sdk-profiles.js';
import {bundleFixtures, type FixtureBundle} from './fixtures/bundle.js';
import {useScratchHome} from './fixtures/scratch-home.js';

const scratch = useScratchHome();

const KILLS = 500;
const LANES = Math.min(4, Math.max(2, availableParallelism()));
/** Kills land from "before the first write" to "a few writes in". */
const MAX_DELAY_MS = 30;
const SEED = Date.now() % 1_000_000;

/** Two files of different sizes (~27 KB and ~30 KB): a torn or truncated write can equal neither. */
function credentialsFile(profiles: number, variant: string): string {
	const lines = ['# managed by hand: keep these comments', ''];
	for (let index = 0; index < profiles; index++) {
		lines.push(`[team-${index}]`, `aws_access_key_id = AKIA${String(index).padStart(16, '7')}`, `aws_secret_access_key = ${variant}${'x'.repeat(40 - variant.length)}`, '');
	}
	return lines.join('\n');
}
const A = credentialsFile(300, 'A');
const B = credentialsFile(330, 'B');

/** mulberry32: reproducible delays for a given seed. */
function random(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

interface LaneStats {
	kills: number;
	/** The killed writer held the lock: it died between lock and unlock. */
	lockHeld: number;
	/** It died with a temp file on disk: between creating the new content and renaming it into place. */
	tempLeft: number;
	/** The file differs from what the previous kill left. */
	changes: number;
	failures: string[];
}

let fixtures: FixtureBundle;
beforeAll(async () => {
	fixtures = await bundleFixtures();
});
afterAll(() => fixtures.remove());

async function runLane(lane: number, kills: number, next: () => number): Promise<LaneStats> {
	const directory = path.join(scratch.home, `lane-${lane}`, '.aws');
	const file = path.join(directory, 'credentials');
	const backups = path.join(scratch.home, `lane-${lane}`, 'backups');
	const contents = path.join(scratch.home, `lane-${lane}`);
	mkdirSync(directory, {recursive: true, mode: 0o700});
	writeFileSync(path.join(contents, 'a'), A);
	writeFileSync(path.join(contents, 'b'), B);
	writeFileSync(file, A, {mode: 0o600});
	const stats: LaneStats = {kills: 0, lockHeld: 0, tempLeft: 0, changes: 0, failures: []};
	let previous = A;
	for (let index = 0; index < kills; index++) {
		const child = spawn(process.execPath, [fixtures.file('write-loop'), file, path.join(contents, 'a'), path.join(contents, 'b'), backups], {
			stdio: ['ignore', 'pipe', 'pipe'],
			env: {PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: scratch.home},
		});
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
		});
		const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
		await new Promise<void>((resolve) => {
			child.stdout.once('data', () => resolve());
			child.once('exit', () => resolve());
		});
		await new Promise((resolve) => setTimeout(resolve, next() * MAX_DELAY_MS));
		child.kill('SIGKILL');
		await exited;
		stats.kills++;
		if (stderr !== '') stats.failures.push(`lane ${lane} kill ${index}: the writer failed: ${stderr.slice(0, 300)}`);
		const now = readFileSync(file, 'utf8');
		if (now !== A && now !== B) stats.failures.push(`lane ${lane} kill ${index}: ${now.length} bytes, neither content`);
		else if (Object.keys(sdkProfiles({credentials: now}).credentials).length !== (now === A ? 300 : 330)) {
			stats.failures.push(`lane ${lane} kill ${index}: does not parse to its profiles`);
		}
		if (now !== previous) stats.changes++;
		previous = now;
		if (readdirSync(directory).some((name) => name.startsWith('.credentials.tmp-'))) stats.tempLeft++;
		// A killed writer's lock would make the next one wait out the stale period (tested in safe-write.test.ts).
		if (existsSync(`${file}.lock`)) {
			stats.lockHeld++;
			rmdirSync(`${file}.lock`);
		}
	}
	for (const backup of listBackups(file, backups)) {
		const text = readFileSync(backup.path, 'utf8');
		if (text !== A && text !== B) stats.failures.push(`lane ${lane}: backup ${backup.name} is torn (${text.length} bytes)`);
	}
	// The next write clears what killed writers left: temp files here and in the backup directory.
	await safeWrite({path: file, build: (current) => (current === A ? B : A), backupDir: backups, keepBackups: 5});
	const leftovers = [...readdirSync(directory), ...readdirSync(backups)].filter((name) => name.includes('.tmp-'));
	if (leftovers.length > 0) stats.failures.push(`lane ${lane}: temp files left after a clean write: ${leftovers.join(', ')}`);
	return stats;
}

describe('safeWrite under SIGKILL', () => {
	it(`leaves the old or the new file after each of ${KILLS} kills (seed ${SEED})`, {timeout: 180_000}, async () => {
		const next = random(SEED);
		const started = Date.now();
		const lanes = await Promise.all(
			Array.from({length: LANES}, async (_, lane) => runLane(lane, Math.ceil(KILLS / LANES), next)),
		);
		const total = lanes.reduce(
			(sum, lane) => ({
				kills: sum.kills + lane.kills,
				lockHeld: sum.lockHeld + lane.lockHeld,
				tempLeft: sum.tempLeft + lane.tempLeft,
				changes: sum.changes + lane.changes,
			}),
			{kills: 0, lockHeld: 0, tempLeft: 0, changes: 0},
		);
		console.info(`crash test (seed ${SEED}): ${JSON.stringify(total)} in ${Date.now() - started} ms`);
		expect(lanes.flatMap((lane) => lane.failures)).toEqual([]);
		expect(total.kills).toBeGreaterThanOrEqual(KILLS);
		// The kills did land inside writes (holding the lock; with the new content written but not yet renamed),
		// and the writers did replace the file between kills. How often depends on the machine's load.
		expect(total.lockHeld).toBeGreaterThan(KILLS / 10);
		expect(total.tempLeft).toBeGreaterThan(0);
		expect(total.changes).toBeGreaterThan(0);
	});
});
