/**
 * What a user meets first: the tarball `npm pack` makes, installed into an empty folder from the local file with an
 * empty npm cache and --offline (so the product cannot need anything from a registry), then its bin run the way a
 * shell runs it. Everything the product needs must be in the bundle; a missing file or dependency fails here.
 */
import {spawnSync, type SpawnSyncReturns} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {ROOT, cleanEnv} from '../support/cli-process.js';
import {KEYS, spawnCli} from '../support/pty.js';

const work = mkdtempSync(path.join(tmpdir(), 'sls-creds-wizard-release-'));
const home = path.join(work, 'home');
const app = path.join(work, 'app');
const cache = path.join(work, 'npm-cache');
let tarball = '';
let packedFiles: string[] = [];
let bin = '';

/** npm with a private, empty cache and no update check; nothing of the developer's npm set-up leaks in. */
function npm(args: string[], cwd: string): SpawnSyncReturns<string> {
	const result = spawnSync('npm', args, {
		cwd,
		encoding: 'utf8',
		timeout: 120_000,
		env: {
			...cleanEnv(home),
			npm_config_cache: cache,
			npm_config_update_notifier: 'false',
			npm_config_fund: 'false',
			npm_config_audit: 'false',
			npm_config_userconfig: path.join(home, '.npmrc'),
		},
	});
	if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed (exit ${result.status}):\n${result.stderr || result.error?.message}`);
	return result;
}

function run(args: string[], input = ''): SpawnSyncReturns<string> {
	// The bin itself, not `node bin`: proves the shebang and the executable bit survive packing.
	return spawnSync(bin, args, {cwd: app, env: cleanEnv(home), input, encoding: 'utf8', timeout: 30_000});
}

/** Why packing or installing failed; every test then fails with it (a failing beforeAll would only mark them skipped). */
let unusable: Error | undefined;
function installed(): void {
	if (unusable) throw unusable;
}

beforeAll(() => {
	try {
		packAndInstall();
	} catch (error) {
		unusable = error instanceof Error ? error : new Error(String(error));
	}
}, 180_000);

function packAndInstall(): void {
	if (!existsSync(path.join(ROOT, 'dist/cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does) before this test.');
	mkdirSync(home);
	mkdirSync(app);
	// npm looks upwards for a project; an empty package.json makes this folder the one it installs into.
	writeFileSync(path.join(app, 'package.json'), '{"name": "empty-project", "private": true}\n');
	// --ignore-scripts: pack the dist/ that `npm test` just built instead of rebuilding it under other running tests.
	const packed = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT).stdout) as Array<{filename: string; files: Array<{path: string}>}>;
	const [first] = packed;
	if (!first) throw new Error('npm pack printed no tarball');
	tarball = path.join(work, first.filename);
	packedFiles = first.files.map(file => file.path).sort();
	npm(['install', '--offline', '--no-package-lock', tarball], app);
	bin = path.join(app, 'node_modules/.bin/sls-creds-wizard');
}

afterAll(() => rmSync(work, {recursive: true, force: true}));

describe('the tarball', () => {
	test('holds the bundle, the manifest, the readme, the licence and the report schema — no sources, tests or scripts', () => {
		installed();
		expect(packedFiles).toContain('dist/cli.js');
		expect(packedFiles).toEqual(expect.arrayContaining(['LICENSE', 'package.json', 'readme.md', 'docs/report-schema.md']));
		const unexpected = packedFiles.filter(file => !/^dist\/(cli\.js|chunks\/[\w-]+\.js)$/.test(file) && !['LICENSE', 'package.json', 'readme.md', 'docs/report-schema.md'].includes(file));
		expect(unexpected).toEqual([]);
	});

	test('declares no runtime dependencies: everything the product runs is in the bundle', () => {
		installed();
		const manifest = JSON.parse(readFileSync(path.join(app, 'node_modules/sls-creds-wizard/package.json'), 'utf8')) as Record<string, unknown>;
		expect(manifest['dependencies'] ?? {}).toEqual({});
		expect(manifest['optionalDependencies'] ?? {}).toEqual({});
		expect(manifest['peerDependencies'] ?? {}).toEqual({});
	});

	test('bundles the production builds of React (NODE_ENV is fixed at build time), never the development ones', () => {
		installed();
		const meta = JSON.parse(readFileSync(path.join(ROOT, '.build/meta.json'), 'utf8')) as {outputs: Record<string, {inputs: Record<string, unknown>}>};
		const inputs = Object.values(meta.outputs).flatMap(output => Object.keys(output.inputs));
		expect(inputs).toContain('node_modules/react/cjs/react.production.js');
		expect(inputs.filter(input => /\.development\.js$/.test(input))).toEqual([]);
	});

	test('npx runs it from the file, offline', () => {
		installed();
		const folder = path.join(work, 'npx');
		mkdirSync(folder);
		writeFileSync(path.join(folder, 'package.json'), '{"private": true}\n');
		const result = npm(['exec', '--yes', '--offline', '--package', tarball, '--', 'sls-creds-wizard', '--version'], folder);
		expect(result.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
	});
});

describe('the installed bin', () => {
	test('--help lists the commands, with examples', () => {
		installed();
		const result = run(['--help']);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('sls-creds-wizard doctor');
		expect(result.stdout).toContain('Exit codes');
	});

	test('--version prints the version in package.json', () => {
		installed();
		const result = run(['--version']);
		expect(result.status).toBe(0);
		expect(result.stdout).toBe(`${JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}\n`);
	});

	test('doctor --json --offline prints a valid report', () => {
		installed();
		const result = run(['doctor', '--json', '--offline']);
		expect([0, 1]).toContain(result.status);
		const report = JSON.parse(result.stdout) as {$schema: string; version: number; tool: {name: string}};
		expect(report.$schema).toMatch(/doctor-report/);
		expect(report.tool.name).toBe('sls-creds-wizard');
		expect(result.stderr).toBe('');
	});

	test('doctor --plain --offline prints the report as text', () => {
		installed();
		const result = run(['doctor', '--plain', '--offline']);
		expect([0, 1]).toContain(result.status);
		expect(result.stdout).toContain('Credential sources for Serverless');
	});

	test('the wizard draws its first screen in a terminal, and Ctrl-C leaves it (exit 130)', async () => {
		installed();
		const terminal = spawnCli([], {home, cwd: app, cli: realpathSync(bin)});
		await terminal.waitFor('Set up deploy credentials', 20_000);
		await terminal.press(KEYS.ctrlC);
		const {exitCode} = await terminal.exited(10_000);
		expect(exitCode).toBe(130);
		expect(await terminal.bufferType()).toBe('normal');
	});
});

describe('the bundle is independent of the shell it runs in', () => {
	test('DEV=true (Ink\'s devtools switch) left in the shell does not break the wizard', async () => {
		installed();
		const terminal = spawnCli([], {home, cwd: app, cli: realpathSync(bin), env: {DEV: 'true'}});
		await terminal.waitFor('Set up deploy credentials', 20_000);
		await terminal.press(KEYS.ctrlC);
		expect((await terminal.exited(10_000)).exitCode).toBe(130);
	});
});

describe('the footprint (scripts/footprint.mjs, deterministic unlike timings)', () => {
	test('the installed tarball stays within 40 packages and 15 MB', () => {
		installed();
		const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/footprint.mjs'), '--json', '--tarball', tarball], {
			cwd: work,
			env: {...cleanEnv(home), npm_config_userconfig: path.join(home, '.npmrc')},
			encoding: 'utf8',
			timeout: 120_000,
		});
		expect(result.stderr).toBe('');
		const footprint = JSON.parse(result.stdout) as {packages: number; installedBytes: number; met: {packages: boolean; bytes: boolean}};
		expect(footprint.packages).toBeGreaterThanOrEqual(1);
		expect(footprint.packages).toBeLessThanOrEqual(40);
		expect(footprint.installedBytes).toBeLessThanOrEqual(15_000_000);
		expect(footprint.met).toEqual({packages: true, bytes: true});
		expect(result.status).toBe(0);
	});
});
