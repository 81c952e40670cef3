import {readFileSync} from 'node:fs';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {ProbeResult} from '../../source/aws/identity.js';
import {analyse} from '../../source/credentials/analyse.js';
import {buildReport} from '../support/real-parsers.js';
import {runChecks} from '../../source/doctor/checks/index.js';
import type {Finding} from '../../source/doctor/finding.js';
import {identityFindings} from '../support/real-parsers.js';
import {renderJson} from '../../source/render/json.js';
import {renderPlain} from '../../source/render/plain.js';
import {makeSnapshot, resolved, serviceFile, type SnapshotSpec} from './snapshot-builder.js';
import {outcomes} from './checks/finding-lookup.js';

const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const credentials = [
	'[default]',
	'aws_access_key_id = AKIAY34FZKBOKDEFDEF1',
	`aws_secret_access_key = ${secret}`,
	'[dev]',
	'aws_access_key_id = AKIAY34FZKBOKDEVDEV2',
	`aws_secret_access_key = ${secret}`,
	'[keyonly]',
	'aws_access_key_id = AKIAY34FZKBOKKEYONL3',
	'',
].join('\n');
const config = '[profile deploy]\nrole_arn = arn:aws:iam::123456789012:role/deployer\nsource_profile = default\n';

function checksFor(spec: SnapshotSpec): string[] {
	const snapshot = makeSnapshot({credentials, config, service: serviceFile(), ...spec});
	const {primary} = analyse(snapshot);
	return outcomes(runChecks(snapshot, primary));
}

describe('runChecks over the precedence models (credential-resolution.md §6)', () => {
	const table: Array<{name: string; spec: SnapshotSpec; has: string[]; hasNot?: string[]}> = [
		{name: 'S1 nothing set: [default] wins', spec: {}, has: ['credentials-resolved:ok', 'region:warn'], hasNot: ['credentials-error:fail']},
		{name: 'S12 AWS_PROFILE=nosuch', spec: {env: {AWS_PROFILE: 'nosuch'}}, has: ['credentials-error:fail', 'profile-missing:fail']},
		{name: 'S20 config-only role profile', spec: {env: {AWS_PROFILE: 'deploy'}}, has: ['credentials-error:fail', 'profile-config-only:fail']},
		{
			name: 'S21 the same with AWS_SDK_LOAD_CONFIG',
			spec: {env: {AWS_PROFILE: 'deploy', AWS_SDK_LOAD_CONFIG: '1'}},
			has: ['credentials-resolved:ok'],
			hasNot: ['profile-config-only:fail', 'sdk-load-config-without-config-file:warn'],
		},
		{name: 'S23 AWS_ACCESS_KEY_ID=undefined', spec: {env: {AWS_ACCESS_KEY_ID: 'undefined', AWS_SECRET_ACCESS_KEY: secret}}, has: ['env-keys-undefined:warn', 'credentials-resolved:ok']},
		{name: 'S25 a stage with a dash', spec: {env: {'AWS_MY-STAGE_PROFILE': 'dev'}, options: {stage: 'my-stage'}, service: serviceFile({stage: {value: 'my-stage', source: 'option'}})}, has: ['stage-variable-names:info']},
		{name: 'S18 --profile', spec: {options: {profileFlag: 'dev'}}, has: ['profile-flag:warn']},
		{name: 'S22 provider.profile with a key but no secret is skipped', spec: {service: serviceFile({profile: resolved('keyonly')})}, has: ['profile-unusable:warn', 'credentials-resolved:ok']},
		{
			name: 'S33 a named SSO profile under v3',
			spec: {env: {AWS_PROFILE: 'corp', AWS_SDK_LOAD_CONFIG: '1'}, config: `${config}[profile corp]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = R\n`},
			has: ['credentials-error:fail', 'profile-unusable:fail'],
		},
		{
			name: 'the same SSO profile under v4 needs a cached login',
			spec: {framework: 4, env: {AWS_PROFILE: 'corp'}, config: `${config}[profile corp]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = R\n[sso-session corp]\nsso_region = eu-west-1\nsso_start_url = https://corp.awsapps.com/start\n`},
			has: ['sso-token:fail', 'credentials-error:fail'],
			hasNot: ['profile-unusable:fail'],
		},
		{
			name: 'F6 v4 ignores AWS_PROD_PROFILE',
			spec: {framework: 4, env: {AWS_PROD_PROFILE: 'dev'}, options: {stage: 'prod'}, service: serviceFile({stage: {value: 'prod', source: 'option'}})},
			has: ['stage-variables-ignored:warn'],
		},
		{
			name: 'env keys and provider.profile under v3 (S5)',
			spec: {env: {AWS_ACCESS_KEY_ID: 'AKIAY34FZKBOKENVENV4', AWS_SECRET_ACCESS_KEY: secret}, service: serviceFile({profile: resolved('dev')})},
			has: ['profile-with-env-keys:warn', 'credentials-resolved:ok'],
		},
	];
	it.each(table)('$name', ({spec, has, hasNot}) => {
		const found = checksFor(spec);
		for (const item of has) expect(found).toContain(item);
		for (const item of hasNot ?? []) expect(found).not.toContain(item);
	});
});

