/**
 * A least-privilege IAM policy for `serverless deploy`, generated from the service (errors-and-tls.md §10): the public
 * example policy's actions, scoped where AWS allows to this service's stacks, deployment bucket, functions, roles and
 * log groups per stage and region, plus the example's known gaps and what the serverless.yml itself uses. Pure.
 *
 * Without `provider.iam.deploymentRole`, CloudFormation creates every resource with the deploying identity's own
 * permissions — which is why the policy covers the resources of the template, not only CloudFormation and S3.
 */
import type {FrameworkMajor} from '../gather/snapshot.js';
import type {ServiceInfo} from '../service/service-info.js';
import {serviceUses, type NameTemplate, type ServiceUse, type ServiceUses} from './deploy-policy-uses.js';

/** IAM's limit for a customer managed policy, whitespace not counted. */
export const MANAGED_POLICY_MAX_CHARS = 6144;

export interface PolicyStatement {
	Sid: string;
	Effect: 'Allow';
	Action: string[];
	Resource: string[];
}

export interface PolicyDocument {
	Version: '2012-10-17';
	Statement: PolicyStatement[];
}

export interface DeployPolicyInput {
	service: ServiceInfo;
	/** The parsed serverless.yml/.json (what `parseServiceText` returns), for what the service uses. */
	document?: unknown;
	/** Default: the stage being resolved plus every stage the file mentions. */
	stages?: readonly string[];
	/** Default: the service's region, else us-east-1 (Serverless' default). */
	regions?: readonly string[];
	/** 12 digits; unknown → `*`. */
	accountId?: string;
	/** Which deployment bucket scheme applies; unknown → both. */
	framework?: FrameworkMajor;
}

/**
 * `scoped`: per stage and region; `coarse`: every stage of the service, any region (to fit the size limit);
 * `broad`: one statement on every resource — still only the listed actions.
 */
export type PolicyDetail = 'scoped' | 'coarse' | 'broad';

export interface DeployPolicy {
	/** A managed policy name (`<service>-deploy`). */
	name: string;
	document: PolicyDocument;
	/** Minified: what CreatePolicy gets and what IAM counts. */
	json: string;
	size: number;
	limit: number;
	fits: boolean;
	detail: PolicyDetail;
	uses: ServiceUse[];
	scope: {service: string; stages: string[]; regions: string[]; account: string; partition: string};
	/** What the policy leaves out or could not narrow, one sentence each. */
	notes: string[];
}

interface Scope {
	service: string;
	stages: string[];
	regions: string[];
	account: string;
	partition: string;
	framework?: FrameworkMajor;
}

const SERVICE_NAME = /^[A-Za-z][A-Za-z0-9-]*$/;
const STAGE_NAME = /^[A-Za-z0-9-]+$/;
const REGION_NAME = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;
const ACCOUNT_ID = /^\d{12}$/;
/** Variables that are the stage or the service name, with or without a fallback. */
const STAGE_VARIABLE = /^\s*(?:sls:stage|opt:stage|self:provider\.stage)\s*(?:,|$)/;
const SERVICE_VARIABLE = /^\s*self:service(?:\.name)?\s*(?:,|$)/;

export function deployPolicyName(service: string | undefined): string {
	const base = (service ?? '').replace(/[^\w+=,.@-]+/g, '-').replace(/^-+|-+$/g, '') || 'serverless';
	return `${base.slice(0, 121)}-deploy`;
}

