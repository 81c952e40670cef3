import {spawnSync} from 'node:child_process';
import {chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {inspect} from 'node:util';
import fc from 'fast-check';
import {afterAll, describe, expect, it} from 'vitest';
import type {Env} from '../../source/gather/snapshot.js';
import {Secret} from '../../source/secret.js';
import {cmdText, detectShell, exportLines, fishWord, posixWord, powershellString, type Shell, SHELLS} from '../../source/wizard/shell-exports.js';

const CANARY_ID = 'AKIAZCANARY7EXAMPLEQ';
const CANARY_SECRET = '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';
const CANARY_TOKEN = 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQCANARYTOKEN==';

const keys = () => ({accessKeyId: new Secret(CANARY_ID), secretAccessKey: new Secret(CANARY_SECRET), sessionToken: new Secret(CANARY_TOKEN)});

const scratch = mkdtempSync(path.join(tmpdir(), 'shell-exports-'));
afterAll(() => rmSync(scratch, {recursive: true, force: true}));

describe('detectShell', () => {
	const windowsSystemModules = 'C:\\Program Files\\WindowsPowerShell\\Modules;C:\\WINDOWS\\system32\\WindowsPowerShell\\v1.0\\Modules';
	const cases: Array<[string, Env, Shell]> = [
		['bash', {SHELL: '/bin/bash'}, 'posix'],
		['zsh on macOS', {SHELL: '/bin/zsh'}, 'posix'],
		['fish from Homebrew', {SHELL: '/opt/homebrew/bin/fish'}, 'fish'],
		['fish on Linux', {SHELL: '/usr/bin/fish'}, 'fish'],
		['pwsh as login shell', {SHELL: '/usr/local/bin/pwsh'}, 'powershell'],
		['pwsh started from zsh', {SHELL: '/bin/zsh', PSModulePath: '/home/ana/.local/share/powershell/Modules:/usr/local/share/powershell/Modules'}, 'powershell'],
		['nothing known', {}, 'posix'],
		['an empty SHELL', {SHELL: ''}, 'posix'],
		['Windows cmd', {ComSpec: 'C:\\WINDOWS\\system32\\cmd.exe', PSModulePath: windowsSystemModules, USERPROFILE: 'C:\\Users\\ana'}, 'cmd'],
		['Windows cmd, upper-case names', {COMSPEC: 'C:\\WINDOWS\\system32\\cmd.exe', PSMODULEPATH: windowsSystemModules}, 'cmd'],
		['Windows without ComSpec', {OS: 'Windows_NT'}, 'cmd'],
		[
			'Windows PowerShell',
			{ComSpec: 'C:\\WINDOWS\\system32\\cmd.exe', USERPROFILE: 'C:\\Users\\ana', PSModulePath: `C:\\Users\\ana\\Documents\\WindowsPowerShell\\Modules;${windowsSystemModules}`},
			'powershell',
		],
		[
			'PowerShell 7 with OneDrive documents',
			{ComSpec: 'C:\\WINDOWS\\system32\\cmd.exe', USERPROFILE: 'C:\\Users\\ana', PSModulePath: `C:\\Users\\ana\\OneDrive\\Documents\\PowerShell\\Modules;C:\\Program Files\\PowerShell\\Modules;${windowsSystemModules}`},
			'powershell',
		],
		['Git Bash on Windows', {SHELL: '/usr/bin/bash', ComSpec: 'C:\\WINDOWS\\system32\\cmd.exe', PSModulePath: `C:\\Users\\ana\\Documents\\WindowsPowerShell\\Modules`}, 'posix'],
		['pwsh.exe named in SHELL', {SHELL: 'C:\\Program Files\\PowerShell\\7\\pwsh.exe', ComSpec: 'C:\\WINDOWS\\system32\\cmd.exe'}, 'powershell'],
	];
	it.each(cases)('%s', (_name, env, shell) => {
		expect(detectShell(env)).toBe(shell);
	});
});

describe('exportLines for a profile', () => {
	const cases: Array<[Shell, string[]]> = [
		['posix', ['export AWS_PROFILE=my-dev']],
		['fish', ['set -gx AWS_PROFILE my-dev']],
		['powershell', ["$env:AWS_PROFILE = 'my-dev'"]],
		['cmd', ['set AWS_PROFILE=my-dev']],
	];
	it.each(cases)('%s', (shell, lines) => {
		const result = exportLines(shell, {profile: 'my-dev'});
		expect(result.shown).toEqual(lines);
		expect(result.copy.reveal()).toBe(lines.join('\n'));
		expect(result.notes).toEqual([]);
	});

	it.each([
		['posix', ['unset AWS_ACCESS_KEY_ID', 'export AWS_PROFILE=p', 'export AWS_REGION=eu-west-1']],
		['fish', ['set -e AWS_ACCESS_KEY_ID', 'set -gx AWS_PROFILE p', 'set -gx AWS_REGION eu-west-1']],
		['powershell', ['$env:AWS_ACCESS_KEY_ID = $null', "$env:AWS_PROFILE = 'p'", "$env:AWS_REGION = 'eu-west-1'"]],
		['cmd', ['set AWS_ACCESS_KEY_ID=', 'set AWS_PROFILE=p', 'set AWS_REGION=eu-west-1']],
	] as Array<[Shell, string[]]>)('%s: clears variables first and adds the region', (shell, lines) => {
		expect(exportLines(shell, {profile: 'p', region: 'eu-west-1', unset: ['AWS_ACCESS_KEY_ID']}).shown).toEqual(lines);
	});

	it.each([
		['posix', ['export AWS_PROD_PROFILE=app-prod']],
		['fish', ['set -gx AWS_PROD_PROFILE app-prod']],
		['powershell', ["$env:AWS_PROD_PROFILE = 'app-prod'"]],
		['cmd', ['set AWS_PROD_PROFILE=app-prod']],
	] as Array<[Shell, string[]]>)('%s: Serverless v3 per-stage name', (shell, lines) => {
		const result = exportLines(shell, {profile: 'app-prod', stage: 'prod'});
		expect(result.shown).toEqual(lines);
		expect(result.notes.join(' ')).toContain('v4 ignores them');
	});

	it.each([
		['posix', ['env AWS_MY-STAGE_PROFILE=p serverless deploy --stage my-stage']],
		['fish', ['env AWS_MY-STAGE_PROFILE=p serverless deploy --stage my-stage']],
		['powershell', ["${env:AWS_MY-STAGE_PROFILE} = 'p'"]],
		['cmd', ['set AWS_MY-STAGE_PROFILE=p']],
	] as Array<[Shell, string[]]>)('%s: a stage name with a hyphen (spec §2.5: only toUpperCase is applied)', (shell, lines) => {
		const result = exportLines(shell, {profile: 'p', stage: 'my-stage'});
		expect(result.shown).toEqual(lines);
		if (shell === 'posix' || shell === 'fish') expect(result.notes.join(' ')).toContain('cannot export AWS_MY-STAGE_PROFILE');
	});

	it('the env form really hands AWS_MY-STAGE_PROFILE to the deploy (bash)', () => {
		const bin = path.join(scratch, 'bin');
		mkdirSync(bin, {recursive: true});
		// A node script like the real one: dash (the usual /bin/sh) drops such names from the environment it passes on.
		writeFileSync(
			path.join(bin, 'serverless'),
			`#!${process.execPath}\nconsole.log(process.env['AWS_MY-STAGE_PROFILE']);\nconsole.log(process.argv.slice(2).join(' '));\n`,
		);
		chmodSync(path.join(bin, 'serverless'), 0o755);
		const [line] = exportLines('posix', {profile: "it's mine", stage: 'my-stage'}).shown;
		const run = spawnSync('bash', ['-c', line!], {encoding: 'utf8', env: {PATH: `${bin}:${process.env['PATH']}`, HOME: scratch}});
		expect(run.stdout).toBe("it's mine\ndeploy --stage my-stage\n");
	});
});

describe('exportLines for keys', () => {
	it.each(SHELLS)('%s: masked on screen, real only in the copy, never in any printed form', shell => {
		const result = exportLines(shell, {...keys(), region: 'us-east-1'});
		const screen = result.shown.join('\n');
		for (const secret of [CANARY_ID, CANARY_SECRET, CANARY_TOKEN]) {
			expect(screen).not.toContain(secret);
			expect(result.notes.join('\n')).not.toContain(secret);
			expect(JSON.stringify(result)).not.toContain(secret);
			expect(inspect(result, {depth: 10})).not.toContain(secret);
			expect(String(result.copy)).not.toContain(secret);
			expect(result.copy.reveal()).toContain(secret);
		}
		expect(screen).toContain('AKIA…PLEQ');
		expect(screen).toContain('wJal…KEY1');
		expect(result.shown).toHaveLength(4);
	});

	it.each([
		['posix', [`export AWS_ACCESS_KEY_ID=${CANARY_ID}`, `export AWS_SECRET_ACCESS_KEY=${CANARY_SECRET}`]],
		['fish', [`set -gx AWS_ACCESS_KEY_ID ${CANARY_ID}`, `set -gx AWS_SECRET_ACCESS_KEY ${CANARY_SECRET}`]],
		['powershell', [`$env:AWS_ACCESS_KEY_ID = '${CANARY_ID}'`, `$env:AWS_SECRET_ACCESS_KEY = '${CANARY_SECRET}'`]],
		['cmd', [`set AWS_ACCESS_KEY_ID=${CANARY_ID}`, `set AWS_SECRET_ACCESS_KEY=${CANARY_SECRET}`]],
	] as Array<[Shell, string[]]>)('%s: the copy form', (shell, lines) => {
		const copy = exportLines(shell, {accessKeyId: new Secret(CANARY_ID), secretAccessKey: new Secret(CANARY_SECRET)}).copy.reveal();
		// bash, zsh and fish: a leading space keeps the line out of the shell history.
		const lead = shell === 'posix' || shell === 'fish' ? ' ' : '';
		expect(copy).toBe(lines.map(line => lead + line).join('\n'));
	});

	it('the copied lines set the real keys in bash', () => {
		const {copy} = exportLines('posix', keys());
		const script = `${copy.reveal()}\nprintf '%s\\n' "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY" "$AWS_SESSION_TOKEN"`;
		const run = spawnSync('bash', ['-c', script], {encoding: 'utf8', env: {PATH: process.env['PATH'], HOME: scratch}});
		expect(run.stdout).toBe(`${CANARY_ID}\n${CANARY_SECRET}\n${CANARY_TOKEN}\n`);
	});

	it('refuses a value with a line break, without echoing it', () => {
		expect(() => exportLines('posix', {accessKeyId: new Secret(CANARY_ID), secretAccessKey: new Secret(`${CANARY_SECRET}\nrm -rf ~`)})).toThrow(
			/line break/,
		);
		try {
			exportLines('posix', {accessKeyId: new Secret(CANARY_ID), secretAccessKey: new Secret(`${CANARY_SECRET}\n`)});
		} catch (error) {
			expect(String(error)).not.toContain(CANARY_SECRET);
		}
	});
});

describe('quoting', () => {
	const awkward: Array<[string, {posix: string; fish: string; powershell: string; cmd: string}]> = [
		['plain-name_1', {posix: 'plain-name_1', fish: 'plain-name_1', powershell: "'plain-name_1'", cmd: 'plain-name_1'}],
		['with space', {posix: "'with space'", fish: "'with space'", powershell: "'with space'", cmd: 'with space'}],
		["it's", {posix: "'it'\\''s'", fish: "'it\\'s'", powershell: "'it''s'", cmd: "it's"}],
		['say "hi"', {posix: `'say "hi"'`, fish: `'say "hi"'`, powershell: `'say "hi"'`, cmd: 'say ^"hi^"'}],
		['$HOME', {posix: "'$HOME'", fish: "'$HOME'", powershell: "'$HOME'", cmd: '$HOME'}],
		['100%', {posix: '100%', fish: "'100%'", powershell: "'100%'", cmd: '100%'}],
		['%PATH%', {posix: '%PATH%', fish: "'%PATH%'", powershell: "'%PATH%'", cmd: '%^PATH%'}],
		['a%&b', {posix: "'a%&b'", fish: "'a%&b'", powershell: "'a%&b'", cmd: 'a%^&b'}],
		['back\\slash', {posix: "'back\\slash'", fish: "'back\\\\slash'", powershell: "'back\\slash'", cmd: 'back\\slash'}],
		['a&b|c<d>e^f', {posix: "'a&b|c<d>e^f'", fish: "'a&b|c<d>e^f'", powershell: "'a&b|c<d>e^f'", cmd: 'a^&b^|c^<d^>e^^f'}],
		['`tick`', {posix: "'`tick`'", fish: "'`tick`'", powershell: "'`tick`'", cmd: '`tick`'}],
		['~/x', {posix: "'~/x'", fish: "'~/x'", powershell: "'~/x'", cmd: '~/x'}],
		['‘curly’', {posix: "'‘curly’'", fish: "'‘curly’'", powershell: "'‘‘curly’’'", cmd: '‘curly’'}],
		['', {posix: "''", fish: "''", powershell: "''", cmd: ''}],
	];
	it.each(awkward)('%j', (value, expected) => {
		expect(posixWord(value)).toBe(expected.posix);
		expect(fishWord(value)).toBe(expected.fish);
		expect(powershellString(value)).toBe(expected.powershell);
		expect(cmdText(value)).toBe(expected.cmd);
	});

	it('fish: a value starting with "-" is not taken for an option of set', () => {
		expect(exportLines('fish', {profile: '-dev'}).shown).toEqual(['set -gx -- AWS_PROFILE -dev']);
	});

	const tricky = fc.string({
		unit: fc.oneof(
			fc.constantFrom(' ', '\t', "'", '"', '$', '%', '`', '\\', '!', '*', '?', '~', '#', ';', '&', '|', '<', '>', '(', ')', '{', '}', '[', ']', '-', '=', '^', 'é', '…', '‘'),
			fc.string({unit: 'grapheme-ascii', minLength: 1, maxLength: 1}),
		),
		maxLength: 24,
	});

	/** Runs the lines in a real shell and reads the variable back, one value per NUL-terminated record. */
	function readBack(shell: string, values: string[], line: (value: string) => string): string[] {
		const script = values.map(value => `${line(value)}\nprintf '%s\\0' "$AWS_PROFILE"`).join('\n');
		const run = spawnSync(shell, ['-c', script], {encoding: 'utf8', env: {PATH: process.env['PATH'], HOME: scratch}});
		expect(run.stderr).toBe('');
		return run.stdout.split('\0').slice(0, -1);
	}

	it.each(['bash', 'dash', 'sh'])('%s reads back every value exactly (property, real shell)', shell => {
		const values = [...awkward.map(([value]) => value), ...fc.sample(tricky.filter(value => !/[\0\r\n]/.test(value)), 400)];
		expect(readBack(shell, values, value => exportLines('posix', {profile: value}).copy.reveal())).toEqual(values);
	});

	it('bash: the copied key lines read back exactly whatever the value (property)', () => {
		const values = fc.sample(tricky.filter(value => !/[\0\r\n]/.test(value) && value !== ''), 200);
		const script = values
			.map(value => `${exportLines('posix', {accessKeyId: new Secret('AKIAEXAMPLEEXAMPLE01'), secretAccessKey: new Secret(value)}).copy.reveal()}\nprintf '%s\\0' "$AWS_SECRET_ACCESS_KEY"`)
			.join('\n');
		const run = spawnSync('bash', ['-c', script], {encoding: 'utf8', env: {PATH: process.env['PATH'], HOME: scratch}});
		expect(run.stdout.split('\0').slice(0, -1)).toEqual(values);
	});
});
