/**
 * `profile set --verify`: does AWS accept this key? STS GetCallerIdentity through the doctor's probe, so the check
 * gets the same deadline, CA bundle, endpoint override and error catalogue. The key is checked as given, before
 * anything is written: a key AWS rejects is not saved.
 */
import {explainError} from '../aws/error-catalogue.js';
import {probeIdentity} from '../aws/probe-identity.js';
import {profileWinner} from '../credentials/profile-winner.js';
import type {Winner} from '../credentials/verdict.js';
import {gather} from '../gather/gather.js';
import type {Snapshot} from '../gather/snapshot.js';
import type {Secret} from '../secret.js';

export type VerifyOutcome =
	| {status: 'ok'; account: string; arn: string; userId: string; root: boolean}
	/** `answered`: AWS replied and refused; otherwise it could not be asked (network, TLS, timeout). */
	| {status: 'failed'; answered: boolean; code: string; message: string; title?: string; fix: string[]};

export interface VerifyInput {
	cwd: string;
	env: Readonly<Record<string, string | undefined>>;
	profile: string;
	accessKeyId: Secret;
	secretAccessKey: Secret;
	sessionToken?: Secret;
	region?: string;
	timeoutSeconds: number;
}

export async function verifyKey(input: VerifyInput): Promise<VerifyOutcome> {
	const snapshot = await gather({cwd: input.cwd, options: {}, processEnv: input.env});
	const winner: Winner = {
		source: 'ini-profile',
		title: `profile "${input.profile}" (as entered)`,
		kind: input.sessionToken ? 'temporary' : 'static',
		profile: input.profile,
		accessKeyId: input.accessKeyId,
		credentials: {
			type: 'static',
			accessKeyId: input.accessKeyId,
			secretAccessKey: input.secretAccessKey,
			...(input.sessionToken ? {sessionToken: input.sessionToken} : {}),
		},
	};
	return verifyWinner(snapshot, winner, input);
}

/**
 * Who a saved profile belongs to (`init-team` pre-fills each stage's account with it): the SDK resolves the profile
 * (keys, role, SSO, …) as a deploy would, then STS answers. `snapshot`: gathered once for several profiles.
 */
export async function verifyProfile(input: {
	cwd: string;
	env: Readonly<Record<string, string | undefined>>;
	profile: string;
	region?: string;
	timeoutSeconds: number;
	snapshot?: Snapshot;
}): Promise<VerifyOutcome> {
	const snapshot = input.snapshot ?? (await gather({cwd: input.cwd, options: {}, processEnv: input.env}));
	return verifyWinner(snapshot, profileWinner(input.profile), input);
}

async function verifyWinner(snapshot: Snapshot, winner: Winner, input: {region?: string; timeoutSeconds: number}): Promise<VerifyOutcome> {
	const result = await probeIdentity({snapshot, winner, region: input.region, deadlineMs: input.timeoutSeconds * 1000});
	if (result.status === 'ok') {
		const {account, arn, userId, principal} = result.identity;
		return {status: 'ok', account, arn, userId, root: principal === 'root'};
	}
	if (result.status === 'skipped') return {status: 'failed', answered: false, code: 'Skipped', message: result.reason, fix: []};
	const {failure} = result;
	const explanation = explainError({code: failure.code, message: failure.message, httpStatus: failure.httpStatus}, {snapshot, winner});
	return {
		status: 'failed',
		answered: failure.httpStatus !== undefined,
		code: failure.code,
		message: failure.message,
		...(explanation ? {title: explanation.title} : {}),
		fix: explanation?.fix ?? [],
	};
}
