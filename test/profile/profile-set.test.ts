/**
 * `profile set` as a user runs it (the built CLI in a temporary HOME): parity with `serverless config credentials`
 * (options, refusal text, success line) and the placement rules of aws-files.md §7, byte for byte.
 */
import {chmodSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
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

const set = (name: string, ...extra: string[]) => ['profile', 'set', '-n', name, '-k', KEY, '--secret-stdin', '--yes', ...extra];

describe('profile set writes the profile where the AWS tools read it', () => {
	test('a new profile: ~/.aws made 0700, credentials 0600, Serverless\' success line, the diff masked', () => {
		const h = home();
		const run = h.run(set('dev'), {input: `${CANARY_SECRET}\n`});
		expect(run.status).toBe(0);
		expect(h.read('credentials')).toBe(`[dev]\naws_access_key_id = ${KEY}\naws_secret_access_key = ${CANARY_SECRET}\n`);
		expect(h.read('config')).toBeUndefined();
		expect(statSync(h.aws).mode & 0o777).toBe(0o700);
		expect(statSync(h.credentials).mode & 0o777).toBe(0o600);
		expect(run.stdout).toContain(`Profile "dev" has been configured in ${h.credentials}`);
		expect(run.stdout).toContain('+aws_access_key_id = AKIA…LM7Y');
		expect(run.stdout).toContain('--- /dev/null');
		expect(leaks(run.stdout + run.stderr, CANARY_SECRET)).toBe(false);
		expect(leaks(run.stdout + run.stderr, KEY)).toBe(false);
	});

	test('an existing profile without --overwrite: Serverless\' refusal, exit 1, the file untouched', () => {
		const before = `# mine\n[dev]\naws_access_key_id = ${OTHER_KEY}\naws_secret_access_key = ${OLD_SECRET}\n`;
		const h = home({credentials: before});
		const run = h.run(set('dev'), {input: CANARY_SECRET});
		expect(run.status).toBe(1);
		expect(run.stderr).toContain(
			`Profile "dev" is already configured in ${h.credentials}. Use the overwrite flag ("-o" or "--overwrite") to force the update.`,
		);
		expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(h.read('credentials')).toBe(before);
		expect(h.backups()).toEqual([]);
	});

	test('a role-only profile of the same name is "existing" too (Serverless would overwrite it silently)', () => {
		const config = '[profile dev]\nrole_arn = arn:aws:iam::123456789012:role/deploy\nsource_profile = base\n';
		const h = home({credentials: '', config});
		const run = h.run(set('dev'), {input: CANARY_SECRET});
		expect(run.status).toBe(1);
		expect(run.stderr).toContain(`Profile "dev" is already configured in ${h.config}`);
		expect(h.read('config')).toBe(config);
	});

	test('--overwrite replaces only the key lines: comments, order, other profiles and unknown keys stay', () => {
		const before = [
			'# managed by hand',
			'[default]',
			`aws_access_key_id = ${OTHER_KEY}`,
			`aws_secret_access_key = ${OLD_SECRET}`,
			'',
			'; the dev account',
			'[dev]',
			`aws_access_key_id = ${OTHER_KEY} ; old key`,
			'# keep this comment',
			`aws_secret_access_key = ${OLD_SECRET}`,
			'unknown_key = kept',
			'',
			'[prod]',
			'aws_access_key_id = AKIAPRODPRODPRODPROD',
			'aws_secret_access_key = prodSecretprodSecretprodSecretprodSecret',
			'',
		].join('\n');
		const h = home({credentials: before});
		const run = h.run(set('dev', '-o'), {input: CANARY_SECRET});
		expect(run.status).toBe(0);
		const after = h.read('credentials')!;
		const expected = before
			.replace(`aws_access_key_id = ${OTHER_KEY} ; old key`, `aws_access_key_id = ${KEY}`)
			.replace(`# keep this comment\naws_secret_access_key = ${OLD_SECRET}`, `# keep this comment\naws_secret_access_key = ${CANARY_SECRET}`);
		expect(after).toBe(expected);
		const [backup] = h.backups();
		expect(backup).toMatch(/^credentials\..*\.bak$/);
		expect(readFileSync(path.join(h.aws, backup!), 'utf8')).toBe(before);
		expect(statSync(path.join(h.aws, backup!)).mode & 0o777).toBe(0o600);
		expect(run.stdout).toContain(`(backup: ${path.join(h.aws, backup!)})`);
	});

	test('CRLF and a missing final newline are kept', () => {
		const before = `[other]\r\naws_access_key_id = ${OTHER_KEY}\r\naws_secret_access_key = ${OLD_SECRET}`;
		const h = home({credentials: before});
		expect(h.run(set('dev'), {input: CANARY_SECRET}).status).toBe(0);
		const after = h.read('credentials')!;
		expect(after.startsWith(before)).toBe(true);
		expect(after.slice(before.length)).toMatch(/^\r\n\r\n\[dev\]\r\naws_access_key_id = /);
	});

	test('an ASIA key replaced by an AKIA key loses its stale session token (aws/aws-cli#9590)', () => {
		const before = `[dev]\naws_access_key_id = ${TEMPORARY_KEY}\naws_secret_access_key = ${OLD_SECRET}\naws_session_token = ${CANARY_TOKEN}\nregion = eu-west-1\n`;
		const h = home({credentials: before});
		const run = h.run(set('dev', '-o'), {input: CANARY_SECRET});
		expect(run.status).toBe(0);
		const after = h.read('credentials')!;
		expect(after).not.toContain('aws_session_token');
		expect(after).toContain(`aws_access_key_id = ${KEY}\naws_secret_access_key = ${CANARY_SECRET}\n`);
		expect(run.stderr).toMatch(/Removed the old aws_session_token/);
		expect(leaks(run.stdout + run.stderr, CANARY_TOKEN)).toBe(false);
	});

	test('a temporary key with --session-token keeps the token (and the argv warning names the risk)', () => {
		const h = home();
		const run = h.run(['profile', 'set', 'tmp', '-k', TEMPORARY_KEY, '--secret-stdin', '--session-token', CANARY_TOKEN, '--yes'], {input: CANARY_SECRET});
		expect(run.status).toBe(0);
		expect(h.read('credentials')).toContain(`aws_session_token = ${CANARY_TOKEN}\n`);
		expect(run.stderr).toMatch(/--session-token leaves the token in your shell history/);
		expect(leaks(run.stdout + run.stderr, CANARY_TOKEN)).toBe(false);
	});

	test('--region goes to the config file under [profile dev]', () => {
		const config = '[default]\nregion = us-east-1\n';
		const h = home({config});
		const run = h.run(set('dev', '--region', 'eu-west-1'), {input: CANARY_SECRET});
		expect(run.status).toBe(0);
		expect(h.read('config')).toBe(`${config}\n[profile dev]\nregion = eu-west-1\n`);
		expect(h.read('credentials')).not.toContain('region');
		expect(run.stdout).toContain(`Profile "dev" settings saved in ${h.config}`);
	});

	test('default is [default] in both files, never [profile default] (the JS SDK would drop [default] for it)', () => {
		const h = home();
		const run = h.run(['profile', 'set', '-k', KEY, '--secret-stdin', '--region', 'eu-central-1', '--yes'], {input: CANARY_SECRET});
		expect(run.status).toBe(0);
		expect(h.read('credentials')).toMatch(/^\[default\]\n/);
		expect(h.read('config')).toBe('[default]\nregion = eu-central-1\n');
		expect(`${h.read('config')}${h.read('credentials')}`).not.toContain('[profile default]');
	});

	test('AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE are honoured (Serverless v3 ignores them)', () => {
		const h = home();
		const elsewhere = path.join(h.home, 'elsewhere');
		const env = {AWS_SHARED_CREDENTIALS_FILE: path.join(elsewhere, 'creds'), AWS_CONFIG_FILE: path.join(elsewhere, 'conf')};
		const run = h.run(set('ci', '-r', 'us-west-2'), {input: CANARY_SECRET, env});
		expect(run.status).toBe(0);
		expect(readFileSync(env.AWS_SHARED_CREDENTIALS_FILE, 'utf8')).toContain('[ci]');
		expect(readFileSync(env.AWS_CONFIG_FILE, 'utf8')).toBe('[profile ci]\nregion = us-west-2\n');
		expect(h.read('credentials')).toBeUndefined();
	});

	test('a symlinked credentials file is written through to its target; the link stays a link', () => {
		const h = home();
		const dotfiles = path.join(h.home, 'dotfiles');
		mkdirSync(dotfiles);
		mkdirSync(h.aws, {mode: 0o700});
		writeFileSync(path.join(dotfiles, 'credentials'), '[base]\nregion = eu-west-1\n', {mode: 0o600});
		symlinkSync(path.join(dotfiles, 'credentials'), h.credentials);
		expect(h.run(set('dev'), {input: CANARY_SECRET}).status).toBe(0);
		expect(lstatSync(h.credentials).isSymbolicLink()).toBe(true);
		expect(readFileSync(path.join(dotfiles, 'credentials'), 'utf8')).toContain('[dev]');
	});

	test('a group-readable file keeps its mode, with a warning and the chmod fix', () => {
		const h = home({credentials: '[base]\nregion = eu-west-1\n'});
		chmodSync(h.credentials, 0o644);
		const run = h.run(set('dev'), {input: CANARY_SECRET});
		expect(run.status).toBe(0);
		expect(statSync(h.credentials).mode & 0o777).toBe(0o644);
		expect(run.stderr).toContain(`chmod 600 ${h.credentials}`);
	});

	test('--secret-stdin tolerates a final CRLF; pasted quotes and spaces are trimmed with a note', () => {
		const h = home();
		const run = h.run(set('dev'), {input: ` "${CANARY_SECRET}" \r\n`});
		expect(run.status).toBe(0);
		expect(h.read('credentials')).toContain(`aws_secret_access_key = ${CANARY_SECRET}\n`);
		expect(leaks(run.stdout + run.stderr, CANARY_SECRET)).toBe(false);
	});

	test('the same values again: nothing to change, no write, no backup', () => {
		const before = `[dev]\naws_access_key_id = ${KEY}\naws_secret_access_key = ${CANARY_SECRET}\n`;
		const h = home({credentials: before});
		const run = h.run(set('dev', '-o'), {input: CANARY_SECRET});
		expect(run.status).toBe(0);
		expect(run.stdout).toMatch(/nothing to change/);
		expect(h.backups()).toEqual([]);
	});
});

describe('profile set confirms before it writes', () => {
	test('no terminal and no --yes: refuses with the fix, exit 2, before reading any secret', () => {
		const h = home();
		const run = h.run(['profile', 'set', 'dev', '-k', KEY, '--secret-stdin'], {input: CANARY_SECRET});
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/no terminal to confirm on\. Add --yes/);
		expect(h.read('credentials')).toBeUndefined();
	});

	test('--dry-run shows the masked diff and writes nothing', () => {
		const h = home({credentials: '[base]\nregion = eu-west-1\n'});
		const run = h.run(['profile', 'set', 'dev', '-k', KEY, '--secret-stdin', '--dry-run'], {input: CANARY_SECRET});
		expect(run.status).toBe(0);
		expect(run.stdout).toContain('+[dev]');
		expect(run.stdout).toContain('Dry run: nothing was written.');
		expect(h.read('credentials')).toBe('[base]\nregion = eu-west-1\n');
		expect(h.backups()).toEqual([]);
	});

	test('--secret on the command line works but warns about shell history and ps', () => {
		const h = home();
		const run = h.run(['profile', 'set', 'dev', '-k', KEY, '-s', CANARY_SECRET, '-y']);
		expect(run.status).toBe(0);
		expect(run.stderr).toMatch(/warning: --secret leaves the secret in your shell history .*\(ps\)/);
		expect(h.read('credentials')).toContain(CANARY_SECRET);
		expect(leaks(run.stdout + run.stderr, CANARY_SECRET)).toBe(false);
	});

	test('no secret and no terminal: says how to pipe it, exit 2', () => {
		const h = home();
		const run = h.run(['profile', 'set', 'dev', '-k', KEY, '--yes']);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/needs the secret access key.*--secret-stdin/);
	});
});

