/** The built CLI as a user runs it: exit codes, one-line errors without a stack, help and version. */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {ROOT, runCli, temporaryHome} from '../support/cli-process.js';

const home = temporaryHome();
afterAll(() => home.remove());

describe('sls-creds-wizard (built)', () => {
	test('--version prints the package version', () => {
		const {version} = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {version: string};
		const run = runCli(['--version'], {home: home.home});
		expect(run).toMatchObject({status: 0, stdout: `${version}\n`, stderr: ''});
	});

	test.each([
		[['--help'], 'sls-creds-wizard doctor [options]'],
		[['doctor', '--help'], '--aws-profile <name>'],
		[['profile', '--help'], 'sls-creds-wizard profile set [name] [options]'],
		[['help', 'profile'], '--secret-stdin'],
	])('%j prints help with examples and exits 0', (args, text) => {
		const run = runCli(args, {home: home.home});
		expect(run.status).toBe(0);
		expect(run.stdout).toContain(text);
		expect(run.stdout).toContain('Exit codes');
		expect(run.stderr).toBe('');
	});

	test('doctor --help has examples', () => {
		expect(runCli(['doctor', '--help'], {home: home.home}).stdout).toMatch(/Examples\n {2}sls-creds-wizard doctor\n/);
	});

	test('profile --help has examples for each action and names the files', () => {
		const {stdout} = runCli(['profile', '--help'], {home: home.home});
		for (const action of ['set', 'list', 'remove', 'restore']) expect(stdout).toMatch(new RegExp(`Examples\\n[\\s\\S]*sls-creds-wizard profile ${action}`));
		expect(stdout).toContain('AWS_SHARED_CREDENTIALS_FILE');
	});

	test('the main help lists the profile command', () => {
		expect(runCli(['--help'], {home: home.home}).stdout).toContain('sls-creds-wizard profile <action>');
	});

	test.each([
		[['doctor', '--profile', 'dev'], /--profile is not an option.*Use --aws-profile <name>/],
		[['doctor', '--nope'], /unknown option --nope\. Run `sls-creds-wizard doctor --help`/],
		[['doctor', '--timeout', 'x'], /--timeout must be a number/],
		[['nope'], /unknown command "nope"/],
		[['profile', 'set', '--bogus'], /unknown option --bogus\. Run `sls-creds-wizard profile --help`/],
		[['profile', 'nope'], /unknown profile action "nope"/],
	])('%j: one line naming the problem and the fix, exit 2, no stack', (args, pattern) => {
		const run = runCli(args, {home: home.home});
		expect(run.status).toBe(2);
		expect(run.stdout).toBe('');
		expect(run.stderr).toMatch(pattern);
		expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(run.stderr).not.toMatch(/\n\s+at /);
	});

	test('no subcommand and no terminal: says why and points to doctor, exit 2', () => {
		const run = runCli([], {home: home.home});
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/needs an interactive terminal.*sls-creds-wizard profile set.*sls-creds-wizard doctor/);
	});
});
