/**
 * The least-privilege deploy policy, from realistic service files: scoping per stage/region/account, the public
 * example's known gaps (errors-and-tls.md §10), what `${ssm:}`, events and `resources` add, the deployment role, and the
 * size limit with its fallbacks. Pure: no AWS (moto's CreatePolicy check is in iam-user.test.ts).
 */
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {
	deployPolicy,
	deployPolicyName,
	fillName,
	formatPolicy,
	MANAGED_POLICY_MAX_CHARS,
	policyFileName,
	type DeployPolicy,
	type DeployPolicyInput,
	type PolicyStatement,
} from '../../source/aws/deploy-policy.js';
import {serviceUses, topLevelAddress, variablesIn} from '../../source/aws/deploy-policy-uses.js';
import {parseServiceText} from '../../source/service/parse-service-file.js';
import {NO_SERVICE, type ServiceInfo} from '../../source/service/service-info.js';

const ACCOUNT = '123456789012';

function service(overrides: Partial<ServiceInfo> = {}): ServiceInfo {
	return {...NO_SERVICE, path: '/work/app/serverless.yml', format: 'yml', service: 'orders', region: {kind: 'value', value: 'eu-west-1'}, ...overrides};
}

function yml(lines: string[]): unknown {
	const parsed = parseServiceText(lines.join('\n'), 'yml');
	if (parsed.error !== undefined) throw new Error(parsed.error);
	return parsed.document;
}

function statement(policy: DeployPolicy, sid: string): PolicyStatement {
	const found = policy.document.Statement.find(s => s.Sid === sid);
	if (!found) throw new Error(`no statement ${sid} in ${policy.document.Statement.map(s => s.Sid).join(', ')}`);
	return found;
}

function sids(policy: DeployPolicy): string[] {
	return policy.document.Statement.map(s => s.Sid);
}

function allActions(policy: DeployPolicy): string[] {
	return policy.document.Statement.flatMap(s => s.Action);
}

const BASE_SIDS = ['CloudFormationStacks', 'DeploymentBucket', 'DeploymentArtifacts', 'Functions', 'FunctionRoles', 'LogGroups', 'AccountWide'];

