/** `profile list`, `profile remove` and `profile restore` as a user runs them (the built CLI, a temporary HOME). */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, test} from 'vitest';
import {CANARY_SECRET, CANARY_TOKEN, KEY, OLD_SECRET, OTHER_KEY, TEMPORARY_KEY, leaks, profileHome, type ProfileHome} from './profile-home.js';

const homes: ProfileHome[] = [];
function home(files: {credentials?: string; config?: string} = {}): ProfileHome {
	const made = profileHome(files);
	homes.push(made);
	return made;
}
afterEach(() => {
	for (const made of homes.splice(0)) made.remove();
});

const CREDENTIALS = [
	'[default]',
	`aws_access_key_id = ${KEY}`,
	`aws_secret_access_key = ${CANARY_SECRET}`,
	'',
	'# temporary keys',
	'[temp]',
	`aws_access_key_id = ${TEMPORARY_KEY}`,
	`aws_secret_access_key = ${OLD_SECRET}`,
	`aws_session_token = ${CANARY_TOKEN}`,
	'',
].join('\n');
const CONFIG = [
	'[default]',
	'region = eu-west-1',
	'',
	'# deploys to prod',
	'[profile prod]',
	'role_arn = arn:aws:iam::210987654321:role/deployer',
	'source_profile = default',
	'',
	'[profile sso]',
	'sso_session = corp',
	'sso_account_id = 123456789012',
	'sso_role_name = Dev',
	'',
	'[sso-session corp]',
	'sso_start_url = https://corp.awsapps.com/start',
	'sso_region = eu-west-1',
	'',
].join('\n');

describe('profile list', () => {
	test('every profile with its kind, file and line; keys masked', () => {
		const h = home({credentials: CREDENTIALS, config: CONFIG});
		const run = h.run(['profile', 'list']);
		expect(run.status).toBe(0);
		expect(run.stdout).toContain('default  (a static-key profile)');
		expect(run.stdout).toContain('temp  (a profile with temporary keys)');
		expect(run.stdout).toContain('prod  (a role profile)');
		expect(run.stdout).toContain('sso  (an SSO profile)');
		expect(run.stdout).toMatch(new RegExp(`aws_access_key_id = AKIA…LM7Y +${h.credentials.replaceAll('/', '\\/')}:2`));
		expect(run.stdout).toContain(`${h.config}:2`);
		for (const secret of [CANARY_SECRET, CANARY_TOKEN, KEY, OLD_SECRET]) expect(leaks(run.stdout + run.stderr, secret)).toBe(false);
	});

	test('--json: name, kind, and each key with file, path and line', () => {
		const h = home({credentials: CREDENTIALS, config: CONFIG});
		const run = h.run(['profile', 'list', '--json']);
		expect(run.status).toBe(0);
		const listing = JSON.parse(run.stdout) as {files: unknown; profiles: Array<{name: string; kind: string; keys: Array<Record<string, unknown>>}>};
		expect(listing.files).toEqual({credentials: h.credentials, config: h.config});
		expect(listing.profiles.map((profile) => [profile.name, profile.kind])).toEqual([
			['default', 'static'],
			['temp', 'temporary'],
			['prod', 'role'],
			['sso', 'sso'],
		]);
		expect(listing.profiles[0]!.keys).toContainEqual({key: 'aws_access_key_id', value: 'AKIA…LM7Y', file: 'credentials', path: h.credentials, line: 2});
		expect(listing.profiles[0]!.keys).toContainEqual({key: 'region', value: 'eu-west-1', file: 'config', path: h.config, line: 2});
		for (const secret of [CANARY_SECRET, CANARY_TOKEN, KEY]) expect(leaks(run.stdout, secret)).toBe(false);
	});

	test('no files: says so and how to add one, exit 0', () => {
		const run = home().run(['profile', 'list']);
		expect(run.status).toBe(0);
		expect(run.stdout).toMatch(/No profiles in .*\(none\).*\nAdd one: sls-creds-wizard profile set <name>/);
	});
});

