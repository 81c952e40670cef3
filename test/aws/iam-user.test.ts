/**
 * Creating the deploy user against a real IAM-compatible endpoint (moto with AWS managed policies): with
 * AdministratorAccess, with the generated least-privilege policy (scoped, coarse and broad forms all accepted by
 * CreatePolicy), user or policy already there (and the reuse branches), admin credentials from a profile. Failure
 * branches are in iam-errors.test.ts. Nothing leaves 127.0.0.1 (SLS_CREDS_WIZARD_TEST=1).
 */
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {GetUserCommand, ListUserTagsCommand} from '@aws-sdk/client-iam';
import {describe, expect, test} from 'vitest';
import type {Winner} from '../../source/credentials/verdict.js';
import {deployPolicy} from '../../source/aws/deploy-policy.js';
import {accountOf, partitionOf} from '../../source/aws/iam-policy.js';
import {administratorAccessArn, attachPolicy, createDeployUser, createManagedPolicy} from '../../source/aws/iam-user.js';
import {parseServiceText} from '../../source/service/parse-service-file.js';
import {NO_SERVICE} from '../../source/service/service-info.js';
import {Secret} from '../../source/secret.js';
import {ACCOUNT, BOOTSTRAP, TIMEOUT, attachedPolicies, bootstrapClient, failed, ok, pasted, useIamWorld, userWithKey} from './iam-world.js';

const world = useIamWorld();

const SERVICE_FILE = [
	'service: orders',
	'provider:',
	'  name: aws',
	'  region: eu-west-1',
	'  environment:',
	'    DB_URL: ${ssm:/orders/${sls:stage}/db-url}',
	'functions:',
	'  api:',
	'    handler: handler.api',
	'    events:',
	'      - httpApi: GET /orders',
	'      - sqs: arn:aws:sqs:eu-west-1:123456789012:jobs',
	'resources:',
	'  Resources:',
	'    Table:',
	'      Type: AWS::DynamoDB::Table',
	'      Properties:',
	'        TableName: !Sub "${AWS::StackName}-orders"',
].join('\n');