describe('scoping', () => {
	test('a plain service: one stage, its region and account — stack, bucket, functions, roles, log groups', () => {
		const policy = deployPolicy({service: service(), accountId: ACCOUNT, framework: 3});
		expect(sids(policy)).toEqual(BASE_SIDS);
		expect(statement(policy, 'CloudFormationStacks').Resource).toEqual(['arn:aws:cloudformation:eu-west-1:123456789012:stack/orders-dev/*']);
		expect(statement(policy, 'DeploymentBucket').Resource).toEqual(['arn:aws:s3:::orders-dev-serverlessdeploymentbuck*']);
		expect(statement(policy, 'DeploymentArtifacts').Resource).toEqual(['arn:aws:s3:::orders-dev-serverlessdeploymentbuck*/*']);
		expect(statement(policy, 'Functions').Resource).toEqual(['arn:aws:lambda:eu-west-1:123456789012:function:orders-dev-*']);
		expect(statement(policy, 'FunctionRoles').Resource).toEqual(['arn:aws:iam::123456789012:role/orders-dev-*']);
		expect(statement(policy, 'LogGroups').Resource).toEqual(['arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/orders-dev-*']);
		expect(statement(policy, 'AccountWide').Resource).toEqual(['*']);
		expect(policy).toMatchObject({name: 'orders-deploy', detail: 'scoped', fits: true, limit: MANAGED_POLICY_MAX_CHARS, uses: [], notes: []});
		expect(policy.scope).toEqual({service: 'orders', stages: ['dev'], regions: ['eu-west-1'], account: ACCOUNT, partition: 'aws'});
	});

	test('the known gaps of the public example policy are covered (errors-and-tls.md §10)', () => {
		const actions = allActions(deployPolicy({service: service(), accountId: ACCOUNT, framework: 3}));
		for (const action of [
			'cloudformation:DeleteChangeSet',
			'cloudformation:CreateChangeSet',
			'cloudformation:ExecuteChangeSet',
			's3:GetBucketLocation',
			's3:GetEncryptionConfiguration',
			's3:PutBucketPublicAccessBlock',
			's3:PutBucketOwnershipControls',
			'logs:TagResource',
			'iam:TagRole',
			'iam:PassRole',
			'cloudformation:ValidateTemplate',
		]) {
			expect(actions).toContain(action);
		}
		// Nothing the service does not use.
		expect(actions.some(action => /^(sqs|ecr|ssm|sns|dynamodb|ec2|apigateway):/.test(action))).toBe(false);
	});

	test.each<[string, Partial<DeployPolicyInput>, Partial<ServiceInfo>, string[]]>([
		['several stages', {}, {knownStages: ['dev', 'staging', 'prod']}, ['orders-dev', 'orders-staging', 'orders-prod']],
		['stages given by the wizard win', {stages: ['qa']}, {knownStages: ['dev', 'prod']}, ['orders-qa']],
		['the resolved stage comes first, duplicates once', {}, {stage: {value: 'prod', source: 'option'}, knownStages: ['dev', 'prod']}, ['orders-prod', 'orders-dev']],
	])('%s', (_name, input, info, stacks) => {
		const policy = deployPolicy({service: service(info), accountId: ACCOUNT, framework: 3, ...input});
		expect(statement(policy, 'CloudFormationStacks').Resource).toEqual(stacks.map(stack => `arn:aws:cloudformation:eu-west-1:${ACCOUNT}:stack/${stack}/*`));
		expect(statement(policy, 'Functions').Resource).toEqual(stacks.map(stack => `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:${stack}-*`));
	});

	test('several regions × stages', () => {
		const policy = deployPolicy({service: service({knownStages: ['dev', 'prod']}), regions: ['eu-west-1', 'us-east-1'], accountId: ACCOUNT, framework: 3});
		expect(statement(policy, 'CloudFormationStacks').Resource).toEqual([
			`arn:aws:cloudformation:eu-west-1:${ACCOUNT}:stack/orders-dev/*`,
			`arn:aws:cloudformation:eu-west-1:${ACCOUNT}:stack/orders-prod/*`,
			`arn:aws:cloudformation:us-east-1:${ACCOUNT}:stack/orders-dev/*`,
			`arn:aws:cloudformation:us-east-1:${ACCOUNT}:stack/orders-prod/*`,
		]);
		expect(statement(policy, 'LogGroups').Resource).toHaveLength(4);
	});

	test.each<[string, Partial<ServiceInfo>, Partial<DeployPolicyInput>, {stack: string; note?: RegExp; partition?: string}]>([
		['no account id: * with a note', {}, {accountId: undefined}, {stack: 'arn:aws:cloudformation:eu-west-1:*:stack/orders-dev/*', note: /account id is unknown/}],
		['a malformed account id counts as unknown', {}, {accountId: '12345'}, {stack: 'arn:aws:cloudformation:eu-west-1:*:stack/orders-dev/*'}],
		['no region in the file: us-east-1', {region: undefined}, {accountId: ACCOUNT}, {stack: `arn:aws:cloudformation:us-east-1:${ACCOUNT}:stack/orders-dev/*`}],
		[
			'a region known only at deploy time: any region',
			{region: {kind: 'deploy-time', raw: '${ssm:/region}', sources: ['ssm']}},
			{accountId: ACCOUNT},
			{stack: `arn:aws:cloudformation:*:${ACCOUNT}:stack/orders-dev/*`, note: /deploy time/},
		],
		[
			'a service name with variables: any service',
			{service: '${env:SERVICE}'},
			{accountId: ACCOUNT},
			{stack: `arn:aws:cloudformation:eu-west-1:${ACCOUNT}:stack/*-dev/*`, note: /not a plain name/},
		],
		['China regions use the aws-cn partition', {region: {kind: 'value', value: 'cn-north-1'}}, {accountId: ACCOUNT}, {stack: `arn:aws-cn:cloudformation:cn-north-1:${ACCOUNT}:stack/orders-dev/*`, partition: 'aws-cn'}],
	])('%s', (_name, info, input, expected) => {
		const policy = deployPolicy({service: service(info), framework: 3, ...input});
		expect(statement(policy, 'CloudFormationStacks').Resource).toEqual([expected.stack]);
		if (expected.note) expect(policy.notes.join('\n')).toMatch(expected.note);
		expect(policy.scope.partition).toBe(expected.partition ?? 'aws');
	});
});

