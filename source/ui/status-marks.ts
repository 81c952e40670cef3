import type {FindingStatus} from '../doctor/finding.js';
import type {CredentialKind, SourceStatus} from '../credentials/verdict.js';

/** Symbols and words for statuses: every status reads without colour. */
export const findingSymbol: Record<FindingStatus, string> = {ok: '✔', warn: '⚠', fail: '✖', info: 'ℹ'};

export const sourceSymbol: Record<SourceStatus, string> = {
	winner: '★',
	shadowed: '○',
	skipped: '–',
	absent: '·',
	error: '✖',
	'not-evaluated': '?',
};

export const sourceLabel: Record<SourceStatus, string> = {
	winner: 'winner',
	shadowed: 'shadowed',
	skipped: 'skipped',
	absent: 'not set',
	error: 'error',
	'not-evaluated': 'not evaluated',
};

export const kindLabel: Record<CredentialKind, string> = {
	static: 'long-term keys',
	temporary: 'temporary keys',
	role: 'assumed role',
	sso: 'IAM Identity Center (SSO)',
	process: 'credential_process',
	'web-identity': 'web identity',
	login: 'aws login',
	dashboard: 'Serverless Dashboard',
	container: 'container credentials',
	'instance-metadata': 'instance metadata',
	unknown: 'unknown kind',
};
