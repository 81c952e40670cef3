/**
 * The wrong-account guard through the built CLI against moto (127.0.0.1 only), with two accounts: dev keys are
 * created in 111111111111 and prod keys in 222222222222 (moto's `x-moto-account-id` header, set only while arranging);
 * the CLI under test sends no header and STS answers with each key's own account. serverless.yml maps the stages to
 * their profiles and accounts in custom.deployAccounts, and provider.profile reads from it.
 */
import {CreateAccessKeyCommand, CreateUserCommand, IAMClient} from '@aws-sdk/client-iam';
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {runCli, temporaryHome} from '../support/cli-process.js';
import {startMoto, type Moto} from '../support/moto.js';

const DEV_ACCOUNT = '111111111111';
const PROD_ACCOUNT = '222222222222';
const ADMIN = {accessKeyId: 'testing', secretAccessKey: 'testing'};
const home = temporaryHome();
let moto: Moto;

interface Keys {
	accessKeyId: string;
	secretAccessKey: string;
}
let dev: Keys;
let prod: Keys;

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
		const {AccessKey} = await client.send(new CreateAccessKeyCommand({UserName: userName}));
		return {accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey!};
	} finally {
		client.destroy();
	}
}

const TEAM = `service: orders
frameworkVersion: '3'
provider:
  name: aws
  region: eu-west-1
  profile: \${self:custom.deployAccounts.\${sls:stage}.profile}
params:
  dev: {}
  prod: {}
custom:
  deployAccounts:
    dev:
      profile: acme-dev
      account: '${DEV_ACCOUNT}'
    prod:
      profile: acme-prod
      account: '${PROD_ACCOUNT}'
`;

/** A service folder of its own with this serverless.yml. */
function service(name: string, text: string): string {
	const folder = path.join(home.home, name);
	mkdirSync(folder, {recursive: true});
	writeFileSync(path.join(folder, 'serverless.yml'), text);
	return folder;
}

function credentials(entries: Record<string, Keys>, config = ''): void {
	const text = Object.entries(entries)
		.map(([name, keys]) => `[${name}]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${keys.secretAccessKey}\n`)
		.join('');
	writeFileSync(path.join(home.home, '.aws', 'credentials'), text, {mode: 0o600});
	writeFileSync(path.join(home.home, '.aws', 'config'), config, {mode: 0o600});
}

function doctor(cwd: string, args: string[], env: Record<string, string> = {}) {
	return runCli(['doctor', ...args], {home: home.home, cwd, env: {AWS_ENDPOINT_URL: moto.endpoint, SLS_CREDS_WIZARD_TEST: '1', ...env}});
}

interface ReportJson {
	exitCode: number;
	identity: {status: string; account?: string; arn?: string};
	expectedAccount?: {stage: string; status: string; account?: string; actual?: string; basis?: string; probable?: boolean};
	findings: Array<{id: string; status: string; title: string; why: string; fix?: string}>;
}

function guard(report: ReportJson, id = 'expected-account') {
	const found = report.findings.filter(finding => finding.id === id);
	expect(found, JSON.stringify(report.findings.map(finding => `${finding.id}:${finding.status}`))).toHaveLength(1);
	return found[0]!;
}

function expectNoSecrets(text: string): void {
	for (const keys of [dev, prod]) {
		expect(text).not.toContain(keys.secretAccessKey);
		expect(text).not.toContain(keys.accessKeyId);
	}
}

beforeAll(async () => {
	moto = await startMoto();
	mkdirSync(path.join(home.home, '.aws'));
	dev = await userKeyIn(DEV_ACCOUNT, 'dev-deployer');
	prod = await userKeyIn(PROD_ACCOUNT, 'prod-deployer');
}, 30_000);
afterAll(async () => {
	await moto.stop();
	home.remove();
});

