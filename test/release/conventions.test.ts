/**
 * The command-line conventions of issue #6 on the built CLI: every command answers `--help` with usage, examples and
 * exit codes, and colour follows NO_COLOR (https://no-color.org) and FORCE_COLOR on every screen that paints it —
 * the wizard, the doctor's full-screen view and its plain text in a terminal.
 */
import {spawnSync} from 'node:child_process';
import pty from '@lydell/node-pty';
import {afterAll, describe, expect, test} from 'vitest';
import {CLI, runCli, temporaryHome} from '../support/cli-process.js';

const home = temporaryHome();
afterAll(() => home.remove());

/** Commands named on the main help's Usage lines (`sls-creds-wizard doctor [options]` → doctor). */
function commandsInMainHelp(): string[] {
	const usage = /Usage\n([\s\S]*?)\n\n/.exec(runCli(['--help'], {home: home.home}).stdout)?.[1] ?? '';
	const words = usage.split('\n').map(line => /^\s+sls-creds-wizard ([a-z][a-z-]*)/.exec(line)?.[1]).filter((word): word is string => word !== undefined && word !== 'help');
	return [...new Set(words)];
}

describe('--help: usage, examples and exit codes for every command', () => {
	const commands = commandsInMainHelp();

	test('the main help names the commands, the global options and the exit codes, with examples', () => {
		expect(commands).toEqual(expect.arrayContaining(['doctor', 'profile']));
		const {status, stdout} = runCli(['--help'], {home: home.home});
		expect(status).toBe(0);
		expect(stdout).toMatch(/Examples\n {2}\S/);
		for (const text of ['--version', '--debug', 'Exit codes', '130']) expect(stdout).toContain(text);
	});

	test.each([...commands.map(command => [command]), ['profile', 'set'], ['profile', 'list'], ['profile', 'remove'], ['profile', 'restore']])('%s %s --help', (...words: string[]) => {
		const run = runCli([...words, '--help'], {home: home.home});
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		expect(run.stdout).toContain(`sls-creds-wizard ${words.join(' ')}`);
		expect(run.stdout).toMatch(/Examples\n {2}\S/);
		expect(run.stdout).toContain('Exit codes');
		expect(run.stdout).toContain('--debug');
	});
});

/** Colour escape codes (foreground/background, 16, 256 and true colour); bold and dim are not colour. */
const COLOUR = /\u001B\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m/;

/**
 * The built CLI in a pseudo-terminal with exactly `env` on top of a bare environment: no CI and no FORCE_COLOR
 * unless given, as on a developer's machine (a CI variable, even CI=false, turns colour off in Ink's colour library).
 */
async function paint(args: string[], env: Record<string, string>, ready: string, leave?: string): Promise<string> {
	const child = pty.spawn(process.execPath, [CLI, ...args], {
		name: 'xterm-256color',
		cols: 100,
		rows: 30,
		cwd: home.home,
		env: {PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home.home, TERM: 'xterm-256color', NODE_ENV: 'production', AWS_EC2_METADATA_DISABLED: 'true', ...env},
	});
	let raw = '';
	let left = false;
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`"${ready}" did not appear; output: ${JSON.stringify(raw.slice(-400))}`));
		}, 20_000);
		child.onData(data => {
			raw += data;
			if (!left && leave !== undefined && raw.replace(/\u001B\[[0-9;?]*[A-Za-z]/g, '').includes(ready)) {
				left = true;
				setTimeout(() => child.write(leave), 100);
			}
		});
		child.onExit(() => {
			clearTimeout(timer);
			if (raw.replace(/\u001B\[[0-9;?]*[A-Za-z]/g, '').includes(ready)) resolve(raw);
			else reject(new Error(`"${ready}" did not appear; output: ${JSON.stringify(raw.slice(-400))}`));
		});
	});
}

const screens: Array<[string, string[], string, string | undefined]> = [
	['the wizard', [], 'Set up deploy credentials', '\u0003'],
	['the doctor, full screen', ['doctor', '--offline'], 'Checks', 'q'],
	['the doctor, plain text in a terminal', ['doctor', '--offline', '--plain'], 'Checks', undefined],
];

describe('colour follows NO_COLOR and FORCE_COLOR', () => {
	test.each(screens)('%s is in colour by default', async (_name, args, ready, leave) => {
		expect(await paint(args, {}, ready, leave)).toMatch(COLOUR);
	});

	test.each(screens)('%s has no colour with NO_COLOR=1, even with FORCE_COLOR=1', async (_name, args, ready, leave) => {
		expect(await paint(args, {NO_COLOR: '1', FORCE_COLOR: '1'}, ready, leave)).not.toMatch(COLOUR);
	});

	test.each(screens)('%s has no colour with FORCE_COLOR=0', async (_name, args, ready, leave) => {
		expect(await paint(args, {FORCE_COLOR: '0'}, ready, leave)).not.toMatch(COLOUR);
	});

	test('piped output has no colour', () => {
		const run = spawnSync(process.execPath, [CLI, 'doctor', '--offline'], {
			cwd: home.home,
			env: {PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home.home, TERM: 'xterm-256color', AWS_EC2_METADATA_DISABLED: 'true'},
			encoding: 'utf8',
		});
		expect(run.stdout).toContain('Checks');
		expect(run.stdout).not.toMatch(COLOUR);
	});

	test.each([
		['FORCE_COLOR=1 colours piped output', {FORCE_COLOR: '1'}, true],
		['FORCE_COLOR=true colours piped output', {FORCE_COLOR: 'true'}, true],
		['FORCE_COLOR=false does not', {FORCE_COLOR: 'false'}, false],
		['NO_COLOR beats FORCE_COLOR in a pipe', {FORCE_COLOR: '1', NO_COLOR: '1'}, false],
	])('%s', (_name, extra, coloured) => {
		const run = spawnSync(process.execPath, [CLI, 'doctor', '--offline'], {
			cwd: home.home,
			env: {PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home.home, AWS_EC2_METADATA_DISABLED: 'true', ...extra},
			encoding: 'utf8',
		});
		expect(run.stdout).toContain('Checks');
		if (coloured) expect(run.stdout).toMatch(COLOUR);
		else expect(run.stdout).not.toMatch(COLOUR);
	});
});
