import {describe, expect, it} from 'vitest';
import type {ProbeResult} from '../../../source/aws/identity.js';
import {analyse} from '../../../source/credentials/analyse.js';
import {buildReport} from '../../support/real-parsers.js';
import {expectedAccountChecks} from '../../../source/doctor/checks/expected-account.js';
import {runChecks} from '../../../source/doctor/checks/index.js';
import {identityFindings} from '../../support/real-parsers.js';
import type {StageAccount, TeamSettingsRead} from '../../../source/service/team-settings.js';
import {makeSnapshot, resolved, serviceFile, type SnapshotSpec} from '../snapshot-builder.js';
import {expectFixes, only, outcomes} from './finding-lookup.js';

// Config-file profiles (roles, SSO) need AWS_SDK_LOAD_CONFIG=1 under Serverless v3.
// Key ids that decode to accounts 111111111111 (dev) and 222222222222 (prod), as moto and AWS lay them out.
const DEV_KEY = 'AKIARTXV5AHDS7KVGNOU';
const PROD_KEY = 'AKIATHPL2AOHNOVMS53G';
const OLD_KEY = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'devsecretdevsecretdevsecretdevsecretdev2';

const credentials = [
	`[acme-dev]\naws_access_key_id = ${DEV_KEY}\naws_secret_access_key = ${SECRET}`,
	`[acme-prod]\naws_access_key_id = ${PROD_KEY}\naws_secret_access_key = ${SECRET}`,
	`[acme-base]\naws_access_key_id = ${DEV_KEY}\naws_secret_access_key = ${SECRET}`,
	`[old]\naws_access_key_id = ${OLD_KEY}\naws_secret_access_key = ${SECRET}`,
].join('\n\n');
const config = [
	'[profile prod-role]\nrole_arn = arn:aws:iam::222222222222:role/deployer\nsource_profile = acme-base',
	'[profile wrong-role]\nrole_arn = arn:aws:iam::333333333333:role/deployer\nsource_profile = acme-base',
	'[profile prod-sso]\nsso_start_url = https://acme.awsapps.com/start\nsso_region = eu-west-1\nsso_account_id = 222222222222\nsso_role_name = Deploy',
].join('\n\n');

const DEV: StageAccount = {stage: 'dev', profile: 'acme-dev', account: '111111111111'};
const PROD: StageAccount = {stage: 'prod', profile: 'acme-prod', account: '222222222222'};

function team(stages: StageAccount[] = [DEV, PROD], providerProfileFromBlock = true): TeamSettingsRead {
	return {status: 'ok', settings: {path: '/work/app/serverless.yml', stages, providerProfileFromBlock}};
}

/** A service whose provider.profile reads the stage's profile from the team settings (resolved for `stage`). */
function service(stage: string, profile: string | undefined, settings: TeamSettingsRead = team()): SnapshotSpec {
	return {
		options: {stage},
		credentials,
		config,
		service: serviceFile({stage: {value: stage, source: 'option'}, team: settings, ...(profile ? {profile: resolved(profile, '${self:custom.deployAccounts.${sls:stage}.profile}')} : {})}),
	};
}

function sts(account: string, arn = `arn:aws:iam::${account}:user/deployer`): ProbeResult {
	return {status: 'ok', identity: {account, arn, userId: 'AIDAEXAMPLE', principal: arn.includes('assumed-role') ? 'assumed-role' : 'user', endpoint: 'http://127.0.0.1'}};
}

