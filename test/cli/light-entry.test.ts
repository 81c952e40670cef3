/**
 * `--help`, `--version` and argument errors must not load Ink, React or the AWS SDK (spec/toolchain.md §8: they
 * cost about 6× a bare node start). A module hook records every module the process resolves.
 */
import {spawnSync} from 'node:child_process';
import {readFileSync, rmSync} from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {afterAll, describe, expect, test} from 'vitest';
import {CLI, ROOT, cleanEnv, temporaryHome} from '../support/cli-process.js';

const recorder = path.join(ROOT, 'test/support/record-imports.mjs');
const home = temporaryHome();
afterAll(() => home.remove());

function loadedModules(nodeArgs: string[], tag: string): {status: number | null; urls: string[]} {
	const log = path.join(home.home, `imports-${tag}.log`);
	rmSync(log, {force: true});
	const result = spawnSync(process.execPath, ['--import', pathToFileURL(recorder).href, ...nodeArgs], {
		cwd: ROOT,
		env: cleanEnv(home.home, {SLS_CREDS_WIZARD_IMPORT_LOG: log}),
		input: '',
		encoding: 'utf8',
	});
	const urls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
	return {status: result.status, urls};
}

const distUrl = pathToFileURL(path.dirname(CLI)).href;
const allowed = new Set(
	['cli.js', 'commands/command-line.js', 'commands/usage.js', 'commands/usage-error.js', 'commands/failure-text.js'].map(
		file => `${distUrl}/${file}`,
	),
);

describe('the entry loads nothing heavy before it knows it must', () => {
	test('the recorder works: importing ink is seen', () => {
		const {urls} = loadedModules(['--input-type=module', '-e', "await import('ink')"], 'control');
		expect(urls.some(url => url.includes('/node_modules/ink/'))).toBe(true);
		expect(urls.some(url => url.includes('/node_modules/react/'))).toBe(true);
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
	])('%s', (_name, args) => {
		const {urls} = loadedModules([CLI, ...args], args.join('-') || 'none');
		expect(urls).toContain(`${distUrl}/cli.js`);
		const outside = urls.filter(url => !url.startsWith('node:') && !allowed.has(url));
		expect(outside).toEqual([]);
	});
});

describe('the doctor without a terminal never loads Ink or React, and --offline never loads the AWS SDK', () => {
	test.each([
		['--json --offline', ['doctor', '--json', '--offline']],
		['piped plain text', ['doctor', '--offline']],
	])('%s', (_name, args) => {
		const {status, urls} = loadedModules([CLI, ...args], args.join(''));
		expect([0, 1]).toContain(status);
		expect(urls).toContain(`${distUrl}/commands/doctor.js`);
		const heavy = urls.filter(url => /\/node_modules\/(ink|react|react-reconciler|yoga-layout|@aws-sdk)\//.test(url));
		expect(heavy).toEqual([]);
	});
});

