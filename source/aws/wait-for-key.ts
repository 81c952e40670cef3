/**
 * Checks a freshly created access key with STS GetCallerIdentity. IAM is eventually consistent: for a few seconds
 * after CreateAccessKey, STS may not know the key yet and answers InvalidClientTokenId. That one answer means "not
 * yet" and is retried with backoff inside a fixed budget; any other failure is final, and the whole wait is bounded.
 */
import type {Winner} from '../credentials/verdict.js';
import type {Snapshot} from '../gather/snapshot.js';
import type {Secret} from '../secret.js';
import type {Identity, ProbeFailure} from './identity.js';
import {probeIdentity} from './probe-identity.js';

export const DEFAULT_KEY_WAIT_MS = 20_000;
/** Waits between attempts; the last one repeats until the budget is spent. */
export const DEFAULT_KEY_WAIT_DELAYS_MS: readonly number[] = [500, 1000, 2000, 3000];
/** One attempt never gets more than this, so a hung endpoint still leaves room for a retry. */
const ATTEMPT_CAP_MS = 5000;
/** Below this, another attempt could not get an answer in time. */
const MIN_ATTEMPT_MS = 250;

/** STS's answer while IAM has not propagated the new key yet. */
export const NOT_YET_CODES: ReadonlySet<string> = new Set(['InvalidClientTokenId']);

export interface NewKey {
	accessKeyId: Secret;
	secretAccessKey: Secret;
}

export interface KeyWaitProgress {
	/** Attempts made so far (1 after the first). */
	attempt: number;
	elapsedMs: number;
	timeoutMs: number;
	/** The "not yet" code of the last attempt. */
	code: string;
	/** When the next attempt starts. */
	nextAttemptInMs: number;
}

export interface WaitForKeyInput {
	snapshot: Snapshot;
	key: NewKey;
	region?: string;
	/** The whole wait (default 20 s). */
	timeoutMs?: number;
	delaysMs?: readonly number[];
	onProgress?: (progress: KeyWaitProgress) => void;
	/** Ctrl-C: stop waiting at once. */
	signal?: AbortSignal;
}

interface Tally {
	attempts: number;
	elapsedMs: number;
}

export type KeyWaitResult =
	/** `rootKey`: the key belongs to the account root — it works, but the wizard warns against deploying with it. */
	| ({status: 'verified'; identity: Identity; rootKey: boolean} & Tally)
	/** AWS gave an answer that waiting will not change (wrong secret, clock skew, network, TLS…). */
	| ({status: 'failed'; failure: ProbeFailure} & Tally)
	| ({status: 'timed-out'; timeoutMs: number; lastFailure?: ProbeFailure} & Tally)
	| ({status: 'cancelled'} & Tally);

export function keyWinner(key: NewKey): Winner {
	return {
		source: 'resolver-keys',
		title: 'the new access key',
		kind: 'static',
		accessKeyId: key.accessKeyId,
		credentials: {type: 'static', accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey},
	};
}

export async function waitForKey(input: WaitForKeyInput): Promise<KeyWaitResult> {
	const timeoutMs = input.timeoutMs ?? DEFAULT_KEY_WAIT_MS;
	const delays = input.delaysMs && input.delaysMs.length > 0 ? input.delaysMs : DEFAULT_KEY_WAIT_DELAYS_MS;
	const winner = keyWinner(input.key);
	const started = Date.now();
	const tally = (attempts: number): Tally => ({attempts, elapsedMs: Date.now() - started});
	let lastFailure: ProbeFailure | undefined;
	let attempts = 0;

	while (true) {
		if (input.signal?.aborted) return {status: 'cancelled', ...tally(attempts)};
		const remaining = timeoutMs - (Date.now() - started);
		if (remaining < MIN_ATTEMPT_MS) break;
		attempts++;
		const probe = probeIdentity({
			snapshot: input.snapshot,
			winner,
			region: input.region,
			deadlineMs: Math.min(ATTEMPT_CAP_MS, remaining),
			...(input.signal ? {signal: input.signal} : {}),
		});
		const result = await untilAborted(probe, input.signal);
		if (result === 'aborted') return {status: 'cancelled', ...tally(attempts)};
		if (result.status === 'ok') return {status: 'verified', identity: result.identity, rootKey: result.identity.principal === 'root', ...tally(attempts)};
		if (result.status === 'skipped') return {status: 'failed', failure: {code: 'Skipped', message: result.reason}, ...tally(attempts)};
		if (!NOT_YET_CODES.has(result.failure.code)) return {status: 'failed', failure: result.failure, ...tally(attempts)};
		lastFailure = result.failure;

		const left = timeoutMs - (Date.now() - started);
		const delay = Math.min(delays[Math.min(attempts - 1, delays.length - 1)]!, Math.max(0, left - MIN_ATTEMPT_MS));
		if (left - delay < MIN_ATTEMPT_MS) break;
		input.onProgress?.({attempt: attempts, elapsedMs: Date.now() - started, timeoutMs, code: result.failure.code, nextAttemptInMs: delay});
		if ((await untilAborted(sleep(delay), input.signal)) === 'aborted') return {status: 'cancelled', ...tally(attempts)};
	}
	return {status: 'timed-out', timeoutMs, ...(lastFailure ? {lastFailure} : {}), ...tally(attempts)};
}

function sleep(ms: number): Promise<void> {
	return new Promise(resolve => setTimeout(resolve, ms));
}

async function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T | 'aborted'> {
	if (!signal) return work;
	if (signal.aborted) return 'aborted';
	let onAbort: (() => void) | undefined;
	const aborted = new Promise<'aborted'>(resolve => {
		onAbort = () => resolve('aborted');
		signal.addEventListener('abort', onAbort, {once: true});
	});
	try {
		return await Promise.race([work, aborted]);
	} finally {
		if (onAbort) signal.removeEventListener('abort', onAbort);
	}
}