describe('expectedAccountChecks (offline, through the real precedence models)', () => {
	const table: Array<{name: string; spec: SnapshotSpec; expected: string[]; title?: RegExp; why?: RegExp; fix?: RegExp}> = [
		{name: 'no team settings: nothing', spec: {credentials, options: {stage: 'prod'}, service: serviceFile({profile: resolved('acme-prod')})}, expected: []},
		{
			name: 'the team profile holds a key of the right account (probable)',
			spec: service('prod', 'acme-prod'),
			expected: ['expected-account-offline:ok'],
			title: /^prod deploys to 222222222222 \(probably\) as expected$/,
			why: /probably belongs to account 222222222222 \(decoded from the key id/,
		},
		{
			name: 'the team profile holds a key of another account',
			spec: service('prod', 'acme-prod', team([DEV, {...PROD, account: '444444444444'}])),
			expected: ['expected-account-offline:fail'],
			title: /^prod would deploy to account 222222222222 \(probably\), not 444444444444$/,
			why: /is the team's profile for prod, but the keys in it belong to another account/,
			fix: /Put access keys of account 444444444444 into profile acme-prod/,
		},
		{
			name: 'v3: a leftover AWS_PROFILE beats provider.profile and reaches the dev account',
			spec: {...service('prod', 'acme-prod'), env: {AWS_PROFILE: 'acme-dev'}},
			expected: ['expected-account-offline:fail'],
			title: /^prod would deploy to account 111111111111 \(probably\), not 222222222222$/,
			why: /The deploy uses AWS_PROFILE=acme-dev.*not the team's profile acme-prod: Serverless (Framework )?v3 takes AWS_PROFILE=acme-dev before provider.profile/,
			fix: /--aws-profile acme-prod|unset AWS_PROFILE/,
		},
		{
			name: 'v4: provider.profile beats AWS_PROFILE, so the account is right',
			spec: {...service('prod', 'acme-prod'), env: {AWS_PROFILE: 'acme-dev'}, framework: 4},
			expected: ['expected-account-offline:ok'],
		},
		{
			name: 'an assume-role profile: the role_arn account is exact',
			spec: {...service('prod', 'prod-role', team([DEV, {...PROD, profile: 'prod-role', role: {arn: 'arn:aws:iam::222222222222:role/deployer', sourceProfile: 'acme-base'}}])), env: {AWS_SDK_LOAD_CONFIG: '1'}},
			expected: ['expected-account-offline:ok'],
			title: /^prod deploys to 222222222222 as expected$/,
			why: /assumes arn:aws:iam::222222222222:role\/deployer, a role in account 222222222222/,
		},
		{
			name: 'the team profile assumes a role in another account',
			spec: {...service('prod', 'wrong-role', team([DEV, {...PROD, profile: 'wrong-role', role: {arn: 'arn:aws:iam::222222222222:role/deployer'}}])), env: {AWS_SDK_LOAD_CONFIG: '1'}},
			expected: ['expected-account-offline:fail'],
			title: /account 333333333333, not 222222222222$/,
			fix: /Set role_arn = arn:aws:iam::222222222222:role\/deployer in \[profile wrong-role\]/,
		},
		{
			name: 'v4, an SSO profile: sso_account_id is exact',
			spec: {...service('prod', 'prod-sso', team([DEV, {...PROD, profile: 'prod-sso'}])), framework: 4, ssoCache: [{path: '/home/dev/.aws/sso/cache/x.json', key: 'https://acme.awsapps.com/start', exists: true, expiresAt: '2031-01-01T00:00:00Z'}]},
			expected: ['expected-account-offline:ok'],
			why: /signs in to account 222222222222 \(sso_account_id\)/,
		},
		{
			name: 'an old-generation key: not known offline',
			spec: service('prod', 'old', team([DEV, {...PROD, profile: 'old'}])),
			expected: ['expected-account-offline:info'],
			title: /^Stage prod must deploy to account 222222222222; not known offline$/,
		},
		{
			name: 'provider.profile does not read the block: the default credentials win',
			spec: {
				options: {stage: 'prod'},
				credentials: `[default]\naws_access_key_id = ${DEV_KEY}\naws_secret_access_key = ${SECRET}`,
				service: serviceFile({stage: {value: 'prod', source: 'option'}, team: team([DEV, PROD], false)}),
			},
			expected: ['expected-account-offline:fail'],
			fix: /Set provider.profile: \$\{self:custom.deployAccounts.\$\{sls:stage\}.profile\}/,
		},
		{
			name: 'a stage the team settings do not list',
			spec: service('qa', 'acme-dev'),
			expected: ['team-stage-unlisted:warn'],
			title: /^Stage qa is not in the team settings$/,
			why: /lists dev, prod/,
			fix: /Add qa under custom.deployAccounts/,
		},
		{
			name: 'invalid team settings become failing findings (the doctor exits 2 before)',
			spec: service('prod', 'acme-prod', {status: 'invalid', path: '/work/app/serverless.yml', problems: [{where: 'custom.deployAccounts.prod.account', line: 9, message: 'bad', fix: 'quote it'}]}),
			expected: ['team-settings:fail'],
			title: /custom.deployAccounts.prod.account \(line 9\)/,
		},
	];
	it.each(table)('$name', ({spec, expected, title, why, fix}) => {
		const snapshot = makeSnapshot(spec);
		const findings = expectedAccountChecks(snapshot, analyse(snapshot).primary);
		expect(outcomes(findings)).toEqual(expected);
		expectFixes(findings);
		if (title) expect(findings[0]!.title).toMatch(title);
		if (why) expect(findings[0]!.why).toMatch(why);
		if (fix) expect(findings[0]!.fix).toMatch(fix);
		expect(JSON.stringify(findings)).not.toContain(SECRET);
		expect(JSON.stringify(findings)).not.toContain(DEV_KEY);
	});

	it('is registered with the other checks', () => {
		const snapshot = makeSnapshot(service('prod', 'acme-prod'));
		expect(outcomes(runChecks(snapshot, analyse(snapshot).primary))).toContain('expected-account-offline:ok');
	});
});

describe('the STS compare and the Report', () => {
	it('STS in the expected account: ok, and the offline guess is dropped', () => {
		const snapshot = makeSnapshot(service('prod', 'acme-prod'));
		const {primary, others} = analyse(snapshot);
		const probe = sts('222222222222');
		const findings = [...runChecks(snapshot, primary), ...identityFindings(probe, primary, snapshot)];
		const report = buildReport({snapshot, primary, others, probe, findings, toolVersion: '0.0.0'});
		expect(only(report.findings, 'expected-account')).toMatchObject({status: 'ok', title: 'prod deploys to 222222222222 as expected'});
		expect(report.findings.some(finding => finding.id === 'expected-account-offline')).toBe(false);
		expect(report.expectedAccount).toEqual({stage: 'prod', status: 'match', account: '222222222222', profile: 'acme-prod', actual: '222222222222', basis: 'sts'});
	});

	it('STS in another account: fail with the cause and exit 1, even when the key id looked right', () => {
		const snapshot = makeSnapshot({...service('prod', 'acme-prod'), env: {AWS_PROFILE: 'acme-dev'}});
		const {primary, others} = analyse(snapshot);
		const probe = sts('111111111111');
		const findings = [...runChecks(snapshot, primary), ...identityFindings(probe, primary, snapshot)];
		const report = buildReport({snapshot, primary, others, probe, findings, toolVersion: '0.0.0'});
		const finding = only(report.findings, 'expected-account');
		expect(finding.status).toBe('fail');
		expect(finding.title).toBe('prod would deploy to account 111111111111, not 222222222222');
		expect(finding.why).toMatch(/AWS STS says AWS_PROFILE=acme-dev is arn:aws:iam::111111111111:user\/deployer in account 111111111111/);
		expect(finding.why).toMatch(/AWS_PROFILE=acme-dev before provider.profile/);
		expect(report.exitCode).toBe(1);
		expect(report.expectedAccount).toMatchObject({status: 'mismatch', actual: '111111111111', basis: 'sts'});
	});

	it('offline: the Report carries the probable account', () => {
		const snapshot = makeSnapshot(service('prod', 'acme-prod'));
		const {primary, others} = analyse(snapshot);
		const probe: ProbeResult = {status: 'skipped', reason: '--offline'};
		const report = buildReport({snapshot, primary, others, probe, findings: runChecks(snapshot, primary), toolVersion: '0.0.0'});
		expect(report.expectedAccount).toEqual({stage: 'prod', status: 'match', account: '222222222222', profile: 'acme-prod', actual: '222222222222', basis: 'access-key-id', probable: true});
	});

	it('an unlisted stage is in the Report too', () => {
		const snapshot = makeSnapshot(service('qa', 'acme-dev'));
		const {primary, others} = analyse(snapshot);
		const report = buildReport({snapshot, primary, others, probe: sts('111111111111'), findings: [], toolVersion: '0.0.0'});
		expect(report.expectedAccount).toEqual({stage: 'qa', status: 'unlisted'});
	});

	it('without team settings the Report has no expectedAccount', () => {
		const snapshot = makeSnapshot({credentials, service: serviceFile({profile: resolved('acme-dev')})});
		const {primary, others} = analyse(snapshot);
		const report = buildReport({snapshot, primary, others, probe: sts('111111111111'), findings: [], toolVersion: '0.0.0'});
		expect('expectedAccount' in report).toBe(false);
	});
});
