/**
 * The worked scenarios of credential-resolution.md §6 in the conformance format, so the spec's own table is also
 * checked against the real engines (S18 and S35 need the CLI and variable resolution, N13 the cache: not here).
 */
import {keyId, secretFor} from '../credentials/snapshot-for.js';
import type {Scenario} from './scenarios.js';

const keys = (tag: string) => `aws_access_key_id = ${keyId(tag)}\naws_secret_access_key = ${secretFor(tag)}\n`;
const role = 'arn:aws:iam::123456789012:role/deployer';
const credentials = `[default]\n${keys('DEF1')}\n[dev]\n${keys('DEV2')}\n[prod]\n${keys('PRD3')}`;
const config = `[profile deploy]\nrole_arn = ${role}\nsource_profile = default\n`;
const process9 = `echo '{"Version":1,"AccessKeyId":"${keyId('PRC9')}","SecretAccessKey":"${secretFor('PRC9')}"}'`;
const envKeys = {AWS_ACCESS_KEY_ID: keyId('ENV4'), AWS_SECRET_ACCESS_KEY: secretFor('ENV4')};
const prodKeys = {AWS_PROD_ACCESS_KEY_ID: keyId('SPR7'), AWS_PROD_SECRET_ACCESS_KEY: secretFor('SPR7')};
const devKeys = {AWS_DEV_ACCESS_KEY_ID: keyId('DEV8'), AWS_DEV_SECRET_ACCESS_KEY: secretFor('DEV8')};
const base = {'.aws/credentials': credentials, '.aws/config': config};

function row(id: string, parts: Partial<Omit<Scenario, 'id'>>): Scenario {
	return {id, files: base, env: {}, options: {}, provider: {}, ssoTokens: {}, ...parts};
}

export const SPEC_V3: Scenario[] = [
	row('S1', {}),
	row('S2', {env: {AWS_PROFILE: 'prod'}}),
	row('S3', {env: {AWS_DEV_PROFILE: 'dev'}, provider: {profile: 'prod'}}),
	row('S4', {env: {AWS_DEV_PROFILE: 'dev'}, provider: {profile: 'prod'}, options: {stage: 'qa'}}),
	row('S5', {env: envKeys, provider: {profile: 'prod'}}),
	row('S6', {env: envKeys, provider: {profile: 'prod'}, options: {awsProfile: 'dev'}}),
	row('S7', {env: {AWS_PROFILE: 'dev', ...prodKeys}, provider: {stage: 'prod'}}),
	row('S8', {env: {AWS_PROFILE: 'dev', ...prodKeys}, provider: {stage: 'prod'}, options: {stage: 'dev'}}),
	row('S9', {env: {AWS_DEFAULT_PROFILE: 'prod'}}),
	row('S10', {env: {AWS_DEFAULT_PROFILE: 'prod', AWS_PROFILE: 'dev'}}),
	row('S11', {provider: {profile: 'nosuch'}}),
	row('S12', {env: {AWS_PROFILE: 'nosuch'}}),
	row('S13', {provider: {profile: 'prod'}, options: {awsProfile: 'nosuch'}}),
	row('S14', {files: {...base, alt: `[alt]\n${keys('ALT5')}`}, env: {AWS_SHARED_CREDENTIALS_FILE: '{HOME}/alt'}, provider: {profile: 'alt'}}),
	row('S15', {files: {...base, alt: `[alt]\n${keys('ALT5')}`}, env: {AWS_SHARED_CREDENTIALS_FILE: '{HOME}/alt'}}),
	row('S16', {files: {}}),
	row('S17', {files: {}, env: {AWS_PROFILE: 'dev'}}),
	row('S19', {env: {AWS_PROFILE: 'dev'}, provider: {profile: 'prod'}}),
	row('S20', {env: {AWS_PROFILE: 'deploy'}}),
	row('S21', {env: {AWS_PROFILE: 'deploy', AWS_SDK_LOAD_CONFIG: '1'}}),
	row('S22', {files: {...base, '.aws/credentials': `${credentials}\n[keyonly]\naws_access_key_id = ${keyId('DEV8')}\n`}, provider: {profile: 'keyonly'}}),
	row('S23', {env: {AWS_ACCESS_KEY_ID: 'undefined', AWS_SECRET_ACCESS_KEY: secretFor('ENV4')}}),
	row('S24', {env: {AWS_DEFAULT_PROFILE: 'nosuch'}}),
	row('S25', {env: {'AWS_MY-STAGE_PROFILE': 'dev'}, options: {stage: 'my-stage'}}),
	row('S26', {env: {AWS_PROD_PROFILE: 'prod', ...prodKeys}, options: {stage: 'prod'}}),
	row('S27', {env: {AWS_PROFILE: 'dev', ...devKeys}}),
	row('S28', {env: {AWS_PROFILE: 'prod', ...envKeys}, provider: {profile: 'nosuch'}, options: {awsProfile: 'dev'}}),
	row('S29', {env: envKeys, provider: {profile: 'nosuch'}}),
	row('S30', {files: {...base, '.aws/credentials': `${credentials}\n[proc]\ncredential_process = ${process9}\n`}, env: {AWS_PROFILE: 'proc'}}),
	row('S31', {files: {'.aws/credentials': `[default]\ncredential_process = ${process9}\n`}}),
	row('S32', {files: {...base, '.aws/config': `${config}\n[profile r]\nrole_arn = ${role}\ncredential_source = Environment\n`}, env: {AWS_PROFILE: 'r', AWS_SDK_LOAD_CONFIG: '1'}}),
	row('S33', {
		files: {...base, '.aws/config': `${config}\n[profile sso]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = Admin\n`},
		env: {AWS_PROFILE: 'sso', AWS_SDK_LOAD_CONFIG: '1'},
	}),
	row('S34', {files: {...base, alt2: `[r]\nrole_arn = ${role}\nsource_profile = s\n\n[s]\n${keys('ALT5')}`}, env: {AWS_SHARED_CREDENTIALS_FILE: '{HOME}/alt2'}, provider: {profile: 'r'}}),
];

