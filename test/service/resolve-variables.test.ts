import {describe, expect, it} from 'vitest';
import type {DeployOptions, Env, FrameworkMajor} from '../../source/gather/snapshot.js';
import type {ResolvedValue} from '../../source/service/service-info.js';
import {resolveYaml, SERVICE_DIR} from './resolve-service-support.js';

interface Row {
	name: string;
	yaml: string;
	options?: DeployOptions;
	env?: Env;
	files?: Record<string, string>;
	framework?: FrameworkMajor;
	profile: ResolvedValue | undefined;
}

const profilesYaml = (expression: string, extra = '') => `service: app
${extra}custom:
  profiles:
    dev: devProfile
    prod: prodProfile
provider:
  name: aws
  profile: ${expression}
`;

const rows: Row[] = [
	{name: 'plain value', yaml: profilesYaml('plain'), profile: {kind: 'value', value: 'plain'}},
	{name: '${sls:stage} from --stage', yaml: profilesYaml('${sls:stage}'), options: {stage: 'prod'}, profile: {kind: 'value', value: 'prod', raw: '${sls:stage}'}},
	{
		name: '${sls:stage} from provider.stage',
		yaml: profilesYaml('${sls:stage}').replace('name: aws', 'name: aws\n  stage: qa'),
		profile: {kind: 'value', value: 'qa', raw: '${sls:stage}'},
	},
	{name: '${sls:stage} defaults to dev', yaml: profilesYaml('${sls:stage}'), profile: {kind: 'value', value: 'dev', raw: '${sls:stage}'}},
	{name: '${opt:stage} given', yaml: profilesYaml('${opt:stage}'), options: {stage: 'qa'}, profile: {kind: 'value', value: 'qa', raw: '${opt:stage}'}},
	{
		name: '${opt:stage} missing, no default',
		yaml: profilesYaml('${opt:stage}'),
		profile: {kind: 'unresolved', raw: '${opt:stage}', message: '${opt:stage} resolves to nothing and has no default'},
	},
	{name: "${opt:region, 'x'} default", yaml: profilesYaml("${opt:region, 'fallback'}"), profile: {kind: 'value', value: 'fallback', raw: "${opt:region, 'fallback'}"}},
	{name: '${opt:aws-profile}', yaml: profilesYaml('${opt:aws-profile}'), options: {awsProfile: 'cli'}, profile: {kind: 'value', value: 'cli', raw: '${opt:aws-profile}'}},
	{name: '${self:} dotted path', yaml: profilesYaml('${self:custom.profiles.prod}'), profile: {kind: 'value', value: 'prodProfile', raw: '${self:custom.profiles.prod}'}},
	{name: '${env:X} set', yaml: profilesYaml('${env:MY_PROFILE}'), env: {MY_PROFILE: 'fromEnv'}, profile: {kind: 'value', value: 'fromEnv', raw: '${env:MY_PROFILE}'}},
	{
		name: '${env:X} unset',
		yaml: profilesYaml('${env:MY_PROFILE}'),
		profile: {kind: 'unresolved', raw: '${env:MY_PROFILE}', message: '${env:MY_PROFILE} resolves to nothing and has no default'},
	},
	{name: '${env:X} set but empty is a value', yaml: profilesYaml("${env:MY_PROFILE, 'x'}"), env: {MY_PROFILE: ''}, profile: {kind: 'value', value: '', raw: "${env:MY_PROFILE, 'x'}"}},
	{name: "${env:X, 'fallback'}", yaml: profilesYaml("${env:MY_PROFILE, 'fallback'}"), profile: {kind: 'value', value: 'fallback', raw: "${env:MY_PROFILE, 'fallback'}"}},
	{
		name: 'nesting by --stage',
		yaml: profilesYaml('${self:custom.profiles.${sls:stage}}'),
		options: {stage: 'prod'},
		profile: {kind: 'value', value: 'prodProfile', raw: '${self:custom.profiles.${sls:stage}}'},
	},
	{
		name: 'nesting, no profile for the stage',
		yaml: profilesYaml('${self:custom.profiles.${sls:stage}}'),
		options: {stage: 'qa'},
		profile: {kind: 'unresolved', raw: '${self:custom.profiles.${sls:stage}}', message: '${self:custom.profiles.${sls:stage}} resolves to nothing and has no default'},
	},
	{name: 'chained defaults, second wins', yaml: profilesYaml("${env:A, env:B, 'x'}"), env: {B: 'fromB'}, profile: {kind: 'value', value: 'fromB', raw: "${env:A, env:B, 'x'}"}},
	{name: 'chained defaults, literal wins', yaml: profilesYaml("${env:A, env:B, 'x'}"), profile: {kind: 'value', value: 'x', raw: "${env:A, env:B, 'x'}"}},
	{name: 'nested fallback', yaml: profilesYaml('${env:A, ${self:custom.profiles.dev}}'), profile: {kind: 'value', value: 'devProfile', raw: '${env:A, ${self:custom.profiles.dev}}'}},
	{name: 'interpolation', yaml: profilesYaml('team-${sls:stage}-admin'), profile: {kind: 'value', value: 'team-dev-admin', raw: 'team-${sls:stage}-admin'}},
	{name: 'interpolation of two variables', yaml: profilesYaml('${env:ORG}-${sls:stage}'), env: {ORG: 'acme'}, profile: {kind: 'value', value: 'acme-dev', raw: '${env:ORG}-${sls:stage}'}},
	{name: 'strToBool', yaml: profilesYaml('${strToBool(${env:FLAG})}'), env: {FLAG: '1'}, profile: {kind: 'value', value: 'true', raw: '${strToBool(${env:FLAG})}'}},
	{
		name: 'file() yml with address',
		yaml: profilesYaml('${file(./profiles.yml):${sls:stage}.name}'),
		files: {[`${SERVICE_DIR}/profiles.yml`]: 'dev:\n  name: fromFile\n'},
		profile: {kind: 'value', value: 'fromFile', raw: '${file(./profiles.yml):${sls:stage}.name}'},
	},
	{
		name: 'file() json, variables inside the file',
		yaml: profilesYaml('${file(./config/aws.json):profile}'),
		files: {[`${SERVICE_DIR}/config/aws.json`]: '{"profile": "${self:custom.profiles.prod}"}'},
		profile: {kind: 'value', value: 'prodProfile', raw: '${file(./config/aws.json):profile}'},
	},
	{name: 'file() missing, default', yaml: profilesYaml("${file(./nope.yml):profile, 'dflt'}"), profile: {kind: 'value', value: 'dflt', raw: "${file(./nope.yml):profile, 'dflt'}"}},
	{name: 'file() of code', yaml: profilesYaml('${file(./profile.js):get}'), profile: {kind: 'deploy-time', raw: '${file(./profile.js):get}', sources: ['file']}},
	{
		name: 'param by stage',
		yaml: profilesYaml('${param:profile}', 'params:\n  prod:\n    profile: paramProd\n  default:\n    profile: paramDefault\n'),
		options: {stage: 'prod'},
		profile: {kind: 'value', value: 'paramProd', raw: '${param:profile}'},
	},
	{
		name: 'param default',
		yaml: profilesYaml('${param:profile}', 'params:\n  prod:\n    profile: paramProd\n  default:\n    profile: paramDefault\n'),
		profile: {kind: 'value', value: 'paramDefault', raw: '${param:profile}'},
	},
	{
		name: 'v4 stages.<stage>.params beats params.default',
		yaml: profilesYaml('${param:profile}', 'stages:\n  dev:\n    params:\n      profile: stagesDev\nparams:\n  default:\n    profile: paramDefault\n'),
		profile: {kind: 'value', value: 'stagesDev', raw: '${param:profile}'},
	},
	{
		name: 'v3 has no stages.*.params',
		framework: 3,
		yaml: profilesYaml('${param:profile}', 'stages:\n  dev:\n    params:\n      profile: stagesDev\nparams:\n  default:\n    profile: paramDefault\n'),
		profile: {kind: 'value', value: 'paramDefault', raw: '${param:profile}'},
	},
	{
		name: 'param only on the Dashboard',
		yaml: profilesYaml('${param:profile}', 'org: acme\napp: shop\n'),
		profile: {kind: 'deploy-time', raw: '${param:profile}', sources: ['param']},
	},
	{
		name: 'param nowhere, no Dashboard',
		yaml: profilesYaml('${param:profile}'),
		profile: {kind: 'unresolved', raw: '${param:profile}', message: '${param:profile} resolves to nothing and has no default'},
	},
	{name: '${ssm:}', yaml: profilesYaml('${ssm:/team/profile}'), profile: {kind: 'deploy-time', raw: '${ssm:/team/profile}', sources: ['ssm']}},
	{name: '${cf:}', yaml: profilesYaml('${cf:stack.Output}'), profile: {kind: 'deploy-time', raw: '${cf:stack.Output}', sources: ['cf']}},
	{name: '${s3:}', yaml: profilesYaml('${s3:bucket/key}'), profile: {kind: 'deploy-time', raw: '${s3:bucket/key}', sources: ['s3']}},
	{name: '${aws:}', yaml: profilesYaml('p-${aws:accountId}'), profile: {kind: 'deploy-time', raw: 'p-${aws:accountId}', sources: ['aws']}},
	{name: 'plugin source', yaml: profilesYaml('${vault:secret/profile}'), profile: {kind: 'deploy-time', raw: '${vault:secret/profile}', sources: ['vault']}},
	{name: 'deploy-time with a default stays unknown', yaml: profilesYaml("${ssm:/x, 'dflt'}"), profile: {kind: 'deploy-time', raw: "${ssm:/x, 'dflt'}", sources: ['ssm']}},
	{name: 'a value before a deploy-time fallback wins', yaml: profilesYaml('${env:P, ssm:/x}'), env: {P: 'p'}, profile: {kind: 'value', value: 'p', raw: '${env:P, ssm:/x}'}},
	{
		name: 'circular reference',
		yaml: profilesYaml('${self:provider.profile}'),
		profile: {kind: 'unresolved', raw: '${self:provider.profile}', message: 'circular reference: ${self:provider.profile} → ${self:provider.profile}'},
	},
	{
		name: 'object where a string is needed',
		yaml: profilesYaml('${self:custom.profiles}'),
		profile: {kind: 'unresolved', raw: '${self:custom.profiles}', message: '${self:custom.profiles} is an object, not a string'},
	},
	{name: 'not a variable', yaml: profilesYaml('${bare}'), profile: {kind: 'unresolved', raw: '${bare}', message: '"bare" is not a variable Serverless understands'}},
	{name: 'CloudFormation tags elsewhere in the file', yaml: `${profilesYaml('${sls:stage}')}resources:\n  Resources:\n    B:\n      Properties:\n        Name: !Sub '\${AWS::Region}'\n        Arn: !GetAtt B.Arn\n`, profile: {kind: 'value', value: 'dev', raw: '${sls:stage}'}},
];

