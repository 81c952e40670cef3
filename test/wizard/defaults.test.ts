/** The values the wizard's forms start with, from a Snapshot. */
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {fallbackDefaults, iamName, profileName, serviceName, wizardDefaults} from '../../source/wizard/defaults.js';
import {profileNameProblem, userNameProblem} from '../../source/wizard/form-checks.js';
import {makeSnapshot, resolved, serviceFile, type SnapshotSpec} from '../doctor/snapshot-builder.js';

const rows: Array<{name: string; spec: SnapshotSpec; expected: Record<string, unknown>}> = [
	{
		name: 'no serverless.yml: dev, us-east-1, named after nothing',
		spec: {},
		expected: {service: 'serverless', userName: 'serverless-deployer', profileName: 'serverless-dev', region: 'us-east-1', regionSource: 'default', stage: 'dev', stages: ['dev'], serviceFile: undefined, framework: 3},
	},
	{
		name: 'service name, region and stages from serverless.yml',
		spec: {service: serviceFile({region: {...resolved('eu-west-1'), source: 'provider.region'}, knownStages: ['dev', 'prod']})},
		expected: {service: 'orders', userName: 'orders-deployer', policyName: 'orders-deploy', profileName: 'orders-dev', region: 'eu-west-1', regionSource: 'serverless.yml', stages: ['dev', 'prod'], serviceFile: {path: '/work/app/serverless.yml', format: 'yml'}},
	},
	{
		name: 'custom.profiles already names the stage profile',
		spec: {service: serviceFile({stageProfiles: {dev: 'acme-dev', prod: 'acme-prod'}, knownStages: ['dev', 'prod']})},
		expected: {profileName: 'acme-dev', stageProfiles: {dev: 'acme-dev', prod: 'acme-prod'}},
	},
	{
		name: '--stage prod picks the prod profile name',
		spec: {service: serviceFile({stage: {value: 'prod', source: 'option'}, knownStages: ['dev', 'prod']})},
		expected: {stage: 'prod', profileName: 'orders-prod'},
	},
	{
		name: 'provider.stage not named in any block is still offered first',
		spec: {service: serviceFile({stage: {value: 'staging', source: 'provider.stage'}, knownStages: ['dev', 'prod']})},
		expected: {stage: 'staging', stages: ['staging', 'dev', 'prod']},
	},
	{
		name: 'the default dev stage is not forced on a file that names other stages',
		spec: {service: serviceFile({knownStages: ['prod', 'test']})},
		expected: {stage: 'prod', stages: ['prod', 'test'], profileName: 'orders-prod'},
	},
	{
		name: 'a plain provider.profile nobody defined yet is the profile to create',
		spec: {service: serviceFile({profile: resolved('acme')})},
		expected: {profileName: 'acme'},
	},
	{
		name: 'a provider.profile that exists is not re-created',
		spec: {service: serviceFile({profile: resolved('acme')}), credentials: '[acme]\naws_access_key_id = A\naws_secret_access_key = B\n'},
		expected: {profileName: 'orders-dev', existingProfiles: ['acme']},
	},
	{
		name: 'a provider.profile made of variables is not a name to create',
		spec: {service: serviceFile({profile: resolved('acme-dev', '${self:custom.profiles.${sls:stage}}')})},
		expected: {profileName: 'orders-dev'},
	},
	{
		name: 'region from --region',
		spec: {options: {region: 'ap-southeast-2'}},
		expected: {region: 'ap-southeast-2', regionSource: '--region'},
	},
	{
		name: 'region from AWS_REGION when serverless.yml names none',
		spec: {env: {AWS_REGION: 'eu-north-1'}},
		expected: {region: 'eu-north-1', regionSource: 'AWS_REGION'},
	},
	{
		name: 'a region known only at deploy time is not a default',
		spec: {service: serviceFile({region: {kind: 'deploy-time', raw: '${ssm:/region}', sources: ['ssm']}})},
		expected: {region: 'us-east-1', regionSource: 'default'},
	},
	{
		name: 'existing profiles from both files, sorted',
		spec: {credentials: '[zeta]\naws_access_key_id = A\n', config: '[profile alpha]\nregion = eu-west-1\n[default]\nregion = us-east-1\n'},
		expected: {existingProfiles: ['alpha', 'default', 'zeta']},
	},
	{
		name: 'no service: name, the folder name is used',
		spec: {service: {path: '/home/dev/projects/My Shop!/serverless.yml', format: 'yml', knownStages: []}},
		expected: {service: 'My-Shop', userName: 'My-Shop-deployer'},
	},
	{
		name: 'framework v4',
		spec: {framework: 4},
		expected: {framework: 4},
	},
];

describe('wizardDefaults', () => {
	test.each(rows.map((row) => [row.name, row] as const))('%s', (_name, row) => {
		expect(wizardDefaults(makeSnapshot(row.spec))).toMatchObject(row.expected);
	});

	test('fallbackDefaults is what an empty snapshot gives', () => {
		expect(wizardDefaults(makeSnapshot())).toEqual({...fallbackDefaults(), serviceFile: undefined});
	});

	test('any service name and stage give names IAM and the AWS files accept', () => {
		fc.assert(
			fc.property(fc.option(fc.string(), {nil: undefined}), fc.string(), (service, stage) => {
				const defaults = wizardDefaults(makeSnapshot({service: {service, stage: {value: stage, source: 'option'}, knownStages: []}}));
				expect(userNameProblem(defaults.userName)).toBeUndefined();
				expect(userNameProblem(defaults.policyName)).toBeUndefined();
				expect(profileNameProblem(defaults.profileName)).toBeUndefined();
			}),
			{numRuns: 500},
		);
	});
});

test.each([
	['orders', undefined, 'orders'],
	['my service', undefined, 'my-service'],
	['--', '/a/b/app/serverless.yml', 'app'],
	[undefined, undefined, 'serverless'],
	['x'.repeat(100), undefined, 'x'.repeat(55)],
] as const)('serviceName(%j, %j) = %j', (service, path, expected) => {
	expect(serviceName(service, path)).toBe(expected);
});

test.each([
	['a b', 'a-b'],
	['ok+=,.@_-x', 'ok+=,.@_-x'],
	['', 'serverless'],
])('iamName(%j) = %j', (name, expected) => expect(iamName(name)).toBe(expected));

test.each([
	['orders-dev', 'orders-dev'],
	['a b', 'a-b'],
	['%%', '%%'],
	['!!', 'serverless'],
	['toString', 'toString-profile'],
	['constructor', 'constructor-profile'],
])('profileName(%j) = %j', (name, expected) => expect(profileName(name)).toBe(expected));
