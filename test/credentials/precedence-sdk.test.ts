import {describe, expect, test} from 'vitest';
import {precedenceSdk} from '../../source/credentials/precedence-sdk.js';
import type {Verdict} from '../../source/credentials/verdict.js';
import {keyId, snapshotFor, staticSection, type SnapshotInput} from './snapshot-for.js';
import {CONFIG, CREDENTIALS, KEYS, baseFiles, configText, credentialsText, envKeys, processCommand} from './spec-fixture.js';

interface Row {
	id: string;
	input: SnapshotInput;
	init?: {profile?: string};
	expected: {source: string; key?: keyof typeof KEYS; kind?: string} | {error: string; message: string};
	trap?: RegExp;
}

const NOT_FOUND = 'Could not load credentials from any providers';

// credential-resolution.md §6.2, N1–N12 (N13 below).
const rows: Row[] = [
	{id: 'N1', input: {files: baseFiles, env: envKeys}, expected: {source: 'env-keys', key: 'ENV4'}},
	{id: 'N2', input: {files: baseFiles, env: envKeys}, init: {profile: 'prod'}, expected: {source: 'ini-profile', key: 'PRD3'}, trap: /Multiple credential sources/},
	{id: 'N3', input: {files: baseFiles, env: {AWS_PROFILE: 'dev', ...envKeys}}, expected: {source: 'env-profile', key: 'DEV2'}, trap: /Multiple credential sources/},
	{id: 'N4', input: {files: baseFiles, env: {AWS_PROFILE: 'dev'}}, init: {profile: 'prod'}, expected: {source: 'ini-profile', key: 'PRD3'}},
	{id: 'N5', input: {files: baseFiles, env: {AWS_PROFILE: '', ...envKeys}}, expected: {source: 'env-keys', key: 'ENV4'}},
	{id: 'N6', input: {files: baseFiles, env: {AWS_ACCESS_KEY_ID: KEYS.ENV4}}, expected: {source: 'default-profile', key: 'DEF1'}},
	{id: 'N7', input: {files: baseFiles, env: {AWS_DEFAULT_PROFILE: 'dev'}}, expected: {source: 'default-profile', key: 'DEF1'}, trap: /AWS_DEFAULT_PROFILE is ignored/},
	{id: 'N8', input: {files: {}, env: {AWS_DEV_ACCESS_KEY_ID: KEYS.DEV8}}, expected: {error: 'CredentialsProviderError', message: NOT_FOUND}},
	{id: 'N9', input: {files: {...baseFiles, [CONFIG]: `${configText}\n[profile x]\naws_access_key_id = ${KEYS.DEV8}\naws_secret_access_key = s3cr3t-x-0123456789\n`}, env: {AWS_PROFILE: 'x'}}, expected: {source: 'env-profile', key: 'DEV8'}},
	{id: 'N10', input: {files: {...baseFiles, [CREDENTIALS]: `${credentialsText}\n[proc]\ncredential_process = ${processCommand}\n`}, env: {AWS_PROFILE: 'proc'}}, expected: {source: 'env-profile', kind: 'process'}},
	{id: 'N11', input: {files: baseFiles, env: {AWS_PROFILE: 'nosuch'}}, expected: {error: 'CredentialsProviderError', message: NOT_FOUND}},
	{
		id: 'N12',
		input: {files: {...baseFiles, [CONFIG]: `${configText}\n[profile mfa]\nrole_arn = arn:aws:iam::123456789012:role/deployer\nsource_profile = default\nmfa_serial = arn:aws:iam::123456789012:mfa/me\n`}, env: {AWS_PROFILE: 'mfa'}},
		expected: {error: 'CredentialsProviderError', message: 'Profile mfa requires multi-factor authentication, but no MFA code callback was provided.'},
	},
];

function check(verdict: Verdict, expected: Row['expected']): void {
	if ('error' in expected) {
		expect(verdict.winner).toBeUndefined();
		expect(verdict.error).toMatchObject({code: expected.error, message: expected.message});
		return;
	}
	expect(verdict.error).toBeUndefined();
	expect(verdict.winner?.source).toBe(expected.source);
	if (expected.key) expect(verdict.winner?.accessKeyId?.reveal()).toBe(KEYS[expected.key]);
	if (expected.kind) expect(verdict.winner?.kind).toBe(expected.kind);
}

describe('precedenceSdk: worked scenarios N1–N12', () => {
	test.each(rows)('$id', ({input, init, expected, trap}) => {
		const verdict = precedenceSdk(snapshotFor(input), init);
		expect(verdict.engine).toBe('aws-sdk-v3');
		check(verdict, expected);
		if (trap) expect(verdict.traps.join('\n')).toMatch(trap);
	});

	test('N13: the model keeps no cache; a rewritten file gives the new key at once', () => {
		const before = precedenceSdk(snapshotFor({files: {[CREDENTIALS]: staticSection('default', 'DEF1')}}));
		const after = precedenceSdk(snapshotFor({files: {[CREDENTIALS]: staticSection('default', 'DEV2')}}));
		expect(before.winner?.accessKeyId?.reveal()).toBe(KEYS.DEF1);
		expect(after.winner?.accessKeyId?.reveal()).toBe(KEYS.DEV2);
	});
});