describe('deployment bucket per framework', () => {
	test.each<[string, 3 | 4 | undefined, string[], boolean]>([
		['v3: the bucket CloudFormation names after the stack', 3, ['arn:aws:s3:::orders-dev-serverlessdeploymentbuck*'], false],
		['v4: the shared per-region bucket, its name kept in SSM', 4, ['arn:aws:s3:::serverless-framework-deployments-eu-west-1-*'], true],
		['unknown: both', undefined, ['arn:aws:s3:::orders-dev-serverlessdeploymentbuck*', 'arn:aws:s3:::serverless-framework-deployments-eu-west-1-*'], true],
	])('%s', (_name, framework, buckets, ssm) => {
		const policy = deployPolicy({service: service(), accountId: ACCOUNT, ...(framework ? {framework} : {})});
		expect(statement(policy, 'DeploymentBucket').Resource).toEqual(buckets);
		expect(sids(policy).includes('FrameworkState')).toBe(ssm);
		if (ssm) {
			expect(statement(policy, 'FrameworkState').Resource).toEqual([
				`arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/serverless-framework/*`,
				`arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/serverless-framework/*`,
			]);
		}
	});

	test('provider.deploymentBucket.name, provider.stackName and function names are used as written, per stage', () => {
		const document = yml([
			'service: orders',
			'provider:',
			'  name: aws',
			'  stackName: ${self:service}-api-${sls:stage}',
			'  deploymentBucket:',
			'    name: acme-deploys-${opt:stage, "dev"}',
			'  iam:',
			'    role:',
			'      name: orders-${sls:stage}-runtime',
			'functions:',
			'  worker:',
			'    handler: h.worker',
			'    name: acme-worker-${sls:stage}',
		]);
		const policy = deployPolicy({service: service({knownStages: ['dev', 'prod']}), document, accountId: ACCOUNT, framework: 4});
		expect(statement(policy, 'CloudFormationStacks').Resource).toEqual([
			`arn:aws:cloudformation:eu-west-1:${ACCOUNT}:stack/orders-api-dev/*`,
			`arn:aws:cloudformation:eu-west-1:${ACCOUNT}:stack/orders-api-prod/*`,
		]);
		expect(statement(policy, 'DeploymentBucket').Resource).toEqual(['arn:aws:s3:::acme-deploys-dev', 'arn:aws:s3:::acme-deploys-prod']);
		expect(sids(policy)).not.toContain('FrameworkState');
		expect(statement(policy, 'Functions').Resource).toEqual([
			`arn:aws:lambda:eu-west-1:${ACCOUNT}:function:orders-dev-*`,
			`arn:aws:lambda:eu-west-1:${ACCOUNT}:function:orders-prod-*`,
			`arn:aws:lambda:eu-west-1:${ACCOUNT}:function:acme-worker-dev`,
			`arn:aws:lambda:eu-west-1:${ACCOUNT}:function:acme-worker-prod`,
		]);
		expect(statement(policy, 'FunctionRoles').Resource).toEqual([
			`arn:aws:iam::${ACCOUNT}:role/orders-dev-*`,
			`arn:aws:iam::${ACCOUNT}:role/orders-prod-*`,
			`arn:aws:iam::${ACCOUNT}:role/orders-api-dev-*`,
			`arn:aws:iam::${ACCOUNT}:role/orders-api-prod-*`,
			`arn:aws:iam::${ACCOUNT}:role/orders-dev-runtime`,
			`arn:aws:iam::${ACCOUNT}:role/orders-prod-runtime`,
		]);
		expect(statement(policy, 'LogGroups').Resource).toContain(`arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:/aws/lambda/acme-worker-prod`);
	});
});

