import {describe, expect, test} from 'vitest';
import {precedenceV4} from '../../source/credentials/precedence-v4.js';
import type {V4Resolver} from '../../source/service/service-info.js';
import {secretFor, snapshotFor} from './snapshot-for.js';
import {CONFIG, KEYS, baseFiles, credentialsText, envKeys} from './spec-fixture.js';

const resolver = (name: string, extra: Partial<V4Resolver> = {}): V4Resolver => ({name, from: 'default', ...extra});

describe('precedenceV4: worked scenarios F1–F6', () => {
	test('F1: provider.profile and provider.resolver together fail', () => {
		const verdict = precedenceV4(snapshotFor({files: baseFiles, framework: 4, yml: {profile: 'prod', resolverName: 'r1', resolvers: [resolver('r1', {profile: 'dev'})]}}));
		expect(verdict.error).toMatchObject({message: 'The provider.profile and provider.resolver cannot be set at the same time'});
		expect(verdict.winner).toBeUndefined();
		expect(verdict.candidates.every((candidate) => candidate.status === 'absent' || candidate.status === 'not-evaluated')).toBe(true);
	});

	test('F2: two aws resolvers, none selected', () => {
		const verdict = precedenceV4(snapshotFor({files: baseFiles, framework: 4, yml: {resolvers: [resolver('a', {profile: 'dev'}), resolver('b', {profile: 'prod'})]}}));
		expect(verdict.error?.message).toBe('Multiple resolvers with type "aws" found. Please specify the credential provider to use for deployment in the provider.resolver key.');
	});

	test('F3: a custom resolver profile beats --aws-profile', () => {
		const verdict = precedenceV4(snapshotFor({files: baseFiles, framework: 4, options: {awsProfile: 'dev'}, yml: {resolverName: 'r1', resolvers: [resolver('r1', {profile: 'prod'})]}}));
		expect(verdict.winner).toMatchObject({source: 'resolver-profile', profile: 'prod'});
		expect(verdict.winner?.accessKeyId?.reveal()).toBe(KEYS.PRD3);
		expect(verdict.candidates.find((candidate) => candidate.source === 'cli-aws-profile')?.status).toBe('skipped');
		expect(verdict.traps.join('\n')).toMatch(/--aws-profile dev is ignored/);
	});

	test('F4: org/app/service with an access key: the Dashboard may override, local resolution goes on', () => {
		const verdict = precedenceV4(snapshotFor({files: baseFiles, framework: 4, yml: {org: 'acme', app: 'shop'}, dashboard: {accessKeyInEnv: true}}));
		expect(verdict.candidates[0]).toMatchObject({source: 'dashboard-provider', status: 'not-evaluated'});
		expect(verdict.winner?.source).toBe('default-profile');
		expect(verdict.traps.join('\n')).toMatch(/Dashboard provider/);
	});

	test('F5: a license key gets no Dashboard provider', () => {
		const verdict = precedenceV4(snapshotFor({files: baseFiles, framework: 4, yml: {org: 'acme', app: 'shop'}, dashboard: {licenseKeyInEnv: true, accessKeyInEnv: false}}));
		expect(verdict.candidates[0]).toMatchObject({status: 'skipped'});
		expect(verdict.candidates[0]?.reason).toMatch(/SERVERLESS_LICENSE_KEY/);
	});

	test('F6: AWS_<STAGE>_PROFILE is ignored', () => {
		const verdict = precedenceV4(snapshotFor({files: baseFiles, framework: 4, env: {AWS_PROD_PROFILE: 'prod'}, options: {stage: 'prod'}}));
		expect(verdict.winner?.accessKeyId?.reveal()).toBe(KEYS.DEF1);
		expect(verdict.traps.join('\n')).toMatch(/AWS_PROD_PROFILE is ignored by Serverless v4/);
	});
});