describe('precedenceSdk: the chain table', () => {
	test('env keys under a named profile are skipped, with the exact fix', () => {
		const verdict = precedenceSdk(snapshotFor({files: baseFiles, env: {AWS_PROFILE: 'dev', ...envKeys}}));
		const keys = verdict.candidates.find((candidate) => candidate.source === 'env-keys');
		expect(keys).toMatchObject({status: 'skipped', fix: 'unset AWS_PROFILE'});
		expect(keys?.accessKeyId?.toString()).toBe('AKIA…ENV4');
		const def = verdict.candidates.find((candidate) => candidate.source === 'default-profile');
		expect(def?.status).toBe('not-evaluated');
	});

	test('a named profile that fails softly falls through to process/web identity, never to [default] or env keys', () => {
		const verdict = precedenceSdk(
			snapshotFor({
				files: {...baseFiles, '/tmp/token': 'x'},
				env: {AWS_PROFILE: 'nosuch', ...envKeys, AWS_WEB_IDENTITY_TOKEN_FILE: '/tmp/token', AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/web'},
				tokenFiles: {'/tmp/token': {path: '/tmp/token', exists: true}},
			}),
		);
		expect(verdict.winner).toMatchObject({source: 'web-identity-env', kind: 'web-identity', roleArn: 'arn:aws:iam::123456789012:role/web'});
		expect(verdict.candidates.find((candidate) => candidate.source === 'env-profile')?.status).toBe('skipped');
	});

	test('SSO profile without a cached token stops the chain with the SDK message', () => {
		const config = `[profile sso]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = Admin\n`;
		const verdict = precedenceSdk(snapshotFor({files: {[CONFIG]: config, [CREDENTIALS]: credentialsText}, env: {AWS_PROFILE: 'sso'}}));
		expect(verdict.error?.message).toBe('The SSO session associated with this profile is invalid. To refresh this SSO session run aws sso login with the corresponding profile.');
		const withToken = precedenceSdk(
			snapshotFor({
				files: {[CONFIG]: config},
				env: {AWS_PROFILE: 'sso'},
				ssoCache: [{path: '/x.json', key: 'https://example.awsapps.com/start', exists: true, expiresAt: '2099-01-01T00:00:00Z'}],
			}),
		);
		expect(withToken.winner).toMatchObject({source: 'env-profile', kind: 'sso', profile: 'sso', credentials: {type: 'profile', profile: 'sso'}});
	});

	test('role profile: winner carries the role and resolves through the profile at request time', () => {
		const verdict = precedenceSdk(snapshotFor({files: baseFiles, env: {AWS_PROFILE: 'deploy'}}));
		expect(verdict.winner).toMatchObject({kind: 'role', roleArn: 'arn:aws:iam::123456789012:role/deployer', credentials: {type: 'profile', profile: 'deploy'}});
	});

	test('region: AWS_REGION, then the profile region (credentials file first), never AWS_DEFAULT_REGION', () => {
		expect(precedenceSdk(snapshotFor({env: {AWS_REGION: 'eu-west-1'}})).region.value).toBe('eu-west-1');
		const files = {[CREDENTIALS]: `${staticSection('default', 'DEF1')}region = eu-west-2\n`, [CONFIG]: '[default]\nregion = us-west-2\n'};
		expect(precedenceSdk(snapshotFor({files, env: {AWS_DEFAULT_REGION: 'ap-south-1'}})).region.value).toBe('eu-west-2');
		expect(precedenceSdk(snapshotFor({env: {AWS_DEFAULT_REGION: 'ap-south-1'}})).region.value).toBeUndefined();
	});

	test('literal "undefined" env keys are accepted by the SDK (and AWS will reject them)', () => {
		const verdict = precedenceSdk(snapshotFor({env: {AWS_ACCESS_KEY_ID: 'undefined', AWS_SECRET_ACCESS_KEY: 'undefined'}}));
		expect(verdict.winner?.source).toBe('env-keys');
		expect(verdict.candidates.find((candidate) => candidate.source === 'env-keys')?.reason).toMatch(/literal text "undefined"/);
	});

	test('a profile named in ~/.aws/config only needs no AWS_SDK_LOAD_CONFIG', () => {
		const files = {[CONFIG]: `[profile cfg]\naws_access_key_id = ${keyId('CFG6')}\naws_secret_access_key = secret-cfg-0123456789\n`};
		expect(precedenceSdk(snapshotFor({files}), {profile: 'cfg'}).winner?.accessKeyId?.reveal()).toBe(keyId('CFG6'));
	});
});