describe('profile remove', () => {
	test('removes the profile\'s sections and the comment above each, nothing else; backups taken', () => {
		const h = home({credentials: CREDENTIALS, config: CONFIG});
		const run = h.run(['profile', 'remove', 'prod', '--yes']);
		expect(run.status).toBe(0);
		expect(h.read('credentials')).toBe(CREDENTIALS);
		expect(h.read('config')).toBe(CONFIG.replace('# deploys to prod\n[profile prod]\nrole_arn = arn:aws:iam::210987654321:role/deployer\nsource_profile = default\n\n', ''));
		expect(run.stdout).toContain('-[profile prod]');
		expect(run.stdout).toContain(`Profile "prod" removed from ${h.config} (backup: `);
		expect(h.backups()).toEqual([expect.stringMatching(/^config\..*\.bak$/)]);
	});

	test('a profile in both files goes from both; a profile used as source_profile is warned about', () => {
		const h = home({credentials: CREDENTIALS, config: CONFIG});
		const run = h.run(['profile', 'remove', 'default', '--yes']);
		expect(run.status).toBe(0);
		expect(h.read('credentials')).not.toContain('[default]');
		expect(h.read('config')).not.toMatch(/^\[default\]/m);
		expect(run.stderr).toMatch(/Profile "prod" uses "default" as its source_profile/);
		for (const secret of [CANARY_SECRET, KEY]) expect(leaks(run.stdout + run.stderr, secret)).toBe(false);
	});

	test('an unknown profile: exit 1, one line with the fix, nothing written', () => {
		const h = home({credentials: CREDENTIALS});
		const run = h.run(['profile', 'remove', 'nope', '--yes']);
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/Profile "nope" is not configured in .* Run sls-creds-wizard profile list/);
		expect(h.read('credentials')).toBe(CREDENTIALS);
		expect(h.backups()).toEqual([]);
	});

	test('no name: usage error, exit 2', () => {
		const run = home().run(['profile', 'remove', '--yes']);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/profile remove needs the name of the profile/);
	});

	test('no terminal and no --yes: refused, exit 2; --dry-run shows the diff', () => {
		const h = home({credentials: CREDENTIALS});
		expect(h.run(['profile', 'remove', 'temp']).status).toBe(2);
		const dry = h.run(['profile', 'remove', 'temp', '--dry-run']);
		expect(dry.status).toBe(0);
		expect(dry.stdout).toContain('-[temp]');
		expect(dry.stdout).toContain('-aws_session_token = IQoJ…x9==');
		expect(h.read('credentials')).toBe(CREDENTIALS);
		expect(leaks(dry.stdout, CANARY_TOKEN)).toBe(false);
	});
});

describe('profile restore', () => {
	test('--backup puts the file back through the safe path (which backs up what it replaces)', () => {
		const h = home({credentials: CREDENTIALS});
		expect(h.run(['profile', 'set', 'temp', '-k', OTHER_KEY, '--secret-stdin', '-o', '-y'], {input: OLD_SECRET}).status).toBe(0);
		const changed = h.read('credentials');
		expect(changed).not.toBe(CREDENTIALS);
		const [backup] = h.backups();
		const run = h.run(['profile', 'restore', '--backup', path.join(h.aws, backup!), '--yes']);
		expect(run.status).toBe(0);
		expect(h.read('credentials')).toBe(CREDENTIALS);
		expect(run.stdout).toContain(`Restored ${h.credentials} from ${path.join(h.aws, backup!)}`);
		const newest = h.backups().find((name) => name !== backup)!;
		expect(readFileSync(path.join(h.aws, newest), 'utf8')).toBe(changed);
		expect(leaks(run.stdout + run.stderr, CANARY_TOKEN)).toBe(false);
	});

	test('without a terminal and without --backup: lists the backups, exit 2', () => {
		const h = home({credentials: CREDENTIALS, config: CONFIG});
		h.run(['profile', 'remove', 'temp', '--yes']);
		h.run(['profile', 'remove', 'prod', '--yes']);
		const run = h.run(['profile', 'restore']);
		expect(run.status).toBe(2);
		expect(run.stdout).toMatch(/Backups, newest first:\n {2}1 {2}config {6}.*\n {2}2 {2}credentials/);
		expect(run.stderr).toMatch(/needs --backup <file> when there is no terminal/);
		const json = h.run(['profile', 'restore', '--json']);
		expect(JSON.parse(json.stdout)).toMatchObject({status: 'choose', backups: [{file: 'config'}, {file: 'credentials'}]});
	});

	test('no backups yet: exit 1 with an explanation', () => {
		const run = home({credentials: CREDENTIALS}).run(['profile', 'restore', '--yes']);
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/There are no backups of /);
	});

	test('a file that is not a backup of either file: usage error', () => {
		const h = home({credentials: CREDENTIALS});
		const run = h.run(['profile', 'restore', '--backup', path.join(h.home, 'random.txt'), '--yes']);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/is not a backup of /);
	});

	test('a backup that does not exist: exit 1, the file left as it was', () => {
		const h = home({credentials: CREDENTIALS});
		const run = h.run(['profile', 'restore', '--backup', path.join(h.aws, 'credentials.2020-01-01T00-00-00-000Z.bak'), '--yes']);
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/does not exist/);
		expect(h.read('credentials')).toBe(CREDENTIALS);
	});
});
