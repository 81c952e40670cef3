/**
 * The effects of the newcomer flow against moto: a role profile planned and written into the temp ~/.aws/config with
 * no keys of its own, and STS through a profile as the SDK resolves it — static keys land in their own account, a role
 * profile lands (through AssumeRole) in the role's account, a profile that does not exist fails with a message.
 */
import {mkdtempSync, readFileSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {CreateAccessKeyCommand, CreateUserCommand, IAMClient} from '@aws-sdk/client-iam';
import {afterAll, afterEach, beforeAll, beforeEach, expect, test, vi} from 'vitest';
import {Secret} from '../../source/secret.js';
import {runEffect, type RunnerDeps} from '../../source/wizard/effect-runner.js';
import type {ProfileRequest} from '../../source/wizard/effect.js';
import {startMoto, type Moto} from '../support/moto.js';

const DEV_ACCOUNT = '111111111111';
const ROLE_ARN = 'arn:aws:iam::333333333333:role/deployer';

let moto: Moto;
let home = '';
let alice: {id: string; secret: string};

beforeAll(async () => {
	moto = await startMoto();
	const iam = new IAMClient({endpoint: moto.endpoint, region: 'us-east-1', credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}, maxAttempts: 1});
	iam.middlewareStack.add(
		next => async args => {
			(args.request as {headers: Record<string, string>}).headers['x-moto-account-id'] = DEV_ACCOUNT;
			return next(args);
		},
		{step: 'build', name: 'motoAccount'},
	);
	await iam.send(new CreateUserCommand({UserName: 'alice'}));
	const {AccessKey} = await iam.send(new CreateAccessKeyCommand({UserName: 'alice'}));
	iam.destroy();
	alice = {id: AccessKey!.AccessKeyId!, secret: AccessKey!.SecretAccessKey!};
}, 30_000);
afterAll(async () => moto?.stop());
beforeEach(() => {
	home = mkdtempSync(path.join(tmpdir(), 'sls-creds-team-runner-'));
	for (const name of Object.keys(process.env)) if (/^AWS_|^NODE_EXTRA_CA_CERTS$|_PROXY$/i.test(name)) vi.stubEnv(name, undefined);
	vi.stubEnv('HOME', home);
	vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
	vi.stubEnv('SLS_CREDS_WIZARD_TEST', '1');
});
afterEach(() => {
	vi.unstubAllEnvs();
});

function deps(): RunnerDeps {
	return {
		cwd: home,
		env: {HOME: home, AWS_ENDPOINT_URL: moto.endpoint, AWS_EC2_METADATA_DISABLED: 'true', SLS_CREDS_WIZARD_TEST: '1', PATH: process.env.PATH ?? ''},
		openUrl: () => undefined,
		copyToClipboard: () => false,
	};
}

/** Plans, then writes exactly the diff shown, as the reducer does after a confirm. */
async function write(request: ProfileRequest, runner: RunnerDeps): Promise<string[]> {
	const planned = await runEffect({type: 'plan-profile', id: 1, request}, runner);
	if (planned?.type !== 'profile-planned') throw new Error(`not planned: ${JSON.stringify(planned)}`);
	expect(planned.refusal).toBeUndefined();
	const written = await runEffect({type: 'write-profile', id: 2, plan: {...request, shownDiff: planned.diff}}, runner);
	expect(written).toMatchObject({type: 'profile-written'});
	return planned.diff;
}

/** Alice's own keys as the base profile the role is assumed from. */
const base = (): ProfileRequest => ({
	profile: 'acme-base',
	credentials: {accessKeyId: new Secret(alice.id), secretAccessKey: new Secret(alice.secret)},
	settings: {region: 'eu-west-1'},
	overwrite: false,
});
const role: ProfileRequest = {profile: 'acme-prod', settings: {role_arn: ROLE_ARN, source_profile: 'acme-base', region: 'eu-west-1'}, overwrite: false};

test('a role profile: only ~/.aws/config changes, with the role settings and no keys', async () => {
	const runner = deps();
	await write(base(), runner);
	const diff = await write(role, runner);
	expect(diff.join('\n')).toContain(`role_arn = ${ROLE_ARN}`);
	expect(diff.join('\n')).not.toContain('aws_access_key_id');
	const config = readFileSync(path.join(home, '.aws', 'config'), 'utf8');
	expect(config).toContain(`[profile acme-prod]\nrole_arn = ${ROLE_ARN}\nsource_profile = acme-base\nregion = eu-west-1\n`);
	expect(readFileSync(path.join(home, '.aws', 'credentials'), 'utf8')).not.toContain('acme-prod');
	expect(statSync(path.join(home, '.aws', 'config')).mode & 0o777).toBe(0o600);
});