describe('the wrong-account guard with STS', () => {
	test('the right keys: each stage deploys to its own account, exit 0', () => {
		const folder = service('right', TEAM);
		credentials({'acme-dev': dev, 'acme-prod': prod});
		for (const [stage, account] of [
			['dev', DEV_ACCOUNT],
			['prod', PROD_ACCOUNT],
		] as const) {
			const run = doctor(folder, ['--stage', stage, '--json']);
			expect(run.stderr).toBe('');
			const report = JSON.parse(run.stdout) as ReportJson;
			expect(report.identity).toMatchObject({status: 'ok', account});
			expect(guard(report)).toMatchObject({status: 'ok', title: `${stage} deploys to ${account} as expected`});
			expect(report.expectedAccount).toEqual({stage, status: 'match', account, profile: `acme-${stage}`, actual: account, basis: 'sts'});
			expect(report.findings.some(finding => finding.id === 'expected-account-offline')).toBe(false);
			expect(run.status).toBe(report.exitCode);
			expect(run.status).toBe(0);
			expectNoSecrets(run.stdout);
		}
		const plain = doctor(folder, ['--stage', 'prod']);
		expect(plain.status).toBe(0);
		expect(plain.stdout).toMatch(/Team expects +✓ account 222222222222 for prod · matches \(AWS says\)/);
		expect(plain.stdout).toContain('✓ prod deploys to 222222222222 as expected');
	});

	test('a profile holding a key of the wrong account: exit 1 with the explanation and the fix', () => {
		const folder = service('wrong-key', TEAM);
		credentials({'acme-dev': dev, 'acme-prod': dev});
		const run = doctor(folder, ['--stage', 'prod', '--json']);
		expect(run.stderr).toBe('');
		expect(run.status).toBe(1);
		const report = JSON.parse(run.stdout) as ReportJson;
		const finding = guard(report);
		expect(finding.status).toBe('fail');
		expect(finding.title).toBe(`prod would deploy to account ${DEV_ACCOUNT}, not ${PROD_ACCOUNT}`);
		expect(finding.why).toContain(`AWS STS says provider.profile "acme-prod" (serverless.yml) is arn:aws:iam::${DEV_ACCOUNT}:user/dev-deployer`);
		expect(finding.why).toContain("is the team's profile for prod, but the keys in it belong to another account");
		expect(finding.fix).toContain(`Put access keys of account ${PROD_ACCOUNT} into profile acme-prod`);
		expect(report.expectedAccount).toMatchObject({status: 'mismatch', actual: DEV_ACCOUNT, basis: 'sts'});
		expectNoSecrets(run.stdout);

		const plain = doctor(folder, ['--stage', 'prod']);
		expect(plain.status).toBe(1);
		expect(plain.stdout).toMatch(/Team expects +✗ account 222222222222 for prod · the credentials reach\s+111111111111 \(AWS says\)/);
		expect(plain.stdout).toMatch(/Next: Put access keys of account 222222222222 into profile acme-prod/);
	});

	test('v3: a leftover AWS_PROFILE shadows provider.profile and the guard fails naming it; offline it says "probably"', () => {
		const folder = service('shadowed', TEAM);
		credentials({'acme-dev': dev, 'acme-prod': prod});
		const run = doctor(folder, ['--stage', 'prod', '--json'], {AWS_PROFILE: 'acme-dev'});
		expect(run.stderr).toBe('');
		expect(run.status).toBe(1);
		const report = JSON.parse(run.stdout) as ReportJson;
		const finding = guard(report);
		expect(finding.status).toBe('fail');
		expect(finding.title).toBe(`prod would deploy to account ${DEV_ACCOUNT}, not ${PROD_ACCOUNT}`);
		expect(finding.why).toContain("The deploy uses AWS_PROFILE=acme-dev, not the team's profile acme-prod");
		expect(finding.why).toMatch(/v3 takes AWS_PROFILE=acme-dev before provider.profile "acme-prod"/);
		expect(finding.fix).toContain("--aws-profile acme-prod");
		expectNoSecrets(run.stdout);

		const offline = doctor(folder, ['--stage', 'prod', '--json', '--offline'], {AWS_PROFILE: 'acme-dev'});
		expect(offline.status).toBe(1);
		const offlineReport = JSON.parse(offline.stdout) as ReportJson;
		expect(guard(offlineReport, 'expected-account-offline')).toMatchObject({status: 'fail', title: `prod would deploy to account ${DEV_ACCOUNT} (probably), not ${PROD_ACCOUNT}`});
		expect(offlineReport.expectedAccount).toMatchObject({status: 'mismatch', actual: DEV_ACCOUNT, basis: 'access-key-id', probable: true});

		// v4 takes provider.profile first: the same machine is fine there.
		const v4 = doctor(folder, ['--stage', 'prod', '--json', '--framework', 'v4'], {AWS_PROFILE: 'acme-dev'});
		expect(guard(JSON.parse(v4.stdout) as ReportJson)).toMatchObject({status: 'ok'});
	});

	test('an assume-role stage verifies through AssumeRole', () => {
		const roleArn = `arn:aws:iam::${PROD_ACCOUNT}:role/deployer`;
		const folder = service(
			'assume-role',
			TEAM.replace(
				`      profile: acme-prod\n      account: '${PROD_ACCOUNT}'\n`,
				`      profile: acme-prod-deploy\n      account: '${PROD_ACCOUNT}'\n      role_arn: ${roleArn}\n      source_profile: acme-base\n`,
			),
		);
		credentials({'acme-base': dev}, `[profile acme-prod-deploy]\nrole_arn = ${roleArn}\nsource_profile = acme-base\n`);
		const run = doctor(folder, ['--stage', 'prod', '--json'], {AWS_SDK_LOAD_CONFIG: '1'});
		expect(run.stderr).toBe('');
		const report = JSON.parse(run.stdout) as ReportJson;
		expect(report.identity).toMatchObject({status: 'ok', account: PROD_ACCOUNT});
		expect(report.identity.arn).toMatch(new RegExp(`^arn:aws:sts::${PROD_ACCOUNT}:assumed-role/deployer/`));
		expect(guard(report)).toMatchObject({status: 'ok', title: `prod deploys to ${PROD_ACCOUNT} as expected`});
		expect(report.expectedAccount).toMatchObject({status: 'match', roleArn, basis: 'sts'});
		expect(run.status).toBe(report.exitCode);
		expectNoSecrets(run.stdout);

		// Offline, the role_arn says it exactly.
		const offline = doctor(folder, ['--stage', 'prod', '--json', '--offline'], {AWS_SDK_LOAD_CONFIG: '1'});
		expect((JSON.parse(offline.stdout) as ReportJson).expectedAccount).toMatchObject({status: 'match', basis: 'role-arn'});
	});

	test('a stage the team settings do not list: a warning', () => {
		const folder = service('unlisted', TEAM.replace('params:\n  dev: {}\n  prod: {}\n', ''));
		credentials({'acme-dev': dev, 'acme-prod': prod, default: dev});
		const run = doctor(folder, ['--stage', 'qa', '--json', '--aws-profile', 'acme-dev']);
		const report = JSON.parse(run.stdout) as ReportJson;
		expect(guard(report, 'team-stage-unlisted')).toMatchObject({status: 'warn', title: 'Stage qa is not in the team settings'});
		expect(report.expectedAccount).toEqual({stage: 'qa', status: 'unlisted'});
	});
});

