/**
 * The failure branches of the deploy user against moto (managed policies loaded): third key refused after one attempt
 * (with the existing keys and their age, then delete one), AccessDenied with auth on (before and half-way), admin keys
 * AWS does not know, a malformed policy, a user that is not there. No secret in any result.
 */
import {describe, expect, test} from 'vitest';
import {createAccessKey, createDeployUser, deleteAccessKey, listAccessKeys} from '../../source/aws/iam-user.js';
import {ACCOUNT, BOOTSTRAP, CANARY_SECRET, TIMEOUT, failed, pasted, useIamWorld, userWithKey} from './iam-world.js';

const world = useIamWorld();
const DAY_MS = 86_400_000;

describe('keys', () => {
	test(
		'a third key is refused after one attempt, with both keys and their age; deleting one frees the slot',
		async () => {
			const base = {snapshot: world.snapshot(), credentials: pasted(BOOTSTRAP)};
			const keys = [await userWithKey(world, 'orders-deployer')];
			const second = await createAccessKey({...base, userName: 'orders-deployer'});
			if (second.status !== 'ok') throw new Error(JSON.stringify(second));
			keys.push({accessKeyId: second.key.accessKeyId, secretAccessKey: second.key.secretAccessKey});

			const third = failed(await createDeployUser({...base, userName: 'orders-deployer', reuseExistingUser: true, policy: {type: 'admin'}, now: Date.now() + 3 * DAY_MS}));
			expect(third.completed).toEqual(['find-user', 'attach-policy']);
			const failure = third.failure;
			if (failure.kind !== 'too-many-keys') throw new Error(JSON.stringify(failure));
			// One attempt: the SDK's default would retry LimitExceeded as throttling (3 attempts, 1–1.5 s).
			expect(failure).toMatchObject({operation: 'CreateAccessKey', code: 'LimitExceeded', httpStatus: 409, attempts: 1, userName: 'orders-deployer'});
			expect(failure.explanation?.id).toBe('limit-exceeded');
			expect(failure.keys.map(key => key.accessKeyId.reveal()).sort()).toEqual(keys.map(key => key.accessKeyId.reveal()).sort());
			for (const key of failure.keys) {
				expect(key).toMatchObject({status: 'Active', ageDays: 3});
				expect(key.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
			}
			// Key ids are printed masked (AKIA…WXYZ) wherever the failure is shown.
			expect(JSON.stringify(failure)).not.toContain(keys[0]!.accessKeyId.reveal());
			expect(JSON.stringify(failure)).toContain(keys[0]!.accessKeyId.masked());

			const deleted = await deleteAccessKey({...base, userName: 'orders-deployer', accessKeyId: failure.keys[0]!.accessKeyId});
			expect(deleted.status).toBe('ok');
			const listed = await listAccessKeys({...base, userName: 'orders-deployer'});
			expect(listed.status === 'ok' && listed.keys.length).toBe(1);
			expect((await createAccessKey({...base, userName: 'orders-deployer'})).status).toBe('ok');
			const again = await deleteAccessKey({...base, userName: 'orders-deployer', accessKeyId: failure.keys[0]!.accessKeyId});
			expect(again.status === 'failed' && again.failure.kind).toBe('no-such-entity');
		},
		TIMEOUT,
	);
});

describe('permissions', () => {
	test(
		'AccessDenied with auth on: a user without IAM rights is told it lacks iam:CreateUser',
		async () => {
			const weak = await userWithKey(world, 'developer');
			await world.moto.authOn();
			const result = failed(await createDeployUser({snapshot: world.snapshot(), credentials: weak, userName: 'orders-deployer', policy: {type: 'admin'}}));
			const failure = result.failure;
			if (failure.kind !== 'access-denied') throw new Error(JSON.stringify(failure));
			expect(failure).toMatchObject({deniedAction: 'iam:CreateUser', identityArn: `arn:aws:iam::${ACCOUNT}:user/developer`, httpStatus: 403, attempts: 1});
			expect(failure.explanation?.id).toBe('access-denied');
			expect(failure.explanation?.fix.join(' ')).toContain('iam:CreateUser');
			expect(result.completed).toEqual([]);
			expect(JSON.stringify(result)).not.toContain(weak.secretAccessKey.reveal());
		},
		TIMEOUT,
	);

	test(
		'AccessDenied half-way: the user was created, attaching the policy was denied — both said',
		async () => {
			const limited = await userWithKey(world, 'limited-admin', ['iam:CreateUser']);
			await world.moto.authOn();
			const result = failed(await createDeployUser({snapshot: world.snapshot(), credentials: limited, userName: 'orders-deployer', policy: {type: 'admin'}}));
			expect(result.completed).toEqual(['create-user']);
			expect(result.userArn).toBe(`arn:aws:iam::${ACCOUNT}:user/orders-deployer`);
			expect(result.failure).toMatchObject({kind: 'access-denied', deniedAction: 'iam:AttachUserPolicy', operation: 'AttachUserPolicy'});
		},
		TIMEOUT,
	);

	test(
		'admin keys AWS does not know, with auth on: credentials-rejected, the secret never echoed',
		async () => {
			await world.moto.authOn();
			const credentials = pasted({accessKeyId: 'AKIAEXAMPLEUNKNOWN00', secretAccessKey: CANARY_SECRET});
			const result = failed(await createDeployUser({snapshot: world.snapshot(), credentials, userName: 'orders-deployer', policy: {type: 'admin'}}));
			expect(result.failure).toMatchObject({kind: 'credentials-rejected', code: 'InvalidClientTokenId', httpStatus: 403});
			expect(result.failure.explanation?.id).toBe('invalid-client-token-id');
			expect(JSON.stringify(result)).not.toContain(CANARY_SECRET);
			expect(JSON.stringify(result)).not.toContain(CANARY_SECRET.slice(4, -4));
		},
		TIMEOUT,
	);
});

describe('documents and names', () => {
	test(
		'a malformed policy document: malformed-policy with the catalogue explanation',
		async () => {
			const document = {Version: '2012-10-17', Statement: [{Effect: 'Maybe', Action: 's3:*', Resource: '*'}]};
			const result = failed(
				await createDeployUser({snapshot: world.snapshot(), credentials: pasted(BOOTSTRAP), userName: 'orders-deployer', policy: {type: 'custom', name: 'broken', document}}),
			);
			expect(result.failure).toMatchObject({kind: 'malformed-policy', code: 'MalformedPolicyDocument', operation: 'CreatePolicy', httpStatus: 400});
			expect(result.failure.explanation?.id).toBe('malformed-policy');
			expect(result.completed).toEqual(['create-user']);
		},
		TIMEOUT,
	);

	test(
		'reusing a user that does not exist: no-such-entity',
		async () => {
			const result = failed(
				await createDeployUser({snapshot: world.snapshot(), credentials: pasted(BOOTSTRAP), userName: 'ghost', reuseExistingUser: true, policy: {type: 'admin'}}),
			);
			expect(result.failure).toMatchObject({kind: 'no-such-entity', operation: 'GetUser', httpStatus: 404});
			expect(result.failure.explanation?.id).toBe('no-such-entity');
		},
		TIMEOUT,
	);
});
