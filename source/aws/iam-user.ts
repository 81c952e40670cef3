/**
 * The wizard's path a: an IAM user for deploys, its policy and its first access key, created with the admin
 * credentials the user chose. Each step stops at the first failure and says which steps were already done, so the
 * wizard can offer the matching branch (reuse the user with a new key, pick another name, delete an old key, switch to
 * the console path) without redoing or duplicating anything.
 */
import type {IamFailure} from './iam-failure.js';
import {createAccessKeyIn, type NewAccessKey} from './iam-access-keys.js';
import {
	accountOf,
	administratorAccessArn,
	attachPolicyIn,
	createManagedPolicyIn,
	customerPolicyArn,
	partitionOf,
	tagList,
	type DeployUserPolicy,
	type Partition,
} from './iam-policy.js';
import {withIamSession, type IamCallInput} from './iam-session.js';

export {createAccessKey, deleteAccessKey, listAccessKeys, type AccessKeySummary, type NewAccessKey} from './iam-access-keys.js';
export {administratorAccessArn, attachPolicy, createManagedPolicy, type DeployUserPolicy} from './iam-policy.js';
export type {AdminCredentials, PastedKeys} from './iam-session.js';

/** Marks what this tool created, so a person cleaning up the account later knows where it came from. */
export const DEFAULT_USER_TAGS: Readonly<Record<string, string>> = {'created-by': 'sls-creds-wizard'};

export interface DeployUserInput extends IamCallInput {
	userName: string;
	policy: DeployUserPolicy;
	tags?: Record<string, string>;
	/** The user exists (the "reuse it with a new key" branch): look it up instead of creating it. */
	reuseExistingUser?: boolean;
	/** Key ages in a too-many-keys failure are counted against this (default: now). */
	now?: number;
}

export type DeployUserStep = 'create-user' | 'find-user' | 'create-policy' | 'attach-policy' | 'create-access-key';

export interface DeployUser {
	userName: string;
	userArn: string;
	account?: string;
	partition: Partition;
	policyArn: string;
	/** The only time the secret is available: the caller writes it to a profile or shows it masked. */
	accessKey: NewAccessKey;
	steps: DeployUserStep[];
}

export type DeployUserResult =
	| {status: 'ok'; user: DeployUser}
	| {
			status: 'failed';
			failure: IamFailure;
			/** Steps that succeeded before the failure (e.g. the user exists now but has no key yet). */
			completed: DeployUserStep[];
			userArn?: string;
			policyArn?: string;
	  };

export async function createDeployUser(input: DeployUserInput): Promise<DeployUserResult> {
	const tags = input.tags ?? DEFAULT_USER_TAGS;
	const completed: DeployUserStep[] = [];
	return withIamSession(input, async session => {
		const failed = (failure: IamFailure, extra: {userArn?: string; policyArn?: string} = {}): DeployUserResult => ({
			status: 'failed',
			failure,
			completed: [...completed],
			...extra,
		});

		const user = input.reuseExistingUser
			? await session.call('GetUser', (sdk, client, abortSignal) => client.send(new sdk.GetUserCommand({UserName: input.userName}), {abortSignal}))
			: await session.call('CreateUser', (sdk, client, abortSignal) =>
					client.send(new sdk.CreateUserCommand({UserName: input.userName, Tags: tagList(tags)}), {abortSignal}),
				);
		if (!user.ok) return failed(user.failure.kind === 'user-exists' ? {...user.failure, userName: input.userName} : user.failure);
		completed.push(input.reuseExistingUser ? 'find-user' : 'create-user');
		const userArn = user.value.User?.Arn ?? '';
		const partition = partitionOf(userArn);
		const account = accountOf(userArn);

		let policyArn: string;
		if (input.policy.type === 'admin') {
			policyArn = administratorAccessArn(partition);
		} else if (input.policy.type === 'existing') {
			policyArn = input.policy.arn;
		} else {
			const created = await createManagedPolicyIn(session, {
				name: input.policy.name,
				document: input.policy.document,
				description: input.policy.description,
				tags,
			});
			if (created.status === 'failed') {
				const failure = created.failure;
				if (failure.kind !== 'policy-exists' || !account) return failed(failure, {userArn});
				const existing = customerPolicyArn(partition, account, input.policy.name);
				// Picking up a user an earlier run created: that run's policy of the same name is the one to attach.
				if (!input.reuseExistingUser) return failed({...failure, policyArn: existing}, {userArn});
				policyArn = existing;
			} else {
				policyArn = created.policyArn;
				completed.push('create-policy');
			}
		}

		const attached = await attachPolicyIn(session, input.userName, policyArn);
		if (attached.status === 'failed') return failed(attached.failure, {userArn, policyArn});
		completed.push('attach-policy');

		const key = await createAccessKeyIn(session, input.userName, {now: input.now});
		if (key.status === 'failed') return failed(key.failure, {userArn, policyArn});
		completed.push('create-access-key');

		return {
			status: 'ok',
			user: {userName: input.userName, userArn, ...(account ? {account} : {}), partition, policyArn, accessKey: key.key, steps: [...completed]},
		};
	});
}