export const SPEC_SDK: Scenario[] = [
	row('N1', {env: envKeys}),
	row('N2', {env: envKeys, init: {profile: 'prod'}}),
	row('N3', {env: {AWS_PROFILE: 'dev', ...envKeys}}),
	row('N4', {env: {AWS_PROFILE: 'dev'}, init: {profile: 'prod'}}),
	row('N5', {env: {AWS_PROFILE: '', ...envKeys}}),
	row('N6', {env: {AWS_ACCESS_KEY_ID: keyId('ENV4')}}),
	row('N7', {env: {AWS_DEFAULT_PROFILE: 'dev'}}),
	row('N8', {files: {}, env: {AWS_DEV_ACCESS_KEY_ID: keyId('DEV8')}}),
	row('N9', {files: {...base, '.aws/config': `${config}\n[profile x]\n${keys('CFG6')}`}, env: {AWS_PROFILE: 'x'}}),
	row('N10', {files: {...base, '.aws/credentials': `${credentials}\n[proc]\ncredential_process = ${process9}\n`}, env: {AWS_PROFILE: 'proc'}}),
	row('N11', {env: {AWS_PROFILE: 'nosuch'}}),
	row('N12', {files: {...base, '.aws/config': `${config}\n[profile mfa]\nrole_arn = ${role}\nsource_profile = default\nmfa_serial = arn:aws:iam::123456789012:mfa/dev\n`}, env: {AWS_PROFILE: 'mfa'}}),
	row('deploy-role', {env: {AWS_PROFILE: 'deploy'}}),
];

/**
 * The role profile the wizard writes for a Serverless v3 team stage: role settings in the credentials file next to
 * the base profile's keys, only `region` in the config file, and no AWS_SDK_LOAD_CONFIG.
 */