test('STS through a profile: static keys in their account, a role profile in the role account, a missing profile fails', async () => {
	const runner = deps();
	await write(base(), runner);
	await write(role, runner);
	const own = await runEffect({type: 'verify-profile', id: 3, profile: 'acme-base', region: 'eu-west-1'}, runner);
	expect(own).toMatchObject({type: 'verified', id: 3, identity: {account: DEV_ACCOUNT, arn: `arn:aws:iam::${DEV_ACCOUNT}:user/alice`}});
	const assumed = await runEffect({type: 'verify-profile', id: 4, profile: 'acme-prod', region: 'eu-west-1'}, runner);
	expect(assumed).toMatchObject({type: 'verified', id: 4, identity: {account: '333333333333', principal: 'assumed-role', arn: expect.stringContaining('assumed-role/deployer/')}});
	const missing = await runEffect({type: 'verify-profile', id: 5, profile: 'nobody', region: 'eu-west-1'}, runner);
	expect(missing).toMatchObject({type: 'verify-failed', id: 5, timedOut: false, failure: {message: expect.stringContaining('nobody')}});
	expect(JSON.stringify([own, assumed, missing])).not.toContain(alice.secret);
}, 60_000);

test('a Serverless v3 role profile: role settings in ~/.aws/credentials, region in ~/.aws/config, assumed through STS', async () => {
	const runner = deps();
	await write(base(), runner);
	const diff = await write({...role, roleSettingsIn: 'credentials'}, runner);
	expect(diff.join('\n')).toContain(`+role_arn = ${ROLE_ARN}`);
	const credentials = readFileSync(path.join(home, '.aws', 'credentials'), 'utf8');
	expect(credentials).toContain(`\n[acme-prod]\nrole_arn = ${ROLE_ARN}\nsource_profile = acme-base\n`);
	expect(readFileSync(path.join(home, '.aws', 'config'), 'utf8')).toBe('[profile acme-base]\nregion = eu-west-1\n\n[profile acme-prod]\nregion = eu-west-1\n');
	expect(statSync(path.join(home, '.aws', 'credentials')).mode & 0o777).toBe(0o600);
	expect(diff.join('\n')).not.toContain(alice.secret);
	const assumed = await runEffect({type: 'verify-profile', id: 3, profile: 'acme-prod', region: 'eu-west-1'}, runner);
	expect(assumed).toMatchObject({type: 'verified', identity: {account: '333333333333', principal: 'assumed-role'}});
}, 60_000);

test('a role with mfa_serial: assumed with the code the user typed (moto accepts any), and fails without one', async () => {
	const runner = deps();
	await write(base(), runner);
	const mfaSerial = `arn:aws:iam::${DEV_ACCOUNT}:mfa/alice`;
	await write({...role, settings: {...role.settings, mfa_serial: mfaSerial}, roleSettingsIn: 'credentials'}, runner);
	const withCode = await runEffect({type: 'verify-profile', id: 3, profile: 'acme-prod', region: 'eu-west-1', mfaCode: '123456'}, runner);
	expect(withCode).toMatchObject({type: 'verified', id: 3, identity: {account: '333333333333', principal: 'assumed-role'}});
	const without = await runEffect({type: 'verify-profile', id: 4, profile: 'acme-prod', region: 'eu-west-1'}, runner);
	expect(without).toMatchObject({type: 'verify-failed', id: 4, failure: {message: expect.stringMatching(/mfa/i)}});
	expect(JSON.stringify([withCode, without])).not.toContain(alice.secret);
}, 60_000);

test('the last check does not assume an MFA role again: it says so instead of failing on the missing code', async () => {
	const runner = deps();
	await write(base(), runner);
	await write({...role, settings: {...role.settings, mfa_serial: `arn:aws:iam::${DEV_ACCOUNT}:mfa/alice`}, roleSettingsIn: 'credentials'}, runner);
	const done = await runEffect({type: 'doctor', id: 5, stages: ['prod'], mapping: {prod: 'acme-prod'}}, {...runner, env: {...runner.env, AWS_PROFILE: 'acme-prod'}});
	expect(done).toMatchObject({type: 'doctor-done', checks: [{stage: 'prod', profile: 'acme-prod', ok: false, mfa: true, problem: expect.stringContaining('MFA code')}]});
}, 60_000);

test.each([
	['the config file', {}],
	['the credentials file (Serverless v3)', {roleSettingsIn: 'credentials' as const}],
])('team settings without mfa_serial over a role profile that had it, role placed in %s: no mfa_serial left, assumed without a code', async (_where, placement) => {
	const runner = deps();
	await write(base(), runner);
	await write({...role, settings: {...role.settings, mfa_serial: `arn:aws:iam::${DEV_ACCOUNT}:mfa/alice`}}, runner);
	const diff = await write({...role, ...placement, overwrite: true}, runner);
	expect(diff.join('\n')).toContain('-mfa_serial');
	const files = ['config', 'credentials'].map((name) => readFileSync(path.join(home, '.aws', name), 'utf8'));
	for (const text of files) expect(text).not.toContain('mfa_serial');
	const assumed = await runEffect({type: 'verify-profile', id: 3, profile: 'acme-prod', region: 'eu-west-1'}, runner);
	expect(assumed).toMatchObject({type: 'verified', id: 3, identity: {account: '333333333333', principal: 'assumed-role'}});
	expect(JSON.stringify([assumed, diff])).not.toContain(alice.secret);
}, 60_000);
