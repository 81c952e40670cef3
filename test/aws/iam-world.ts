/**
 * A fresh IAM world per test for the iam*.test.ts files: one moto server per file (managed policies loaded), reset and
 * an isolated HOME before each test, test mode on, and a bootstrap client to arrange users and keys while auth is off.
 */
import {stubIsolatedAwsEnv} from '../support/aws-test-env.js';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {CreateAccessKeyCommand, CreateUserCommand, IAMClient, ListAttachedUserPoliciesCommand, PutUserPolicyCommand} from '@aws-sdk/client-iam';
import {afterAll, afterEach, beforeAll, beforeEach, vi} from 'vitest';
import type {AdminCredentials, DeployUserResult} from '../../source/aws/iam-user.js';
import {Secret} from '../../source/secret.js';
import {startMoto, type Moto} from '../support/moto.js';
import {makeSnapshot} from '../doctor/snapshot-builder.js';

export const ACCOUNT = '123456789012';
export const BOOTSTRAP = {accessKeyId: 'testing', secretAccessKey: 'testing'};
/** Pushed through failing paths as the admin secret: must never come back. */
export const CANARY_SECRET = 'CanarySecretDoNotPrint0123456789abcdefgh';
/** The first IAM call after each reset loads the managed policies (~1 s). */
export const TIMEOUT = 30_000;

export interface IamWorld {
	readonly moto: Moto;
	readonly home: string;
	snapshot(env?: Record<string, string>): ReturnType<typeof makeSnapshot>;
}

export function useIamWorld(): IamWorld {
	let moto: Moto | undefined;
	let home = '';
	beforeAll(async () => {
		moto = await startMoto({managedPolicies: true});
	}, 30_000);
	afterAll(async () => moto?.stop());
	beforeEach(async () => {
		await moto!.reset();
		home = mkdtempSync(path.join(tmpdir(), 'sls-creds-iam-'));
		stubIsolatedAwsEnv(home);
	});
	afterEach(() => {
		vi.unstubAllEnvs();
	});
	return {
		get moto() {
			return moto!;
		},
		get home() {
			return home;
		},
		snapshot(env = {AWS_ENDPOINT_URL: moto!.endpoint}) {
			const full = {AWS_REGION: 'us-east-1', AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'credentials'), AWS_CONFIG_FILE: path.join(home, 'config'), ...env};
			return makeSnapshot({now: Date.now(), home, env: full, processEnv: {...full, SLS_CREDS_WIZARD_TEST: '1'}});
		},
	};
}

export function bootstrapClient(world: IamWorld): IAMClient {
	return new IAMClient({endpoint: world.moto.endpoint, region: 'us-east-1', credentials: BOOTSTRAP, maxAttempts: 1});
}

/** A user with a key and, when given, an inline policy (moto enforces only `Resource: "*"` grants). */
export async function userWithKey(world: IamWorld, name: string, actions?: string[]): Promise<{accessKeyId: Secret; secretAccessKey: Secret}> {
	const client = bootstrapClient(world);
	await client.send(new CreateUserCommand({UserName: name}));
	if (actions) {
		const document = {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: actions, Resource: '*'}]};
		await client.send(new PutUserPolicyCommand({UserName: name, PolicyName: 'granted', PolicyDocument: JSON.stringify(document)}));
	}
	const {AccessKey} = await client.send(new CreateAccessKeyCommand({UserName: name}));
	client.destroy();
	return {accessKeyId: new Secret(AccessKey!.AccessKeyId!), secretAccessKey: new Secret(AccessKey!.SecretAccessKey!)};
}

export async function attachedPolicies(world: IamWorld, userName: string): Promise<string[]> {
	const client = bootstrapClient(world);
	const {AttachedPolicies} = await client.send(new ListAttachedUserPoliciesCommand({UserName: userName}));
	client.destroy();
	return (AttachedPolicies ?? []).map(policy => policy.PolicyArn!);
}

export const pasted = (keys: {accessKeyId: string; secretAccessKey: string}): AdminCredentials => ({
	accessKeyId: new Secret(keys.accessKeyId),
	secretAccessKey: new Secret(keys.secretAccessKey),
});

export function ok(result: DeployUserResult) {
	if (result.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result)}`);
	return result.user;
}

export function failed(result: DeployUserResult) {
	if (result.status !== 'failed') throw new Error(`expected a failure, got ${JSON.stringify(result)}`);
	return result;
}