const WIZARD_ROLE = 'arn:aws:iam::333333333333:role/deployer';
export const ROLE_IN_CREDENTIALS = {
	'.aws/credentials': `[base]\n${keys('SRC4')}\n[deployer-prod]\nrole_arn = ${WIZARD_ROLE}\nsource_profile = base\n`,
	'.aws/config': '[profile base]\nregion = eu-west-1\n\n[profile deployer-prod]\nregion = eu-west-1\n',
};
const ROLE_IN_CREDENTIALS_EXTERNAL_ID = {
	...ROLE_IN_CREDENTIALS,
	'.aws/credentials': `[base]\n${keys('SRC4')}\n[deployer-prod]\nrole_arn = ${WIZARD_ROLE}\nsource_profile = base\nexternal_id = team-secret-id\n`,
};

const ssoLegacy = `[profile sso]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = Admin\n`;
const ssoSession = `[profile ssosess]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Admin\n\n[sso-session corp]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\n`;

/** Edges of the SDK chain the random scenarios reach only by luck (error texts of §4.4, SSO, cycles, sources). */
export const SDK_EDGES: Scenario[] = [
	row('sso-no-token', {files: {...base, '.aws/config': ssoLegacy}, env: {AWS_PROFILE: 'sso'}}),
	row('sso-expired-token', {files: {...base, '.aws/config': ssoLegacy}, env: {AWS_PROFILE: 'sso'}, ssoTokens: {'https://example.awsapps.com/start': '2020-01-01T00:00:00Z'}}),
	row('sso-session-no-token', {files: {...base, '.aws/config': ssoSession}, env: {AWS_PROFILE: 'ssosess'}}),
	row('sso-session-missing', {files: {...base, '.aws/config': '[profile s]\nsso_session = nosession\nsso_account_id = 1\nsso_role_name = r\n'}, env: {AWS_PROFILE: 's'}}),
	row('sso-incomplete', {files: {...base, '.aws/config': '[profile s]\nsso_start_url = https://example.awsapps.com/start\n'}, env: {AWS_PROFILE: 's'}}),
	row('source-cycle', {files: {...base, '.aws/config': `[profile c1]\nrole_arn = ${role}\nsource_profile = c2\n[profile c2]\nrole_arn = ${role}\nsource_profile = c1\n`}, env: {AWS_PROFILE: 'c1', ...envKeys}}),
	row('credential-source-env', {files: {...base, '.aws/config': `[profile cs]\nrole_arn = ${role}\ncredential_source = Environment\n`}, env: {AWS_PROFILE: 'cs', ...envKeys}}),
	row('credential-source-bogus', {files: {...base, '.aws/config': `[profile cs]\nrole_arn = ${role}\ncredential_source = Bogus\n`}, env: {AWS_PROFILE: 'cs'}}),
	row('role-and-keys-without-source', {files: {...base, '.aws/config': `[profile rk]\nrole_arn = ${role}\n${keys('STR1')}`}, env: {AWS_PROFILE: 'rk'}}),
	row('role-both-sources', {files: {...base, '.aws/config': `[profile rb]\nrole_arn = ${role}\nsource_profile = dev\ncredential_source = Environment\n`}, env: {AWS_PROFILE: 'rb'}}),
	row('keys-and-process', {files: {...base, '.aws/credentials': `${credentials}\n[kp]\n${keys('STR1')}credential_process = ${process9}\n`}, env: {AWS_PROFILE: 'kp'}}),
	row('role-source-missing-then-process', {files: {...base, '.aws/config': `[profile rp]\nrole_arn = ${role}\nsource_profile = ghost\ncredential_process = ${process9}\n`}, env: {AWS_PROFILE: 'rp'}}),
	row('chained-role', {files: {...base, '.aws/config': `[profile r1]\nrole_arn = ${role}\nsource_profile = dev\n[profile r2]\nrole_arn = arn:aws:iam::123456789012:role/second\nsource_profile = r1\n`}, env: {AWS_PROFILE: 'r2'}}),
	row('web-identity-profile', {files: {...base, token: 'eyJhbGciOiJIUzI1NiJ9.e30.c2ln', '.aws/config': `[profile w]\nweb_identity_token_file = {HOME}/token\nrole_arn = arn:aws:iam::123456789012:role/web\n`}, env: {AWS_PROFILE: 'w'}}),
	row('credentials-file-profile-prefix', {files: {'.aws/credentials': `[profile dev]\n${keys('DEV2')}`}, env: {AWS_PROFILE: 'dev'}}),
	row('role-in-credentials-file', {files: ROLE_IN_CREDENTIALS, env: {AWS_PROFILE: 'deployer-prod'}}),
	row('role-in-credentials-file-external-id', {files: ROLE_IN_CREDENTIALS_EXTERNAL_ID, init: {profile: 'deployer-prod'}}),
	row('proto-section-wipes-file', {files: {'.aws/credentials': `[default]\n${keys('DEF1')}\n[__proto__]\nx = y\n`}}),
];

