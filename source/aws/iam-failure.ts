/**
 * What went wrong with an IAM call, in the terms the wizard branches on (user exists → reuse or rename; two keys →
 * offer to delete one; AccessDenied → name the missing permission and switch to the console path), always with the
 * catalogue's explanation (what happened, why, fix) and with secrets scrubbed from every text.
 */
import type {Winner} from '../credentials/verdict.js';
import type {Snapshot} from '../gather/snapshot.js';
import {explainError, type Explanation} from './error-catalogue.js';
import type {AccessKeySummary} from './iam-access-keys.js';
import {classify} from './probe-identity.js';

export type IamOperation =
	| 'CreateUser'
	| 'GetUser'
	| 'CreatePolicy'
	| 'AttachUserPolicy'
	| 'CreateAccessKey'
	| 'ListAccessKeys'
	| 'DeleteAccessKey'
	| 'GetAccessKeyLastUsed';

interface IamFailureBase {
	/** The IAM API call that failed. */
	operation: IamOperation;
	/** The AWS wire code (`EntityAlreadyExists`, not the SDK's `…Exception`), Node's `code`, or `Timeout`. */
	code: string;
	/** Scrubbed of secrets and masked. */
	message: string;
	httpStatus?: number;
	/** HTTP attempts the SDK made (1: create calls are never retried). */
	attempts?: number;
	explanation?: Explanation;
}

export type IamFailure = IamFailureBase &
	(
		| {kind: 'user-exists'; userName?: string}
		| {kind: 'policy-exists'; policyName?: string; policyArn?: string}
		/** The user already has the 2 keys IAM allows (active or inactive); one must be deleted first. */
		| {kind: 'too-many-keys'; userName?: string; keys: AccessKeySummary[]}
		/** `deniedAction` comes from AWS's message when it names one, otherwise it is the action this call needs. */
		| {kind: 'access-denied'; deniedAction: string; identityArn?: string; resource?: string}
		| {kind: 'malformed-policy'}
		| {kind: 'no-such-entity'}
		/** AWS does not accept the admin credentials themselves (unknown key, wrong secret, expired token). */
		| {kind: 'credentials-rejected'}
		| {kind: 'other'}
	);

export type IamFailureKind = IamFailure['kind'];

export interface IamErrorContext {
	operation: IamOperation;
	snapshot: Snapshot;
	winner: Winner;
	secrets: Iterable<string>;
	userName?: string;
	policyName?: string;
}

const REJECTED_CREDENTIALS = new Set(['InvalidClientTokenId', 'UnrecognizedClientException', 'SignatureDoesNotMatch', 'ExpiredToken', 'ExpiredTokenException', 'InvalidAccessKeyId']);

/** `EntityAlreadyExistsException` (the SDK's shape name) and `EntityAlreadyExists` (the wire code) are one error. */
export function wireCode(code: string): string {
	return code.endsWith('Exception') && code !== 'ExpiredTokenException' && code !== 'UnrecognizedClientException' ? code.slice(0, -'Exception'.length) : code;
}

/** The permission each call needs: what to name when AWS's message does not. */
export function actionFor(operation: IamOperation): string {
	return `iam:${operation}`;
}

/** "User: arn:… is not authorized to perform: iam:CreateUser on resource: arn:… because …" (errors-and-tls.md §2). */
export function parseAccessDenied(message: string): {action?: string; identityArn?: string; resource?: string} {
	const found = /(?:User: (?<arn>arn:aws[\w-]*:\S+) )?is not authorized to perform: (?<action>[\w-]+:[\w*-]+)(?: on resource: (?<resource>[^\s,]+))?/i.exec(message);
	const groups = found?.groups ?? {};
	return {
		...(groups.action ? {action: groups.action} : {}),
		...(groups.arn ? {identityArn: groups.arn} : {}),
		...(groups.resource ? {resource: groups.resource} : {}),
	};
}

export function classifyIamError(error: unknown, context: IamErrorContext): IamFailure {
	const probe = classify(error, context.secrets);
	const code = wireCode(probe.code);
	const explanation = explainError({code, name: probe.code, message: probe.message, httpStatus: probe.httpStatus}, {snapshot: context.snapshot, winner: context.winner});
	const base: IamFailureBase = {
		operation: context.operation,
		code,
		message: probe.message,
		...(probe.httpStatus === undefined ? {} : {httpStatus: probe.httpStatus}),
		...(probe.attempts === undefined ? {} : {attempts: probe.attempts}),
		...(explanation ? {explanation} : {}),
	};
	const userName = context.userName === undefined ? {} : {userName: context.userName};

	if (code === 'EntityAlreadyExists' && context.operation === 'CreatePolicy') {
		return {...base, kind: 'policy-exists', ...(context.policyName === undefined ? {} : {policyName: context.policyName})};
	}
	if (code === 'EntityAlreadyExists') return {...base, kind: 'user-exists', ...userName};
	if (code === 'LimitExceeded' && context.operation === 'CreateAccessKey') return {...base, kind: 'too-many-keys', ...userName, keys: []};
	if (code === 'AccessDenied' || code === 'AccessDeniedException') {
		const parsed = parseAccessDenied(probe.message);
		return {
			...base,
			kind: 'access-denied',
			deniedAction: parsed.action ?? actionFor(context.operation),
			...(parsed.identityArn ? {identityArn: parsed.identityArn} : {}),
			...(parsed.resource ? {resource: parsed.resource} : {}),
		};
	}
	if (code === 'MalformedPolicyDocument') return {...base, kind: 'malformed-policy'};
	if (code === 'NoSuchEntity') return {...base, kind: 'no-such-entity'};
	if (REJECTED_CREDENTIALS.has(code)) return {...base, kind: 'credentials-rejected'};
	return {...base, kind: 'other'};
}
