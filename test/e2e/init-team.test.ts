/**
 * `init-team` through the built CLI without AWS (--offline, accounts given): what it writes and re-reads, bad input
 * exiting 2 with one line and the fix, --dry-run and a declined confirm leaving the file byte-identical, and the
 * questions on a real pseudo-terminal.
 */
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, test} from 'vitest';
import {parseServiceText} from '../../source/service/parse-service-file.js';
import {PROFILE_FROM_TEAM_SETTINGS} from '../../source/service/team-settings.js';
import {resolveYaml} from '../service/resolve-service-support.js';
import {runCli, temporaryHome} from '../support/cli-process.js';
import {KEYS, spawnCli} from '../support/pty.js';

const homes: Array<{remove(): void}> = [];
afterEach(() => {
	for (const home of homes.splice(0)) home.remove();
});

const FIXTURES = path.resolve(import.meta.dirname, '../service/fixtures');
const COMMENTED = readFileSync(path.join(FIXTURES, 'commented.yml'), 'utf8').replaceAll('\n', '\r\n');
const MAPPED = readFileSync(path.join(FIXTURES, 'team-mapped.yml'), 'utf8');

function world(text = COMMENTED, name = 'serverless.yml') {
	const made = temporaryHome();
	homes.push(made);
	const service = path.join(made.home, 'orders');
	mkdirSync(service);
	const file = path.join(service, name);
	writeFileSync(file, text);
	return {
		home: made.home,
		service,
		run: (args: string[]) => runCli(['init-team', ...args], {home: made.home, cwd: service}),
		read: () => readFileSync(file, 'utf8'),
		backups: () => readdirSync(service).filter(entry => entry !== name),
	};
}

const OFFLINE = ['--offline', '--stage', 'dev=orders-dev', '--account', 'dev=111111111111', '--stage', 'prod=orders-prod', '--account', 'prod=222222222222'];