describe('precedenceV4: built-in resolver', () => {
	test('provider.profile beats env keys (opposite of v3), with a trap', () => {
		const verdict = precedenceV4(snapshotFor({files: baseFiles, framework: 4, env: envKeys, yml: {profile: 'prod'}}));
		expect(verdict.winner).toMatchObject({source: 'provider-profile', profile: 'prod'});
		expect(verdict.traps.join('\n')).toMatch(/beats AWS_ACCESS_KEY_ID in v4/);
		const keys = verdict.candidates.find((candidate) => candidate.source === 'env-keys');
		expect(keys?.status).toBe('skipped');
		expect(keys?.fix).toBe('remove `profile` under `provider` in serverless.yml');
	});

	test('--aws-profile beats provider.profile; provider.profile gets --aws-profile as its fix', () => {
		const verdict = precedenceV4(snapshotFor({files: baseFiles, framework: 4, options: {awsProfile: 'dev'}, yml: {profile: 'prod'}}));
		expect(verdict.winner).toMatchObject({source: 'cli-aws-profile', profile: 'dev'});
		const provider = verdict.candidates.find((candidate) => candidate.source === 'provider-profile');
		expect(provider?.status).toBe('not-evaluated');
		expect(provider?.fix).toBe('serverless deploy --stage dev --aws-profile prod');
	});

	test('a broken profile: AWS_CREDENTIALS_MISSING with the SDK message', () => {
		const verdict = precedenceV4(snapshotFor({files: baseFiles, framework: 4, env: {AWS_PROFILE: 'nosuch'}}));
		expect(verdict.error).toMatchObject({
			code: 'AWS_CREDENTIALS_MISSING',
			message: 'AWS credentials missing or invalid. Original error from AWS: Could not load credentials from any providers',
		});
	});

	test('an MFA role profile works in v4 (it prompts) and is called out', () => {
		const config = '[profile mfa]\nrole_arn = arn:aws:iam::123456789012:role/deployer\nsource_profile = default\nmfa_serial = arn:aws:iam::123456789012:mfa/me\n';
		const verdict = precedenceV4(snapshotFor({files: {...baseFiles, [CONFIG]: config}, framework: 4, options: {awsProfile: 'mfa'}}));
		expect(verdict.winner).toMatchObject({kind: 'role', profile: 'mfa'});
		expect(verdict.traps.join('\n')).toMatch(/asks for an MFA code/);
	});

	test('resolver static keys, and one key alone fails', () => {
		const good = precedenceV4(snapshotFor({files: baseFiles, framework: 4, yml: {resolvers: [resolver('keys', {accessKeyId: KEYS.ENV4, secretAccessKey: secretFor('ENV4')})]}}));
		expect(good.winner).toMatchObject({source: 'resolver-keys', kind: 'static'});
		const half = precedenceV4(snapshotFor({files: baseFiles, framework: 4, yml: {resolvers: [resolver('keys', {accessKeyId: KEYS.ENV4})]}}));
		expect(half.error?.message).toBe('If you provide an access key ID or secret access key, you must provide both.');
	});

	test('region: resolver → --region → provider.region → AWS_REGION → us-east-1', () => {
		expect(precedenceV4(snapshotFor({framework: 4, env: {AWS_REGION: 'eu-west-1'}})).region).toEqual({value: 'eu-west-1', source: 'AWS_REGION'});
		expect(precedenceV4(snapshotFor({framework: 4, env: {AWS_REGION: 'eu-west-1'}, yml: {region: 'eu-central-1'}})).region.value).toBe('eu-central-1');
		expect(precedenceV4(snapshotFor({framework: 4})).region).toEqual({value: 'us-east-1', source: 'default'});
		expect(precedenceV4(snapshotFor({framework: 4, yml: {resolvers: [resolver('r', {region: 'sa-east-1'})]}})).region.value).toBe('sa-east-1');
	});

	test('AWS_DEFAULT_PROFILE and AWS_SDK_LOAD_CONFIG play no part', () => {
		const verdict = precedenceV4(snapshotFor({files: {[CONFIG]: '[profile cfg]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = default\n', '/home/dev/.aws/credentials': credentialsText}, framework: 4, env: {AWS_DEFAULT_PROFILE: 'prod', AWS_PROFILE: 'cfg'}}));
		expect(verdict.winner).toMatchObject({source: 'env-profile', kind: 'role', profile: 'cfg'});
		expect(verdict.traps.join('\n')).toMatch(/AWS_DEFAULT_PROFILE is ignored by Serverless v4/);
	});
});
