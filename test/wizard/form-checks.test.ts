/** What the wizard's forms refuse before planning anything. */
import {expect, test} from 'vitest';
import {keysProblem, profileNameProblem, regionProblem, stageProblem, userNameProblem} from '../../source/wizard/form-checks.js';
import {keys} from './wizard-fixtures.js';

test.each([
	['orders-deployer', undefined],
	['a+b=c,d.e@f_g-h', undefined],
	['', 'Type a user name.'],
	['x'.repeat(65), 'IAM user names are at most 64 characters.'],
	['with space', expect.stringContaining('letters, digits')],
])('user name %j', (name, expected) => expect(userNameProblem(name)).toEqual(expected));

test.each([
	['orders-dev', undefined],
	['team/dev:1@x%y+z.w', undefined],
	['', 'Type a profile name.'],
	['two words', expect.stringContaining('letters, digits')],
	['profile dev', expect.stringContaining('letters, digits')],
	['profile.dev', expect.stringContaining('Leave out the word "profile"')],
])('profile name %j', (name, expected) => expect(profileNameProblem(name)).toEqual(expected));

test.each([
	['us-east-1', undefined],
	['us-gov-west-1', undefined],
	['ap-southeast-2', undefined],
	['', expect.stringContaining('Type a region')],
	['Frankfurt', expect.stringContaining('does not look like an AWS region')],
	['us-east', expect.stringContaining('does not look like an AWS region')],
])('region %j', (region, expected) => expect(regionProblem(region)).toEqual(expected));

test.each([
	['dev', undefined],
	['my-stage2', undefined],
	['', 'Type a stage name.'],
	['my_stage', expect.stringContaining('hyphens only')],
	['__proto__', expect.stringContaining('hyphens only')],
])('stage %j', (stage, expected) => expect(stageProblem(stage)).toEqual(expected));

test.each([
	['good keys', keys(), undefined],
	['no key id', keys(''), 'Paste the access key ID.'],
	['no secret', keys(undefined, ''), 'Paste the secret access key.'],
	['swapped', keys('s'.repeat(40), 'AKIAEXAMPLEEXAMPLE00'), expect.stringContaining('swapped')],
	['ASIA without token', keys('ASIAEXAMPLEEXAMPLE00'), expect.stringContaining('session token')],
	['ASIA with empty token', keys('ASIAEXAMPLEEXAMPLE00', undefined, ''), expect.stringContaining('session token')],
	['ASIA with token', keys('ASIAEXAMPLEEXAMPLE00', undefined, 'token'), undefined],
])('keys: %s', (_name, value, expected) => expect(keysProblem(value)).toEqual(expected));

test('profile names the SDKs would mix up with JavaScript built-ins are refused, as the profile store refuses them', () => {
	expect(profileNameProblem('constructor')).toMatch(/JavaScript built-in/);
	expect(profileNameProblem('orders-dev')).toBeUndefined();
});
