/** What AWS says about the winning credentials (STS GetCallerIdentity). */
export interface Identity {
	account: string;
	arn: string;
	userId: string;
	principal: 'user' | 'assumed-role' | 'root' | 'federated-user' | 'other';
	/** Server Date minus local clock in ms, from the response Date header (positive: local clock is behind). */
	clockSkewMs?: number;
	/** The STS endpoint the probe used. */
	endpoint: string;
}

/** A probe failure after classification through the error catalogue. */
export interface ProbeFailure {
	/** `e.Code ?? e.name`, or Node's `code` for network/TLS errors, or 'Timeout'. */
	code: string;
	message: string;
	httpStatus?: number;
	/** Catalogue id of the explanation (see aws/error-catalogue). */
	explanationId?: string;
	clockSkewMs?: number;
	/** How many HTTP attempts the SDK made (`$metadata.attempts`), when known. */
	attempts?: number;
	/** Milliseconds from the start of the probe to the failure. */
	elapsedMs?: number;
}

export type ProbeResult =
	| {status: 'ok'; identity: Identity}
	| {status: 'failed'; failure: ProbeFailure}
	| {status: 'skipped'; reason: string};
