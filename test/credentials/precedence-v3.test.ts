import {describe, expect, test} from 'vitest';
import {precedenceV3} from '../../source/credentials/precedence-v3.js';
import type {Verdict} from '../../source/credentials/verdict.js';
import {snapshotFor, secretFor, staticSection, type SnapshotInput} from './snapshot-for.js';
import {ALT, CONFIG, CREDENTIALS, KEYS, baseFiles, configText, credentialsText, devStageKeys, envKeys, processCommand, prodStageKeys} from './spec-fixture.js';

type Expectation =
	| {winner: string; source?: string; key?: keyof typeof KEYS; kind?: string; roleArn?: string}
	| {error: string; message?: string};

interface Row {
	id: string;
	input: SnapshotInput;
	expected: Expectation;
	trap?: RegExp;
}

const role = 'arn:aws:iam::123456789012:role/deployer';

// credential-resolution.md §6.1, S1–S35.
const rows: Row[] = [
	{id: 'S1', input: {files: baseFiles}, expected: {winner: 'default', source: 'default-profile', key: 'DEF1'}},
	{id: 'S2', input: {files: baseFiles, env: {AWS_PROFILE: 'prod'}}, expected: {winner: 'prod', source: 'env-profile', key: 'PRD3'}},
	{id: 'S3', input: {files: baseFiles, env: {AWS_DEV_PROFILE: 'dev'}, yml: {profile: 'prod'}}, expected: {winner: 'dev', source: 'env-stage-profile', key: 'DEV2'}},
	{id: 'S4', input: {files: baseFiles, env: {AWS_DEV_PROFILE: 'dev'}, yml: {profile: 'prod'}, options: {stage: 'qa'}}, expected: {winner: 'prod', source: 'provider-profile', key: 'PRD3'}},
	{id: 'S5', input: {files: baseFiles, env: envKeys, yml: {profile: 'prod'}}, expected: {winner: '', source: 'env-keys', key: 'ENV4'}, trap: /Environment keys beat provider.profile/},
	{id: 'S6', input: {files: baseFiles, env: envKeys, yml: {profile: 'prod'}, options: {awsProfile: 'dev'}}, expected: {winner: 'dev', source: 'cli-aws-profile', key: 'DEV2'}, trap: /--aws-profile hides provider.profile/},
	{id: 'S7', input: {files: baseFiles, env: {AWS_PROFILE: 'dev', ...prodStageKeys}, yml: {stage: 'prod'}}, expected: {winner: '', source: 'env-stage-keys', key: 'SPR7'}},
	{id: 'S8', input: {files: baseFiles, env: {AWS_PROFILE: 'dev', ...prodStageKeys}, yml: {stage: 'prod'}, options: {stage: 'dev'}}, expected: {winner: 'dev', source: 'env-profile', key: 'DEV2'}},
	{id: 'S9', input: {files: baseFiles, env: {AWS_DEFAULT_PROFILE: 'prod'}}, expected: {winner: 'prod', source: 'default-profile', key: 'PRD3'}, trap: /AWS_DEFAULT_PROFILE is read/},
	{id: 'S10', input: {files: baseFiles, env: {AWS_DEFAULT_PROFILE: 'prod', AWS_PROFILE: 'dev'}}, expected: {winner: 'dev', source: 'env-profile', key: 'DEV2'}},
	{id: 'S11', input: {files: baseFiles, yml: {profile: 'nosuch'}}, expected: {error: 'UNRECOGNIZED_AWS_PROFILE', message: 'AWS profile "nosuch" doesn\'t seem to be configured'}},
	{id: 'S12', input: {files: baseFiles, env: {AWS_PROFILE: 'nosuch'}}, expected: {error: 'UNRECOGNIZED_AWS_PROFILE', message: 'AWS profile "nosuch" doesn\'t seem to be configured'}},
	{id: 'S13', input: {files: baseFiles, yml: {profile: 'prod'}, options: {awsProfile: 'nosuch'}}, expected: {error: 'UNRECOGNIZED_AWS_PROFILE', message: 'AWS profile "nosuch" doesn\'t seem to be configured'}},
	{id: 'S14', input: {files: {...baseFiles, [ALT]: staticSection('alt', 'ALT5')}, env: {AWS_SHARED_CREDENTIALS_FILE: ALT}, yml: {profile: 'alt'}}, expected: {winner: 'alt', source: 'provider-profile', key: 'ALT5'}},
	{id: 'S15', input: {files: {...baseFiles, [ALT]: staticSection('alt', 'ALT5')}, env: {AWS_SHARED_CREDENTIALS_FILE: ALT}}, expected: {winner: 'default', source: 'sdk-default-chain', key: 'DEF1'}, trap: /ignores AWS_SHARED_CREDENTIALS_FILE/},
	{id: 'S16', input: {files: {}}, expected: {error: 'AWS_CREDENTIALS_NOT_FOUND'}},
	{id: 'S17', input: {files: {}, env: {AWS_PROFILE: 'dev'}}, expected: {error: 'UNRECOGNIZED_AWS_PROFILE', message: 'AWS profile "dev" doesn\'t seem to be configured'}},
	{id: 'S18', input: {files: baseFiles, options: {profileFlag: 'dev'}}, expected: {winner: 'default', source: 'default-profile', key: 'DEF1'}, trap: /rejects --profile/},
	{id: 'S19', input: {files: baseFiles, env: {AWS_PROFILE: 'dev'}, yml: {profile: 'prod'}}, expected: {winner: 'dev', source: 'env-profile', key: 'DEV2'}},
	{id: 'S20', input: {files: baseFiles, env: {AWS_PROFILE: 'deploy'}}, expected: {error: 'UNRECOGNIZED_AWS_PROFILE', message: 'AWS profile "deploy" doesn\'t seem to be configured'}},
	{id: 'S21', input: {files: baseFiles, env: {AWS_PROFILE: 'deploy', AWS_SDK_LOAD_CONFIG: '1'}}, expected: {winner: 'deploy', source: 'env-profile', kind: 'role', roleArn: role}},
	{id: 'S22', input: {files: {...baseFiles, [CREDENTIALS]: `${credentialsText}\n[keyonly]\naws_access_key_id = ${KEYS.DEV8}\n`}, yml: {profile: 'keyonly'}}, expected: {winner: 'default', source: 'default-profile', key: 'DEF1'}},
	{id: 'S23', input: {files: baseFiles, env: {AWS_ACCESS_KEY_ID: 'undefined', AWS_SECRET_ACCESS_KEY: secretFor('ENV4')}}, expected: {winner: 'default', source: 'default-profile', key: 'DEF1'}},
	{id: 'S24', input: {files: baseFiles, env: {AWS_DEFAULT_PROFILE: 'nosuch'}}, expected: {winner: 'default', source: 'sdk-default-chain', key: 'DEF1'}},
	{id: 'S25', input: {files: baseFiles, env: {'AWS_MY-STAGE_PROFILE': 'dev'}, options: {stage: 'my-stage'}}, expected: {winner: 'dev', source: 'env-stage-profile', key: 'DEV2'}, trap: /POSIX shell cannot export/},
	{id: 'S26', input: {files: baseFiles, env: {AWS_PROD_PROFILE: 'prod', ...prodStageKeys}, options: {stage: 'prod'}}, expected: {winner: 'prod', source: 'env-stage-profile', key: 'PRD3'}},
	{id: 'S27', input: {files: baseFiles, env: {AWS_PROFILE: 'dev', ...devStageKeys}}, expected: {winner: '', source: 'env-stage-keys', key: 'DEV8'}},
	{id: 'S28', input: {files: baseFiles, env: {AWS_PROFILE: 'prod', ...envKeys}, yml: {profile: 'nosuch'}, options: {awsProfile: 'dev'}}, expected: {winner: 'dev', source: 'cli-aws-profile', key: 'DEV2'}},
	{id: 'S29', input: {files: baseFiles, env: envKeys, yml: {profile: 'nosuch'}}, expected: {error: 'UNRECOGNIZED_AWS_PROFILE', message: 'AWS profile "nosuch" doesn\'t seem to be configured'}, trap: /broken profile fails the run/},
	{id: 'S30', input: {files: {...baseFiles, [CREDENTIALS]: `${credentialsText}\n[proc]\ncredential_process = ${processCommand}\n`}, env: {AWS_PROFILE: 'proc'}}, expected: {error: 'UNRECOGNIZED_AWS_PROFILE'}},
	{id: 'S31', input: {files: {[CREDENTIALS]: `[default]\ncredential_process = ${processCommand}\n`}}, expected: {winner: 'default', source: 'sdk-default-chain', kind: 'process'}},
	{id: 'S32', input: {files: {...baseFiles, [CONFIG]: `${configText}\n[profile r]\nrole_arn = ${role}\ncredential_source = Environment\n`}, env: {AWS_PROFILE: 'r', AWS_SDK_LOAD_CONFIG: '1'}}, expected: {error: 'UNRECOGNIZED_AWS_PROFILE'}},
	{
		id: 'S33',
		input: {files: {...baseFiles, [CONFIG]: `${configText}\n[profile sso]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = Admin\n`}, env: {AWS_PROFILE: 'sso', AWS_SDK_LOAD_CONFIG: '1'}},
		expected: {error: 'UNRECOGNIZED_AWS_PROFILE'},
	},
	{
		id: 'S34',
		input: {files: {...baseFiles, ['/work/alt2']: `[r]\nrole_arn = ${role}\nsource_profile = s\n\n${staticSection('s', 'ALT5')}`}, env: {AWS_SHARED_CREDENTIALS_FILE: '/work/alt2'}, yml: {profile: 'r'}},
		expected: {winner: 'r', source: 'provider-profile', kind: 'role', roleArn: role},
		trap: /takes its source profile "s" from .*credentials.*no keys/,
	},
	{
		id: 'S35',
		input: {files: baseFiles, yml: {stage: 'prod', profile: {kind: 'value', value: 'dev', raw: "${self:custom.profiles.${opt:stage, 'dev'}}"}}},
		expected: {winner: 'dev', source: 'provider-profile', key: 'DEV2'},
		trap: /opt:stage.*ignores provider.stage "prod"/,
	},
];

