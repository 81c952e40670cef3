/**
 * `--help`, `--version` and argument errors must not load Ink, React or the AWS SDK (spec/toolchain.md §8: they
 * cost about 6× a bare node start), and the offline doctor must not load the SDK. The release build is one
 * esbuild bundle split into chunks; `.build/meta.json` (written by the build) says which sources each chunk holds,
 * and a module hook records which chunks a run really loads.
 */
import {spawnSync} from 'node:child_process';
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {afterAll, describe, expect, test} from 'vitest';
import {CLI, ROOT, cleanEnv, temporaryHome} from '../support/cli-process.js';

const recorder = path.join(ROOT, 'test/support/record-imports.mjs');
const home = temporaryHome();
afterAll(() => home.remove());

interface Metafile {
	outputs: Record<string, {inputs: Record<string, unknown>}>;
}
const meta = JSON.parse(readFileSync(path.join(ROOT, '.build/meta.json'), 'utf8')) as Metafile;

/** Sources bundled into the dist file a loaded URL points at. */
function sourcesOf(url: string): string[] {
	const file = path.relative(ROOT, fileURLToPath(url)).split(path.sep).join('/');
	const output = meta.outputs[file];
	if (!output) throw new Error(`${file} is not an output of the last build (.build/meta.json)`);
	return Object.keys(output.inputs);
}

function loadedSources(
	nodeArgs: string[],
	tag: string,
	env: Record<string, string> = {},
): {status: number | null; sources: string[]; urls: string[]; files: string[]; stdout: string} {
	const log = path.join(home.home, `imports-${tag}.log`);
	rmSync(log, {force: true});
	const result = spawnSync(process.execPath, ['--import', pathToFileURL(recorder).href, ...nodeArgs], {
		cwd: home.home,
		env: cleanEnv(home.home, {...env, SLS_CREDS_WIZARD_IMPORT_LOG: log}),
		input: '',
		encoding: 'utf8',
	});
	const urls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
	const distFiles = urls.filter(url => url.startsWith(pathToFileURL(path.dirname(CLI)).href));
	return {status: result.status, urls, sources: distFiles.flatMap(sourcesOf), files: [...new Set(distFiles)], stdout: result.stdout};
}

const heavy = /^node_modules\/(ink|ink-[a-z-]+|react|react-reconciler|scheduler|yoga-layout|@aws-sdk|@smithy|yaml)\//;