describe('what the service uses', () => {
	test('with ${ssm:} variables: GetParameter on exactly those parameters, per stage; secrets through SSM too', () => {
		const document = yml([
			'service: orders',
			'provider:',
			'  name: aws',
			'  environment:',
			'    DB_URL: ${ssm:/orders/${sls:stage}/db-url}',
			'    LEGACY: ${ssm:/orders/legacy~true}',
			"    WITH_DEFAULT: ${ssm:/shared/flag, 'off'}",
			'    ELSEWHERE: ${ssm(us-west-2):/shared/other}',
			'    SECRET: ${ssm:/aws/reference/secretsmanager/orders/${sls:stage}/key}',
		]);
		const policy = deployPolicy({service: service({knownStages: ['dev', 'prod']}), document, accountId: ACCOUNT});
		const ssm = (region: string, name: string) => `arn:aws:ssm:${region}:${ACCOUNT}:parameter/${name}`;
		expect(statement(policy, 'SsmVariables')).toEqual({
			Sid: 'SsmVariables',
			Effect: 'Allow',
			Action: ['ssm:GetParameter', 'ssm:GetParameters'],
			Resource: [
				ssm('eu-west-1', 'orders/dev/db-url'),
				ssm('eu-west-1', 'orders/prod/db-url'),
				ssm('eu-west-1', 'orders/legacy'),
				ssm('eu-west-1', 'shared/flag'),
				ssm('us-west-2', 'shared/other'),
				ssm('eu-west-1', 'aws/reference/secretsmanager/orders/dev/key'),
				ssm('eu-west-1', 'aws/reference/secretsmanager/orders/prod/key'),
			],
		});
		expect(statement(policy, 'SecretsThroughSsm').Resource).toEqual([
			`arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:orders/dev/key*`,
			`arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:orders/prod/key*`,
		]);
		expect(policy.uses).toEqual(['ssm-variables']);
	});

	test('without ${ssm:} variables: no SSM statement at all (v3)', () => {
		const document = yml(['service: orders', 'provider:', '  name: aws', '  environment:', '    STAGE: ${sls:stage}', '    FROM_ENV: ${env:FOO}']);
		const policy = deployPolicy({service: service(), document, accountId: ACCOUNT, framework: 3});
		expect(allActions(policy).filter(action => action.startsWith('ssm:'))).toEqual([]);
	});

	test.each<[string, string, string | undefined, string[]]>([
		['a deploymentRole ARN', 'arn:aws:iam::123456789012:role/cfn-deployer', undefined, ['arn:aws:iam::123456789012:role/cfn-deployer']],
		['a deploymentRole name', 'cfn-deployer', undefined, ['arn:aws:iam::123456789012:role/cfn-deployer']],
		['a deploymentRole known only at deploy time', '${ssm:/deploy/role}', 'known only at deploy time', ['arn:aws:iam::123456789012:role/*']],
	])('%s: iam:PassRole on it', (_name, deploymentRole, note, resources) => {
		const policy = deployPolicy({service: service({deploymentRole}), accountId: ACCOUNT});
		expect(statement(policy, 'PassExistingRoles')).toMatchObject({Action: ['iam:GetRole', 'iam:PassRole'], Resource: resources});
		expect(policy.notes.join('\n')).toMatch(/deploymentRole, CloudFormation creates the resources with that role/);
		if (note) expect(policy.notes.join('\n')).toContain(note);
	});

	test('events and resources add their services; sqs and ecr only when used', () => {
		const document = yml([
			'service: orders',
			'provider:',
			'  name: aws',
			'  ecr:',
			'    images:',
			'      app:',
			'        path: ./',
			'  vpc:',
			'    securityGroupIds: [sg-1]',
			'functions:',
			'  api:',
			'    image: app',
			'    events:',
			'      - http: GET /',
			'      - schedule: rate(1 hour)',
			'      - sqs:',
			'          arn: !GetAtt Jobs.Arn',
			'      - sns: alerts',
			'      - s3: uploads',
			'      - stream:',
			'          type: dynamodb',
			'          arn: !GetAtt Table.StreamArn',
			'      - alb:',
			'          listenerArn: arn:aws:elasticloadbalancing:…',
			'          priority: 1',
			'          conditions: {path: /x}',
			'layers:',
			'  deps:',
			'    path: layer',
			'resources:',
			'  Resources:',
			'    Jobs:',
			'      Type: AWS::SQS::Queue',
			'    Table:',
			'      Type: AWS::DynamoDB::Table',
			'    Pool:',
			'      Type: AWS::Cognito::UserPool',
			'    Machine:',
			'      Type: AWS::StepFunctions::StateMachine',
			'    Done:',
			'      Type: Custom::Thing',
		]);
		const policy = deployPolicy({service: service(), document, accountId: ACCOUNT, framework: 3});
		expect(policy.uses).toEqual(
			['api-gateway', 'dynamodb', 'ecr-images', 'event-rules', 'event-source-mappings', 'layers', 'vpc-functions', 's3-buckets', 'sns', 'sqs', 'step-functions'].sort(),
		);
		expect(sids(policy)).toEqual([
			'CloudFormationStacks',
			'DeploymentBucket',
			'DeploymentArtifacts',
			'Functions',
			'Layers',
			'FunctionRoles',
			'LogGroups',
			'ApiGateway',
			'EventRules',
			'Topics',
			'Queues',
			'Tables',
			'ServiceBuckets',
			'StateMachines',
			'ImageRepository',
			'OtherElasticloadbalancing',
			'OtherCognitoIdp',
			'AccountWide',
		]);
		expect(statement(policy, 'ImageRepository').Resource).toEqual([`arn:aws:ecr:eu-west-1:${ACCOUNT}:repository/serverless-orders-dev*`]);
		expect(statement(policy, 'ApiGateway').Resource).toEqual(['arn:aws:apigateway:eu-west-1::/*']);
		expect(statement(policy, 'AccountWide').Action).toEqual(
			expect.arrayContaining(['ecr:GetAuthorizationToken', 'ec2:Describe*', 'lambda:CreateEventSourceMapping', 'events:ListRules', 'sns:ListTopics']),
		);
		expect(statement(policy, 'LogGroups').Resource).toContain(`arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:/aws/*/orders-dev*`);
		const notes = policy.notes.join('\n');
		expect(notes).toContain('resources: AWS::Cognito::UserPool: not narrowed — cognito-idp:* is allowed');
		expect(notes).toContain('functions.api.events: alb, provider.alb'.replace(', provider.alb', ''));
	});

	test.each<[string, string, string, RegExp]>([
		['its own IAM roles widen the role statement', 'AWS::IAM::Role', 'FunctionRoles', /every role in the account/],
		['its own functions widen the function statement', 'AWS::Lambda::Function', 'Functions', /every function in the account/],
		['IAM policies/users need iam:* — flagged for review', 'AWS::IAM::ManagedPolicy', 'IamResources', /grant itself anything/],
	])('resources: %s', (_name, type, sid, note) => {
		const document = yml(['service: orders', 'resources:', '  Resources:', '    Thing:', `      Type: ${type}`]);
		const policy = deployPolicy({service: service(), document, accountId: ACCOUNT, framework: 3});
		const found = statement(policy, sid);
		expect(found.Resource.some(resource => resource === '*' || resource.endsWith(':role/*') || resource.endsWith(':function:*'))).toBe(true);
		expect(policy.notes.join('\n')).toMatch(note);
	});

	test('${cf:} and ${s3:} variables: read access to exactly those stacks and objects', () => {
		const document = yml([
			'service: orders',
			'custom:',
			'  usersUrl: ${cf:users-${sls:stage}.ApiUrl}',
			'  euUrl: ${cf(eu-central-1):shared.Url}',
			'  config: ${s3:acme-config/orders/${sls:stage}.json}',
		]);
		const policy = deployPolicy({service: service(), document, accountId: ACCOUNT, framework: 3});
		expect(statement(policy, 'StackOutputs').Resource).toEqual([
			`arn:aws:cloudformation:eu-west-1:${ACCOUNT}:stack/users-dev/*`,
			`arn:aws:cloudformation:eu-central-1:${ACCOUNT}:stack/shared/*`,
		]);
		expect(statement(policy, 'S3Variables').Resource).toEqual(['arn:aws:s3:::acme-config/orders/dev.json']);
	});

	test('a KMS-encrypted deployment bucket is noted', () => {
		const policy = deployPolicy({service: service({serverSideEncryption: 'aws:kms'}), accountId: ACCOUNT});
		expect(policy.notes.join('\n')).toContain('kms:GenerateDataKey');
	});
});

