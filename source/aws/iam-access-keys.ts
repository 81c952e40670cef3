/**
 * Access keys of an IAM user: create one (the secret exists only in the answer to this call — AWS never shows it
 * again), list them with their age so the user can pick one to delete when the 2-key quota is reached, delete one
 * (the caller asks for confirmation first). Key ids and secrets come back as Secrets only.
 */
import {Secret} from '../secret.js';
import type {IamFailure} from './iam-failure.js';
import {withIamSession, type IamCallInput, type IamOutcome, type IamSession} from './iam-session.js';

export interface NewAccessKey {
	userName: string;
	accessKeyId: Secret;
	secretAccessKey: Secret;
	/** ISO time AWS gives for the key's creation. */
	createdAt?: string;
}

export interface AccessKeySummary {
	accessKeyId: Secret;
	status: 'Active' | 'Inactive' | 'Expired' | 'unknown';
	createdAt?: string;
	/** Whole days since creation, against `now`. */
	ageDays?: number;
	/** ISO time of its last use, when IAM knows one. */
	lastUsedAt?: string;
	/** The service it was last used with (e.g. `sts`), when IAM knows it. */
	lastUsedService?: string;
}

const DAY_MS = 86_400_000;

export interface KeyListOptions {
	/** Age is counted against this (default: the current time). */
	now?: number;
}

export async function createAccessKey(input: IamCallInput & KeyListOptions & {userName: string}): Promise<IamOutcome<{key: NewAccessKey}>> {
	return withIamSession(input, session => createAccessKeyIn(session, input.userName, input));
}

export async function listAccessKeys(input: IamCallInput & KeyListOptions & {userName: string}): Promise<IamOutcome<{keys: AccessKeySummary[]}>> {
	return withIamSession(input, async session => {
		const listed = await listAccessKeysIn(session, input.userName, input);
		return 'failure' in listed ? {status: 'failed', failure: listed.failure} : {status: 'ok', keys: listed.keys};
	});
}

/** Deletes for good (deactivating would not free the slot). Only after the user confirmed this exact key. */
export async function deleteAccessKey(input: IamCallInput & {userName: string; accessKeyId: Secret}): Promise<IamOutcome<{deleted: Secret}>> {
	return withIamSession(input, async session => {
		const result = await session.call('DeleteAccessKey', (sdk, client, abortSignal) =>
			client.send(new sdk.DeleteAccessKeyCommand({UserName: input.userName, AccessKeyId: input.accessKeyId.reveal()}), {abortSignal}),
		);
		return result.ok ? {status: 'ok', deleted: input.accessKeyId} : {status: 'failed', failure: result.failure};
	});
}

/** On the 2-key quota the failure carries the existing keys, so the wizard can offer to delete one. */
export async function createAccessKeyIn(session: IamSession, userName: string, options: KeyListOptions = {}): Promise<IamOutcome<{key: NewAccessKey}>> {
	const created = await session.call('CreateAccessKey', (sdk, client, abortSignal) => client.send(new sdk.CreateAccessKeyCommand({UserName: userName}), {abortSignal}));
	if (!created.ok) return {status: 'failed', failure: await withExistingKeys(session, created.failure, userName, options)};
	const key = created.value.AccessKey;
	if (!key?.AccessKeyId || !key.SecretAccessKey) {
		return {status: 'failed', failure: {operation: 'CreateAccessKey', code: 'IncompleteResponse', message: 'IAM answered CreateAccessKey without a key id or secret.', kind: 'other'}};
	}
	return {
		status: 'ok',
		key: {
			userName,
			accessKeyId: new Secret(key.AccessKeyId),
			secretAccessKey: new Secret(key.SecretAccessKey),
			...(key.CreateDate ? {createdAt: key.CreateDate.toISOString()} : {}),
		},
	};
}

async function withExistingKeys(session: IamSession, failure: IamFailure, userName: string, options: KeyListOptions): Promise<IamFailure> {
	if (failure.kind !== 'too-many-keys') return failure;
	const listed = await listAccessKeysIn(session, userName, options);
	return 'keys' in listed ? {...failure, userName, keys: listed.keys} : {...failure, userName};
}

export async function listAccessKeysIn(session: IamSession, userName: string, options: KeyListOptions = {}): Promise<{keys: AccessKeySummary[]} | {failure: IamFailure}> {
	const listed = await session.call('ListAccessKeys', (sdk, client, abortSignal) => client.send(new sdk.ListAccessKeysCommand({UserName: userName}), {abortSignal}));
	if (!listed.ok) return {failure: listed.failure};
	const now = options.now ?? Date.now();
	const keys: AccessKeySummary[] = [];
	for (const metadata of listed.value.AccessKeyMetadata ?? []) {
		if (!metadata.AccessKeyId) continue;
		const summary: AccessKeySummary = {accessKeyId: new Secret(metadata.AccessKeyId), status: keyStatus(metadata.Status)};
		if (metadata.CreateDate) {
			summary.createdAt = metadata.CreateDate.toISOString();
			summary.ageDays = Math.max(0, Math.floor((now - metadata.CreateDate.getTime()) / DAY_MS));
		}
		// Last use helps pick the key to delete; without permission for it the list is still useful.
		const used = await session.call('GetAccessKeyLastUsed', (sdk, client, abortSignal) =>
			client.send(new sdk.GetAccessKeyLastUsedCommand({AccessKeyId: metadata.AccessKeyId}), {abortSignal}),
		);
		const lastUsed = used.ok ? used.value.AccessKeyLastUsed : undefined;
		if (lastUsed?.LastUsedDate) summary.lastUsedAt = lastUsed.LastUsedDate.toISOString();
		if (lastUsed?.ServiceName && lastUsed.ServiceName !== 'N/A') summary.lastUsedService = lastUsed.ServiceName;
		keys.push(summary);
	}
	// Oldest first: the usual candidate for deletion.
	keys.sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? ''));
	return {keys};
}

function keyStatus(status: string | undefined): AccessKeySummary['status'] {
	return status === 'Active' || status === 'Inactive' || status === 'Expired' ? status : 'unknown';
}