describe('provider.profile resolution', () => {
	it.each(rows)('$name', row => {
		const {service} = resolveYaml(row.yaml, {options: row.options, env: row.env, files: row.files, framework: row.framework});
		expect(service.profile).toEqual(row.profile);
	});
});

describe('the stage', () => {
	it.each([
		['--stage wins', 'provider:\n  stage: qa\n', {stage: 'prod'}, {}, {value: 'prod', source: 'option'}],
		['provider.stage', 'provider:\n  stage: qa\n', {}, {}, {value: 'qa', source: 'provider.stage'}],
		['default dev', 'provider:\n  name: aws\n', {}, {}, {value: 'dev', source: 'default'}],
		["provider.stage: ${opt:stage, 'dev'}", "provider:\n  stage: ${opt:stage, 'beta'}\n", {}, {}, {value: 'beta', source: 'provider.stage'}],
		['provider.stage from env', "provider:\n  stage: ${env:STAGE, 'dev'}\n", {}, {STAGE: 'prod'}, {value: 'prod', source: 'provider.stage'}],
		['provider.stage from ssm', 'provider:\n  stage: ${ssm:/stage}\n', {}, {}, {value: 'dev', source: 'default'}],
	] as const)('%s', (_name, yaml, options, env, stage) => {
		expect(resolveYaml(yaml, {options, env}).service.stage).toEqual(stage);
	});

	it('${self:provider.stage} follows the resolved stage', () => {
		const {service} = resolveYaml("provider:\n  stage: ${opt:stage, 'beta'}\n  profile: p-${self:provider.stage}\n");
		expect(service.profile).toEqual({kind: 'value', value: 'p-beta', raw: 'p-${self:provider.stage}'});
	});

	it('notes a stage Serverless cannot resolve', () => {
		expect(resolveYaml('provider:\n  stage: ${ssm:/stage}\n').service.notes.join('\n')).toMatch(/provider.stage .* cannot be resolved/);
	});
});