describe('size limit', () => {
	test('many stages and regions: coarse (every stage, any region), still under the limit', () => {
		const stages = Array.from({length: 30}, (_value, index) => `stage${index}`);
		const policy = deployPolicy({service: service(), stages, regions: ['eu-west-1', 'us-east-1', 'us-west-2', 'ap-southeast-2'], accountId: ACCOUNT, framework: 3});
		expect(policy.detail).toBe('coarse');
		expect(policy.fits).toBe(true);
		expect(policy.size).toBeLessThanOrEqual(MANAGED_POLICY_MAX_CHARS);
		expect(statement(policy, 'CloudFormationStacks').Resource).toEqual([`arn:aws:cloudformation:*:${ACCOUNT}:stack/orders-*/*`]);
		expect(policy.notes.join('\n')).toContain('exceed');
	});

	test('hundreds of explicitly named functions: broad (the same actions on all resources), still valid', () => {
		const functions = Array.from({length: 200}, (_value, index) => [`  fn${index}:`, `    handler: h.f${index}`, `    name: acme-function-number-${index}`]).flat();
		const policy = deployPolicy({service: service(), document: yml(['service: orders', 'functions:', ...functions]), accountId: ACCOUNT, framework: 3});
		expect(policy.detail).toBe('broad');
		expect(policy.fits).toBe(true);
		expect(policy.document.Statement).toHaveLength(1);
		expect(policy.document.Statement[0]!.Resource).toEqual(['*']);
		expect(policy.document.Statement[0]!.Action).toContain('lambda:*');
		expect(policy.document.Statement[0]!.Action).toContain('cloudformation:CreateChangeSet');
	});
});

