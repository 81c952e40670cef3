import {describe, expect, it} from 'vitest';
import {configOnlyProfileChecks} from '../../../source/doctor/checks/config-only-profile.js';
import {namedProfileChecks} from '../../../source/doctor/checks/named-profile.js';
import type {Candidate, Verdict} from '../../../source/credentials/verdict.js';
import {makeSnapshot, resolved, serviceFile, type SnapshotSpec} from '../snapshot-builder.js';
import {candidate, makeVerdict} from '../verdict-builder.js';
import {expectFixes, outcomes} from './finding-lookup.js';

const credentials = '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n\n[keyonly]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n';
const config =
	'[profile deploy]\nrole_arn = arn:aws:iam::123456789012:role/deployer\nsource_profile = default\n\n' +
	'[profile sso]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Deploy\n\n' +
	'[profile cfgkeys]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n';

function errorAt(source: Candidate['source'], profile: string, title: string): Partial<Verdict> {
	return {
		candidates: [candidate({source, status: 'error', profile, title})],
		error: {code: 'UNRECOGNIZED_AWS_PROFILE', message: `AWS profile "${profile}" doesn't seem to be configured`, source},
	};
}

describe('namedProfileChecks', () => {
	const table: Array<{name: string; spec?: SnapshotSpec; verdict: Partial<Verdict>; expected: string[]; says?: RegExp}> = [
		{
			name: 'AWS_PROFILE names a profile that exists nowhere (S12)',
			spec: {env: {AWS_PROFILE: 'nosuch'}},
			verdict: errorAt('env-profile', 'nosuch', 'AWS_PROFILE=nosuch'),
			expected: ['profile-missing:fail'],
			says: /Profiles that exist: cfgkeys, default, deploy, keyonly, sso/,
		},
		{
			name: 'a case mismatch points at the real name',
			spec: {env: {AWS_PROFILE: 'Default'}},
			verdict: errorAt('env-profile', 'Default', 'AWS_PROFILE=Default'),
			expected: ['profile-missing:fail'],
		},
		{
			name: 'a skipped key-only profile (S22) is a warning with the engine reason',
			verdict: {candidates: [candidate({source: 'provider-profile', status: 'skipped', profile: 'keyonly', reason: 'has aws_access_key_id but no aws_secret_access_key'})]},
			expected: ['profile-unusable:warn'],
			says: /no aws_secret_access_key/,
		},
		{
			name: 'v3 rejects a named SSO profile even with AWS_SDK_LOAD_CONFIG (S33)',
			spec: {env: {AWS_PROFILE: 'sso', AWS_SDK_LOAD_CONFIG: '1'}},
			verdict: errorAt('env-profile', 'sso', 'AWS_PROFILE=sso'),
			expected: ['profile-unusable:fail'],
		},
		{
			name: 'a config-only profile under v3 is left to the config-only check',
			spec: {env: {AWS_PROFILE: 'deploy'}},
			verdict: errorAt('env-profile', 'deploy', 'AWS_PROFILE=deploy'),
			expected: [],
		},
		{
			name: 'no [default] at all is not worth a finding',
			verdict: {candidates: [candidate({source: 'default-profile', status: 'skipped', profile: 'default'})]},
			spec: {credentials: '[dev]\naws_access_key_id = A\n'},
			expected: [],
		},
		{name: 'shadowed and winner rungs are fine', verdict: {candidates: [candidate({source: 'env-profile', status: 'shadowed', profile: 'nosuch'})]}, expected: []},
	];
	it.each(table)('$name', ({spec, verdict, expected, says}) => {
		const snapshot = makeSnapshot({credentials, config, ...spec});
		const findings = namedProfileChecks(snapshot, makeVerdict(verdict));
		expect(outcomes(findings)).toEqual(expected);
		if (says) expect(findings[0]!.why).toMatch(says);
		expectFixes(findings);
	});

	it('suggests the existing spelling', () => {
		const snapshot = makeSnapshot({credentials, config});
		const [finding] = namedProfileChecks(snapshot, makeVerdict(errorAt('env-profile', 'Default', 'AWS_PROFILE=Default')));
		expect(finding!.fix).toContain('Use the existing profile "default"');
	});
});

describe('configOnlyProfileChecks', () => {
	const table: Array<{name: string; spec: SnapshotSpec; engine?: Verdict['engine']; expected: string[]; fix?: RegExp}> = [
		{
			name: 'role profile only in config, no AWS_SDK_LOAD_CONFIG (S20)',
			spec: {env: {AWS_PROFILE: 'deploy'}},
			expected: ['profile-config-only:fail'],
			fix: /export AWS_SDK_LOAD_CONFIG=1/,
		},
		{name: 'with AWS_SDK_LOAD_CONFIG it is read (S21)', spec: {env: {AWS_PROFILE: 'deploy', AWS_SDK_LOAD_CONFIG: '1'}}, expected: []},
		{name: 'v4 always reads the config file (N9)', spec: {env: {AWS_PROFILE: 'deploy'}}, engine: 'serverless-v4', expected: []},
		{
			name: 'static keys in config: move them to the credentials file',
			spec: {service: serviceFile({profile: resolved('cfgkeys')})},
			expected: ['profile-config-only:fail'],
			fix: /Move the aws_access_key_id/,
		},
		{
			name: 'SSO profile: v3 cannot use it by name at all',
			spec: {options: {awsProfile: 'sso'}},
			expected: ['profile-config-only:fail'],
			fix: /Upgrade to Serverless v4/,
		},
		{
			name: 'AWS_DEFAULT_PROFILE is swallowed at step 1',
			spec: {env: {AWS_DEFAULT_PROFILE: 'deploy'}},
			expected: ['profile-config-only:warn'],
		},
		{
			name: 'provider.profile is not read under --aws-profile',
			spec: {service: serviceFile({profile: resolved('deploy')}), options: {awsProfile: 'default'}},
			expected: [],
		},
		{
			name: 'a stage variable counts (AWS_DEV_PROFILE)',
			spec: {env: {AWS_DEV_PROFILE: 'deploy'}},
			expected: ['profile-config-only:fail'],
		},
		{name: 'a profile in the credentials file is fine', spec: {env: {AWS_PROFILE: 'default'}}, expected: []},
	];
	it.each(table)('$name', ({spec, engine, expected, fix}) => {
		const findings = configOnlyProfileChecks(makeSnapshot({credentials, config, ...spec}), makeVerdict({engine: engine ?? 'serverless-v3'}));
		expect(outcomes(findings)).toEqual(expected);
		if (fix) expect(findings[0]!.fix).toMatch(fix);
		expectFixes(findings);
	});

	it('names both files in the explanation', () => {
		const [finding] = configOnlyProfileChecks(makeSnapshot({credentials, config, env: {AWS_PROFILE: 'deploy'}}), makeVerdict());
		expect(finding!.why).toContain('/home/dev/.aws/config');
		expect(finding!.why).toContain('doesn\'t seem to be configured');
	});
});