function check(verdict: Verdict, expected: Expectation): void {
	if ('error' in expected) {
		expect(verdict.winner).toBeUndefined();
		expect(verdict.error?.code).toBe(expected.error);
		if (expected.message) expect(verdict.error?.message).toBe(expected.message);
		return;
	}
	expect(verdict.error).toBeUndefined();
	expect(verdict.winner?.source).toBe(expected.source);
	if (expected.winner) expect(verdict.winner?.profile).toBe(expected.winner);
	if (expected.key) expect(verdict.winner?.accessKeyId?.reveal()).toBe(KEYS[expected.key]);
	if (expected.kind) expect(verdict.winner?.kind).toBe(expected.kind);
	if (expected.roleArn) expect(verdict.winner?.roleArn).toBe(expected.roleArn);
}

describe('precedenceV3: worked scenarios S1–S35', () => {
	test.each(rows)('$id', ({input, expected, trap}) => {
		const verdict = precedenceV3(snapshotFor(input));
		check(verdict, expected);
		expect(verdict.engine).toBe('serverless-v3');
		if (trap) expect(verdict.traps.join('\n')).toMatch(trap);
		const winners = verdict.candidates.filter((candidate) => candidate.status === 'winner');
		expect(winners.length).toBe(verdict.winner ? 1 : 0);
	});
});

