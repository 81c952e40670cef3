/**
 * One catalogue for every error the doctor explains (errors-and-tls.md): code or message → what happened → the likely
 * cause on this machine → the fix. Pure; never loads the AWS SDK.
 */
import {awsServiceErrors} from './errors/aws-service-errors.js';
import type {CatalogueEntry, ErrorMatch} from './errors/catalogue-entry.js';
import {credentialProviderErrors} from './errors/credential-provider-errors.js';
import {networkErrors} from './errors/network-errors.js';
import {serverlessErrors} from './errors/serverless-errors.js';
import {machineFacts, type ErrorContext, type MachineFacts} from './machine-facts.js';
import {maskSecretsInText} from './mask-text.js';

export type {ErrorContext} from './machine-facts.js';

export interface Explanation {
	id: string;
	title: string;
	what: string;
	likelyCause: string[];
	fix: string[];
	/** For pasted logs: the (masked) line the error was recognised in. */
	evidence?: string;
}

export interface ErrorInput {
	/** `e.Code` (awsQuery wire code), a Serverless code, or Node's `code`. */
	code?: string;
	/** `e.name` (the SDK shape name, e.g. `EntityAlreadyExistsException`). */
	name?: string;
	message: string;
	httpStatus?: number;
}

export const CATALOGUE: readonly CatalogueEntry[] = [...serverlessErrors, ...awsServiceErrors, ...credentialProviderErrors, ...networkErrors];

/** Names that say nothing about the error: the message decides. */
const GENERIC_NAMES = new Set(['Error', 'TypeError', 'AggregateError', 'CredentialsProviderError', 'ProviderError', 'ServerlessError', 'ServiceException', 'SystemError', 'UnknownError']);

const byCode = new Map<string, CatalogueEntry>();
/** Serverless v3 `AWS_<SERVICE>_<METHOD>_<CODE>` suffixes, longest first so `…_EXPIRED_TOKEN_EXCEPTION` beats `…_EXPIRED_TOKEN`. */
const serverlessSuffixes: Array<{suffix: string; entry: CatalogueEntry}> = [];
for (const entry of CATALOGUE) {
	for (const code of entry.codes) {
		if (!byCode.has(code)) byCode.set(code, entry);
		if (/^[A-Z][a-z]/.test(code)) serverlessSuffixes.push({suffix: `_${serverlessCodePostfix(code)}`, entry});
	}
}
serverlessSuffixes.sort((a, b) => b.suffix.length - a.suffix.length);

/** Serverless v3 `normalizeErrorCodePostfix`: `_` before every capital but the first, then upper case. */
export function serverlessCodePostfix(code: string): string {
	return code.replace(/(?!^)([A-Z])/g, '_$1').toUpperCase();
}

export function entryForCode(code: string | undefined): CatalogueEntry | undefined {
	if (!code || GENERIC_NAMES.has(code)) return undefined;
	const direct = byCode.get(code);
	if (direct) return direct;
	if (/^AWS_[A-Z0-9_]+$/.test(code)) return serverlessSuffixes.find(({suffix}) => code.endsWith(suffix))?.entry;
	return undefined;
}

export function entryById(id: string): CatalogueEntry | undefined {
	return CATALOGUE.find(entry => entry.id === id);
}

/** The entry whose pattern matches earliest in the message (ties: catalogue order). */
export function entryForMessage(message: string): {entry: CatalogueEntry; match: ErrorMatch; index: number} | undefined {
	let best: {entry: CatalogueEntry; match: ErrorMatch; index: number} | undefined;
	for (const entry of CATALOGUE) {
		for (const pattern of entry.patterns) {
			const found = pattern.exec(message);
			if (found && (best === undefined || found.index < best.index)) {
				best = {entry, index: found.index, match: {message, groups: definedGroups(found.groups)}};
			}
		}
	}
	return best;
}

/** Captured pieces go into explanation text, so anything secret-shaped in them is masked first. */
export function definedGroups(groups: Record<string, string | undefined> | undefined): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [key, value] of Object.entries(groups ?? {})) if (value !== undefined) result[key] = maskSecretsInText(value.trim());
	return result;
}

export function explainError(error: ErrorInput, context?: ErrorContext): Explanation | undefined {
	return explainWith(error, machineFacts(context), 0);
}

/** Same as explainError with facts computed once (explainText explains many errors against one machine). */
export function explainWith(error: ErrorInput, facts: MachineFacts, depth: number): Explanation | undefined {
	const message = error.message ?? '';
	const byMessage = entryForMessage(message);
	const byIdentifier = entryForCode(error.code) ?? entryForCode(error.name);
	let entry = byIdentifier ?? byMessage?.entry;
	if (!entry && (error.name === 'CredentialsProviderError' || error.code === 'CredentialsProviderError')) entry = entryById('credential-lookup-failed');
	// A clock-skew text wins over the code it travels under (SignatureDoesNotMatch "Signature expired: …").
	if (byIdentifier && byMessage && byMessage.entry.supersedes?.includes(byIdentifier.id)) entry = byMessage.entry;
	if (!entry) return undefined;
	const match = byMessage?.entry === entry ? byMessage.match : groupsFor(entry, message);
	const explanation = describe(entry, facts, match);
	const inner = match.groups.inner;
	if (inner && depth < 2) {
		const nested = explainWith({message: inner}, facts, depth + 1);
		if (nested && nested.id !== explanation.id) {
			explanation.title = `${explanation.title} — ${nested.title}`;
			explanation.likelyCause = [...new Set([...nested.likelyCause, ...explanation.likelyCause])];
			explanation.fix = [...new Set([...nested.fix, ...explanation.fix])];
		}
	}
	return explanation;
}

function groupsFor(entry: CatalogueEntry, message: string): ErrorMatch {
	for (const pattern of entry.patterns) {
		const found = pattern.exec(message);
		if (found) return {message, groups: definedGroups(found.groups)};
	}
	return {message, groups: {}};
}

export function describe(entry: CatalogueEntry, facts: MachineFacts, match: ErrorMatch): Explanation {
	return {
		id: entry.id,
		title: entry.title,
		what: entry.what,
		likelyCause: [...new Set(entry.causes(facts, match))],
		fix: [...new Set(entry.fix(facts, match))],
	};
}
