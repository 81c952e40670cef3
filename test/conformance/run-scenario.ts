/**
 * Puts one scenario on disk (its own temporary HOME), builds the Snapshot the models read, runs an engine in a fresh
 * child process with an environment built from scratch, and reads back its answer.
 */
import {spawn} from 'node:child_process';
import {createHash} from 'node:crypto';
import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type {FileRead, Snapshot, SsoCacheEntry} from '../../source/gather/snapshot.js';
import {snapshotFor} from '../credentials/snapshot-for.js';
import type {Scenario} from './scenarios.js';

export const CONFORMANCE_DIR = import.meta.dirname;
export {ENGINES_DIR} from './engines-dir.js';
import {ENGINES_DIR} from './engines-dir.js';

export interface Materialized {
	home: string;
	env: Record<string, string>;
	snapshot: Snapshot;
	cleanup(): Promise<void>;
}

const substitute = (value: string, home: string) => value.replaceAll('{HOME}', home);

export async function materialize(scenario: Scenario): Promise<Materialized> {
	const home = await mkdtemp(path.join(os.tmpdir(), 'sls-creds-conformance-'));
	const built = scenarioSnapshot(scenario, home, Date.now());
	for (const [absolute, content] of Object.entries(built.files)) {
		await mkdir(path.dirname(absolute), {recursive: true});
		await writeFile(absolute, content, {mode: 0o600});
	}
	for (const entry of built.snapshot.ssoCache) {
		await mkdir(path.dirname(entry.path), {recursive: true});
		await writeFile(entry.path, JSON.stringify({startUrl: entry.key, region: 'us-east-1', accessToken: 'conformance-token', expiresAt: entry.expiresAt}));
	}
	return {home, env: built.env, snapshot: built.snapshot, cleanup: () => rm(home, {recursive: true, force: true})};
}

/** The Snapshot gather would build for a scenario placed in `home`, and the files to put there (no disk access). */
export function scenarioSnapshot(scenario: Scenario, home: string, now: number): {snapshot: Snapshot; env: Record<string, string>; files: Record<string, string>} {
	const files: Record<string, string> = {};
	for (const [relative, text] of Object.entries(scenario.files)) files[path.join(home, relative)] = substitute(text, home);
	const ssoCache: SsoCacheEntry[] = Object.entries(scenario.ssoTokens).map(([key, expiresAt]) => ({
		path: path.join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update(key).digest('hex')}.json`),
		key,
		exists: true,
		expiresAt,
	}));
	const env = Object.fromEntries(Object.entries(scenario.env).map(([name, value]) => [name, substitute(value, home)]));
	const tokenFiles: Record<string, FileRead> = {};
	for (const candidate of [env['AWS_WEB_IDENTITY_TOKEN_FILE'], path.join(home, 'token')]) {
		if (candidate) tokenFiles[candidate] = files[candidate] === undefined ? {path: candidate, exists: false} : {path: candidate, exists: true};
	}
	const snapshot = snapshotFor({
		home,
		env,
		files,
		options: scenario.options,
		yml: {...(scenario.provider.profile ? {profile: scenario.provider.profile} : {}), ...(scenario.provider.stage ? {stage: scenario.provider.stage} : {})},
		ssoCache,
		tokenFiles,
		now,
	});
	return {snapshot, env, files};
}

/** Runs `node <child> <scenario.json>` with only PATH, HOME and the scenario's variables. */
export async function runChild<T>(child: string, materialized: Materialized, extraEnv: Record<string, string>, payload: Record<string, unknown>): Promise<T> {
	const scenarioFile = path.join(materialized.home, 'scenario.json');
	const output = path.join(materialized.home, 'answer.json');
	await writeFile(scenarioFile, JSON.stringify({...payload, output, enginesDir: ENGINES_DIR}));
	const env = {PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: materialized.home, ...extraEnv, ...materialized.env};
	const stderr = await new Promise<string>((resolve, reject) => {
		const process_ = spawn(process.execPath, [path.join(CONFORMANCE_DIR, 'children', child), scenarioFile], {env, stdio: ['ignore', 'ignore', 'pipe'], cwd: materialized.home});
		let text = '';
		process_.stderr.on('data', (chunk) => (text += String(chunk)));
		const timer = setTimeout(() => process_.kill('SIGKILL'), 30_000);
		process_.on('error', reject);
		process_.on('exit', () => {
			clearTimeout(timer);
			resolve(text);
		});
	});
	try {
		return JSON.parse(await readFile(output, 'utf8')) as T;
	} catch {
		throw new Error(`${child} gave no answer: ${stderr.trim().split('\n').slice(-5).join(' | ')}`);
	}
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the order of results. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	const lanes = Array.from({length: Math.min(limit, items.length)}, async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await work(items[index]!);
		}
	});
	await Promise.all(lanes);
	return results;
}
