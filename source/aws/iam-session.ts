/**
 * One IAM client for the wizard's "create an IAM user for me" path, signed with the admin credentials the user chose
 * (a source the scan found, or keys pasted for this run only). Every call has a deadline and is sent once: IAM's
 * LimitExceeded is classified as throttling by the SDK and would otherwise be retried (errors-and-tls.md §7).
 */
import type {IAMClient} from '@aws-sdk/client-iam';
import type {Winner} from '../credentials/verdict.js';
import type {Snapshot} from '../gather/snapshot.js';
import type {Secret} from '../secret.js';
import {awsClientConfig, type ClientSettings} from './client-config.js';
import {loadProviders, probeCredentials} from './credential-sources.js';
import {classifyIamError, type IamFailure, type IamOperation} from './iam-failure.js';

export type IamSdk = typeof import('@aws-sdk/client-iam');

/** Admin keys typed into the wizard for this run; never stored unless the user asks. */
export interface PastedKeys {
	accessKeyId: Secret;
	secretAccessKey: Secret;
	sessionToken?: Secret;
}

/** A credential source the scan found (a Verdict's winner: static keys or a profile) or pasted keys. */
export type AdminCredentials = Winner | PastedKeys;

export interface IamCallInput {
	snapshot: Snapshot;
	credentials: AdminCredentials;
	/** Each IAM call (credential resolution included) must finish within this (default 15 s). */
	deadlineMs?: number;
}

export type IamOutcome<T> = ({status: 'ok'} & T) | {status: 'failed'; failure: IamFailure};

export const DEFAULT_IAM_DEADLINE_MS = 15_000;

export interface IamSession {
	/** Runs one IAM call; a failure comes back classified (never thrown for AWS, network or credential problems). */
	call<T>(operation: IamOperation, run: (sdk: IamSdk, client: IAMClient, abortSignal: AbortSignal) => Promise<T>): Promise<CallResult<T>>;
	close(): void;
}

export type CallResult<T> = {ok: true; value: T} | {ok: false; failure: IamFailure};

class CallDeadline extends Error {
	constructor(readonly deadlineMs: number) {
		super(`AWS IAM did not answer within ${deadlineMs} ms.`);
		this.name = 'Timeout';
	}
}

export function isPastedKeys(credentials: AdminCredentials): credentials is PastedKeys {
	return !('source' in credentials);
}

/**
 * Pasted keys travel as a static winner so the probe's credential code and the error catalogue treat them like any
 * other static keys. The source id only steers wording about environment variables, which must not apply here.
 */
export function adminWinner(credentials: AdminCredentials): Winner {
	if (!isPastedKeys(credentials)) return credentials;
	const {accessKeyId, secretAccessKey, sessionToken} = credentials;
	return {
		source: 'resolver-keys',
		title: 'the admin keys entered in the wizard',
		kind: sessionToken && sessionToken.length > 0 ? 'temporary' : 'static',
		accessKeyId,
		credentials: {type: 'static', accessKeyId, secretAccessKey, ...(sessionToken ? {sessionToken} : {})},
	};
}

export async function openIamSession(input: IamCallInput): Promise<IamSession> {
	const deadlineMs = input.deadlineMs ?? DEFAULT_IAM_DEADLINE_MS;
	const winner = adminWinner(input.credentials);
	const secrets = new Set<string>();
	const context = {snapshot: input.snapshot, winner, secrets};
	let settings: ClientSettings | undefined;
	let client: IAMClient | undefined;
	let sdk: IamSdk | undefined;
	let setupError: unknown;
	try {
		settings = await awsClientConfig({snapshot: input.snapshot, deadlineMs, service: 'iam', maxAttempts: 1, profile: winner.profile});
		const credentials = probeCredentials({snapshot: input.snapshot, winner, settings, deadlineMs, secrets, providers: await loadProviders()});
		sdk = await import('@aws-sdk/client-iam');
		client = new sdk.IAMClient({...settings.clientConfig, maxAttempts: 1, credentials});
	} catch (error) {
		// A bad endpoint URL or the test-mode loopback guard: every call reports it.
		setupError = error;
		settings?.destroy();
	}

	return {
		async call(operation, run) {
			if (!client || !sdk) return {ok: false, failure: classifyIamError(setupError, {...context, operation})};
			const abort = new AbortController();
			let timer: NodeJS.Timeout | undefined;
			const work = run(sdk, client, abort.signal);
			work.catch(() => undefined);
			const deadline = new Promise<never>((_resolve, reject) => {
				timer = setTimeout(() => reject(new CallDeadline(deadlineMs)), deadlineMs);
			});
			try {
				return {ok: true, value: await Promise.race([work, deadline])};
			} catch (error) {
				abort.abort();
				return {ok: false, failure: classifyIamError(error, {...context, operation})};
			} finally {
				clearTimeout(timer);
			}
		},
		close() {
			client?.destroy();
			settings?.destroy();
		},
	};
}

/** Opens a session for one unit of work and always closes it. */
export async function withIamSession<T>(input: IamCallInput, work: (session: IamSession) => Promise<T>): Promise<T> {
	const session = await openIamSession(input);
	try {
		return await work(session);
	} finally {
		session.close();
	}
}