describe('bad team settings stop the doctor with exit 2 and one line per problem', () => {
	const cases: Array<[string, string, RegExp]> = [
		[
			'bad account id',
			TEAM.replace(`account: '${PROD_ACCOUNT}'`, 'account: 022222222222'),
			/^sls-creds-wizard: serverless.yml:17 custom.deployAccounts.prod.account: account 022222222222 of stage prod is read as the number 22222222222: YAML drops the leading zero, so it is not 12 digits. Quote it: account: '022222222222'.\n$/,
		],
		[
			'unknown stage',
			TEAM.replace('    prod:\n', '    prd:\n'),
			/^sls-creds-wizard: serverless.yml:15 custom.deployAccounts.prd: Stage prd is not a stage of this service \(it declares dev, prod\). Did you mean prod\? Rename the entry to prod, or remove it.\n$/,
		],
		[
			'malformed role ARN',
			TEAM.replace(`account: '${PROD_ACCOUNT}'\n`, `account: '${PROD_ACCOUNT}'\n      role_arn: arn:aws:iam:${PROD_ACCOUNT}:role/deployer\n      source_profile: acme-base\n`),
			/^sls-creds-wizard: serverless.yml:18 custom.deployAccounts.prod.role_arn: role_arn arn:aws:iam:222222222222:role\/deployer of stage prod is not an IAM role ARN. Write it as arn:aws:iam::<12-digit account>:role\/<role name>, e.g. arn:aws:iam::222222222222:role\/deployer.\n$/,
		],
		[
			'YAML error',
			TEAM.replace(`      account: '${PROD_ACCOUNT}'`, `     account: '${PROD_ACCOUNT}'`),
			/^sls-creds-wizard: serverless.yml: YAML syntax error at line \d+, column \d+: .+; the team settings \(custom.deployAccounts\) cannot be read. Fix the syntax at line \d+ of serverless.yml .+\n$/,
		],
	];
	test.each(cases)('%s', (name, text, expected) => {
		const folder = service(`bad-${name.replaceAll(' ', '-')}`, text);
		credentials({'acme-dev': dev, 'acme-prod': prod});
		for (const args of [['--stage', 'prod'], ['--stage', 'prod', '--json'], ['--offline']]) {
			const run = doctor(folder, args);
			expect(run.status).toBe(2);
			expect(run.stdout).toBe('');
			expect(run.stderr).toMatch(expected);
			expect(run.stderr).not.toMatch(/\n\s+at /);
		}
	});

	test('several problems: one line each', () => {
		const folder = service('bad-several', TEAM.replace(`account: '${PROD_ACCOUNT}'`, 'account: 12345').replace('    dev:\n', '    dve:\n'));
		const run = doctor(folder, ['--stage', 'prod']);
		expect(run.status).toBe(2);
		const lines = run.stderr.trimEnd().split('\n');
		expect(lines).toHaveLength(3);
		expect(lines[0]).toBe('sls-creds-wizard: the team settings (custom.deployAccounts) in serverless.yml have 2 problems; fix them, then run the doctor again:');
		expect(lines[1]).toMatch(/^  serverless.yml:12 custom.deployAccounts.dve: Stage dve is not a stage .* Did you mean dev\?/);
		expect(lines[2]).toMatch(/^  serverless.yml:17 custom.deployAccounts.prod.account: account 12345 of stage prod is not a 12-digit AWS account id. Write the 12 digits/);
	});
});