describe('createDeployUser against moto', () => {
	test(
		'with AdministratorAccess: user (tagged), attached policy, a key that comes back as Secrets only',
		async () => {
			const result = await createDeployUser({snapshot: world.snapshot(), credentials: pasted(BOOTSTRAP), userName: 'orders-deployer', policy: {type: 'admin'}});
			const user = ok(result);
			expect(user).toMatchObject({
				userName: 'orders-deployer',
				userArn: `arn:aws:iam::${ACCOUNT}:user/orders-deployer`,
				account: ACCOUNT,
				partition: 'aws',
				policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
				steps: ['create-user', 'attach-policy', 'create-access-key'],
			});
			expect(user.accessKey.accessKeyId).toBeInstanceOf(Secret);
			expect(user.accessKey.accessKeyId.reveal()).toMatch(/^AKIA[A-Z0-9]{16}$/);
			expect(user.accessKey.secretAccessKey.length).toBe(40);
			expect(JSON.stringify(result)).not.toContain(user.accessKey.secretAccessKey.reveal());
			expect(JSON.stringify(result)).not.toContain(user.accessKey.accessKeyId.reveal());
			expect(await attachedPolicies(world, 'orders-deployer')).toEqual(['arn:aws:iam::aws:policy/AdministratorAccess']);
			const client = bootstrapClient(world);
			const {Tags} = await client.send(new ListUserTagsCommand({UserName: 'orders-deployer'}));
			client.destroy();
			expect(Tags).toEqual([{Key: 'created-by', Value: 'sls-creds-wizard'}]);
		},
		TIMEOUT,
	);

	test(
		'with the generated least-privilege policy: CreatePolicy accepts it and it is attached',
		async () => {
			const parsed = parseServiceText(SERVICE_FILE, 'yml');
			const service = {...NO_SERVICE, service: 'orders', region: {kind: 'value' as const, value: 'eu-west-1'}, knownStages: ['dev', 'prod']};
			const policy = deployPolicy({service, document: parsed.document, accountId: ACCOUNT, framework: 3});
			expect(policy).toMatchObject({fits: true, detail: 'scoped'});
			const user = ok(
				await createDeployUser({
					snapshot: world.snapshot(),
					credentials: pasted(BOOTSTRAP),
					userName: 'orders-deployer',
					policy: {type: 'custom', name: policy.name, document: policy.json, description: 'serverless deploy for orders'},
				}),
			);
			expect(user.policyArn).toBe(`arn:aws:iam::${ACCOUNT}:policy/orders-deploy`);
			expect(user.steps).toEqual(['create-user', 'create-policy', 'attach-policy', 'create-access-key']);
			expect(await attachedPolicies(world, 'orders-deployer')).toEqual([`arn:aws:iam::${ACCOUNT}:policy/orders-deploy`]);
		},
		TIMEOUT,
	);

	test(
		'the coarse and broad fallbacks of the generator are valid policies too',
		async () => {
			const service = {...NO_SERVICE, service: 'orders'};
			const coarse = deployPolicy({service, stages: Array.from({length: 30}, (_v, i) => `s${i}`), regions: ['eu-west-1', 'us-east-1', 'us-west-2', 'sa-east-1'], accountId: ACCOUNT});
			const functions = Object.fromEntries(Array.from({length: 200}, (_v, i) => [`f${i}`, {handler: 'h', name: `acme-function-number-${i}`}]));
			const broad = deployPolicy({service, document: {service: 'orders', functions}, accountId: ACCOUNT});
			expect([coarse.detail, broad.detail]).toEqual(['coarse', 'broad']);
			for (const [name, policy] of [['coarse', coarse], ['broad', broad]] as const) {
				const created = await createManagedPolicy({snapshot: world.snapshot(), credentials: pasted(BOOTSTRAP), name: `orders-${name}`, document: policy.document});
				expect(created).toEqual({status: 'ok', policyArn: `arn:aws:iam::${ACCOUNT}:policy/orders-${name}`});
			}
		},
		TIMEOUT,
	);

	test(
		'the user already exists: user-exists, nothing else done; reusing it adds the policy and a key',
		async () => {
			await userWithKey(world, 'orders-deployer');
			const input = {snapshot: world.snapshot(), credentials: pasted(BOOTSTRAP), userName: 'orders-deployer', policy: {type: 'admin' as const}};
			const first = failed(await createDeployUser(input));
			expect(first.failure).toMatchObject({kind: 'user-exists', userName: 'orders-deployer', operation: 'CreateUser', code: 'EntityAlreadyExists', httpStatus: 409, attempts: 1});
			expect(first.failure.explanation?.id).toBe('entity-already-exists');
			expect(first.completed).toEqual([]);

			const reused = ok(await createDeployUser({...input, reuseExistingUser: true}));
			expect(reused.steps).toEqual(['find-user', 'attach-policy', 'create-access-key']);
			expect(reused.userArn).toBe(`arn:aws:iam::${ACCOUNT}:user/orders-deployer`);
		},
		TIMEOUT,
	);

	test(
		'reusing a user an earlier run left behind attaches the custom policy of the same name that run created',
		async () => {
			const policy = {type: 'custom' as const, name: 'orders-deploy', document: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'cloudformation:*', Resource: '*'}]})};
			const input = {snapshot: world.snapshot(), credentials: pasted(BOOTSTRAP), userName: 'orders-deployer', policy};
			await createManagedPolicy({snapshot: world.snapshot(), credentials: pasted(BOOTSTRAP), name: 'orders-deploy', document: policy.document});
			await userWithKey(world, 'orders-deployer');
			const fresh = failed(await createDeployUser(input));
			expect(fresh.failure.kind).toBe('user-exists');
			const reused = ok(await createDeployUser({...input, reuseExistingUser: true}));
			expect(reused.steps).toEqual(['find-user', 'attach-policy', 'create-access-key']);
			expect(reused.policyArn).toBe(`arn:aws:iam::${ACCOUNT}:policy/orders-deploy`);
		},
		TIMEOUT,
	);

	test(
		'a policy of that name exists: policy-exists with its ARN after the user was created; attaching the existing one works',
		async () => {
			const document = deployPolicy({service: {...NO_SERVICE, service: 'orders'}, accountId: ACCOUNT}).json;
			const base = {snapshot: world.snapshot(), credentials: pasted(BOOTSTRAP)};
			expect(await createManagedPolicy({...base, name: 'orders-deploy', document})).toEqual({status: 'ok', policyArn: `arn:aws:iam::${ACCOUNT}:policy/orders-deploy`});
			const result = failed(await createDeployUser({...base, userName: 'orders-deployer', policy: {type: 'custom', name: 'orders-deploy', document}}));
			expect(result.failure).toMatchObject({kind: 'policy-exists', policyName: 'orders-deploy', policyArn: `arn:aws:iam::${ACCOUNT}:policy/orders-deploy`});
			expect(result.completed).toEqual(['create-user']);

			const reused = ok(
				await createDeployUser({...base, userName: 'orders-deployer', reuseExistingUser: true, policy: {type: 'existing', arn: `arn:aws:iam::${ACCOUNT}:policy/orders-deploy`}}),
			);
			expect(reused.policyArn).toBe(`arn:aws:iam::${ACCOUNT}:policy/orders-deploy`);
		},
		TIMEOUT,
	);

	test(
		'admin credentials from a profile the scan found (a Verdict winner), read from the isolated credentials file, auth on',
		async () => {
			const admin = await userWithKey(world, 'admin', ['*']);
			const file = path.join(world.home, 'credentials');
			writeFileSync(file, `[admin]\naws_access_key_id = ${admin.accessKeyId.reveal()}\naws_secret_access_key = ${admin.secretAccessKey.reveal()}\n`, {mode: 0o600});
			const before = readFileSync(file, 'utf8');
			await world.moto.authOn();
			const winner: Winner = {source: 'env-profile', title: 'AWS_PROFILE=admin', kind: 'static', profile: 'admin', credentials: {type: 'profile', profile: 'admin'}};
			const user = ok(await createDeployUser({snapshot: world.snapshot(), credentials: winner, userName: 'orders-deployer', policy: {type: 'admin'}}));
			expect(user.userArn).toBe(`arn:aws:iam::${ACCOUNT}:user/orders-deployer`);
			expect(readFileSync(file, 'utf8')).toBe(before);
		},
		TIMEOUT,
	);

	test(
		'attachPolicy on its own; partition and account from ARNs',
		async () => {
			await userWithKey(world, 'orders-deployer');
			const result = await attachPolicy({snapshot: world.snapshot(), credentials: pasted(BOOTSTRAP), userName: 'orders-deployer', policyArn: administratorAccessArn('aws')});
			expect(result).toEqual({status: 'ok', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess'});
			const client = bootstrapClient(world);
			const {User} = await client.send(new GetUserCommand({UserName: 'orders-deployer'}));
			client.destroy();
			expect(partitionOf(User!.Arn)).toBe('aws');
			expect(accountOf(User!.Arn)).toBe(ACCOUNT);
		},
		TIMEOUT,
	);
});

describe('test-mode guard', () => {
	test('without an endpoint override nothing is sent to AWS: the call fails before any request', async () => {
		const result = failed(await createDeployUser({snapshot: world.snapshot({}), credentials: pasted(BOOTSTRAP), userName: 'x', policy: {type: 'admin'}}));
		expect(result.failure).toMatchObject({kind: 'other', code: 'TEST_MODE_NON_LOOPBACK', operation: 'CreateUser'});
	});
});