describe('the entry loads nothing heavy before it knows it must', () => {
	test('the recorder works: importing ink is seen', () => {
		const {urls} = loadedSources(['--input-type=module', '-e', `await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'node_modules/ink/build/index.js')).href)})`], 'control');
		expect(urls.some(url => url.includes('/node_modules/ink/'))).toBe(true);
	});

	test('the metafile knows where Ink and the SDK went (they are in the bundle, in other chunks)', () => {
		const all = Object.values(meta.outputs).flatMap(output => Object.keys(output.inputs));
		expect(all.some(input => input.startsWith('node_modules/ink/'))).toBe(true);
		expect(all.some(input => input.startsWith('node_modules/@aws-sdk/client-sts/'))).toBe(true);
	});

	test.each([
		['--help', ['--help']],
		['-h', ['-h']],
		['--version', ['--version']],
		['doctor --help', ['doctor', '--help']],
		['help doctor', ['help', 'doctor']],
		['an unknown option', ['doctor', '--bogus']],
		['--profile', ['doctor', '--profile', 'dev']],
		['a missing value', ['doctor', '--stage']],
		['no subcommand without a terminal', []],
		['profile --help', ['profile', '--help']],
		['help profile', ['help', 'profile']],
		['profile set --help', ['profile', 'set', '--help']],
		['profile with an unknown action', ['profile', 'add']],
		['profile set with an unknown option', ['profile', 'set', '--bogus']],
		['init-team --help', ['init-team', '--help']],
		['help init-team', ['help', 'init-team']],
		['init-team with a stage without its profile', ['init-team', '--stage', 'dev']],
	])('%s', (_name, args) => {
		const {sources} = loadedSources([CLI, ...args], args.join('-') || 'none');
		expect(sources).toContain('source/cli.tsx');
		expect(sources.filter(source => source.startsWith('node_modules/'))).toEqual([]);
		expect(sources.filter(source => /^source\/(ui|aws|aws-files|credentials|doctor|gather|service)\//.test(source))).toEqual([]);
		// The profile command's modules (plans, safe write, prompts) load only when it runs.
		expect(sources.filter(source => /^source\/commands\/profile/.test(source))).toEqual([]);
	});
});

describe('the doctor without a terminal never loads Ink or React, and --offline never loads the AWS SDK', () => {
	test.each([
		['--json --offline', ['doctor', '--json', '--offline']],
		['piped plain text', ['doctor', '--offline']],
	])('%s', (_name, args) => {
		const {status, sources, files} = loadedSources([CLI, ...args], args.join(''));
		expect([0, 1]).toContain(status);
		expect(sources).toContain('source/commands/doctor.ts');
		expect(sources.filter(source => heavy.test(source))).toEqual([]);
		expect(sources.filter(source => source.startsWith('source/ui/'))).toEqual([]);
		// No service file here: no YAML or dotenv parser, and no probe failed, so no error catalogue either.
		expect(sources.filter(source => onlyWithServiceFile.test(source) || onlyForFailedProbe.test(source))).toEqual([]);
		expect(twice(files)).toEqual([]);
	});

	test('a folder with a serverless.yml loads the YAML and dotenv parsers, once each, and still reads the file', () => {
		const folder = path.join(home.home, 'service');
		mkdirSync(folder, {recursive: true});
		writeFileSync(path.join(folder, 'serverless.yml'), 'service: light-entry\nprovider:\n  name: aws\n  stage: dev\n');
		writeFileSync(path.join(folder, '.env'), 'SOMETHING=1\n');
		const {status, sources, files, stdout} = loadedSources([CLI, 'doctor', '--json', '--offline', '-c', 'service/serverless.yml'], 'service-file');
		expect([0, 1]).toContain(status);
		expect(JSON.parse(stdout).service.name).toBe('light-entry');
		expect(sources).toContain('source/service/service-parsers.ts');
		expect(sources.some(source => source.startsWith('node_modules/yaml/'))).toBe(true);
		expect(sources.some(source => source.startsWith('node_modules/dotenv/'))).toBe(true);
		expect(sources.filter(source => /^node_modules\/(ink|react|@aws-sdk|@smithy)\//.test(source) || source.startsWith('source/ui/'))).toEqual([]);
		expect(twice(files)).toEqual([]);
	});

	test('a failed probe loads the SDK and the error catalogue, and no module twice', () => {
		// Port 9 (discard) refuses the connection at once: the probe fails, its error is explained from the catalogue.
		const {status, sources, files, stdout} = loadedSources([CLI, 'doctor', '--json', '--timeout', '5'], 'failed-probe', {
			AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
			AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
			AWS_REGION: 'us-east-1',
			AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
		});
		expect(status).toBe(1);
		expect(JSON.parse(stdout).identity.status).toBe('failed');
		expect(sources).toContain('source/aws/probe-identity.ts');
		expect(sources).toContain('source/aws/error-catalogue.ts');
		expect(sources.filter(source => source.startsWith('source/ui/'))).toEqual([]);
		expect(twice(files)).toEqual([]);
	});
});

/** Sources the bundle holds only for a folder with a service file (yaml, dotenv, team settings) … */
const onlyWithServiceFile = /^(node_modules\/(yaml|dotenv)\/|source\/service\/(service-parsers|parse-service-file|read-team-settings)\.ts$)/;
/** … and only for a probe that failed (the error catalogue; the CA check shares only its small catalogue-entry.ts). */
const onlyForFailedProbe = /^source\/aws\/(error-catalogue|errors\/(aws-service|serverless|credential-provider|network)-errors)\.ts$/;

/** Sources that sit in more than one of the loaded dist files: a module evaluated twice in one process. */
function twice(files: string[]): string[] {
	const seen = new Set<string>();
	const repeated = new Set<string>();
	for (const source of files.flatMap(sourcesOf)) (seen.has(source) ? repeated : seen).add(source);
	return [...repeated];
}

describe('profile list and profile set load neither Ink/React nor the AWS SDK', () => {
	test.each([
		['profile list --json', ['profile', 'list', '--json']],
		['profile set (no terminal, refused before any work)', ['profile', 'set', 'dev', '-k', 'AKIAIOSFODNN7EXAMPLE', '--secret-stdin']],
	])('%s', (_name, args) => {
		const {sources} = loadedSources([CLI, ...args], args.join(''));
		expect(sources.filter(source => heavy.test(source))).toEqual([]);
		expect(sources.filter(source => source.startsWith('source/ui/'))).toEqual([]);
	});

	test('profile set --yes writes without loading the AWS SDK, Ink or React', () => {
		const {status, sources} = loadedSourcesWithInput([CLI, 'profile', 'set', 'dev', '-k', 'AKIAIOSFODNN7EXAMPLE', '--secret-stdin', '--yes'], 'set-yes', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n');
		expect(status).toBe(0);
		expect(sources).toContain('source/commands/profile-set.ts');
		expect(sources).toContain('source/aws-files/safe-write.ts');
		expect(sources.filter(source => heavy.test(source))).toEqual([]);
	});
});

describe('init-team --offline writes serverless.yml without loading the AWS SDK, Ink or React', () => {
	test('init-team --offline --yes', () => {
		mkdirSync(path.join(home.home, 'team'), {recursive: true});
		writeFileSync(path.join(home.home, 'team', 'serverless.yml'), 'service: team\nprovider:\n  name: aws\n');
		const args = ['init-team', '-c', 'team/serverless.yml', '--offline', '--stage', 'dev=team-dev', '--account', 'dev=111111111111', '--yes'];
		const {status, sources} = loadedSourcesWithInput([CLI, ...args], 'init-team', '');
		expect(status).toBe(0);
		expect(sources).toContain('source/commands/init-team.ts');
		expect(sources).toContain('source/aws-files/safe-write.ts');
		expect(sources.filter(source => heavy.test(source) && !source.startsWith('node_modules/yaml/'))).toEqual([]);
		expect(sources.filter(source => source.startsWith('source/ui/'))).toEqual([]);
	});
});

function loadedSourcesWithInput(nodeArgs: string[], tag: string, input: string): {status: number | null; sources: string[]} {
	const log = path.join(home.home, `imports-${tag}.log`);
	rmSync(log, {force: true});
	const result = spawnSync(process.execPath, ['--import', pathToFileURL(recorder).href, ...nodeArgs], {
		cwd: home.home,
		env: cleanEnv(home.home, {SLS_CREDS_WIZARD_IMPORT_LOG: log}),
		input,
		encoding: 'utf8',
	});
	const urls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
	return {status: result.status, sources: urls.filter(url => url.startsWith(pathToFileURL(path.dirname(CLI)).href)).flatMap(sourcesOf)};
}
