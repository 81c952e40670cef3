/**
 * Asks AWS who the winning credentials belong to (STS GetCallerIdentity: needs no permission, so a failure is a
 * credential, clock, network, TLS or opt-in problem). Bounded by one deadline; never throws for AWS or network
 * problems — every failure comes back classified through the error catalogue, scrubbed of secrets.
 */
import type {Snapshot} from '../gather/snapshot.js';
import type {Verdict, Winner} from '../credentials/verdict.js';
import {awsClientConfig, type ClientSettings} from './client-config.js';
import {loadProviders, probeCredentials} from './credential-sources.js';
import {explainError} from './error-catalogue.js';
import type {Identity, ProbeFailure, ProbeResult} from './identity.js';
import {maskSecretsInText, scrubKnownSecrets} from './mask-text.js';

export const DEFAULT_PROBE_DEADLINE_MS = 10_000;

export interface ProbeInput {
	snapshot: Snapshot;
	winner: Winner;
	region?: string;
	/** The whole probe, credential resolution included (default 10 s). */
	deadlineMs?: number;
	/** Improves the explanation of a failure (optional). */
	verdict?: Verdict;
	/** The user gave up (Ctrl-C): the request is aborted at once and the probe answers `Cancelled`. */
	signal?: AbortSignal;
	/** The MFA device's one-time code, for a role profile with `mfa_serial` (the SDK asks for it through a callback). */
	mfaCode?: string;
}

class ProbeCancelled extends Error {
	constructor() {
		super('The check was cancelled.');
		this.name = 'Cancelled';
	}
}

class ProbeDeadline extends Error {
	constructor(readonly deadlineMs: number) {
		super(`AWS STS did not answer within ${deadlineMs} ms.`);
		this.name = 'Timeout';
	}
}

export function principalOf(arn: string): Identity['principal'] {
	const resource = /^arn:aws[\w-]*:(?:iam|sts)::\d*:(.+)$/.exec(arn)?.[1];
	if (!resource) return 'other';
	if (resource === 'root') return 'root';
	if (resource.startsWith('user/')) return 'user';
	if (resource.startsWith('assumed-role/')) return 'assumed-role';
	if (resource.startsWith('federated-user/')) return 'federated-user';
	return 'other';
}

