import {describe, expect, it} from 'vitest';
import {profileWithEnvKeysChecks} from '../../../source/doctor/checks/profile-with-env-keys.js';
import {makeSnapshot, resolved, serviceFile, type SnapshotSpec} from '../snapshot-builder.js';
import {makeVerdict} from '../verdict-builder.js';
import {expectFixes, outcomes} from './finding-lookup.js';

const keys = {AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'};

describe('profileWithEnvKeysChecks', () => {
	const table: Array<{name: string; spec: SnapshotSpec; engine?: 'serverless-v3' | 'serverless-v4'; expected: string[]; says?: RegExp}> = [
		{name: 'keys alone', spec: {env: keys}, expected: []},
		{name: 'AWS_PROFILE alone', spec: {env: {AWS_PROFILE: 'dev'}}, expected: []},
		{
			name: 'AWS_PROFILE with keys: the CLI disagrees',
			spec: {env: {...keys, AWS_PROFILE: 'dev'}},
			expected: ['profile-with-env-keys:warn'],
			says: /AWS CLI does the opposite/,
		},
		{name: 'AWS_PROFILE="" does not count', spec: {env: {...keys, AWS_PROFILE: ''}}, expected: []},
		{name: 'only one key half', spec: {env: {AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_PROFILE: 'dev'}}, expected: []},
		{
			name: 'provider.profile with keys under v3: keys win',
			spec: {env: keys, service: serviceFile({profile: resolved('prod')})},
			expected: ['profile-with-env-keys:warn'],
			says: /environment keys win over provider.profile/,
		},
		{
			name: 'provider.profile with keys under v4: profile wins',
			spec: {env: keys, service: serviceFile({profile: resolved('prod')}), framework: 4},
			engine: 'serverless-v4',
			expected: ['profile-with-env-keys:warn'],
			says: /Serverless v4 uses profile prod/,
		},
		{
			name: '--aws-profile is an explicit choice',
			spec: {env: keys, service: serviceFile({profile: resolved('prod')}), options: {awsProfile: 'dev'}},
			expected: [],
		},
	];
	it.each(table)('$name', ({spec, engine, expected, says}) => {
		const findings = profileWithEnvKeysChecks(makeSnapshot(spec), makeVerdict({engine: engine ?? 'serverless-v3'}));
		expect(outcomes(findings)).toEqual(expected);
		if (says) expect(findings[0]!.why).toMatch(says);
		expectFixes(findings);
		expect(JSON.stringify(findings)).not.toContain(keys.AWS_SECRET_ACCESS_KEY);
	});

	it('tells to edit .env when the keys came from it', () => {
		const snapshot = makeSnapshot({
			env: {...keys, AWS_PROFILE: 'dev'},
			processEnv: {AWS_PROFILE: 'dev'},
			service: serviceFile({dotenv: [{path: '/work/app/.env', values: keys, applied: Object.keys(keys)}]}),
		});
		const [finding] = profileWithEnvKeysChecks(snapshot, makeVerdict());
		expect(finding!.fix).toContain('delete the AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY lines from /work/app/.env');
		expect(finding!.fix).toContain('run `unset AWS_PROFILE`');
	});

	it('speaks PowerShell on Windows', () => {
		const [finding] = profileWithEnvKeysChecks(makeSnapshot({env: {...keys, AWS_PROFILE: 'dev'}, platform: 'win32'}), makeVerdict());
		expect(finding!.fix).toContain('Remove-Item Env:AWS_ACCESS_KEY_ID');
	});
});