describe("the ${opt:stage, 'dev'} trap (credential-resolution.md §5.2)", () => {
	const yaml = (expression: string) => `provider:\n  stage: prod\n  profile: \${self:custom.profiles.${expression}}\ncustom:\n  profiles:\n    dev: devProfile\n    prod: prodProfile\n`;

	it.each([3, 4] as const)('v%i: a plain deploy of provider.stage prod picks the dev profile, and says so', framework => {
		const {service} = resolveYaml(yaml("${opt:stage, 'dev'}"), {framework});
		expect(service.stage).toEqual({value: 'prod', source: 'provider.stage'});
		expect(service.profile).toMatchObject({kind: 'value', value: 'devProfile'});
		expect(service.notes.join('\n')).toMatch(/ignores provider\.stage: without --stage it gives "dev" although the deploy targets stage "prod"\. Use \$\{sls:stage\}/);
	});

	it('${sls:stage} picks the prod profile and needs no note', () => {
		const {service} = resolveYaml(yaml('${sls:stage}'));
		expect(service.profile).toMatchObject({value: 'prodProfile'});
		expect(service.notes).toEqual([]);
	});

	it('with --stage the trap does not bite', () => {
		const {service} = resolveYaml(yaml("${opt:stage, 'dev'}"), {options: {stage: 'prod'}});
		expect(service.profile).toMatchObject({value: 'prodProfile'});
		expect(service.notes).toEqual([]);
	});
});

