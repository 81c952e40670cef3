/**
 * Managed policies for the deploy user: the AWS-managed AdministratorAccess (the peers' default) or a customer
 * managed policy created from the generated least-privilege document, then attached to the user.
 */
import {withIamSession, type IamCallInput, type IamOutcome, type IamSession} from './iam-session.js';

export type Partition = 'aws' | 'aws-cn' | 'aws-us-gov' | (string & {});

/** What the deploy user is allowed to do. */
export type DeployUserPolicy =
	| {type: 'admin'}
	/** A new customer managed policy (`document` is the policy JSON or its object form). */
	| {type: 'custom'; name: string; document: string | object; description?: string}
	/** A managed policy that already exists (e.g. the custom one from an earlier run). */
	| {type: 'existing'; arn: string};

export function administratorAccessArn(partition: Partition = 'aws'): string {
	return `arn:${partition}:iam::aws:policy/AdministratorAccess`;
}

/** `aws` from `arn:aws:iam::123456789012:user/x`; China and GovCloud ARNs carry their own partition. */
export function partitionOf(arn: string | undefined): Partition {
	return /^arn:(aws[\w-]*):/.exec(arn ?? '')?.[1] ?? 'aws';
}

export function accountOf(arn: string | undefined): string | undefined {
	return /^arn:aws[\w-]*:(?:iam|sts)::(\d{12}):/.exec(arn ?? '')?.[1];
}

/** Where a customer managed policy of that name lives (what EntityAlreadyExists refers to). */
export function customerPolicyArn(partition: Partition, account: string, name: string): string {
	return `arn:${partition}:iam::${account}:policy/${name}`;
}

export async function attachPolicy(input: IamCallInput & {userName: string; policyArn: string}): Promise<IamOutcome<{policyArn: string}>> {
	return withIamSession(input, session => attachPolicyIn(session, input.userName, input.policyArn));
}

export async function createManagedPolicy(
	input: IamCallInput & {name: string; document: string | object; description?: string; tags?: Record<string, string>},
): Promise<IamOutcome<{policyArn: string}>> {
	return withIamSession(input, session => createManagedPolicyIn(session, input));
}

export async function attachPolicyIn(session: IamSession, userName: string, policyArn: string): Promise<IamOutcome<{policyArn: string}>> {
	const result = await session.call('AttachUserPolicy', (sdk, client, abortSignal) =>
		client.send(new sdk.AttachUserPolicyCommand({UserName: userName, PolicyArn: policyArn}), {abortSignal}),
	);
	return result.ok ? {status: 'ok', policyArn} : {status: 'failed', failure: result.failure};
}

export async function createManagedPolicyIn(
	session: IamSession,
	input: {name: string; document: string | object; description?: string; tags?: Record<string, string>},
): Promise<IamOutcome<{policyArn: string}>> {
	const document = typeof input.document === 'string' ? input.document : JSON.stringify(input.document);
	const result = await session.call('CreatePolicy', (sdk, client, abortSignal) =>
		client.send(
			new sdk.CreatePolicyCommand({
				PolicyName: input.name,
				PolicyDocument: document,
				...(input.description ? {Description: input.description} : {}),
				...(input.tags ? {Tags: tagList(input.tags)} : {}),
			}),
			{abortSignal},
		),
	);
	if (!result.ok) {
		const failure = result.failure;
		return {status: 'failed', failure: failure.kind === 'policy-exists' ? {...failure, policyName: input.name} : failure};
	}
	const arn = result.value.Policy?.Arn;
	if (!arn) return {status: 'failed', failure: {operation: 'CreatePolicy', code: 'IncompleteResponse', message: 'IAM answered CreatePolicy without the policy ARN.', kind: 'other'}};
	return {status: 'ok', policyArn: arn};
}

export function tagList(tags: Record<string, string>): Array<{Key: string; Value: string}> {
	return Object.entries(tags).map(([Key, Value]) => ({Key, Value}));
}
