/**
 * `doctor --all-stages` through the built CLI, offline: which stages it checks, exit codes, one JSON document on
 * stdout, the plain table. A temporary HOME holds the profiles; the service names them per stage in custom.profiles.
 */
import {mkdirSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {runCli, temporaryHome, type Run} from '../support/cli-process.js';

const CANARY_SECRET = 'allStagesCanarySecretDoNotPrint0123456789';
const DEV_KEY = 'AKIAALLSTAGESDEV0001';
const PROD_KEY = 'AKIAALLSTAGESPROD001';
const home = temporaryHome();
const services = path.join(home.home, 'services');

const perStageProfiles = `service: orders
frameworkVersion: '3'
provider:
  name: aws
  region: eu-west-1
  profile: \${self:custom.profiles.\${sls:stage}}
custom:
  profiles:
    dev: acme-dev
    prod: acme-prod
`;

/** A service folder of its own for each case. */
function service(name: string, text: string): string {
	const dir = path.join(services, name);
	mkdirSync(dir, {recursive: true});
	writeFileSync(path.join(dir, 'serverless.yml'), text);
	return dir;
}

function credentials(...profiles: Array<[string, string]>): void {
	const text = profiles.map(([name, key]) => `[${name}]\naws_access_key_id = ${key}\naws_secret_access_key = ${CANARY_SECRET}\n`).join('');
	writeFileSync(path.join(home.home, '.aws', 'credentials'), text, {mode: 0o600});
}

interface StagesJson {
	$schema: string;
	version: number;
	stages: Array<{$schema: string; service: {stage: string; stageSource: string}; winner?: {profile?: string; accessKeyId?: string}; exitCode: number; identity: {status: string}}>;
	summary: {
		stagesFrom: string;
		ok: number;
		warn: number;
		fail: number;
		failed: string[];
		stages: Array<{stage: string; verdict: string; profile?: string; account?: string; accountBasis?: string; expectedAccount?: string; reason?: string}>;
	};
	exitCode: number;
}

function json(run: Run): StagesJson {
	// One document and nothing else: JSON.parse fails on any extra text.
	return JSON.parse(run.stdout) as StagesJson;
}

function expectNoSecret(run: Run): void {
	for (const text of [run.stdout, run.stderr]) {
		expect(text).not.toContain(CANARY_SECRET);
		expect(text).not.toContain(DEV_KEY);
		expect(text).not.toContain(PROD_KEY);
	}
}

beforeAll(() => {
	mkdirSync(path.join(home.home, '.aws'));
});
afterAll(() => home.remove());

describe('doctor --all-stages --offline', () => {
	test('--json: both stages pass, one document with each stage’s own Report, exit 0', () => {
		credentials(['acme-dev', DEV_KEY], ['acme-prod', PROD_KEY]);
		const run = runCli(['doctor', '--all-stages', '--offline', '--json'], {home: home.home, cwd: service('ok', perStageProfiles)});
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		const all = json(run);
		expect(Object.keys(all)).toEqual(['$schema', 'version', 'stages', 'summary', 'exitCode']);
		expect(all.$schema).toMatch(/doctor-all-stages$/);
		expect(all.version).toBe(1);
		expect(all.exitCode).toBe(0);
		expect(all.stages.map(stage => [stage.service.stage, stage.service.stageSource, stage.winner?.profile, stage.exitCode, stage.identity.status])).toEqual([
			['dev', 'option', 'acme-dev', 0, 'skipped'],
			['prod', 'option', 'acme-prod', 0, 'skipped'],
		]);
		for (const stage of all.stages) expect(stage.$schema).toMatch(/doctor-report$/);
		expect(all.stages.map(stage => stage.winner?.accessKeyId)).toEqual(['AKIA…0001', 'AKIA…D001']);
		expect(all.summary).toMatchObject({stagesFrom: 'service file', fail: 0, failed: []});
		expect(all.summary.stages.map(row => [row.stage, row.profile])).toEqual([
			['dev', 'acme-dev'],
			['prod', 'acme-prod'],
		]);
		expectNoSecret(run);
	});

	test('each stage’s Report is the one `doctor --stage <stage>` prints', () => {
		credentials(['acme-dev', DEV_KEY], ['acme-prod', PROD_KEY]);
		const cwd = service('same', perStageProfiles);
		const all = json(runCli(['doctor', '--all-stages', '--offline', '--json'], {home: home.home, cwd}));
		for (const stage of all.stages) {
			const one = JSON.parse(runCli(['doctor', '--stage', stage.service.stage, '--offline', '--json'], {home: home.home, cwd}).stdout) as {generatedAt: string};
			expect({...stage, generatedAt: one.generatedAt}).toEqual(one);
		}
	});

	test('a missing prod profile: exit 1, prod fails with its fix, dev passes', () => {
		credentials(['acme-dev', DEV_KEY]);
		const cwd = service('missing-prod', perStageProfiles);
		const run = runCli(['doctor', '--all-stages', '--offline', '--json'], {home: home.home, cwd});
		expect(run.status).toBe(1);
		const all = json(run);
		expect(all.exitCode).toBe(1);
		expect(all.summary.failed).toEqual(['prod']);
		expect(all.summary.stages.map(row => [row.stage, row.verdict === 'fail'])).toEqual([
			['dev', false],
			['prod', true],
		]);
		expect(all.summary.stages[1]?.reason).toMatch(/acme-prod/);

		const plain = runCli(['doctor', '--all-stages', '--offline'], {home: home.home, cwd});
		expect(plain.status).toBe(1);
		expect(plain.stderr).toBe('');
		expect(plain.stdout).not.toContain('\u001B');
		const lines = plain.stdout.split('\n');
		const head = lines.findIndex(line => /^Stage +Deploy uses +Profile +Account +Verdict$/.test(line));
		expect(head).toBeGreaterThan(0);
		expect(lines[head + 1]).toMatch(/^dev +provider\.profile "acme-dev".* acme-dev +– +(✓ ok|! \d+ warnings?)$/);
		expect(lines.slice(head + 2).join('\n')).toMatch(/^prod +.*✗ fail\n +→ .*acme-prod/);
		expect(plain.stdout).toMatch(/\nprod: \d+ failed checks?\n/);
		expect(plain.stdout).toMatch(/fix: .*acme-prod/);
		expect(plain.stdout).toContain('Accounts not checked with AWS (--offline).');
		expect(plain.stdout.replaceAll(/\s+/g, ' ')).toContain('Next: 1 of 2 stages failed (prod).');
		expectNoSecret(plain);
	});

	test('plain text is also what a terminal-less run prints, and --plain the same', () => {
		credentials(['acme-dev', DEV_KEY], ['acme-prod', PROD_KEY]);
		const cwd = service('plain', perStageProfiles);
		const piped = runCli(['doctor', '--all-stages', '--offline'], {home: home.home, cwd});
		const plain = runCli(['doctor', '--all-stages', '--offline', '--plain'], {home: home.home, cwd});
		expect(piped.status).toBe(0);
		const withoutTime = (text: string) => text.replace(/ · \d{4}-\d\d-\d\dT[\d:.]+Z/, '');
		expect(withoutTime(plain.stdout)).toBe(withoutTime(piped.stdout));
		expect(piped.stdout).toMatch(/stages from the service file/);
		expect(piped.stdout).toMatch(/\nReady: all 2 stages pass\./);
	});

	test('provider.stage counts as a stage; the stages block too', () => {
		credentials(['default', DEV_KEY]);
		const cwd = service('provider-stage', `service: orders\nframeworkVersion: '3'\nprovider:\n  name: aws\n  stage: staging\n  region: eu-west-1\nparams:\n  qa:\n    x: 1\n`);
		const all = json(runCli(['doctor', '--all-stages', '--offline', '--json'], {home: home.home, cwd}));
		expect(all.stages.map(stage => stage.service.stage)).toEqual(['qa', 'staging']);
	});
});

const teamSettings = `service: orders
frameworkVersion: '3'
provider:
  name: aws
  region: eu-west-1
  profile: \${self:custom.deployAccounts.\${sls:stage}.profile}
custom:
  deployAccounts:
    prod:
      profile: acme-prod
      account: '222222222222'
    dev:
      profile: acme-dev
      account: '111111111111'
`;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** An access key id that carries `account` the way new AWS key ids do (source/aws/account-from-key-id.ts). */
function keyIdIn(account: string, tail: string): string {
	const bits = ((1n << 47n) | (BigInt(account) << 7n)) << 2n;
	let body = '';
	for (let index = 9; index >= 0; index--) body += BASE32[Number((bits >> BigInt(index * 5)) & 31n)];
	return `AKIA${body}${tail}`;
}

describe('doctor --all-stages with team settings, offline', () => {
	test('the stages and their order come from custom.deployAccounts; keys of the right accounts pass', () => {
		credentials(['acme-dev', keyIdIn('111111111111', 'DEVAAA')], ['acme-prod', keyIdIn('222222222222', 'PRODAA')]);
		const run = runCli(['doctor', '--all-stages', '--offline', '--json'], {home: home.home, cwd: service('team-ok', teamSettings)});
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		const all = json(run);
		expect(all.summary.stagesFrom).toBe('team settings');
		expect(all.summary.stages.map(row => [row.stage, row.verdict !== 'fail', row.profile])).toEqual([
			['prod', true, 'acme-prod'],
			['dev', true, 'acme-dev'],
		]);
	});

	test('prod’s key belongs to the dev account: exit 1, the prod row says so (probably, from the key id)', () => {
		credentials(['acme-dev', keyIdIn('111111111111', 'DEVAAA')], ['acme-prod', keyIdIn('111111111111', 'PRODAA')]);
		const cwd = service('team-wrong', teamSettings);
		const run = runCli(['doctor', '--all-stages', '--offline', '--json'], {home: home.home, cwd});
		expect(run.status).toBe(1);
		const all = json(run);
		expect(all.summary.failed).toEqual(['prod']);
		expect(all.summary.stages[0]).toMatchObject({stage: 'prod', verdict: 'fail', account: '111111111111', accountBasis: 'access-key-id', expectedAccount: '222222222222'});
		expect(all.summary.stages[0]?.reason).toMatch(/111111111111.*222222222222/);
		const plain = runCli(['doctor', '--all-stages', '--offline'], {home: home.home, cwd});
		expect(plain.status).toBe(1);
		expect(plain.stdout).toMatch(/\nprod +provider\.profile "acme-prod".* acme-prod +111111111111\? +✗ fail\n +→ prod would deploy to account 111111111111 \(probably\), not 222222222222\n/);
		expect(plain.stdout).toMatch(/\ndev +.* acme-dev +111111111111\? +(✓ ok|! \d+ warnings?)\n/);
	});
});

describe('doctor --all-stages: usage errors exit 2 with the fix on stderr', () => {
	test('no stages known', () => {
		credentials(['default', DEV_KEY]);
		const cwd = service('no-stages', `service: orders\nframeworkVersion: '3'\nprovider:\n  name: aws\n`);
		const run = runCli(['doctor', '--all-stages', '--json'], {home: home.home, cwd});
		expect(run.status).toBe(2);
		expect(run.stdout).toBe('');
		expect(run.stderr).toMatch(/no stages known/);
		expect(run.stderr).toMatch(/--stage/);
		expect(run.stderr).toMatch(/custom\.deployAccounts/);
		expect(run.stderr.trim().split('\n')).toHaveLength(1);
	});

	test('no service file at all', () => {
		const empty = path.join(services, 'empty');
		rmSync(empty, {recursive: true, force: true});
		mkdirSync(empty, {recursive: true});
		const run = runCli(['doctor', '--all-stages'], {home: home.home, cwd: empty});
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/no stages known — there is no service file here/);
	});

	test('invalid team settings stop it before any stage runs', () => {
		credentials(['acme-dev', DEV_KEY]);
		const cwd = service('team-invalid', teamSettings.replace("account: '222222222222'", "account: '2222'"));
		const run = runCli(['doctor', '--all-stages', '--offline', '--json'], {home: home.home, cwd});
		expect(run.status).toBe(2);
		expect(run.stdout).toBe('');
		expect(run.stderr).toMatch(/custom\.deployAccounts\.prod\.account/);
	});

	test('--all-stages with --stage', () => {
		const run = runCli(['doctor', '--all-stages', '--stage', 'prod'], {home: home.home, cwd: service('ok', perStageProfiles)});
		expect(run.status).toBe(2);
		expect(run.stdout).toBe('');
		expect(run.stderr).toMatch(/--all-stages and --stage cannot be used together/);
	});

	test('the doctor help names --all-stages and the CI example', () => {
		const run = runCli(['doctor', '--help'], {home: home.home});
		expect(run.status).toBe(0);
		expect(run.stdout).toContain('--all-stages');
		expect(run.stdout).toContain('sls-creds-wizard doctor --all-stages --json');
	});
});