/** `<service>-deploy-policy.json`: where the wizard saves the document on request. */
export function policyFileName(service: string | undefined): string {
	const base = (service ?? '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'serverless';
	return `${base}-deploy-policy.json`;
}

/** For showing and saving: two-space JSON with a final newline (IAM ignores the whitespace). */
export function formatPolicy(document: PolicyDocument): string {
	return `${JSON.stringify(document, null, 2)}\n`;
}

export function policySize(document: PolicyDocument): number {
	return JSON.stringify(document).length;
}

export function deployPolicy(input: DeployPolicyInput): DeployPolicy {
	const notes: string[] = [];
	const scope = scopeOf(input, notes);
	const uses = serviceUses(input.document);

	let detail: PolicyDetail = 'scoped';
	let document = policyDocument(scope, uses, input.service, notes);
	if (policySize(document) > MANAGED_POLICY_MAX_CHARS) {
		detail = 'coarse';
		document = policyDocument({...scope, stages: ['*'], regions: ['*']}, uses, input.service, []);
		notes.push(`Scoped per stage and region the policy would exceed IAM's ${MANAGED_POLICY_MAX_CHARS}-character limit, so it covers every stage of ${scope.service} in any region.`);
	}
	if (policySize(document) > MANAGED_POLICY_MAX_CHARS) {
		detail = 'broad';
		document = broadDocument(document);
		notes.push('Still too long: the actions are granted on all resources in one statement.');
	}
	const json = JSON.stringify(document);
	const fits = json.length <= MANAGED_POLICY_MAX_CHARS;
	if (!fits) notes.push(`The policy is ${json.length} characters, over IAM's ${MANAGED_POLICY_MAX_CHARS}: split it into two managed policies or use AdministratorAccess.`);
	return {
		name: deployPolicyName(input.service.service),
		document,
		json,
		size: json.length,
		limit: MANAGED_POLICY_MAX_CHARS,
		fits,
		detail,
		uses: [...uses.uses].sort(),
		scope: {service: scope.service, stages: scope.stages, regions: scope.regions, account: scope.account, partition: scope.partition},
		notes: [...new Set(notes)],
	};
}

function scopeOf(input: DeployPolicyInput, notes: string[]): Scope {
	const info = input.service;
	let service = info.service ?? '';
	if (!SERVICE_NAME.test(service)) {
		notes.push(service ? `The service name "${service}" is not a plain name (it uses variables?): resources of any service are allowed.` : 'No service name: resources of any service are allowed.');
		service = '*';
	}
	const wantedStages = input.stages ?? [info.stage.value, ...info.knownStages];
	let stages = [...new Set(wantedStages.map(stage => stage.trim()).filter(stage => stage !== ''))];
	if (stages.some(stage => !STAGE_NAME.test(stage))) {
		notes.push(`Stage names ${stages.filter(stage => !STAGE_NAME.test(stage)).map(stage => `"${stage}"`).join(', ')} are not plain names: any stage is allowed.`);
		stages = ['*'];
	}
	if (stages.length === 0) stages = ['dev'];

	let regions: string[];
	if (input.regions) regions = [...new Set(input.regions)];
	else if (info.region?.kind === 'value') regions = [info.region.value];
	else {
		if (info.region) notes.push(`provider.region (${info.region.raw}) is known only at deploy time: any region is allowed.`);
		regions = [info.region ? '*' : 'us-east-1'];
	}
	if (regions.some(region => region !== '*' && !REGION_NAME.test(region))) regions = ['*'];
	if (regions.length === 0) regions = ['us-east-1'];

	const account = input.accountId && ACCOUNT_ID.test(input.accountId) ? input.accountId : '*';
	if (account === '*') notes.push('The account id is unknown: ARNs use * for it.');
	const first = regions.find(region => region !== '*') ?? '';
	const partition = first.startsWith('cn-') ? 'aws-cn' : first.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
	return {service, stages, regions, account, partition, ...(input.framework ? {framework: input.framework} : {})};
}

/** Fills `${…}` parts of a name for one stage: stage and service variables by value, anything else as `*`. */
export function fillName(template: NameTemplate, values: {service: string; stage: string}): string {
	let result = '';
	let depth = 0;
	let inner = '';
	for (let index = 0; index < template.length; index++) {
		const char = template[index]!;
		if (char === '$' && template[index + 1] === '{') {
			if (depth === 0) inner = '';
			else inner += '${';
			depth++;
			index++;
			continue;
		}
		if (depth > 0) {
			if (char === '{') depth++;
			if (char === '}') depth--;
			if (depth === 0) {
				result += STAGE_VARIABLE.test(inner) ? values.stage : SERVICE_VARIABLE.test(inner) ? values.service : '*';
				continue;
			}
			inner += char;
			continue;
		}
		result += char;
	}
	return result.replace(/\*+/g, '*');
}

function unique(values: Iterable<string>): string[] {
	return [...new Set(values)];
}

function policyDocument(scope: Scope, uses: ServiceUses, service: ServiceInfo, notes: string[]): PolicyDocument {
	const {deploymentRole, serverSideEncryption} = service;
	const {partition: p, account: a, service: s} = scope;
	const stackNames = unique(scope.stages.map(stage => (uses.stackName ? fillName(uses.stackName, {service: s, stage}) : `${s}-${stage}`)));
	const prefixes = unique(scope.stages.map(stage => `${s}-${stage}`));
	const statements: PolicyStatement[] = [];
	const accountActions: string[] = ['cloudformation:ValidateTemplate', 'cloudformation:ListStacks', 's3:ListAllMyBuckets', 'logs:DescribeLogGroups'];
	const add = (Sid: string, Action: string[], Resource: string[]): void => {
		statements.push({Sid, Effect: 'Allow', Action: unique(Action).sort(), Resource: unique(Resource)});
	};

	add(
		'CloudFormationStacks',
		[
			'cloudformation:CancelUpdateStack',
			'cloudformation:ContinueUpdateRollback',
			'cloudformation:CreateChangeSet',
			'cloudformation:CreateStack',
			'cloudformation:DeleteChangeSet',
			'cloudformation:DeleteStack',
			'cloudformation:Describe*',
			'cloudformation:ExecuteChangeSet',
			'cloudformation:Get*',
			'cloudformation:List*',
			'cloudformation:TagResource',
			'cloudformation:UpdateStack',
			'cloudformation:UpdateTerminationProtection',
		],
		scope.regions.flatMap(region => stackNames.map(stack => `arn:${p}:cloudformation:${region}:${a}:stack/${stack}/*`)),
	);

	const buckets = deploymentBuckets(scope, uses, stackNames, notes);
	if (serverSideEncryption === 'aws:kms') notes.push('The deployment bucket uses aws:kms: the deploy user also needs kms:GenerateDataKey and kms:Decrypt on that key (not included).');
	add(
		'DeploymentBucket',
		[
			's3:CreateBucket',
			's3:DeleteBucket',
			's3:DeleteBucketPolicy',
			's3:GetBucketLocation',
			's3:GetBucketPolicy',
			's3:GetEncryptionConfiguration',
			's3:ListBucket',
			's3:ListBucketVersions',
			's3:PutBucketOwnershipControls',
			's3:PutBucketPolicy',
			's3:PutBucketPublicAccessBlock',
			's3:PutBucketTagging',
			's3:PutBucketVersioning',
			's3:PutEncryptionConfiguration',
		],
		buckets.map(bucket => `arn:${p}:s3:::${bucket}`),
	);
	add(
		'DeploymentArtifacts',
		['s3:DeleteObject', 's3:DeleteObjectVersion', 's3:GetObject', 's3:GetObjectVersion', 's3:PutObject'],
		buckets.map(bucket => `arn:${p}:s3:::${bucket}/*`),
	);
	if (!uses.deploymentBucket && scope.framework !== 3) {
		// Serverless v4 keeps the shared bucket's name (and, from 4.4.8, the service state) in SSM.
		add(
			'FrameworkState',
			['ssm:GetParameter', 'ssm:PutParameter'],
			unique([...scope.regions, 'us-east-1']).map(region => `arn:${p}:ssm:${region}:${a}:parameter/serverless-framework/*`),
		);
	}

	const functions = uses.widen.has('functions')
		? ['*']
		: unique([...prefixes.map(prefix => `${prefix}-*`), ...scope.stages.flatMap(stage => uses.functionNames.map(name => fillName(name, {service: s, stage})))]);
	if (uses.widen.has('functions')) notes.push('resources declares Lambda functions of its own: every function in the account may be changed.');
	add(
		'Functions',
		['lambda:*'],
		scope.regions.flatMap(region => functions.map(fn => `arn:${p}:lambda:${region}:${a}:function:${fn}`)),
	);
	if (uses.uses.has('layers')) add('Layers', ['lambda:AddLayerVersionPermission', 'lambda:DeleteLayerVersion', 'lambda:GetLayerVersion', 'lambda:PublishLayerVersion'], regional(scope, 'lambda', 'layer:*'));
	if (uses.uses.has('event-source-mappings')) {
		accountActions.push(
			'lambda:CreateEventSourceMapping',
			'lambda:DeleteEventSourceMapping',
			'lambda:GetEventSourceMapping',
			'lambda:ListEventSourceMappings',
			'lambda:UpdateEventSourceMapping',
		);
	}

	const roles = uses.widen.has('roles')
		? ['*']
		: unique([
				...prefixes.map(prefix => `${prefix}-*`),
				...stackNames.map(stack => `${stack}-*`),
				...(uses.roleName ? scope.stages.map(stage => fillName(uses.roleName!, {service: s, stage})) : []),
			]);
	if (uses.widen.has('roles')) notes.push('resources declares IAM roles of its own: every role in the account may be created and passed.');
	add(
		'FunctionRoles',
		[
			'iam:AttachRolePolicy',
			'iam:CreateRole',
			'iam:DeleteRole',
			'iam:DeleteRolePolicy',
			'iam:DetachRolePolicy',
			'iam:GetRole',
			'iam:GetRolePolicy',
			'iam:PassRole',
			'iam:PutRolePolicy',
			'iam:TagRole',
			'iam:UntagRole',
		],
		roles.map(role => `arn:${p}:iam::${a}:role/${role}`),
	);
	if (deploymentRole) notes.push('With provider.iam.deploymentRole, CloudFormation creates the resources with that role; the resource statements then cover only what Serverless calls itself, and can be trimmed.');
	const passRoles = unique([...uses.passRoles, ...(deploymentRole ? [roleArn(deploymentRole, p, a, notes)] : [])]);
	if (passRoles.length > 0) add('PassExistingRoles', ['iam:GetRole', 'iam:PassRole'], passRoles);
	if (uses.iamBeyondRoles.length > 0) {
		add('IamResources', ['iam:*'], ['*']);
		notes.push(`resources declares ${unique(uses.iamBeyondRoles).join(', ')}: that needs IAM rights with which the deploy user could grant itself anything — review before use.`);
	}

	const logGroups = uses.widen.has('log-groups')
		? ['*']
		: unique([
				...prefixes.map(prefix => `/aws/lambda/${prefix}-*`),
				...scope.stages.flatMap(stage => uses.functionNames.map(name => `/aws/lambda/${fillName(name, {service: s, stage})}`)),
				...(uses.uses.has('api-gateway') ? prefixes.map(prefix => `/aws/*/${prefix}*`) : []),
			]);
	add(
		'LogGroups',
		[
			'logs:CreateLogGroup',
			'logs:DeleteLogGroup',
			'logs:DeleteRetentionPolicy',
			'logs:DeleteSubscriptionFilter',
			'logs:DescribeLogStreams',
			'logs:DescribeSubscriptionFilters',
			'logs:FilterLogEvents',
			'logs:GetLogEvents',
			'logs:ListTagsForResource',
			'logs:ListTagsLogGroup',
			'logs:PutRetentionPolicy',
			'logs:PutSubscriptionFilter',
			'logs:TagLogGroup',
			'logs:TagResource',
			'logs:UntagResource',
		],
		scope.regions.flatMap(region => logGroups.map(group => `arn:${p}:logs:${region}:${a}:log-group:${group}`)),
	);
	if (uses.uses.has('log-subscriptions')) add('LogSubscriptions', ['logs:DeleteSubscriptionFilter', 'logs:PutSubscriptionFilter'], regional(scope, 'logs', 'log-group:*'));

	if (uses.uses.has('api-gateway')) {
		add('ApiGateway', ['apigateway:*'], scope.regions.map(region => `arn:${p}:apigateway:${region}::/*`));
	}
	if (uses.uses.has('event-rules')) {
		add(
			'EventRules',
			['events:DeleteRule', 'events:DescribeRule', 'events:ListTagsForResource', 'events:ListTargetsByRule', 'events:PutRule', 'events:PutTargets', 'events:RemoveTargets', 'events:TagResource', 'events:UntagResource'],
			regional(scope, 'events', 'rule/*'),
		);
		accountActions.push('events:ListRuleNamesByTarget', 'events:ListRules');
	}
	if (uses.uses.has('sns')) {
		add(
			'Topics',
			[
				'sns:CreateTopic',
				'sns:DeleteTopic',
				'sns:GetSubscriptionAttributes',
				'sns:GetTopicAttributes',
				'sns:ListSubscriptionsByTopic',
				'sns:SetSubscriptionAttributes',
				'sns:SetTopicAttributes',
				'sns:Subscribe',
				'sns:TagResource',
				'sns:Unsubscribe',
			],
			regional(scope, 'sns', '*'),
		);
		accountActions.push('sns:ListSubscriptions', 'sns:ListTopics');
	}
	if (uses.uses.has('sqs')) {
		add(
			'Queues',
			['sqs:CreateQueue', 'sqs:DeleteQueue', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ListQueueTags', 'sqs:SetQueueAttributes', 'sqs:TagQueue', 'sqs:UntagQueue'],
			regional(scope, 'sqs', '*'),
		);
	}
	if (uses.uses.has('dynamodb')) {
		add(
			'Tables',
			[
				'dynamodb:CreateTable',
				'dynamodb:DeleteTable',
				'dynamodb:DescribeContinuousBackups',
				'dynamodb:DescribeTable',
				'dynamodb:DescribeTimeToLive',
				'dynamodb:ListTagsOfResource',
				'dynamodb:TagResource',
				'dynamodb:UntagResource',
				'dynamodb:UpdateContinuousBackups',
				'dynamodb:UpdateTable',
				'dynamodb:UpdateTimeToLive',
			],
			regional(scope, 'dynamodb', 'table/*'),
		);
	}
	if (uses.uses.has('kinesis')) {
		add('Streams', ['kinesis:AddTagsToStream', 'kinesis:CreateStream', 'kinesis:DeleteStream', 'kinesis:DescribeStream', 'kinesis:DescribeStreamSummary'], regional(scope, 'kinesis', 'stream/*'));
	}
	if (uses.uses.has('s3-buckets')) {
		add(
			'ServiceBuckets',
			[
				's3:CreateBucket',
				's3:DeleteBucket',
				's3:DeleteBucketPolicy',
				's3:GetBucketLocation',
				's3:GetBucketNotification',
				's3:PutBucketCORS',
				's3:PutBucketNotification',
				's3:PutBucketOwnershipControls',
				's3:PutBucketPolicy',
				's3:PutBucketPublicAccessBlock',
				's3:PutBucketTagging',
				's3:PutBucketWebsite',
				's3:PutEncryptionConfiguration',
			],
			[`arn:${p}:s3:::*`],
		);
	}
	if (uses.uses.has('iot')) {
		add('TopicRules', ['iot:CreateTopicRule', 'iot:DeleteTopicRule', 'iot:DisableTopicRule', 'iot:EnableTopicRule', 'iot:ReplaceTopicRule'], regional(scope, 'iot', 'rule/*'));
	}
	if (uses.uses.has('step-functions')) {
		add(
			'StateMachines',
			['states:CreateStateMachine', 'states:DeleteStateMachine', 'states:DescribeStateMachine', 'states:TagResource', 'states:UntagResource', 'states:UpdateStateMachine'],
			regional(scope, 'states', 'stateMachine:*'),
		);
	}
	if (uses.uses.has('ec2-network')) {
		add(
			'Network',
			[
				'ec2:AttachInternetGateway',
				'ec2:AuthorizeSecurityGroupIngress',
				'ec2:CreateInternetGateway',
				'ec2:CreateNetworkAcl',
				'ec2:CreateNetworkAclEntry',
				'ec2:CreateRouteTable',
				'ec2:CreateSecurityGroup',
				'ec2:CreateSubnet',
				'ec2:CreateTags',
				'ec2:CreateVpc',
				'ec2:DeleteInternetGateway',
				'ec2:DeleteNetworkAcl',
				'ec2:DeleteNetworkAclEntry',
				'ec2:DeleteRouteTable',
				'ec2:DeleteSecurityGroup',
				'ec2:DeleteSubnet',
				'ec2:DeleteVpc',
				'ec2:DetachInternetGateway',
				'ec2:ModifyVpcAttribute',
			],
			['*'],
		);
	}
	if (uses.uses.has('ec2-network') || uses.uses.has('vpc-functions')) accountActions.push('ec2:Describe*');
	if (uses.uses.has('ecr-images')) {
		add(
			'ImageRepository',
			[
				'ecr:BatchCheckLayerAvailability',
				'ecr:BatchGetImage',
				'ecr:CompleteLayerUpload',
				'ecr:CreateRepository',
				'ecr:DeleteRepository',
				'ecr:DescribeImages',
				'ecr:DescribeRepositories',
				'ecr:GetDownloadUrlForLayer',
				'ecr:GetRepositoryPolicy',
				'ecr:InitiateLayerUpload',
				'ecr:PutImage',
				'ecr:PutLifecyclePolicy',
				'ecr:SetRepositoryPolicy',
				'ecr:UploadLayerPart',
			],
			regional(scope, 'ecr', prefixes.map(prefix => `repository/serverless-${prefix}*`)),
		);
		accountActions.push('ecr:GetAuthorizationToken');
	}

	const perStage = (template: string): string[] => unique(scope.stages.map(stage => fillName(template, {service: s, stage}).replace(/^\/+/, '') || '*'));
	if (uses.ssmParameters.length > 0) {
		const inRegions = (region: string | undefined): string[] => (region ? [region] : scope.regions);
		add(
			'SsmVariables',
			['ssm:GetParameter', 'ssm:GetParameters'],
			uses.ssmParameters.flatMap(({name, region}) => inRegions(region).flatMap(r => perStage(name).map(path => `arn:${p}:ssm:${r}:${a}:parameter/${path}`))),
		);
		const secrets = uses.ssmParameters.filter(({name}) => name.startsWith('/aws/reference/secretsmanager/'));
		if (secrets.length > 0) {
			add(
				'SecretsThroughSsm',
				['secretsmanager:GetSecretValue'],
				secrets.flatMap(({name, region}) =>
					inRegions(region).flatMap(r => perStage(name).map(path => `arn:${p}:secretsmanager:${r}:${a}:secret:${path.replace(/^aws\/reference\/secretsmanager\//, '')}*`)),
				),
			);
		}
		notes.push('SecureString parameters encrypted with a customer managed KMS key also need kms:Decrypt on that key (not included).');
	}
	if (uses.cfStacks.length > 0) {
		add(
			'StackOutputs',
			['cloudformation:DescribeStacks'],
			uses.cfStacks.flatMap(({stack, region}) => (region ? [region] : scope.regions).flatMap(r => perStage(stack).map(name => `arn:${p}:cloudformation:${r}:${a}:stack/${name}/*`))),
		);
	}
	if (uses.s3Objects.length > 0) add('S3Variables', ['s3:GetObject'], uses.s3Objects.flatMap(object => perStage(object).map(path => `arn:${p}:s3:::${path}`)));

	for (const [prefix, reasons] of uses.broadServices) {
		add(`Other${sidPart(prefix)}`, [`${prefix}:*`], ['*']);
		notes.push(`${reasons.join(', ')}: not narrowed — ${prefix}:* is allowed on all resources; trim it to the actions you need.`);
	}

	add('AccountWide', accountActions, ['*']);
	return {Version: '2012-10-17', Statement: statements};
}

function regional(scope: Scope, service: string, resources: string | string[]): string[] {
	const list = Array.isArray(resources) ? resources : [resources];
	return scope.regions.flatMap(region => list.map(resource => `arn:${scope.partition}:${service}:${region}:${scope.account}:${resource}`));
}

function deploymentBuckets(scope: Scope, uses: ServiceUses, stackNames: string[], notes: string[]): string[] {
	if (uses.deploymentBucket) {
		const named = unique(scope.stages.map(stage => fillName(uses.deploymentBucket!, {service: scope.service, stage})));
		if (named.some(name => name.includes('*'))) notes.push('provider.deploymentBucket uses variables other than the stage: its name is matched with wildcards.');
		return named;
	}
	const buckets: string[] = [];
	// v3 (and v4 before its shared bucket): CloudFormation names the bucket after the stack, cut to fit 63 characters.
	if (scope.framework !== 4) buckets.push(...stackNames.map(stack => `${stack.toLowerCase()}-serverlessdeploymentbuck*`));
	if (scope.framework !== 3) buckets.push(...scope.regions.map(region => `serverless-framework-deployments-${region}-*`));
	return buckets;
}

function roleArn(role: string, partition: string, account: string, notes: string[]): string {
	if (role.startsWith('arn:')) return role;
	if (/^[\w+=,.@-]+$/.test(role)) return `arn:${partition}:iam::${account}:role/${role}`;
	notes.push(`provider.iam.deploymentRole (${role}) is known only at deploy time: iam:PassRole is allowed on every role.`);
	return `arn:${partition}:iam::${account}:role/*`;
}

function sidPart(prefix: string): string {
	return prefix
		.split(/[^A-Za-z0-9]+/)
		.map(part => part.charAt(0).toUpperCase() + part.slice(1))
		.join('');
}

/** One statement on `*` with every action: the last resort to fit the size limit. */
function broadDocument(document: PolicyDocument): PolicyDocument {
	const actions = unique(document.Statement.flatMap(statement => statement.Action));
	// `lambda:*` etc. make their service's narrower actions redundant.
	const wildcards = new Set(actions.filter(action => action.endsWith(':*')).map(action => action.split(':')[0]));
	const kept = actions.filter(action => action.endsWith(':*') || !wildcards.has(action.split(':')[0]));
	return {Version: '2012-10-17', Statement: [{Sid: 'Deploy', Effect: 'Allow', Action: kept.sort(), Resource: ['*']}]};
}
