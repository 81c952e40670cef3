/**
 * The newcomer flow (issue #5) end to end in a real pseudo-terminal against moto with two accounts: a repo whose
 * serverless.yml maps dev to account A (keys pasted, path c) and prod to a role in account B assumed from the dev
 * profile. From an empty HOME, the wizard ends with both stages verified by STS in their own accounts, and ~/.aws
 * holds exactly the two profiles (0600). The users and keys are created in each account by the test setup (moto's
 * account header); the wizard itself sends no header.
 */
import {existsSync, mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {CreateRoleCommand} from '@aws-sdk/client-iam';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {temporaryHome} from '../support/cli-process.js';
import {startMoto, type Moto} from '../support/moto.js';
import {iamIn, userIn} from '../support/moto-accounts.js';
import {KEYS, spawnCli, type PtyRun} from '../support/pty.js';
import {pressSettled} from './wizard-world.js';

const DEV_ACCOUNT = '111111111111';
const PROD_ACCOUNT = '222222222222';
const ROLE_ARN = `arn:aws:iam::${PROD_ACCOUNT}:role/deployer`;
/**
 * Serverless v4 reads the role profile from ~/.aws/config as is; for v3 (aws-sdk v2 reads ~/.aws/config only with
 * AWS_SDK_LOAD_CONFIG=1) the wizard writes the role settings to ~/.aws/credentials, which it reads without.
 */
const serviceFile = (framework: 3 | 4, prodExtra: string[] = []) => [
	'# Orders service: deployed by the team',
	'service: orders',
	`frameworkVersion: "${framework}"`,
	'',
	'provider:',
	'  name: aws',
	'  region: eu-west-1',
	'  profile: ${self:custom.deployAccounts.${sls:stage}.profile}',
	'',
	'custom:',
	'  deployAccounts:',
	'    dev:',
	'      profile: orders-dev',
	`      account: '${DEV_ACCOUNT}'`,
	'      region: eu-west-1',
	'    prod:',
	'      profile: orders-prod',
	`      account: '${PROD_ACCOUNT}'`,
	'      region: eu-west-1',
	`      role_arn: ${ROLE_ARN}`,
	'      source_profile: orders-dev',
	...prodExtra,
	'',
].join('\n');

let moto: Moto;
/** Alice's own keys, in the dev account. */
let alice: {id: string; secret: string};
/** Keys of a user in the prod account: pasted for dev, they land in the wrong account. */
let stranger: {id: string; secret: string};

beforeAll(async () => {
	moto = await startMoto();
	alice = await userIn(moto, DEV_ACCOUNT, 'alice');
	stranger = await userIn(moto, PROD_ACCOUNT, 'stranger');
	// The role prod deploys through, trusting the dev account (moto does not enforce trust with auth off).
	const iam = iamIn(moto, PROD_ACCOUNT);
	await iam.send(
		new CreateRoleCommand({
			RoleName: 'deployer',
			AssumeRolePolicyDocument: JSON.stringify({
				Version: '2012-10-17',
				Statement: [{Effect: 'Allow', Principal: {AWS: `arn:aws:iam::${DEV_ACCOUNT}:root`}, Action: 'sts:AssumeRole'}],
			}),
		}),
	);
	iam.destroy();
}, 60_000);
afterAll(async () => moto.stop());

function newcomer(framework: 3 | 4, prodExtra: string[] = []) {
	const home = temporaryHome();
	const service = path.join(home.home, 'orders');
	mkdirSync(service);
	writeFileSync(path.join(service, 'serverless.yml'), serviceFile(framework, prodExtra));
	// Nothing in the environment but the endpoint: an empty HOME, no keys, no profile.
	const env = {AWS_ENDPOINT_URL: moto.endpoint, SLS_CREDS_WIZARD_TEST: '1'};
	return {home, service, run: spawnCli([], {home: home.home, cwd: service, env})};
}

async function step(run: PtyRun, expected: string | RegExp, ...keys: string[]): Promise<void> {
	await run.waitFor(expected, 30_000);
	await pressSettled(run, ...keys);
}

/** Path c for the stage whose keys are asked: the key id and secret pasted into the masked fields. */
async function pasteKeys(run: PtyRun, keys: {id: string; secret: string}): Promise<void> {
	// One key at a time, each once the screen shows the last one took effect (a loaded machine draws late).
	await step(run, 'How should the deploy for stage dev get its AWS keys?', KEYS.down);
	await step(run, '❯ b. Guide me', KEYS.down);
	await step(run, '❯ c. I have access keys', KEYS.enter);
	// Each Enter only once the field shows what was pasted: a paste and its Enter in one read would be one string.
	await step(run, 'Paste the access key to save as a profile.', keys.id);
	await step(run, `Access key id:     ${'*'.repeat(keys.id.length)}`, KEYS.enter);
	await step(run, '› Secret access key:', keys.secret);
	await step(run, `Secret access key: ${'*'.repeat(keys.secret.length)}`, KEYS.enter);
}

test('a newcomer from an empty HOME: dev (keys pasted) and prod (role from dev) verified in their own accounts', async () => {
	const {home, service, run} = newcomer(4);
	await step(run, `Set up this team's stages (dev → ${DEV_ACCOUNT}, prod → ${PROD_ACCOUNT})`, KEYS.enter);
	await step(run, 'Next: dev: get keys for profile orders-dev', KEYS.enter);
	await pasteKeys(run, alice);
	await step(run, 'Profile name: orders-dev', KEYS.enter);
	await step(run, 'Write these changes? [Y/n]', KEYS.enter);
	await run.waitFor('AWS accepts the key', 30_000);
	await step(run, `Account: ${DEV_ACCOUNT}`, KEYS.enter);
	await step(run, 'Next: prod: write role profile orders-prod (from orders-dev)', KEYS.enter);
	await run.waitFor('Role profile orders-prod for stage prod', 30_000);
	await step(run, 'Write these changes? [Y/n]', KEYS.enter);
	// STS through AssumeRole: the overview ticks prod in its own account.
	await run.waitFor(`✔ prod → orders-prod, account ${PROD_ACCOUNT}`, 30_000);
	await step(run, 'Every stage is done', KEYS.enter);
	const done = await run.waitFor(/✔ prod → orders-prod: account 222222222222/, 30_000);
	expect(done).toContain(`✔ dev → orders-dev: account ${DEV_ACCOUNT}, as the team expects`);
	expect(done).toContain('serverless deploy --stage dev');
	await pressSettled(run, KEYS.enter);
	const {exitCode} = await run.exited(20_000).catch(async (error: Error) => {
		throw new Error(`${error.message}\n${await run.screen()}`);
	});
	expect(exitCode).toBe(0);

	const aws = path.join(home.home, '.aws');
	expect(readFileSync(path.join(aws, 'credentials'), 'utf8')).toBe(`[orders-dev]\naws_access_key_id = ${alice.id}\naws_secret_access_key = ${alice.secret}\n`);
	expect(readFileSync(path.join(aws, 'config'), 'utf8')).toBe(
		['[profile orders-dev]', 'region = eu-west-1', '', '[profile orders-prod]', `role_arn = ${ROLE_ARN}`, 'source_profile = orders-dev', 'region = eu-west-1', ''].join('\n'),
	);
	for (const file of ['credentials', 'config']) expect(statSync(path.join(aws, file)).mode & 0o777).toBe(0o600);
	// Team mode writes no stage mapping: the block already drives provider.profile.
	expect(readFileSync(path.join(service, 'serverless.yml'), 'utf8')).toBe(serviceFile(4));
	expect(run.raw()).not.toContain(alice.secret);
	home.remove();
}, 120_000);

test('Serverless v3: the role profile goes to ~/.aws/credentials, and prod is verified in its account without AWS_SDK_LOAD_CONFIG', async () => {
	const {home, run} = newcomer(3);
	await step(run, `Set up this team's stages (dev → ${DEV_ACCOUNT}, prod → ${PROD_ACCOUNT})`, KEYS.enter);
	await step(run, 'Next: dev: get keys for profile orders-dev', KEYS.enter);
	await pasteKeys(run, alice);
	await step(run, 'Profile name: orders-dev', KEYS.enter);
	await step(run, 'Write these changes? [Y/n]', KEYS.enter);
	await step(run, `Account: ${DEV_ACCOUNT}`, KEYS.enter);
	await step(run, 'Next: prod: write role profile orders-prod (from orders-dev)', KEYS.enter);
	const review = await run.waitFor('Role profile orders-prod for stage prod', 30_000);
	expect(review).toContain(`role_arn = ${ROLE_ARN}`);
	await step(run, 'Write these changes? [Y/n]', KEYS.enter);
	await run.waitFor(`✔ prod → orders-prod, account ${PROD_ACCOUNT}`, 30_000);
	await step(run, 'Every stage is done', KEYS.enter);
	// The doctor's Serverless v3 model reads the profile as a deploy would, and STS assumes the role.
	const done = await run.waitFor(/✔ prod → orders-prod: account 222222222222/, 30_000);
	expect(done).toContain(`✔ dev → orders-dev: account ${DEV_ACCOUNT}, as the team expects`);
	expect(done).not.toContain('AWS_SDK_LOAD_CONFIG');
	await pressSettled(run, KEYS.enter);
	expect((await run.exited(20_000)).exitCode).toBe(0);

	const aws = path.join(home.home, '.aws');
	expect(readFileSync(path.join(aws, 'credentials'), 'utf8')).toBe(
		[`[orders-dev]`, `aws_access_key_id = ${alice.id}`, `aws_secret_access_key = ${alice.secret}`, '', '[orders-prod]', `role_arn = ${ROLE_ARN}`, 'source_profile = orders-dev', ''].join('\n'),
	);
	expect(readFileSync(path.join(aws, 'config'), 'utf8')).toBe(['[profile orders-dev]', 'region = eu-west-1', '', '[profile orders-prod]', 'region = eu-west-1', ''].join('\n'));
	for (const file of ['credentials', 'config']) expect(statSync(path.join(aws, file)).mode & 0o777).toBe(0o600);
	expect(run.raw()).not.toContain(alice.secret);
	home.remove();
}, 120_000);

test('a role with mfa_serial: the wizard asks for the code once and assumes the role with it (moto accepts any code)', async () => {
	const mfaSerial = `arn:aws:iam::${DEV_ACCOUNT}:mfa/alice`;
	const {home, run} = newcomer(3, [`      mfa_serial: ${mfaSerial}`]);
	await step(run, "Set up this team's stages", KEYS.enter);
	await step(run, 'Next: dev: get keys for profile orders-dev', KEYS.enter);
	await pasteKeys(run, alice);
	await step(run, 'Profile name: orders-dev', KEYS.enter);
	await step(run, 'Write these changes? [Y/n]', KEYS.enter);
	await step(run, `Account: ${DEV_ACCOUNT}`, KEYS.enter);
	await step(run, 'Next: prod: write role profile orders-prod (from orders-dev)', KEYS.enter);
	await run.waitFor('Role profile orders-prod for stage prod', 30_000);
	await step(run, 'Write these changes? [Y/n]', KEYS.enter);
	await step(run, 'MFA code:', '12345');
	await step(run, 'MFA code: 12345', KEYS.enter);
	await step(run, 'Type the 6 digits', '6');
	await step(run, 'MFA code: 123456', KEYS.enter);
	await run.waitFor(`✔ prod → orders-prod, account ${PROD_ACCOUNT}`, 30_000);
	await step(run, 'Every stage is done', KEYS.enter);
	const done = await run.waitFor('checked with your MFA code', 30_000);
	expect(done).toContain(`✔ prod → orders-prod: account ${PROD_ACCOUNT}, as the team expects (checked with your MFA code)`);
	await pressSettled(run, KEYS.enter);
	expect((await run.exited(20_000)).exitCode).toBe(0);
	const credentials = readFileSync(path.join(home.home, '.aws', 'credentials'), 'utf8');
	expect(credentials).toContain(`[orders-prod]\nrole_arn = ${ROLE_ARN}\nsource_profile = orders-dev\nmfa_serial = ${mfaSerial}\n`);
	expect(credentials + readFileSync(path.join(home.home, '.aws', 'config'), 'utf8')).not.toContain('123456');
	home.remove();
}, 120_000);

test('keys from another account for dev: the mismatch is shown, other keys fix it', async () => {
	const {home, run} = newcomer(3);
	await step(run, "Set up this team's stages", KEYS.enter);
	await step(run, 'Next: dev: get keys for profile orders-dev', KEYS.enter);
	await pasteKeys(run, stranger);
	await step(run, 'Profile name: orders-dev', KEYS.enter);
	await step(run, 'Write these changes? [Y/n]', KEYS.enter);
	const mismatch = await run.waitFor('the wrong account', 30_000);
	expect(mismatch).toContain(`These credentials belong to account ${PROD_ACCOUNT}; the team expects ${DEV_ACCOUNT} for dev.`);
	await pressSettled(run, 'k');
	await pasteKeys(run, alice);
	await step(run, 'Profile name: orders-dev', KEYS.enter);
	// The wrong keys were written first: replacing them needs its own yes.
	await step(run, 'is already configured', 'o');
	await step(run, 'Write these changes? [Y/n]', KEYS.enter);
	await step(run, `Account: ${DEV_ACCOUNT}`, KEYS.enter);
	await run.waitFor(`✔ dev → orders-dev, account ${DEV_ACCOUNT}`, 30_000);
	await run.press(KEYS.ctrlC);
	expect((await run.exited(20_000)).exitCode).toBe(130);
	expect(readFileSync(path.join(home.home, '.aws', 'credentials'), 'utf8')).toContain(`aws_access_key_id = ${alice.id}`);
	home.remove();
}, 120_000);

test('path a with pasted admin keys: kept as a profile only after yes, the diff and a confirm', async () => {
	const {home, run} = newcomer(4);
	await step(run, "Set up this team's stages", KEYS.down);
	await step(run, '❯ Set up deploy credentials', KEYS.enter);
	await step(run, 'Do you have an AWS account?', KEYS.enter);
	await step(run, 'How should the deploy get its AWS keys?', KEYS.enter);
	await step(run, 'Paste admin access keys (kept only if you ask)', KEYS.enter);
	await step(run, '› Access key id:', alice.id);
	await step(run, `Access key id:     ${'*'.repeat(alice.id.length)}`, KEYS.enter);
	await step(run, '› Secret access key:', alice.secret);
	await step(run, `Secret access key: ${'*'.repeat(alice.secret.length)}`, KEYS.enter);
	await step(run, 'Save these admin keys as a profile? [y/N]', 'y');
	await step(run, 'Profile name: orders-admin', KEYS.enter);
	const review = await run.waitFor('Admin keys as profile orders-admin in ~/.aws', 30_000);
	expect(review).not.toContain(alice.secret);
	await step(run, 'Write these changes? [Y/n]', KEYS.enter);
	await run.waitFor('IAM user name:', 30_000);
	await run.press(KEYS.ctrlC);
	expect((await run.exited(20_000)).exitCode).toBe(130);
	const credentials = path.join(home.home, '.aws', 'credentials');
	expect(readFileSync(credentials, 'utf8')).toBe(`[orders-admin]\naws_access_key_id = ${alice.id}\naws_secret_access_key = ${alice.secret}\n`);
	expect(statSync(credentials).mode & 0o777).toBe(0o600);
	home.remove();
}, 120_000);

test('path a with pasted admin keys: Enter on the offer (no) writes nothing', async () => {
	const {home, run} = newcomer(4);
	await step(run, "Set up this team's stages", KEYS.down);
	await step(run, '❯ Set up deploy credentials', KEYS.enter);
	await step(run, 'Do you have an AWS account?', KEYS.enter);
	await step(run, 'How should the deploy get its AWS keys?', KEYS.enter);
	await step(run, 'Paste admin access keys (kept only if you ask)', KEYS.enter);
	await step(run, '› Access key id:', alice.id);
	await step(run, `Access key id:     ${'*'.repeat(alice.id.length)}`, KEYS.enter);
	await step(run, '› Secret access key:', alice.secret);
	await step(run, `Secret access key: ${'*'.repeat(alice.secret.length)}`, KEYS.enter);
	await step(run, 'Save these admin keys as a profile? [y/N]', KEYS.enter);
	await run.waitFor('IAM user name:', 30_000);
	await run.press(KEYS.ctrlC);
	expect((await run.exited(20_000)).exitCode).toBe(130);
	expect(existsSync(path.join(home.home, '.aws'))).toBe(false);
	home.remove();
}, 120_000);
