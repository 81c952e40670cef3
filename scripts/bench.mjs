#!/usr/bin/env node
/**
 * Start-up cost of the built CLI as ratios to a bare `node -e ''` measured in the same run, so the numbers mean the
 * same on a fast laptop and a slow CI box. Runs the cases round-robin (noise spreads evenly) and reports medians.
 * Never fails because a goal is missed (timings are noisy); it fails only when a command does not run at all.
 *
 * `profile set` is timed as the 10,000-profile file against the 3-profile one (goal: at most 2×).
 *
 *   npm run bench                 15 runs per case
 *   npm run bench -- --runs 31    (or BENCH_RUNS=31)
 */
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
/** SLS_CREDS_WIZARD_CLI measures another build (e.g. a bundle) instead of dist/cli.js. */
const cli = process.env.SLS_CREDS_WIZARD_CLI ?? path.join(root, 'dist', 'cli.js');

const {values} = parseArgs({options: {runs: {type: 'string'}}, strict: true});
const runs = Number(values.runs ?? process.env.BENCH_RUNS ?? 15);
if (!Number.isInteger(runs) || runs < 1) {
	console.error(`bench: --runs must be a whole number above 0 (got "${values.runs ?? process.env.BENCH_RUNS}").`);
	process.exit(2);
}

/** A HOME with a credentials file of `count` profiles (fake keys), `default` first. */
function homeWithProfiles(base, name, count) {
	const home = path.join(base, name);
	mkdirSync(path.join(home, '.aws'), {recursive: true});
	const sections = [];
	for (let index = 0; index < count; index++) {
		const profile = index === 0 ? 'default' : `profile-${String(index).padStart(5, '0')}`;
		const id = String(index).padStart(16, '0');
		sections.push(`[${profile}]\naws_access_key_id = AKIA${id}\naws_secret_access_key = benchSecret${id}benchSecret${id}\n`);
	}
	writeFileSync(path.join(home, '.aws', 'credentials'), sections.join('\n'), {mode: 0o600});
	return home;
}

function environment(home) {
	return {
		PATH: process.env.PATH ?? '/usr/bin:/bin',
		HOME: home,
		CI: 'false',
		FORCE_COLOR: '0',
		NODE_ENV: 'production',
		AWS_EC2_METADATA_DISABLED: 'true',
	};
}

/**
 * `profile set --overwrite --yes` on a profile in the middle of the file, the secret piped in. The secret alternates
 * between two values so that every run really plans, backs up, writes and reads back (the same value twice would be
 * "nothing to change").
 */
function profileSet(name, home) {
	let turn = 0;
	const secrets = ['benchSecretAAAAbenchSecretAAAAbenchSecret', 'benchSecretBBBBbenchSecretBBBBbenchSecret'];
	return {
		name,
		args: [cli, 'profile', 'set', 'profile-00001', '-k', 'AKIAQ3EGBNTZ5XKWLM7Y', '--secret-stdin', '--overwrite', '--yes'],
		home,
		ok: [0],
		input: () => `${secrets[turn++ % 2]}\n`,
	};
}

const base = mkdtempSync(path.join(tmpdir(), 'sls-creds-wizard-bench-'));
try {
	const small = homeWithProfiles(base, 'three-profiles', 3);
	const large = homeWithProfiles(base, 'ten-thousand-profiles', 10_000);
	const cases = [
		{name: "node -e ''", args: ['-e', ''], home: small, ok: [0]},
		{name: '--help', args: [cli, '--help'], home: small, ok: [0]},
		{name: 'doctor --json --offline (3 profiles)', args: [cli, 'doctor', '--json', '--offline'], home: small, ok: [0, 1], report: true},
		{name: 'doctor --json --offline (10,000 profiles)', args: [cli, 'doctor', '--json', '--offline'], home: large, ok: [0, 1], report: true},
		profileSet('profile set (3 profiles)', small),
		profileSet('profile set (10,000 profiles)', large),
	];

	// Exit 1 is a normal doctor outcome (a check failed), so only a printed report proves the command really ran.
	const isReport = text => {
		try {
			return typeof JSON.parse(text).$schema === 'string';
		} catch {
			return false;
		}
	};
	const once = testCase => {
		const started = process.hrtime.bigint();
		const input = testCase.input?.();
		const result = spawnSync(process.execPath, testCase.args, {cwd: testCase.home, env: environment(testCase.home), encoding: 'utf8', input});
		const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
		if (!testCase.ok.includes(result.status) || (testCase.report && !isReport(result.stdout))) {
			const why = (result.stderr || result.error?.message || `exit ${result.status}`).trim().split('\n')[0].replace(/\.+$/, '');
			throw new Error(`"${testCase.name}" did not run (exit ${result.status}): ${why}. Is dist/ built? Run \`npm run build\`.`);
		}
		return elapsed;
	};

	for (const testCase of cases) once(testCase); // warm the file cache
	const samples = cases.map(() => []);
	for (let run = 0; run < runs; run++) cases.forEach((testCase, index) => samples[index].push(once(testCase)));
	const median = list => {
		const sorted = [...list].sort((a, b) => a - b);
		const middle = Math.floor(sorted.length / 2);
		return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	};
	const medians = samples.map(median);
	const [node, help, doctorSmall, doctorLarge, setSmall, setLarge] = medians;

	const rows = [
		["node -e ''", medians[0], 1, undefined, 'baseline'],
		['--help', help, help / node, 1.3, "× node -e ''"],
		['doctor --json --offline', doctorSmall, doctorSmall / node, 1.5, "× node -e ''"],
		['  same, 10,000 profiles', doctorLarge, doctorLarge / doctorSmall, 1.5, '× 3 profiles'],
		['profile set --yes (writes)', setSmall, setSmall / node, undefined, "× node -e ''"],
		['  same, 10,000 profiles', setLarge, setLarge / setSmall, 2, '× 3 profiles'],
	];
	const table = [['case', 'median', 'ratio', 'goal', 'met'], ...rows.map(([name, ms, ratio, goal, unit]) => [
		name,
		`${ms.toFixed(0)} ms`,
		`${ratio.toFixed(2)}${unit === 'baseline' ? '' : ` ${unit}`}`,
		goal === undefined ? '' : `≤ ${goal}`,
		goal === undefined ? '' : ratio <= goal ? 'yes' : 'no',
	])];
	const widths = table[0].map((_, column) => Math.max(...table.map(row => row[column].length)));
	console.log(`sls-creds-wizard start-up, median of ${runs} runs each (Node ${process.versions.node}, ${process.platform}/${process.arch})\n`);
	for (const [index, row] of table.entries()) {
		console.log(row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd());
		if (index === 0) console.log(widths.map(width => '─'.repeat(width)).join('  '));
	}
	const missed = rows.filter(([, , ratio, goal]) => goal !== undefined && ratio > goal).length;
	console.log(missed === 0 ? '\nAll goals met.' : `\n${missed} goal(s) missed (timings are noisy: rerun with --runs 31 before drawing conclusions).`);
} catch (error) {
	console.error(`bench: ${error.message}`);
	process.exitCode = 1;
} finally {
	rmSync(base, {recursive: true, force: true});
}