describe('init-team offline', () => {
	test('--yes writes the block and provider.profile; the file re-resolves to each stage\'s profile; a backup is kept', () => {
		const {run, read, backups} = world();
		const result = run([...OFFLINE, '--region', 'prod=us-east-1', '--yes']);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		expect(result.stdout).toContain("+      account: '111111111111'");
		expect(result.stdout).toMatch(/Team settings written to .*serverless\.yml \(backup: .*\)\./);
		const after = read();
		const document = parseServiceText(after, 'yml').document as any;
		expect(document.custom.deployAccounts).toEqual({
			dev: {profile: 'orders-dev', account: '111111111111', region: 'eu-west-1'},
			prod: {profile: 'orders-prod', account: '222222222222', region: 'us-east-1'},
		});
		for (const [stage, profile] of [['dev', 'orders-dev'], ['prod', 'orders-prod']]) {
			expect(resolveYaml(after, {framework: 3, options: {stage}}).service.profile).toMatchObject({kind: 'value', value: profile, raw: PROFILE_FROM_TEAM_SETTINGS});
		}
		// Every line of the old file is still there, CRLF and all.
		const lines = after.split('\r\n');
		for (const line of COMMENTED.split('\r\n')) expect(lines).toContain(line);
		expect(after).not.toMatch(/(^|[^\r])\n/);
		expect(backups()).toHaveLength(1);
	});

	test('--dry-run shows the diff and writes nothing', () => {
		const {run, read, backups} = world();
		const result = run([...OFFLINE, '--dry-run']);
		expect(result.status).toBe(0);
		expect(result.stdout).toContain(`+  profile: ${PROFILE_FROM_TEAM_SETTINGS}`);
		expect(result.stdout).toContain('Dry run: nothing was written.');
		expect(read()).toBe(COMMENTED);
		expect(backups()).toEqual([]);
	});

	test('a second run with the same settings changes nothing', () => {
		const {run, read} = world();
		expect(run([...OFFLINE, '--yes']).status).toBe(0);
		const once = read();
		const again = run([...OFFLINE, '--yes']);
		expect(again.status).toBe(0);
		expect(again.stdout).toContain('already holds these team settings; nothing to change.');
		expect(read()).toBe(once);
	});

	test('the wizard\'s provider.profile: refused with the snippet unless --replace-profile; --keep-profile writes the block only', () => {
		const {run, read} = world(MAPPED);
		const args = ['--offline', '--stage', 'dev=payments-dev', '--account', 'dev=111111111111', '--stage', 'prod=payments-prod', '--account', 'prod=222222222222', '--yes'];
		const refused = run(args);
		expect(refused.status).toBe(1);
		expect(refused.stderr).toMatch(/provider\.profile in serverless\.yml is already .*--replace-profile.*--keep-profile/);
		expect(refused.stdout).toContain('Add this to serverless.yml by hand:\n\nprovider:\n');
		expect(read()).toBe(MAPPED);

		const kept = run([...args, '--keep-profile', '--json']);
		expect(kept.status).toBe(0);
		expect(JSON.parse(kept.stdout)).toMatchObject({status: 'written', warnings: [expect.stringMatching(/provider\.profile does not read custom\.deployAccounts/)]});
		expect(read()).toContain('  profile: ${self:custom.profiles.${sls:stage}} # per stage\n');

		const replaced = run([...args, '--replace-profile']);
		expect(replaced.status).toBe(0);
		expect(read()).toContain(`  profile: ${PROFILE_FROM_TEAM_SETTINGS} # per stage\n`);
	});

	test('a block the doctor rejects (an 11-digit account, a misspelt region) is mended in place, the comments kept', () => {
		const broken = 'service: a\nprovider:\n  name: aws\n  profile: ${self:custom.deployAccounts.${sls:stage}.profile}\ncustom:\n  deployAccounts:\n    dev: # sandbox\n      profile: a-dev\n      account: 11111111111 # typo\n      region: eu-west\n';
		const {run, read} = world(broken);
		const result = run(['--offline', '--stage', 'dev=a-dev', '--account', 'dev=111111111111', '--region', 'dev=eu-west-1', '--yes']);
		expect(result.status).toBe(0);
		expect(result.stderr).toContain('warning: custom.deployAccounts.dev.account was "11111111111"; now "111111111111".');
		expect(read()).toBe(broken.replace('11111111111 # typo', "'111111111111' # typo").replace('eu-west\n', 'eu-west-1\n'));
	});

	test('serverless.json is left alone: the settings to paste, as JSON, exit 1', () => {
		const {run, read} = world('{"service": "a", "provider": {"name": "aws"}}\n', 'serverless.json');
		const result = run([...OFFLINE, '--yes']);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('serverless.json is JSON: init-team edits only YAML service files');
		expect(JSON.parse(result.stdout.slice(result.stdout.indexOf('{')))).toMatchObject({custom: {deployAccounts: {prod: {account: '222222222222'}}}});
		expect(read()).toBe('{"service": "a", "provider": {"name": "aws"}}\n');
	});
});

