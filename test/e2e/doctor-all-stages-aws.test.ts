/**
 * `doctor --all-stages` through the built CLI against moto (127.0.0.1 only): each stage's profile is asked about
 * with STS, the stages in two AWS accounts. The users and keys are created in their account with moto's
 * `x-moto-account-id` header; the CLI under test sends no header and gets each key's own account back.
 */
import {CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand} from '@aws-sdk/client-iam';
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, beforeEach, describe, expect, test} from 'vitest';
import {runCli, temporaryHome} from '../support/cli-process.js';
import {startMoto, type Moto} from '../support/moto.js';

const DEV_ACCOUNT = '111111111111';
const PROD_ACCOUNT = '222222222222';
const ADMIN = {accessKeyId: 'testing', secretAccessKey: 'testing'};
const home = temporaryHome();
const serviceDir = path.join(home.home, 'orders');
let moto: Moto;

interface Keys {
	accessKeyId: string;
	secretAccessKey: string;
}

/** An IAM user with a key and an allow-all inline policy, created in `account`. */
async function userKeyIn(account: string, userName: string): Promise<Keys> {
	const client = new IAMClient({endpoint: moto.endpoint, region: 'us-east-1', credentials: ADMIN, maxAttempts: 1});
	client.middlewareStack.add(
		next => async args => {
			(args.request as {headers: Record<string, string>}).headers['x-moto-account-id'] = account;
			return next(args);
		},
		{step: 'build', name: 'motoAccountHeader'},
	);
	try {
		await client.send(new CreateUserCommand({UserName: userName}));
		await client.send(
			new PutUserPolicyCommand({
				UserName: userName,
				PolicyName: 'all',
				PolicyDocument: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: '*', Resource: '*'}]}),
			}),
		);
		const {AccessKey} = await client.send(new CreateAccessKeyCommand({UserName: userName}));
		return {accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey!};
	} finally {
		client.destroy();
	}
}

function profiles(entries: Record<string, Keys>): void {
	const text = Object.entries(entries)
		.map(([name, keys]) => `[${name}]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${keys.secretAccessKey}\n`)
		.join('');
	writeFileSync(path.join(home.home, '.aws', 'credentials'), text, {mode: 0o600});
}

function doctor(args: string[]) {
	return runCli(['doctor', '--all-stages', ...args], {
		home: home.home,
		cwd: serviceDir,
		env: {AWS_ENDPOINT_URL: moto.endpoint, SLS_CREDS_WIZARD_TEST: '1'},
	});
}

interface StagesJson {
	stages: Array<{
		service: {stage: string};
		identity: {status: string; account?: string; arn?: string; failure?: {code: string}};
		expectedAccount?: {status: string; actual?: string; basis?: string};
		exitCode: number;
	}>;
	summary: {
		stagesFrom: string;
		failed: string[];
		stages: Array<{stage: string; verdict: string; account?: string; accountBasis?: string; expectedAccount?: string; reason?: string}>;
	};
	exitCode: number;
}

beforeAll(async () => {
	moto = await startMoto();
	mkdirSync(path.join(home.home, '.aws'));
	mkdirSync(serviceDir);
	writeFileSync(
		path.join(serviceDir, 'serverless.yml'),
		`service: orders\nframeworkVersion: '3'\nprovider:\n  name: aws\n  region: eu-west-1\n  profile: \${self:custom.profiles.\${sls:stage}}\ncustom:\n  profiles:\n    dev: acme-dev\n    prod: acme-prod\n`,
	);
});
beforeEach(async () => moto.reset());
afterAll(async () => {
	await moto.stop();
	home.remove();
});

