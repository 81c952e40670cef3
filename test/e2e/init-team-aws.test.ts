/**
 * `init-team` against a real STS API (moto on 127.0.0.1) with two accounts: each stage's account is pre-filled
 * from STS GetCallerIdentity with the stage's profile, a role stage takes its account from the role ARN, and a
 * profile AWS cannot place stops with the fix. The CLI under test sends no account header: the keys say it all.
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, test} from 'vitest';
import {parseServiceText} from '../../source/service/parse-service-file.js';
import {runCli, temporaryHome} from '../support/cli-process.js';
import {startMoto, type Moto} from '../support/moto.js';
import {userIn} from '../support/moto-accounts.js';

let moto: Moto;
const keys: Record<string, {id: string; secret: string}> = {};

beforeAll(async () => {
	moto = await startMoto();
	keys['acme-dev'] = await userIn(moto, '111111111111', 'dev-deployer');
	keys['acme-prod'] = await userIn(moto, '222222222222', 'prod-deployer');
}, 60_000);
afterAll(async () => {
	await moto.stop();
});

const homes: Array<{remove(): void}> = [];
afterEach(() => {
	for (const home of homes.splice(0)) home.remove();
});

const SERVICE = '# Acme API\r\nservice: acme\r\n\r\nprovider:\r\n  name: aws\r\n  region: eu-west-1 # Ireland\r\n  environment:\r\n    TABLE: !Ref Table\r\n\r\nparams:\r\n  dev: {}\r\n  prod: {}\r\n';

function world() {
	const made = temporaryHome();
	homes.push(made);
	const home = made.home;
	mkdirSync(path.join(home, '.aws'));
	const sections = Object.entries(keys).map(([profile, key]) => `[${profile}]\naws_access_key_id = ${key.id}\naws_secret_access_key = ${key.secret}\n`);
	writeFileSync(path.join(home, '.aws', 'credentials'), sections.join('\n'));
	const service = path.join(home, 'service');
	mkdirSync(service);
	writeFileSync(path.join(service, 'serverless.yml'), SERVICE);
	const run = (args: string[]) => runCli(['init-team', ...args], {home, cwd: service, env: {AWS_ENDPOINT_URL: moto.endpoint, SLS_CREDS_WIZARD_TEST: '1'}});
	const read = () => readFileSync(path.join(service, 'serverless.yml'), 'utf8');
	return {run, read};
}

function block(text: string): unknown {
	return (parseServiceText(text, 'yml').document as {custom?: {deployAccounts?: unknown}}).custom?.deployAccounts;
}

describe('init-team with two AWS accounts', () => {
	test('each stage\'s account comes from STS with its own profile', () => {
		const {run, read} = world();
		const result = run(['--stage', 'dev=acme-dev', '--stage', 'prod=acme-prod', '--yes', '--timeout', '20']);
		expect(result.stderr).toContain('dev: profile acme-dev is arn:aws:iam::111111111111:user/dev-deployer (account 111111111111).');
		expect(result.stderr).toContain('prod: profile acme-prod is arn:aws:iam::222222222222:user/prod-deployer (account 222222222222).');
		expect(result.status).toBe(0);
		expect(block(read())).toEqual({
			dev: {profile: 'acme-dev', account: '111111111111', region: 'eu-west-1'},
			prod: {profile: 'acme-prod', account: '222222222222', region: 'eu-west-1'},
		});
		expect(read()).toContain("\r\n      account: '222222222222'\r\n");
		expect(read().startsWith(SERVICE.split('\r\n\r\nparams')[0]!.replace('# Ireland\r\n', '# Ireland\r\n  profile: ${self:custom.deployAccounts.${sls:stage}.profile}\r\n'))).toBe(true);
		for (const key of Object.values(keys)) expect(result.stdout + result.stderr).not.toContain(key.secret);
	});

	test('--json says where each account came from; a role stage takes the role\'s account without asking AWS', () => {
		const {run} = world();
		const result = run([
			'--stage', 'dev=acme-dev',
			'--stage', 'prod=acme-prod-deploy',
			'--role', 'prod=arn:aws:iam::333333333333:role/deployer',
			'--source-profile', 'prod=acme-prod',
			'--json', '--dry-run',
		]);
		expect(result.status).toBe(0);
		const report = JSON.parse(result.stdout);
		expect(report).toMatchObject({
			command: 'init-team',
			status: 'dry-run',
			stages: [
				{stage: 'dev', profile: 'acme-dev', account: '111111111111', accountSource: 'sts', arn: 'arn:aws:iam::111111111111:user/dev-deployer'},
				{stage: 'prod', profile: 'acme-prod-deploy', account: '333333333333', accountSource: 'role', role: {arn: 'arn:aws:iam::333333333333:role/deployer', sourceProfile: 'acme-prod'}},
			],
		});
		expect(report.diff.join('\n')).toContain("+      account: '333333333333'");
	});

	test('a profile AWS cannot place: exit 1 with the fix, nothing written', () => {
		const {run, read} = world();
		const result = run(['--stage', 'dev=acme-dev', '--stage', 'prod=nobody', '--yes', '--timeout', '20']);
		expect(result.status).toBe(1);
		expect(result.stderr).toMatch(/AWS could not say which account profile nobody \(stage prod\) belongs to.*--account prod=<12-digit account id>/);
		expect(result.stderr).not.toMatch(/\n\s+at /);
		expect(read()).toBe(SERVICE);
	});
});
