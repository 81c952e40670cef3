/**
 * What a serverless.yml makes a deploy touch beyond the stack, the deployment bucket, the functions, their roles and
 * log groups: event sources, resource types declared under `resources`, `${ssm:}`/`${cf:}`/`${s3:}` variables, VPC,
 * container images, layers, explicit names. Pure: reads the parsed document (CloudFormation tags already turned into
 * `{Ref: …}` objects by the service parser) and nothing else.
 */

export type ServiceUse =
	| 'api-gateway'
	| 'event-rules'
	| 'sns'
	| 'sqs'
	| 'event-source-mappings'
	| 'dynamodb'
	| 'kinesis'
	| 's3-buckets'
	| 'iot'
	| 'step-functions'
	| 'ec2-network'
	| 'vpc-functions'
	| 'ecr-images'
	| 'layers'
	| 'log-subscriptions'
	| 'ssm-variables'
	| 'cf-variables'
	| 's3-variables';

/** A name as written: `${…}` parts are placeholders filled per stage (`stage`, `service`) or left as wildcards. */
export type NameTemplate = string;

export interface ServiceUses {
	uses: Set<ServiceUse>;
	/** `provider.stackName`, when set. */
	stackName?: NameTemplate;
	/** `provider.deploymentBucket` / `.name`, when set. */
	deploymentBucket?: NameTemplate;
	/** `functions.*.name` values that replace the default `<service>-<stage>-<key>`. */
	functionNames: NameTemplate[];
	/** `provider.iam.role.name`. */
	roleName?: NameTemplate;
	/** Existing roles handed to Lambda (`provider.iam.role`, `functions.*.role` as ARNs): need iam:PassRole. */
	passRoles: string[];
	/** `${ssm:…}` parameter names (nested variables kept) and the region each one is read in (undefined: the deploy region). */
	ssmParameters: Array<{name: string; region?: string}>;
	/** `${cf:stack.output}` stack names. */
	cfStacks: Array<{stack: string; region?: string}>;
	/** `${s3:bucket/key}` objects. */
	s3Objects: string[];
	/** IAM prefixes for resource types and events the generator does not narrow (`cognito-idp`, `elasticloadbalancing`, …), with what asked for them. */
	broadServices: Map<string, string[]>;
	/** Resource types that widen a scoped statement (`AWS::IAM::Role` with its own name, …). */
	widen: Set<'functions' | 'roles' | 'log-groups'>;
	/** `AWS::IAM::*` other than roles: the deploy identity can then grant itself anything. */
	iamBeyondRoles: string[];
}

const EVENT_USES: Record<string, ServiceUse[]> = {
	http: ['api-gateway'],
	httpApi: ['api-gateway'],
	websocket: ['api-gateway'],
	schedule: ['event-rules'],
	eventBridge: ['event-rules'],
	cloudwatchEvent: ['event-rules'],
	sns: ['sns'],
	sqs: ['sqs', 'event-source-mappings'],
	stream: ['event-source-mappings'],
	kafka: ['event-source-mappings'],
	msk: ['event-source-mappings'],
	activemq: ['event-source-mappings'],
	rabbitmq: ['event-source-mappings'],
	s3: ['s3-buckets'],
	iot: ['iot'],
	cloudwatchLog: ['log-subscriptions'],
};

/** Events whose resources this generator does not narrow: the IAM prefix they need. */
const BROAD_EVENTS: Record<string, string> = {
	alb: 'elasticloadbalancing',
	cognitoUserPool: 'cognito-idp',
	cloudFront: 'cloudfront',
	iotFleetProvisioning: 'iot',
};

/** CloudFormation service namespace → what covers it. */
const RESOURCE_USES: Record<string, ServiceUse> = {
	ApiGateway: 'api-gateway',
	ApiGatewayV2: 'api-gateway',
	Events: 'event-rules',
	SNS: 'sns',
	SQS: 'sqs',
	DynamoDB: 'dynamodb',
	Kinesis: 'kinesis',
	S3: 's3-buckets',
	StepFunctions: 'step-functions',
	EC2: 'ec2-network',
};