describe('names and printing', () => {
	test.each([
		['orders', 'orders-deploy', 'orders-deploy-policy.json'],
		[undefined, 'serverless-deploy', 'serverless-deploy-policy.json'],
		['${env:NAME}', 'env-NAME-deploy', 'env-NAME-deploy-policy.json'],
		['../../etc', '..-..-etc-deploy', 'etc-deploy-policy.json'],
	])('%s → policy %s, file %s', (name, policyName, fileName) => {
		expect(deployPolicyName(name)).toBe(policyName);
		expect(policyFileName(name)).toBe(fileName);
		expect(policyFileName(name)).not.toContain('/');
	});

	test('formatPolicy: two-space JSON with a final newline; the minified form is what counts', () => {
		const policy = deployPolicy({service: service(), accountId: ACCOUNT});
		const text = formatPolicy(policy.document);
		expect(text.endsWith('}\n')).toBe(true);
		expect(text).toContain('\n  "Statement": [\n');
		expect(JSON.parse(text)).toEqual(policy.document);
		expect(policy.json).toBe(JSON.stringify(policy.document));
		expect(policy.size).toBe(policy.json.length);
	});

	test.each([
		['${self:service}-${sls:stage}-x', 'orders-dev-x'],
		['${self:service.name}-${opt:stage, self:provider.stage}', 'orders-dev'],
		["${opt:stage, 'dev'}-api", 'dev-api'],
		['${self:provider.stage}', 'dev'],
		['${self:custom.prefix}-${sls:stage}', '*-dev'],
		['${self:custom.stages.${sls:stage}.name}', '*'],
		['${a}${b}-plain', '*-plain'],
		['plain', 'plain'],
	])('fillName(%s) = %s', (template, expected) => {
		expect(fillName(template, {service: 'orders', stage: 'dev'})).toBe(expected);
	});

	test.each([
		['/app/${sls:stage}/db', '/app/${sls:stage}/db'],
		["/app/db, 'fallback'", '/app/db'],
		['/app/${opt:x, "a,b"}/db, ${env:Y}', '/app/${opt:x, "a,b"}/db'],
		["'quoted'", 'quoted'],
	])('topLevelAddress(%s) = %s', (address, expected) => {
		expect(topLevelAddress(address)).toBe(expected);
	});

	test('variablesIn finds nested variables, inner first', () => {
		expect(variablesIn('x ${ssm:/a/${sls:stage}/b} ${env:Y}')).toEqual(['sls:stage', 'ssm:/a/${sls:stage}/b', 'env:Y']);
		expect(variablesIn('no variables, ${ unclosed')).toEqual([]);
	});

	test('serviceUses of nothing, or of a non-map document, finds nothing', () => {
		for (const document of [undefined, null, 'text', [1, 2], {}]) expect(serviceUses(document).uses.size).toBe(0);
	});
});