describe('other properties', () => {
	const yaml = `service:
  name: shop-api
frameworkVersion: '3'
org: \${env:ORG, 'acme'}
app: shop
provider:
  name: aws
  stage: \${opt:stage, 'dev'}
  region: \${env:REGION, 'eu-west-1'}
  iam:
    deploymentRole: arn:aws:iam::123456789012:role/deploy-\${sls:stage}
  cfnRole: arn:aws:iam::123456789012:role/old
  deploymentBucket:
    serverSideEncryption: aws:kms
custom:
  profiles:
    dev: devProfile
    prod: \${env:PROD_PROFILE, 'prodProfile'}
params:
  staging:
    x: 1
`;

	it('resolves service, org, app, region, deployment role, encryption and stage profiles', () => {
		const {service} = resolveYaml(yaml, {env: {REGION: 'us-west-2'}});
		expect(service).toMatchObject({
			service: 'shop-api',
			frameworkVersion: '3',
			org: {kind: 'value', value: 'acme', raw: "${env:ORG, 'acme'}"},
			app: {kind: 'value', value: 'shop'},
			region: {kind: 'value', value: 'us-west-2', raw: "${env:REGION, 'eu-west-1'}", source: 'provider.region'},
			deploymentRole: 'arn:aws:iam::123456789012:role/deploy-dev',
			serverSideEncryption: 'aws:kms',
			stageProfiles: {dev: 'devProfile', prod: 'prodProfile'},
			knownStages: ['dev', 'prod', 'staging'],
		});
	});

	it('--region, --org and --app override the file', () => {
		const {service} = resolveYaml(yaml, {options: {region: 'ap-south-1', org: 'other', app: 'web'}});
		expect(service.region).toEqual({kind: 'value', value: 'ap-south-1', source: 'option'});
		expect(service.org).toEqual({kind: 'value', value: 'other'});
		expect(service.app).toEqual({kind: 'value', value: 'web'});
	});

	it('follows a provider block that comes from a file', () => {
		const {service} = resolveYaml('provider: ${file(./provider.yml)}\n', {files: {[`${SERVICE_DIR}/provider.yml`]: 'stage: qa\nprofile: p-${sls:stage}\n'}});
		expect(service.stage).toEqual({value: 'qa', source: 'provider.stage'});
		expect(service.profile).toEqual({kind: 'value', value: 'p-qa', raw: '(provider.profile)'});
	});

	it('falls back to provider.cfnRole', () => {
		expect(resolveYaml('provider:\n  cfnRole: arn:aws:iam::1:role/old\n').service.deploymentRole).toBe('arn:aws:iam::1:role/old');
	});

	it('keeps the raw text of a deploy-time deployment role', () => {
		expect(resolveYaml('provider:\n  iam:\n    deploymentRole: ${cf:roles.Deploy}\n').service.deploymentRole).toBe('${cf:roles.Deploy}');
	});

	it('v3 notes INACCESSIBLE_CONFIGURATION_PROPERTY for an ssm profile', () => {
		const {service} = resolveYaml('provider:\n  profile: ${ssm:/profile}\n', {framework: 3});
		expect(service.notes.join('\n')).toMatch(/provider\.profile uses \$\{ssm:…\}: Serverless v3 stops with INACCESSIBLE_CONFIGURATION_PROPERTY/);
	});

	it('a missing document gives the defaults', () => {
		const {service, env} = resolveYaml('', {env: {A: '1'}});
		expect(service).toMatchObject({format: 'yml', stage: {value: 'dev', source: 'default'}, resolvers: [], dotenv: [], knownStages: []});
		expect(env).toEqual({A: '1'});
	});
});