/** IAM prefixes of CloudFormation namespaces whose lower-cased name is not the prefix. */
const IAM_PREFIX: Record<string, string> = {
	CertificateManager: 'acm',
	Cognito: 'cognito-idp',
	ElasticLoadBalancingV2: 'elasticloadbalancing',
	ElasticLoadBalancing: 'elasticloadbalancing',
	KinesisFirehose: 'firehose',
	OpenSearchService: 'es',
	Elasticsearch: 'es',
	WAFv2: 'wafv2',
	CloudWatch: 'cloudwatch',
	SecretsManager: 'secretsmanager',
	ElastiCache: 'elasticache',
	Scheduler: 'scheduler',
	AppSync: 'appsync',
	Route53: 'route53',
	CloudFront: 'cloudfront',
};

type Data = Record<string, unknown>;

function isRecord(value: unknown): value is Data {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function emptyUses(): ServiceUses {
	return {
		uses: new Set(),
		functionNames: [],
		passRoles: [],
		ssmParameters: [],
		cfStacks: [],
		s3Objects: [],
		broadServices: new Map(),
		widen: new Set(),
		iamBeyondRoles: [],
	};
}

export function serviceUses(document: unknown): ServiceUses {
	const found = emptyUses();
	if (!isRecord(document)) return found;
	const provider = isRecord(document['provider']) ? document['provider'] : {};
	const broad = (prefix: string, reason: string): void => {
		found.broadServices.set(prefix, [...new Set([...(found.broadServices.get(prefix) ?? []), reason])]);
	};

	found.stackName = text(provider['stackName']);
	const bucket = provider['deploymentBucket'];
	found.deploymentBucket = text(bucket) ?? (isRecord(bucket) ? text(bucket['name']) : undefined);
	const iam = isRecord(provider['iam']) ? provider['iam'] : {};
	const role = iam['role'] ?? provider['role'];
	if (isRecord(role)) found.roleName = text(role['name']);
	else if (text(role)?.startsWith('arn:')) found.passRoles.push(text(role)!);
	if (provider['vpc'] !== undefined) found.uses.add('vpc-functions');
	if (isRecord(provider['ecr'])) found.uses.add('ecr-images');
	for (const key of ['apiGateway', 'httpApi', 'websocketsApiName', 'websocketsApiRouteSelectionExpression']) if (provider[key] !== undefined) found.uses.add('api-gateway');
	if (provider['alb'] !== undefined) broad('elasticloadbalancing', 'provider.alb');

	const functions = isRecord(document['functions']) ? document['functions'] : {};
	for (const [key, fn] of Object.entries(functions)) {
		if (!isRecord(fn)) continue;
		const name = text(fn['name']);
		if (name) found.functionNames.push(name);
		if (fn['vpc'] !== undefined) found.uses.add('vpc-functions');
		if (fn['image'] !== undefined) found.uses.add('ecr-images');
		const fnRole = text(fn['role']);
		if (fnRole?.startsWith('arn:')) found.passRoles.push(fnRole);
		for (const event of Array.isArray(fn['events']) ? fn['events'] : []) {
			const type = isRecord(event) ? Object.keys(event)[0] : text(event);
			if (!type) continue;
			for (const use of EVENT_USES[type] ?? []) found.uses.add(use);
			const prefix = BROAD_EVENTS[type];
			if (prefix) broad(prefix, `functions.${key}.events: ${type}`);
		}
	}

	if (isRecord(document['layers']) && Object.keys(document['layers']).length > 0) found.uses.add('layers');
	if (document['stepFunctions'] !== undefined) found.uses.add('step-functions');

	for (const type of resourceTypes(document['resources'])) {
		const [vendor, namespace = '', kind = ''] = type.split('::');
		if (vendor !== 'AWS') continue;
		const use = RESOURCE_USES[namespace];
		if (use) {
			found.uses.add(use);
			continue;
		}
		if (namespace === 'Lambda') {
			if (kind === 'EventSourceMapping') found.uses.add('event-source-mappings');
			else if (kind === 'LayerVersion' || kind === 'LayerVersionPermission') found.uses.add('layers');
			else if (kind === 'Function') found.widen.add('functions');
			continue;
		}
		if (namespace === 'IAM') {
			if (kind === 'Role') found.widen.add('roles');
			else found.iamBeyondRoles.push(type);
			continue;
		}
		if (namespace === 'Logs') {
			found.widen.add('log-groups');
			continue;
		}
		if (namespace === 'IoT' && kind === 'TopicRule') {
			found.uses.add('iot');
			continue;
		}
		if (namespace === 'CloudFormation') continue;
		broad(IAM_PREFIX[namespace] ?? namespace.toLowerCase(), `resources: ${type}`);
	}

	for (const value of strings(document)) {
		for (const variable of variablesIn(value)) {
			const parsed = /^(ssm|cf|s3)(?:\((?<params>[^)]*)\))?:(?<address>[\s\S]*)$/.exec(variable.trim());
			if (!parsed?.groups) continue;
			const source = parsed[1];
			const address = topLevelAddress(parsed.groups.address ?? '');
			if (address === '') continue;
			const region = (parsed.groups.params ?? '')
				.split(',')
				.map(part => part.trim())
				.find(part => part !== 'raw' && part !== 'noDecrypt' && part !== '');
			const regionValue = region === undefined ? {} : {region: /^[a-z]{2}(?:-[a-z]+)+-\d+$/.test(region) ? region : '*'};
			if (source === 'ssm') {
				found.uses.add('ssm-variables');
				found.ssmParameters.push({name: address.replace(/~\w+$/, ''), ...regionValue});
			} else if (source === 'cf') {
				found.uses.add('cf-variables');
				found.cfStacks.push({stack: beforeTopLevelDot(address), ...regionValue});
			} else {
				found.uses.add('s3-variables');
				found.s3Objects.push(address);
			}
		}
	}
	return found;
}