/** Serverless v3 edges: SDK v2's file reading (bare config sections, `[profile x]` in the credentials file, …). */
export const V3_EDGES: Scenario[] = [
	row('v3-bare-config-section', {files: {...base, '.aws/config': `[bare]\n${keys('CFG6')}`}, env: {AWS_PROFILE: 'bare', AWS_SDK_LOAD_CONFIG: '1'}}),
	row('v3-profile-prefix-in-credentials', {files: {'.aws/credentials': `[default]\n${keys('DEF1')}\n[profile dev]\n${keys('DEV2')}`}, env: {AWS_PROFILE: 'dev'}}),
	row('v3-duplicate-default-in-config', {files: {...base, '.aws/config': `[default]\nregion = eu-west-1\n[profile default]\nregion = eu-west-2\n`}, env: {AWS_SDK_LOAD_CONFIG: '1'}}),
	row('v3-duplicate-default-with-region', {files: {...base, '.aws/config': `[default]\nregion = eu-west-1\n[profile default]\nregion = eu-west-2\n`}, env: {AWS_SDK_LOAD_CONFIG: '1', AWS_REGION: 'eu-west-1'}}),
	row('v3-region-in-credentials-avoids-crash', {files: {'.aws/credentials': `[default]\n${keys('DEF1')}region = eu-west-1\n`}, env: {AWS_SDK_LOAD_CONFIG: '1'}}),
	row('v3-proto-section', {files: {'.aws/credentials': `[default]\n${keys('DEF1')}\n[__proto__]\nx = y\n`}}),
	row('v3-empty-aws-profile', {env: {AWS_PROFILE: ''}}),
	row('v3-stage-named-default', {env: {AWS_DEFAULT_PROFILE: 'prod'}, options: {stage: 'default'}}),
	row('v3-token-only-profile', {files: {...base, '.aws/credentials': `${credentials}\n[tok]\naws_session_token = abcdefghijklmnop\n`}, env: {AWS_PROFILE: 'tok'}}),
	row('v3-asia-env-without-token', {env: {AWS_ACCESS_KEY_ID: keyId('TMP2', 'ASIA'), AWS_SECRET_ACCESS_KEY: secretFor('TMP2')}}),
	row('v3-role-in-credentials-provider-profile', {files: ROLE_IN_CREDENTIALS, provider: {profile: 'deployer-prod'}, options: {stage: 'prod'}}),
	row('v3-role-in-credentials-stage-profile', {files: ROLE_IN_CREDENTIALS, env: {AWS_PROD_PROFILE: 'deployer-prod'}, options: {stage: 'prod'}}),
	row('v3-role-in-credentials-external-id', {files: ROLE_IN_CREDENTIALS_EXTERNAL_ID, options: {stage: 'prod', awsProfile: 'deployer-prod'}}),
	row('v3-role-in-config-only', {files: {...ROLE_IN_CREDENTIALS, '.aws/config': `[profile deployer-prod]\nrole_arn = ${WIZARD_ROLE}\nsource_profile = base\nregion = eu-west-1\n`, '.aws/credentials': `[base]\n${keys('SRC4')}`}, provider: {profile: 'deployer-prod'}}),
	row('v3-amazon-keys-fallback', {files: {}, env: {AMAZON_ACCESS_KEY_ID: keyId('AMZ3'), AMAZON_SECRET_ACCESS_KEY: secretFor('AMZ3')}}),
	row('v3-undefined-keys-fallback', {files: {}, env: {AWS_ACCESS_KEY_ID: 'undefined', AWS_SECRET_ACCESS_KEY: 'undefined'}}),
];