describe('doctor --all-stages asks AWS about every stage', () => {
	test('both stages verify, each in its own account: exit 0', async () => {
		const dev = await userKeyIn(DEV_ACCOUNT, 'dev-deployer');
		const prod = await userKeyIn(PROD_ACCOUNT, 'prod-deployer');
		profiles({'acme-dev': dev, 'acme-prod': prod});
		const run = doctor(['--json']);
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		const all = JSON.parse(run.stdout) as StagesJson;
		expect(all.exitCode).toBe(0);
		expect(all.stages.map(stage => [stage.service.stage, stage.identity.status, stage.identity.account, stage.identity.arn])).toEqual([
			['dev', 'ok', DEV_ACCOUNT, `arn:aws:iam::${DEV_ACCOUNT}:user/dev-deployer`],
			['prod', 'ok', PROD_ACCOUNT, `arn:aws:iam::${PROD_ACCOUNT}:user/prod-deployer`],
		]);
		expect(all.summary.stages.map(row => [row.stage, row.account])).toEqual([
			['dev', DEV_ACCOUNT],
			['prod', PROD_ACCOUNT],
		]);
		for (const keys of [dev, prod]) {
			expect(run.stdout).not.toContain(keys.secretAccessKey);
			expect(run.stdout).not.toContain(keys.accessKeyId);
		}

		const plain = doctor([]);
		expect(plain.status).toBe(0);
		expect(plain.stdout).toMatch(new RegExp(`\\ndev +.* acme-dev +${DEV_ACCOUNT} +(✓ ok|! \\d+ warnings?)\\n`));
		expect(plain.stdout).toMatch(new RegExp(`\\nprod +.* acme-prod +${PROD_ACCOUNT} +(✓ ok|! \\d+ warnings?)\\n`));
		expect(plain.stdout).not.toContain('not checked with AWS');
	});

	test('prod’s key is unknown to AWS (auth on): exit 1, prod fails with the fix, dev still verifies', async () => {
		const dev = await userKeyIn(DEV_ACCOUNT, 'dev-deployer');
		profiles({'acme-dev': dev, 'acme-prod': {accessKeyId: 'AKIAUNKNOWNPRODKEY01', secretAccessKey: 'unknownProdSecretDoNotPrint0123456789abcd'}});
		await moto.authOn();
		const run = doctor(['--json']);
		expect(run.stderr).toBe('');
		expect(run.status).toBe(1);
		const all = JSON.parse(run.stdout) as StagesJson;
		expect(all.exitCode).toBe(1);
		expect(all.summary.failed).toEqual(['prod']);
		const [devStage, prodStage] = all.stages;
		expect(devStage).toMatchObject({exitCode: 0, identity: {status: 'ok', account: DEV_ACCOUNT}});
		expect(prodStage).toMatchObject({exitCode: 1, identity: {status: 'failed', failure: {code: 'InvalidClientTokenId'}}});
		expect(run.stdout).not.toContain('unknownProdSecretDoNotPrint');

		const plain = doctor([]);
		expect(plain.status).toBe(1);
		expect(plain.stdout).toMatch(/\nprod +.*✗ fail\n +→ .*AWS/);
		expect(plain.stdout).toMatch(/\nprod: \d+ failed checks?\n  ✗ /);
		expect(plain.stdout).toMatch(/fix: /);
		expect(plain.stdout).not.toContain('unknownProdSecretDoNotPrint');
	});

	test('team settings: prod’s profile reaches the dev account, AWS says so: exit 1 and the prod row names both accounts', async () => {
		const dev = await userKeyIn(DEV_ACCOUNT, 'dev-deployer');
		const wrong = await userKeyIn(DEV_ACCOUNT, 'prod-deployer');
		profiles({'acme-dev': dev, 'acme-prod': wrong});
		const cwd = path.join(home.home, 'team');
		mkdirSync(cwd, {recursive: true});
		writeFileSync(
			path.join(cwd, 'serverless.yml'),
			[
				'service: orders',
				"frameworkVersion: '3'",
				'provider:',
				'  name: aws',
				'  region: eu-west-1',
				'  profile: ${self:custom.deployAccounts.${sls:stage}.profile}',
				'custom:',
				'  deployAccounts:',
				'    dev:',
				'      profile: acme-dev',
				`      account: '${DEV_ACCOUNT}'`,
				'    prod:',
				'      profile: acme-prod',
				`      account: '${PROD_ACCOUNT}'`,
				'',
			].join('\n'),
		);
		const env = {AWS_ENDPOINT_URL: moto.endpoint, SLS_CREDS_WIZARD_TEST: '1'};
		const run = runCli(['doctor', '--all-stages', '--json'], {home: home.home, cwd, env});
		expect(run.stderr).toBe('');
		expect(run.status).toBe(1);
		const all = JSON.parse(run.stdout) as StagesJson;
		expect(all.summary.stagesFrom).toBe('team settings');
		expect(all.summary.failed).toEqual(['prod']);
		expect(all.summary.stages[0]).toMatchObject({stage: 'dev', verdict: expect.not.stringMatching(/fail/), account: DEV_ACCOUNT, accountBasis: 'sts', expectedAccount: DEV_ACCOUNT});
		expect(all.summary.stages[1]).toMatchObject({stage: 'prod', verdict: 'fail', account: DEV_ACCOUNT, accountBasis: 'sts', expectedAccount: PROD_ACCOUNT});
		expect(all.summary.stages[1]?.reason).toBe(`prod would deploy to account ${DEV_ACCOUNT}, not ${PROD_ACCOUNT}`);
		expect(all.stages.map(stage => stage.expectedAccount)).toMatchObject([
			{status: 'match', actual: DEV_ACCOUNT, basis: 'sts'},
			{status: 'mismatch', actual: DEV_ACCOUNT, basis: 'sts'},
		]);

		const plain = runCli(['doctor', '--all-stages'], {home: home.home, cwd, env});
		expect(plain.status).toBe(1);
		expect(plain.stdout).toMatch(new RegExp(`\\nprod +.* acme-prod +${DEV_ACCOUNT} +✗ fail\\n +→ prod would deploy to account ${DEV_ACCOUNT}, not ${PROD_ACCOUNT}\\n`));
		expect(plain.stdout).toMatch(/\nprod: 1 failed check\n  ✗ prod would deploy to account/);
		expect(plain.stdout).toMatch(/fix: /);
		for (const keys of [dev, wrong]) expect(plain.stdout + run.stdout).not.toContain(keys.secretAccessKey);
	});
});