describe('profile set --json', () => {
	test('reports status, files (mode, backup), masked diff and warnings', () => {
		const h = home({credentials: `[dev]\naws_access_key_id = ${OTHER_KEY}\naws_secret_access_key = ${OLD_SECRET}\n`});
		const run = h.run(set('dev', '-o', '--json', '-r', 'eu-west-1'), {input: CANARY_SECRET});
		expect(run.status).toBe(0);
		const report = JSON.parse(run.stdout) as Record<string, unknown> & {files: Array<Record<string, unknown>>; diff: string[]};
		expect(report).toMatchObject({command: 'profile set', profile: 'dev', status: 'configured'});
		expect(report.files).toEqual([
			expect.objectContaining({file: 'credentials', path: h.credentials, changed: true, created: false, mode: '0600', backup: expect.stringMatching(/credentials\..*\.bak$/)}),
			expect.objectContaining({file: 'config', path: h.config, changed: true, created: true, mode: '0600'}),
		]);
		expect(report.diff).toContain('+aws_access_key_id = AKIA…LM7Y');
		expect(report.diff).toContain('-aws_access_key_id = AKIA…MN2Z');
		expect(leaks(run.stdout, CANARY_SECRET)).toBe(false);
	});

	test('a refusal is JSON on stdout and one line on stderr, exit 1', () => {
		const h = home({credentials: `[dev]\naws_access_key_id = ${OTHER_KEY}\naws_secret_access_key = ${OLD_SECRET}\n`});
		const run = h.run(set('dev', '--json'), {input: CANARY_SECRET});
		expect(run.status).toBe(1);
		expect(JSON.parse(run.stdout)).toMatchObject({status: 'refused', error: {code: 'profile-exists', fix: expect.stringContaining('--overwrite')}});
	});
});

describe('profile set: argument errors are one line with the fix, exit 2 (Serverless\' texts where it has one)', () => {
	test.each([
		[['--provider', 'gcp', '-k', KEY], /Provider "gcp" is not supported\. Supported providers are: "aws"\./],
		[['-k', '', '-s', 'x'], /Please include --key and --secret options for AWS\./],
		[['-k', KEY, '-s', CANARY_SECRET, '--secret-stdin'], /--secret and --secret-stdin cannot be used together/],
		[['--bogus'], /unknown option --bogus\. Run `sls-creds-wizard profile --help`/],
		[['one', 'two'], /unexpected argument "two" for profile set/],
		[['one', '-n', 'two'], /two profile names given/],
		[['-k'], /-k needs a value/],
	])('%j', (args, pattern) => {
		const h = home();
		const run = h.run(['profile', 'set', ...args]);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(pattern);
		expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(leaks(run.stderr, CANARY_SECRET)).toBe(false);
	});

	test('--provider aws (any case) is accepted for parity', () => {
		const h = home();
		expect(h.run(['profile', 'set', '--provider', 'AWS', '-k', KEY, '--secret-stdin', '-y'], {input: CANARY_SECRET}).status).toBe(0);
	});
});