/** Every finding id that docs/report-schema.md documents (backticked words; `x:<issue>` covers `x:anything`). */
function documentedIds(): {exact: Set<string>; prefixes: string[]} {
	const doc = readFileSync(new URL('../../docs/report-schema.md', import.meta.url), 'utf8');
	const words = [...doc.matchAll(/`([a-z0-9:<>-]+)`/g)].map(match => match[1]!);
	return {exact: new Set(words), prefixes: words.filter(word => word.endsWith(':<issue>')).map(word => word.replace('<issue>', ''))};
}

function isDocumented(id: string, documented: ReturnType<typeof documentedIds>): boolean {
	return documented.exact.has(id) || documented.prefixes.some(prefix => id.startsWith(prefix));
}

describe('runChecks on arbitrary machines', () => {
	const canaryKey = 'AKIAZCANARYZCANARY77';
	const canarySecret = 'CanarySecretCanarySecretCanarySecret4040';
	const canaryToken = `CanaryToken${'Q'.repeat(90)}`;
	// Secrets go only into secret variables: a profile *named* like a canary is not a secret and is shown.
	const keyValues = [canaryKey, 'ASIAY34FZKBOKMUTVV7A', 'AROAY34FZKBOKMUTVV7A', 'undefined', ''];
	const secretValues = [canarySecret, canaryToken, 'undefined', ''];
	const otherValues = ['dev', 'nosuch', 'deploy', 'keyonly', 'default', '', '1', 'eu-west-1', '2020-01-01T00:00:00Z', 'not a date', '/nowhere/file'];
	const variables: Record<string, string[]> = {
		AWS_ACCESS_KEY_ID: keyValues,
		AWS_DEV_ACCESS_KEY_ID: keyValues,
		AWS_SECRET_ACCESS_KEY: secretValues,
		AWS_DEV_SECRET_ACCESS_KEY: secretValues,
		AWS_SESSION_TOKEN: secretValues,
	};
	for (const name of ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_DEV_PROFILE', 'AWS_PROD_PROFILE', 'AWS_SDK_LOAD_CONFIG', 'AWS_REGION', 'AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_CREDENTIAL_EXPIRATION', 'AWS_SHARED_CREDENTIALS_FILE']) {
		variables[name] = otherValues;
	}
	const environment = fc
		.subarray(Object.keys(variables), {maxLength: 8})
		.chain(chosen => fc.tuple(...chosen.map(name => fc.constantFrom(...variables[name]!).map(value => [name, value] as const))))
		.map(pairs => Object.fromEntries(pairs));
	const fragments = [
		'[default]\n',
		'[dev]\n',
		'[profile dev]\n',
		'[profile deploy]\nrole_arn = arn:aws:iam::123456789012:role/deployer\nsource_profile = default\n',
		`aws_access_key_id = ${canaryKey}\n`,
		`aws_secret_access_key = ${canarySecret}\n`,
		`aws_session_token = ${canaryToken}\n`,
		'sso_session = corp\nsso_account_id = 1\nsso_role_name = R\n',
		'[sso-session corp]\nsso_start_url = https://x.awsapps.com/start\nsso_region = eu-west-1\n',
		'credential_process = /bin/creds\n',
		'region = eu-west-1 ; note\n',
		'[__proto__]\n',
		'  indented = value\n',
		'no equals sign here\n',
	];
	const file = fc.option(fc.array(fc.constantFrom(...fragments), {maxLength: 8}).map(parts => parts.join('')), {nil: undefined});
	const spec = fc.record({
		env: environment,
		credentials: file,
		config: file,
		framework: fc.constantFrom(3 as const, 4 as const),
		platform: fc.constantFrom('linux' as const, 'win32' as const),
		stage: fc.constantFrom('dev', 'prod', 'my-stage'),
		profile: fc.option(fc.constantFrom('dev', 'nosuch', 'deploy', 'keyonly'), {nil: undefined}),
		awsProfile: fc.option(fc.constantFrom('dev', 'nosuch', 'sso'), {nil: undefined}),
		orgApp: fc.boolean(),
		loggedIn: fc.boolean(),
	});
	const probes: ProbeResult[] = [
		{status: 'skipped', reason: '--offline'},
		{status: 'ok', identity: {account: '123456789012', arn: 'arn:aws:iam::123456789012:root', userId: 'x', principal: 'root', clockSkewMs: 400_000, endpoint: 'https://sts.amazonaws.com'}},
		{status: 'failed', failure: {code: 'SignatureDoesNotMatch', message: `Credential=${canaryKey}/20300101/us-east-1/sts/aws4_request`}},
	];

	it('never crashes, documents every id, gives every problem a fix and never prints a secret', () => {
		const documented = documentedIds();
		fc.assert(
			fc.property(spec, fc.constantFrom(...probes), (generated, probe) => {
				const snapshot = makeSnapshot({
					env: generated.env,
					credentials: generated.credentials,
					config: generated.config,
					framework: generated.framework,
					platform: generated.platform,
					options: {stage: generated.stage, awsProfile: generated.awsProfile},
					service: serviceFile({
						stage: {value: generated.stage, source: 'option'},
						profile: generated.profile === undefined ? undefined : resolved(generated.profile),
						org: generated.orgApp ? resolved('acme') : undefined,
						app: generated.orgApp ? resolved('shop') : undefined,
					}),
					dashboard: {loggedIn: generated.loggedIn},
				});
				const {primary, others} = analyse(snapshot);
				const findings: Finding[] = [...runChecks(snapshot, primary), ...identityFindings(probe, primary, snapshot)];
				expect(findings.filter(finding => finding.id === 'check-crashed').map(finding => `${finding.title}: ${finding.why}`)).toEqual([]);
				for (const finding of findings) {
					expect(isDocumented(finding.id, documented), `${finding.id} is documented`).toBe(true);
					if (finding.status === 'warn' || finding.status === 'fail') expect(finding.fix, finding.id).toBeTruthy();
				}
				const report = buildReport({snapshot, primary, others, probe, findings, toolVersion: '0'});
				for (const output of [renderJson(report), renderPlain(report)]) {
					expect(output).not.toContain(canaryKey);
					expect(output).not.toContain(canarySecret);
					expect(output).not.toContain('CANARYZCANARY');
					expect(output).not.toContain('QQQQQQQQ');
				}
			}),
			{numRuns: 150},
		);
	});
});