function resourceTypes(resources: unknown): string[] {
	const blocks = Array.isArray(resources) ? resources : [resources];
	const types: string[] = [];
	for (const block of blocks) {
		const map = isRecord(block) && isRecord(block['Resources']) ? block['Resources'] : {};
		for (const resource of Object.values(map)) {
			const type = isRecord(resource) ? text(resource['Type']) : undefined;
			if (type) types.push(type);
		}
	}
	return types;
}

function* strings(value: unknown, depth = 0): Generator<string> {
	if (depth > 64) return;
	if (typeof value === 'string') yield value;
	else if (Array.isArray(value)) for (const item of value) yield* strings(item, depth + 1);
	else if (isRecord(value)) for (const item of Object.values(value)) yield* strings(item, depth + 1);
}

/** The insides of every `${…}` (outermost and nested), with balanced braces. */
export function variablesIn(value: string): string[] {
	const found: string[] = [];
	const stack: number[] = [];
	for (let index = 0; index < value.length; index++) {
		if (value[index] === '$' && value[index + 1] === '{') {
			stack.push(index + 2);
			index++;
		} else if (value[index] === '}' && stack.length > 0) {
			const start = stack.pop()!;
			found.push(value.slice(start, index));
		}
	}
	return found;
}

/**
 * `/app/${sls:stage}/db, 'fallback'` → `/app/${sls:stage}/db`: the fallback after a top-level comma is dropped, nested
 * variables are kept for `fillName` to fill per stage.
 */
export function topLevelAddress(address: string): string {
	let depth = 0;
	let result = '';
	for (let index = 0; index < address.length; index++) {
		const char = address[index]!;
		if (char === '$' && address[index + 1] === '{') {
			depth++;
			result += '${';
			index++;
			continue;
		}
		if (depth > 0) {
			if (char === '{') depth++;
			else if (char === '}') depth--;
			result += char;
			continue;
		}
		if (char === ',') break;
		result += char;
	}
	return result.trim().replace(/^['"]|['"]$/g, '');
}

/** `${self:service}-${sls:stage}.ApiUrl` → the stack name part, ignoring dots inside nested variables. */
function beforeTopLevelDot(address: string): string {
	let depth = 0;
	for (let index = 0; index < address.length; index++) {
		const char = address[index];
		if (char === '{') depth++;
		else if (char === '}') depth--;
		else if (char === '.' && depth === 0) return address.slice(0, index);
	}
	return address;
}