describe('precedenceV3: statuses, reasons and fixes', () => {
	test('S5: provider.profile is shadowed by env keys, and the fix names it with --aws-profile', () => {
		const verdict = precedenceV3(snapshotFor({files: baseFiles, env: envKeys, yml: {profile: 'prod'}}));
		const provider = verdict.candidates.find((candidate) => candidate.source === 'provider-profile');
		expect(provider).toMatchObject({status: 'shadowed', shadowedBy: 'env-keys', profile: 'prod'});
		expect(provider?.fix).toMatch(/^(unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY && serverless deploy --stage dev|serverless deploy --stage dev --aws-profile prod)$/);
	});

	test('env keys shadowed by AWS_PROFILE: unset AWS_PROFILE', () => {
		const verdict = precedenceV3(snapshotFor({files: baseFiles, env: {AWS_PROFILE: 'dev', ...envKeys}}));
		const keys = verdict.candidates.find((candidate) => candidate.source === 'env-keys');
		expect(keys).toMatchObject({status: 'shadowed', shadowedBy: 'env-profile'});
		expect(keys?.fix).toBe('unset AWS_PROFILE && serverless deploy --stage dev');
		expect(verdict.traps.join('\n')).toMatch(/AWS_PROFILE beats AWS_ACCESS_KEY_ID/);
	});

	test('S22: key-only profile is skipped with the key to add', () => {
		const verdict = precedenceV3(snapshotFor({files: {...baseFiles, [CREDENTIALS]: `${credentialsText}\n[keyonly]\naws_access_key_id = ${KEYS.DEV8}\n`}, yml: {profile: 'keyonly'}}));
		const provider = verdict.candidates.find((candidate) => candidate.source === 'provider-profile');
		expect(provider?.status).toBe('skipped');
		expect(provider?.reason).toMatch(/no aws_secret_access_key/);
		expect(provider?.fix).toMatch(new RegExp(`^add aws_secret_access_key to \\[keyonly\\] in ${CREDENTIALS}`));
	});

	test('S20: config-only profile: the fix is AWS_SDK_LOAD_CONFIG=1', () => {
		const verdict = precedenceV3(snapshotFor({files: baseFiles, env: {AWS_PROFILE: 'deploy'}}));
		const profile = verdict.candidates.find((candidate) => candidate.source === 'env-profile');
		expect(profile?.status).toBe('error');
		expect(profile?.reason).toMatch(/only in .*config.*AWS_SDK_LOAD_CONFIG=1/);
		expect(profile?.fix).toBe('export AWS_SDK_LOAD_CONFIG=1 && serverless deploy --stage dev');
	});

	test('S23: literal "undefined" keys are skipped with a reason', () => {
		const verdict = precedenceV3(snapshotFor({files: baseFiles, env: {AWS_ACCESS_KEY_ID: 'undefined', AWS_SECRET_ACCESS_KEY: secretFor('ENV4')}}));
		const keys = verdict.candidates.find((candidate) => candidate.source === 'env-keys');
		expect(keys?.status).toBe('skipped');
		expect(keys?.reason).toMatch(/literal text "undefined"/);
		expect(keys?.fix).toMatch(/set AWS_ACCESS_KEY_ID to the real value/);
	});

	test('S29: steps above the failing provider.profile are not evaluated; removing it is the fix', () => {
		const verdict = precedenceV3(snapshotFor({files: baseFiles, env: envKeys, yml: {profile: 'nosuch'}}));
		const keys = verdict.candidates.find((candidate) => candidate.source === 'env-keys');
		expect(keys?.status).toBe('not-evaluated');
		expect(keys?.fix).toBe('remove `profile` under `provider` in serverless.yml');
		const provider = verdict.candidates.find((candidate) => candidate.source === 'provider-profile');
		expect(provider?.status).toBe('error');
		const fallbackDefault = verdict.candidates.find((candidate) => candidate.source === 'default-profile');
		expect(fallbackDefault).toMatchObject({status: 'shadowed', shadowedBy: 'provider-profile'});
	});

	test('S30: a named credential_process profile: export its credentials instead', () => {
		const verdict = precedenceV3(snapshotFor({files: {...baseFiles, [CREDENTIALS]: `${credentialsText}\n[proc]\ncredential_process = ${processCommand}\n`}, env: {AWS_PROFILE: 'proc'}}));
		const profile = verdict.candidates.find((candidate) => candidate.source === 'env-profile');
		expect(profile?.reason).toMatch(/credential_process, which Serverless v3 cannot use by name/);
		expect(profile?.fix).toBe('unset AWS_PROFILE && eval "$(aws configure export-credentials --profile proc --format env)" && serverless deploy --stage dev');
	});

	test('S25: a stage variable with "-" is unset with env -u', () => {
		const verdict = precedenceV3(snapshotFor({files: baseFiles, env: {'AWS_MY-STAGE_PROFILE': 'dev'}, options: {stage: 'my-stage'}}));
		const def = verdict.candidates.find((candidate) => candidate.source === 'default-profile');
		expect(def?.fix).toMatch(/^(env -u 'AWS_MY-STAGE_PROFILE' serverless deploy --stage my-stage|serverless deploy --stage my-stage --aws-profile default)$/);
	});

	test('the Dashboard may override: not evaluated, a trap, and local resolution goes on', () => {
		const verdict = precedenceV3(snapshotFor({files: baseFiles, yml: {org: 'acme', app: 'shop'}, dashboard: {loggedIn: true}}));
		expect(verdict.winner?.source).toBe('default-profile');
		const dashboard = verdict.candidates[0];
		expect(dashboard).toMatchObject({source: 'dashboard-provider', rank: 1, status: 'not-evaluated'});
		expect(verdict.traps.join('\n')).toMatch(/Dashboard override/);
		const keys = precedenceV3(snapshotFor({files: baseFiles, env: {AWS_PROFILE: 'dev'}, yml: {org: 'acme', app: 'shop'}, dashboard: {loggedIn: true}}));
		const def = keys.candidates.find((candidate) => candidate.source === 'default-profile');
		expect(def?.fix).toMatch(/--use-local-credentials/);
	});

	test('--use-local-credentials skips the Dashboard', () => {
		const verdict = precedenceV3(snapshotFor({files: baseFiles, yml: {org: 'acme', app: 'shop'}, dashboard: {loggedIn: true}, options: {useLocalCredentials: true}}));
		expect(verdict.candidates[0]).toMatchObject({status: 'skipped'});
		expect(verdict.traps.join('\n')).not.toMatch(/Dashboard override/);
	});

	test('AWS_SDK_LOAD_CONFIG without a config file: SDK v2 crashes at load, or (with AWS_REGION) sees no profile', () => {
		const crash = precedenceV3(snapshotFor({files: {[CREDENTIALS]: credentialsText}, env: {AWS_SDK_LOAD_CONFIG: '1', AWS_PROFILE: 'dev'}}));
		expect(crash.error).toMatchObject({code: 'ENOENT', message: `ENOENT: no such file or directory, open '${CONFIG}'`});
		expect(crash.candidates.filter((candidate) => candidate.status !== 'absent').every((candidate) => candidate.status === 'not-evaluated')).toBe(true);
		expect(crash.traps.join('\n')).toMatch(/crashes with ENOENT/);
		expect(crash.candidates.find((candidate) => candidate.source === 'default-profile')?.fix).toBe('unset AWS_SDK_LOAD_CONFIG && serverless deploy --stage dev --aws-profile default');
		const verdict = precedenceV3(snapshotFor({files: {[CREDENTIALS]: credentialsText}, env: {AWS_SDK_LOAD_CONFIG: '1', AWS_PROFILE: 'dev', AWS_REGION: 'eu-west-1'}}));
		expect(verdict.error?.code).toBe('UNRECOGNIZED_AWS_PROFILE');
		expect(verdict.traps.join('\n')).toMatch(/AWS_SDK_LOAD_CONFIG is set but .* does not exist: SDK v2 then reads no profile/);
		const profile = verdict.candidates.find((candidate) => candidate.source === 'env-profile');
		expect(profile?.fix).toContain('unset AWS_SDK_LOAD_CONFIG');
	});

	test('region: --region, then provider.region, then us-east-1; AWS_REGION is never read', () => {
		expect(precedenceV3(snapshotFor({env: {AWS_REGION: 'eu-west-1'}})).region).toEqual({value: 'us-east-1', source: 'default'});
		expect(precedenceV3(snapshotFor({yml: {region: 'eu-central-1'}})).region).toEqual({value: 'eu-central-1', source: 'provider.region'});
		expect(precedenceV3(snapshotFor({yml: {region: 'eu-central-1'}, options: {region: 'ap-south-1'}})).region).toEqual({value: 'ap-south-1', source: '--region'});
	});

	test('provider.profile behind ${ssm:} fails before credentials are picked', () => {
		const verdict = precedenceV3(snapshotFor({files: baseFiles, yml: {profile: {kind: 'deploy-time', raw: '${ssm:/profile}', sources: ['ssm']}}}));
		expect(verdict.error?.code).toBe('INACCESSIBLE_CONFIGURATION_PROPERTY');
	});

	test('values from .env are called out', () => {
		const verdict = precedenceV3(snapshotFor({files: baseFiles, env: {AWS_PROFILE: 'dev'}, yml: {dotenv: [{path: '/work/app/.env', values: {AWS_PROFILE: 'dev'}, applied: ['AWS_PROFILE']}]}}));
		expect(verdict.traps.join('\n')).toMatch(/AWS_PROFILE comes from \/work\/app\/.env/);
	});
});
