import {expect, test} from 'vitest';
import {analyse} from '../../source/credentials/analyse.js';
import {snapshotFor} from './snapshot-for.js';
import {baseFiles, envKeys} from './spec-fixture.js';

test.each([
	[3, 'serverless-v3', ['serverless-v4', 'aws-sdk-v3']],
	[4, 'serverless-v4', ['serverless-v3', 'aws-sdk-v3']],
] as const)('framework v%s: primary %s, the others for contrast', (major, primary, others) => {
	const result = analyse(snapshotFor({files: baseFiles, env: envKeys, yml: {profile: 'prod'}, framework: major}));
	expect(result.primary.engine).toBe(primary);
	expect(result.others.map((verdict) => verdict.engine)).toEqual(others);
});

test('the same environment, three answers: env keys (v3), provider.profile (v4), env keys (plain SDK)', () => {
	const result = analyse(snapshotFor({files: baseFiles, env: envKeys, yml: {profile: 'prod'}}));
	const [v4, sdk] = result.others;
	expect(result.primary.winner?.source).toBe('env-keys');
	expect(v4?.winner?.source).toBe('provider-profile');
	expect(sdk?.winner?.source).toBe('env-keys');
});
