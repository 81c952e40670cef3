import {describe, expect, it} from 'vitest';
import {analyse} from '../../../source/credentials/analyse.js';
import {providerProfileShadowedChecks} from '../../../source/doctor/checks/provider-profile-shadowed.js';
import {makeSnapshot, resolved, serviceFile, type SnapshotSpec} from '../snapshot-builder.js';
import {expectFixes, outcomes} from './finding-lookup.js';

const credentials = [
	'[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
	'[dev]\naws_access_key_id = AKIAQYLPMN5HDEVDEV22\naws_secret_access_key = devsecretdevsecretdevsecretdevsecretdev2',
	'[prod]\naws_access_key_id = AKIAQYLPMN5HPRODPRD3\naws_secret_access_key = prodsecretprodsecretprodsecretprodsecre3',
	'[dev-copy]\naws_access_key_id = AKIAQYLPMN5HDEVDEV22\naws_secret_access_key = devsecretdevsecretdevsecretdevsecretdev2',
].join('\n\n');

describe('providerProfileShadowedChecks (through the real precedence models)', () => {
	const table: Array<{name: string; spec: SnapshotSpec; expected: string[]}> = [
		{name: 'provider.profile alone wins', spec: {service: serviceFile({profile: resolved('dev')})}, expected: []},
		{
			name: 'v3: a leftover AWS_PROFILE shadows provider.profile (serverless#9194)',
			spec: {env: {AWS_PROFILE: 'prod'}, service: serviceFile({profile: resolved('dev')})},
			expected: ['provider-profile-shadowed:warn'],
		},
		{
			name: 'v4: provider.profile beats AWS_PROFILE',
			spec: {env: {AWS_PROFILE: 'prod'}, service: serviceFile({profile: resolved('dev')}), framework: 4},
			expected: [],
		},
		{
			name: 'v3: AWS_DEV_PROFILE for stage dev shadows provider.profile',
			spec: {env: {AWS_DEV_PROFILE: 'prod'}, service: serviceFile({profile: resolved('dev')})},
			expected: ['provider-profile-shadowed:warn'],
		},
		{
			name: 'the same profile through AWS_PROFILE is no surprise',
			spec: {env: {AWS_PROFILE: 'dev'}, service: serviceFile({profile: resolved('dev')})},
			expected: [],
		},
		{
			name: 'another profile holding the same key is no surprise',
			spec: {env: {AWS_PROFILE: 'dev-copy'}, service: serviceFile({profile: resolved('dev')})},
			expected: [],
		},
		{
			name: '--aws-profile is an explicit choice',
			spec: {options: {awsProfile: 'prod'}, service: serviceFile({profile: resolved('dev')})},
			expected: [],
		},
	];
	it.each(table)('$name', ({spec, expected}) => {
		const snapshot = makeSnapshot({credentials, ...spec});
		const findings = providerProfileShadowedChecks(snapshot, analyse(snapshot).primary);
		expect(outcomes(findings)).toEqual(expected);
		expectFixes(findings);
		if (expected.length > 0) {
			expect(findings[0]!.fix).toContain('--aws-profile dev');
			expect(JSON.stringify(findings)).not.toContain('prodsecret');
		}
	});
});
