import {describe, expect, test} from 'vitest';
import {applyChanges, renderFix, type Change, type FixContext} from '../../source/credentials/fix-change.js';
import {snapshotFor} from './snapshot-for.js';

const v3: FixContext = {engine: 'serverless-v3', stage: 'dev', options: {}};

describe('renderFix', () => {
	test.each<[string, Change[], FixContext, string]>([
		['unset then deploy', [{type: 'unset-env', names: ['AWS_PROFILE']}], v3, 'unset AWS_PROFILE && serverless deploy --stage dev'],
		['name the profile', [{type: 'aws-profile', profile: 'prod'}], v3, 'serverless deploy --stage dev --aws-profile prod'],
		['keeps the user options it does not change', [{type: 'use-local-credentials'}], {...v3, options: {region: 'eu-west-1', awsProfile: 'dev'}}, 'serverless deploy --stage dev --region eu-west-1 --aws-profile dev --use-local-credentials'],
		['drops --aws-profile', [{type: 'drop-aws-profile'}], {...v3, options: {awsProfile: 'dev'}}, 'serverless deploy --stage dev'],
		["names a shell cannot unset go through env -u", [{type: 'unset-env', names: ['AWS_MY-STAGE_PROFILE', 'AWS_PROFILE']}], {...v3, stage: 'my-stage'}, "unset AWS_PROFILE && env -u 'AWS_MY-STAGE_PROFILE' serverless deploy --stage my-stage"],
		['set a variable', [{type: 'set-env', name: 'AWS_SDK_LOAD_CONFIG', value: '1'}], v3, 'export AWS_SDK_LOAD_CONFIG=1 && serverless deploy --stage dev'],
		['edits first', [{type: 'remove-provider-profile'}, {type: 'unset-env', names: ['AWS_PROFILE']}], v3, 'remove `profile` under `provider` in serverless.yml, then run: unset AWS_PROFILE && serverless deploy --stage dev'],
		['plain SDK: no deploy command', [{type: 'unset-env', names: ['AWS_PROFILE']}], {engine: 'aws-sdk-v3', stage: 'dev', options: {}}, 'unset AWS_PROFILE'],
		['odd values are quoted', [{type: 'aws-profile', profile: "it's"}], v3, "serverless deploy --stage dev --aws-profile 'it'\\''s'"],
	])('%s', (_name, changes, context, expected) => {
		expect(renderFix(changes, context)).toBe(expected);
	});
});

test('applyChanges returns a new snapshot and leaves the old one alone', () => {
	const before = snapshotFor({env: {AWS_PROFILE: 'dev'}, yml: {profile: 'prod'}, options: {awsProfile: 'x'}});
	const after = applyChanges(before, [{type: 'unset-env', names: ['AWS_PROFILE']}, {type: 'remove-provider-profile'}, {type: 'drop-aws-profile'}]);
	expect(after.env['AWS_PROFILE']).toBeUndefined();
	expect(after.service.profile).toBeUndefined();
	expect(after.options.awsProfile).toBeUndefined();
	expect(before.env['AWS_PROFILE']).toBe('dev');
	expect(before.service.profile).toEqual({kind: 'value', value: 'prod'});
});