export async function probeIdentity(input: ProbeInput): Promise<ProbeResult> {
	const {snapshot, winner} = input;
	if (winner.source === 'dashboard-provider' || winner.kind === 'dashboard') {
		return {status: 'skipped', reason: 'Serverless fetches Dashboard provider credentials at deploy time; they cannot be checked from this machine.'};
	}
	if (input.signal?.aborted) return {status: 'failed', failure: classify(new ProbeCancelled(), [], 0)};
	const deadlineMs = input.deadlineMs ?? DEFAULT_PROBE_DEADLINE_MS;
	const started = Date.now();
	const abort = new AbortController();
	const secrets = new Set<string>();
	let settings: ClientSettings | undefined;
	let client: {destroy(): void} | undefined;
	let serverDateSkewMs: number | undefined;
	let timer: NodeJS.Timeout | undefined;

	const noteServerDate = (response: unknown): void => {
		const headers = (response as {headers?: Record<string, string | undefined>} | undefined)?.headers;
		const date = headers?.date ?? headers?.Date;
		const server = date ? Date.parse(date) : Number.NaN;
		// The header has 1 s resolution: the server's clock was somewhere in [date, date + 1 s).
		if (!Number.isNaN(server)) serverDateSkewMs = server + 500 - Date.now();
	};

	// Past the deadline the caller has its answer; whatever this chain creates afterwards is closed at once.
	const stopIfLate = (): void => {
		if (!abort.signal.aborted) return;
		client?.destroy();
		settings?.destroy();
		throw new ProbeDeadline(deadlineMs);
	};
	const work = (async () => {
		settings = await awsClientConfig({snapshot, region: input.region, deadlineMs, service: 'sts', profile: winner.profile});
		stopIfLate();
		const credentials = probeCredentials({
			snapshot,
			winner,
			settings,
			deadlineMs,
			secrets,
			providers: await loadProviders(),
			...(input.mfaCode === undefined ? {} : {mfaCode: input.mfaCode}),
		});
		const {STSClient, GetCallerIdentityCommand} = await import('@aws-sdk/client-sts');
		stopIfLate();
		const sts = new STSClient({...settings.clientConfig, credentials});
		client = sts;
		// Innermost in the deserialize step: sees every raw response (each retry), success or error.
		sts.middlewareStack.add(
			next => async args => {
				try {
					const result = await next(args);
					noteServerDate(result.response);
					return result;
				} catch (error) {
					noteServerDate((error as {$response?: unknown}).$response);
					throw error;
				}
			},
			{step: 'deserialize', name: 'slsCredsWizardServerDate', priority: 'low'},
		);
		return sts.send(new GetCallerIdentityCommand({}), {abortSignal: abort.signal});
	})();
	work.catch(() => undefined);
	let onCancel: (() => void) | undefined;
	const deadline = new Promise<never>((_resolve, reject) => {
		timer = setTimeout(() => reject(new ProbeDeadline(deadlineMs)), deadlineMs);
		// Credential resolution cannot always be interrupted: the probe answers at once and the chain stops at its next step.
		onCancel = () => reject(new ProbeCancelled());
		if (input.signal?.aborted) onCancel();
		else input.signal?.addEventListener('abort', onCancel, {once: true});
	});

	try {
		const output = await Promise.race([work, deadline]);
		const arn = output.Arn ?? '';
		return {
			status: 'ok',
			identity: {
				account: output.Account ?? '',
				arn,
				userId: output.UserId ?? '',
				principal: principalOf(arn),
				...(serverDateSkewMs === undefined ? {} : {clockSkewMs: serverDateSkewMs}),
				endpoint: settings?.endpoint.url ?? '',
			},
		};
	} catch (error) {
		abort.abort();
		await settled(work);
		const failure = classify(error, secrets, Date.now() - started);
		if (serverDateSkewMs !== undefined) failure.clockSkewMs = serverDateSkewMs;
		const explanation = explainError({code: failure.code, name: errorName(error), message: failure.message, httpStatus: failure.httpStatus}, {snapshot, verdict: input.verdict, winner});
		if (explanation) failure.explanationId = explanation.id;
		return {status: 'failed', failure};
	} finally {
		clearTimeout(timer);
		if (onCancel) input.signal?.removeEventListener('abort', onCancel);
		abort.abort();
		client?.destroy();
		settings?.destroy();
	}
}

/** Gives the aborted request a moment to unwind (its sockets close) without waiting on a hung credential step. */
async function settled(work: Promise<unknown>): Promise<void> {
	await Promise.race([work.then(() => undefined, () => undefined), new Promise(resolve => setTimeout(resolve, 50).unref())]);
}

function errorName(error: unknown): string | undefined {
	return typeof (error as {name?: unknown})?.name === 'string' ? (error as {name: string}).name : undefined;
}

interface ErrorShape {
	name?: string;
	message?: string;
	code?: string;
	Code?: string;
	errors?: ErrorShape[];
	$fault?: string;
	$metadata?: {httpStatusCode?: number; attempts?: number};
}

/** `e.Code ?? e.name` for AWS service errors, Node's `code` for network/TLS errors, `Timeout` for every deadline. */
export function classify(error: unknown, secrets: Iterable<string>, elapsedMs?: number): ProbeFailure {
	const e = (error ?? {}) as ErrorShape;
	const first = e.errors?.[0];
	let message = e.message || first?.message || String(error);
	const httpStatus = e.$metadata?.httpStatusCode;
	let code: string;
	if (error instanceof ProbeCancelled) {
		code = 'Cancelled';
	} else if (error instanceof ProbeDeadline || e.name === 'AbortError') {
		code = 'Timeout';
		if (!(error instanceof ProbeDeadline)) message = 'The probe was aborted at its deadline.';
	} else if (e.name === 'TimeoutError' && (!e.code || /^@smithy\/node-http-handler/.test(message))) {
		code = 'Timeout';
	} else if (httpStatus !== undefined || e.$fault) {
		code = e.Code ?? e.name ?? 'UnknownError';
	} else {
		code = e.code ?? first?.code ?? e.Code ?? e.name ?? 'Error';
	}
	const failure: ProbeFailure = {code, message: maskSecretsInText(scrubKnownSecrets(message, secrets)).slice(0, 2000)};
	if (httpStatus !== undefined) failure.httpStatus = httpStatus;
	if (e.$metadata?.attempts !== undefined) failure.attempts = e.$metadata.attempts;
	if (elapsedMs !== undefined) failure.elapsedMs = elapsedMs;
	return failure;
}