describe('properties', () => {
	const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,30}$/);
	const stage = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,15}$/);
	const region = fc.constantFrom('us-east-1', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'us-west-2', 'sa-east-1');
	const event = fc.constantFrom('http', 'httpApi', 'websocket', 'schedule', 'sns', 'sqs', 'stream', 's3', 'iot', 'alb', 'cloudwatchLog', 'cognitoUserPool', 'eventBridge');
	const resourceType = fc.constantFrom('AWS::DynamoDB::Table', 'AWS::SQS::Queue', 'AWS::SNS::Topic', 'AWS::S3::Bucket', 'AWS::Kinesis::Stream', 'AWS::IAM::Role', 'AWS::EC2::VPC', 'AWS::AppSync::GraphQLApi', 'AWS::Logs::LogGroup');
	const input = fc.record({
		service: name,
		stages: fc.uniqueArray(stage, {minLength: 1, maxLength: 12}),
		regions: fc.uniqueArray(region, {minLength: 1, maxLength: 4}),
		account: fc.option(fc.stringMatching(/^\d{12}$/), {nil: undefined}),
		framework: fc.option(fc.constantFrom(3 as const, 4 as const), {nil: undefined}),
		events: fc.uniqueArray(event, {maxLength: 6}),
		resources: fc.uniqueArray(resourceType, {maxLength: 5}),
		ssm: fc.array(fc.stringMatching(/^\/[a-z0-9/_-]{1,40}$/), {maxLength: 4}),
		deploymentRole: fc.option(fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), {nil: undefined}),
	});

	type PropertyInput = typeof input extends fc.Arbitrary<infer T> ? T : never;

	function documentFor(value: PropertyInput): unknown {
		return {
			service: value.service,
			provider: {name: 'aws', environment: Object.fromEntries(value.ssm.map((path, index) => [`P${index}`, `\${ssm:${path}}`]))},
			functions: {main: {handler: 'h.main', events: value.events.map(type => ({[type]: 'x'}))}},
			resources: {Resources: Object.fromEntries(value.resources.map((type, index) => [`R${index}`, {Type: type}]))},
		};
	}

	test('always valid IAM JSON: parseable, Sids unique and alphanumeric, actions and ARNs well-formed; realistic services fit', () => {
		fc.assert(
			fc.property(input, value => {
				const policy = deployPolicy({
					service: service({service: value.service, ...(value.deploymentRole ? {deploymentRole: value.deploymentRole} : {})}),
					document: documentFor(value),
					stages: value.stages,
					regions: value.regions,
					...(value.account ? {accountId: value.account} : {}),
					...(value.framework ? {framework: value.framework} : {}),
				});
				expect(JSON.parse(policy.json)).toEqual(policy.document);
				expect(policy.size).toBe(policy.json.length);
				expect(policy.fits).toBe(policy.size <= MANAGED_POLICY_MAX_CHARS);
				// ≤ 12 stages × 4 regions with a handful of features always fits, if need be coarser.
				expect(policy.fits).toBe(true);
				expect(policy.document.Version).toBe('2012-10-17');
				const seen = new Set<string>();
				for (const s of policy.document.Statement) {
					expect(s.Sid).toMatch(/^[A-Za-z0-9]+$/);
					expect(seen.has(s.Sid)).toBe(false);
					seen.add(s.Sid);
					expect(s.Effect).toBe('Allow');
					expect(s.Action.length).toBeGreaterThan(0);
					expect(s.Resource.length).toBeGreaterThan(0);
					expect(new Set(s.Action).size).toBe(s.Action.length);
					expect(new Set(s.Resource).size).toBe(s.Resource.length);
					for (const action of s.Action) expect(action).toMatch(/^[a-z0-9-]+:[A-Za-z0-9*]+$/);
					for (const resource of s.Resource) expect(resource === '*' || /^arn:aws(?:-cn|-us-gov)?:[a-z0-9-]+:[a-z0-9-*]*:(?:\d{12}|\*)?:\S+$/.test(resource)).toBe(true);
				}
				// Scoped: every stage's stack is named; coarser: the service's stacks as a whole.
				const stacks = policy.document.Statement.find(s => s.Sid === 'CloudFormationStacks')?.Resource ?? ['*'];
				if (policy.detail === 'scoped') for (const st of value.stages) expect(stacks.some(arn => arn.includes(`:stack/${value.service}-${st}/`))).toBe(true);
				if (policy.detail === 'coarse') expect(stacks.every(arn => arn.includes(`:stack/${value.service}-*/`))).toBe(true);
				if (value.ssm.length > 0) expect(policy.document.Statement.flatMap(s => s.Action)).toContain('ssm:GetParameter');
				// Deterministic: same input, same bytes.
				expect(deployPolicy({service: service({service: value.service, ...(value.deploymentRole ? {deploymentRole: value.deploymentRole} : {})}), document: documentFor(value), stages: value.stages, regions: value.regions, ...(value.account ? {accountId: value.account} : {}), ...(value.framework ? {framework: value.framework} : {})}).json).toBe(policy.json);
			}),
			{numRuns: 150},
		);
	});
});