describe('v4 resolvers', () => {
	const yaml = `provider:
  resolver: deployer
stages:
  default:
    resolvers:
      shared:
        type: aws
        profile: sharedProfile
        region: eu-west-1
      vault:
        type: vault
  prod:
    resolvers:
      deployer:
        type: aws
        accessKeyId: \${env:DEPLOY_KEY}
        secretAccessKey: \${ssm:/deploy/secret}
        dashboard: false
  dev:
    resolvers:
      devOnly:
        type: aws
        profile: devProfile
`;

	it('lists aws resolvers of stages.default and stages.<stage>', () => {
		const {service} = resolveYaml(yaml, {options: {stage: 'prod'}, env: {DEPLOY_KEY: 'AKIAEXAMPLEKEY000001'}});
		expect(service.resolverName).toBe('deployer');
		expect(service.resolvers).toEqual([
			{name: 'shared', from: 'default', profile: 'sharedProfile', region: 'eu-west-1'},
			{name: 'deployer', from: 'prod', accessKeyId: 'AKIAEXAMPLEKEY000001', dashboard: false, unknownFields: ['secretAccessKey']},
		]);
		expect(service.knownStages).toEqual(['prod', 'dev']);
	});

	it('v3 ignores the stages block and says so', () => {
		const {service} = resolveYaml(yaml, {framework: 3, options: {stage: 'prod'}});
		expect(service.resolvers).toEqual([]);
		expect(service.notes.join('\n')).toMatch(/Serverless v3 ignores the stages block/);
	});
});

describe('service files that are code', () => {
	it.each(['ts', 'js'] as const)('serverless.%s is not run; the stage comes from the command line', async format => {
		const {resolveService} = await import('../support/real-parsers.js');
		const {service} = resolveService({document: undefined, path: `/srv/app/serverless.${format}`, format, framework: 4, options: {stage: 'prod'}, env: {}});
		expect(service.stage).toEqual({value: 'prod', source: 'option'});
		expect(service.notes[0]).toMatch(/is code: the doctor does not run it/);
	});
});

describe('resolution never throws', () => {
	it('for any mix of variable syntax in provider.profile and provider.stage', async () => {
		const fc = (await import('fast-check')).default;
		const token = fc.constantFrom('${', '}', 'sls:stage', 'opt:stage', 'self:provider.profile', 'self:provider.stage', 'env:X', "'d'", ', ', 'file(./a.yml)', ':', 'ssm:/p', 'param:p', 'strToBool(1)', 'x');
		const expression = fc.array(token, {maxLength: 12}).map(parts => parts.join(''));
		fc.assert(
			fc.property(expression, expression, fc.option(fc.constantFrom('prod', 'dev'), {nil: undefined}), (profile, stage, option) => {
				const {resolveService} = resolveServiceModule;
				const {service} = resolveService({
					document: {provider: {profile, stage}, custom: {a: profile}},
					path: `${SERVICE_DIR}/serverless.yml`,
					format: 'yml',
					framework: 4,
					options: {stage: option},
					env: {X: 'x'},
					readFile: () => 'a: ${self:provider.profile}',
				});
				expect(service.stage.value.length).toBeGreaterThan(0);
				if (profile !== '') expect(['value', 'deploy-time', 'unresolved']).toContain(service.profile?.kind);
				if (!profile.includes('${') && profile !== '') expect(service.profile).toEqual({kind: 'value', value: profile});
			}),
			{numRuns: 300},
		);
	});
});

const resolveServiceModule = await import('../support/real-parsers.js');