describe('init-team bad input: one line with the fix, exit 2, nothing written', () => {
	test.each<[string, string[], RegExp]>([
		['a short account id', ['--offline', '--stage', 'dev=a', '--account', 'dev=1234', '--yes'], /account "1234" of stage dev is not a 12-digit AWS account id\. Write the 12 digits/],
		['a malformed role ARN', ['--stage', 'dev=a', '--role', 'dev=arn:aws:iam::role/x', '--yes'], /is not an IAM role ARN\. Write it as arn:aws:iam::<12-digit account>:role\/<role name>/],
		['an account that is not the role\'s', ['--stage', 'dev=a', '--role', 'dev=arn:aws:iam::333333333333:role/x', '--account', 'dev=111111111111', '--yes'], /a role in account 333333333333, but the stage's account is 111111111111/],
		['--stage without =', ['--stage', 'dev', '--yes'], /--stage dev: expected <stage>=<profile>\. Write for example --stage dev=acme-dev/],
		['--account for a stage not given', ['--stage', 'dev=a', '--account', 'prod=222222222222', '--yes'], /stage prod has no --stage prod=<profile>/],
		['--offline without an account', ['--offline', '--stage', 'dev=a', '--yes'], /--offline: stage dev needs its account\. Add --account dev=/],
		['--source-profile without a role', ['--offline', '--stage', 'dev=a', '--account', 'dev=111111111111', '--source-profile', 'dev=base', '--yes'], /stage dev assumes no role/],
		['a bad region', ['--offline', '--stage', 'dev=a', '--account', 'dev=111111111111', '--region', 'dev=Ireland', '--yes'], /not an AWS region name/],
		['no stages and no terminal', ['--yes'], /needs the stages, and there is no terminal/],
		['no --yes and no terminal', ['--offline', '--stage', 'dev=a', '--account', 'dev=111111111111'], /only after you confirm/],
		['an unknown option', ['--profile', 'x'], /unknown option --profile|--profile is not an option/],
	])('%s', (_name, args, message) => {
		const {run, read} = world();
		const result = run(args);
		expect(result.status).toBe(2);
		expect(result.stderr).toMatch(message);
		expect(result.stderr.trim().split('\n')).toHaveLength(1);
		expect(result.stdout).toBe('');
		expect(read()).toBe(COMMENTED);
	});

	test('no service file', () => {
		const {run, service} = world();
		const result = runCli(['init-team', ...OFFLINE, '--yes'], {home: path.dirname(service), cwd: path.dirname(service)});
		expect(result.status).toBe(2);
		expect(result.stderr).toMatch(/There is no serverless\.yml in .* Run init-team in the service folder/);
		void run;
	});
});

describe('init-team on a terminal', () => {
	test('asks for the stages and profiles (defaults from custom.profiles), shows the diff; a declined confirm leaves the file byte-identical', async () => {
		const {home, service, read, backups} = world(MAPPED);
		const terminal = spawnCli(['init-team', '--offline', '--account', 'dev=111111111111', '--account', 'prod=222222222222'], {home, cwd: service, columns: 120, rows: 50});
		// --account before --stage is fine on a terminal: the stages are asked for.
		await terminal.waitFor('Stages, separated by commas [dev, prod]:');
		await terminal.press(KEYS.enter);
		await terminal.waitFor('Profile for dev [payments-dev]:');
		await terminal.press(KEYS.enter);
		await terminal.waitFor('Profile for prod [payments-prod]:');
		await terminal.press('p', 'a', 'y', '-', 'p', KEYS.enter);
		await terminal.waitFor('Replace provider.profile? (No: write only custom.deployAccounts) [y/N]');
		await terminal.press('y', KEYS.enter);
		const screen = await terminal.waitFor('Write the team settings to serverless.yml? [y/N]');
		expect(screen).toContain("+      account: '222222222222'");
		expect(screen).toContain('+      profile: pay-p');
		await terminal.press('n', KEYS.enter);
		expect((await terminal.exited()).exitCode).toBe(1);
		expect(await terminal.screen()).toContain('Nothing was written.');
		expect(read()).toBe(MAPPED);
		expect(backups()).toEqual([]);
	});

	test('Ctrl-C at a question: exit 130, nothing written', async () => {
		const {home, service, read} = world();
		const terminal = spawnCli(['init-team', '--offline'], {home, cwd: service});
		await terminal.waitFor('Stages, separated by commas');
		await terminal.press(KEYS.ctrlC);
		expect((await terminal.exited()).exitCode).toBe(130);
		expect(read()).toBe(COMMENTED);
	});

	test('asks for an account AWS was not asked for (--offline), then writes on y', async () => {
		const {home, service, read} = world();
		const terminal = spawnCli(['init-team', '--offline', '--stage', 'dev=orders-dev'], {home, cwd: service});
		await terminal.waitFor('AWS account id for dev (12 digits):');
		await terminal.press(...'1234'.split(''), KEYS.enter);
		await terminal.waitFor('An AWS account id has 12 digits');
		await terminal.press(...'1111-2222-3333'.split(''), KEYS.enter);
		await terminal.waitFor('Write the team settings to serverless.yml? [y/N]');
		await terminal.press('y', KEYS.enter);
		expect((await terminal.exited()).exitCode).toBe(0);
		expect(read()).toContain("      account: '111122223333'\r\n");
		expect(existsSync(path.join(service, 'serverless.yml'))).toBe(true);
	});
});
