import type {Snapshot} from '../../gather/snapshot.js';
import type {Verdict} from '../../credentials/verdict.js';
import type {Finding} from '../finding.js';
import {durationText} from '../duration-text.js';
import {profileOnDisk} from '../profiles-on-disk.js';
import {shellQuote} from '../shell-quote.js';

/**
 * The winning SSO profile needs a live token in ~/.aws/sso/cache; without one the chain stops with
 * "The SSO session token … was not found or is invalid" (errors-and-tls.md §6.1). The expiry can be read offline.
 */
export function ssoTokenChecks(snapshot: Snapshot, verdict: Verdict): Finding[] {
	const profile = ssoProfileInUse(verdict);
	if (profile === undefined) return [];
	const keys = profileOnDisk(snapshot, profile).keys;
	const cacheKey = keys['sso_session'] ?? keys['sso_start_url'];
	const login = `aws sso login --profile ${shellQuote(profile)}`;
	if (cacheKey === undefined) return [];
	const entry = snapshot.ssoCache.find(candidate => candidate.key === cacheKey);
	if (!entry || !entry.exists) {
		return [
			{
				id: 'sso-token',
				status: 'fail',
				title: `No SSO login for profile "${profile}"`,
				why: `There is no cached token for ${keys['sso_session'] ? `sso-session ${cacheKey}` : cacheKey}${entry ? ` (${entry.path})` : ''}, so the deploy stops with "The SSO session token … was not found or is invalid".`,
				fix: `Run \`${login}\`.`,
			},
		];
	}
	if (entry.error) {
		return [
			{
				id: 'sso-token',
				status: 'warn',
				title: `The SSO token cache for profile "${profile}" cannot be read`,
				why: `${entry.path}: ${entry.error}.`,
				fix: `Run \`${login}\` to write a fresh token.`,
			},
		];
	}
	const expiresAt = entry.expiresAt === undefined ? Number.NaN : Date.parse(entry.expiresAt);
	if (Number.isNaN(expiresAt)) {
		return [
			{
				id: 'sso-token',
				status: 'info',
				title: `The SSO token for profile "${profile}" has no readable expiry`,
				why: `${entry.path} has no expiresAt time, so only AWS can tell whether it is still valid.`,
				fix: `If the deploy says the token is invalid, run \`${login}\`.`,
			},
		];
	}
	const left = expiresAt - snapshot.now;
	if (left <= 0) {
		return [
			{
				id: 'sso-token',
				status: 'fail',
				title: `The SSO login for profile "${profile}" expired ${durationText(left)} ago`,
				why: `The cached token expired at ${new Date(expiresAt).toISOString()}; the deploy stops with "The SSO session token … was not found or is invalid".`,
				fix: `Run \`${login}\`.`,
			},
		];
	}
	return [
		{
			id: 'sso-token',
			status: 'ok',
			title: `The SSO login for profile "${profile}" is valid for ${durationText(left)}`,
			why: `The cached token expires at ${new Date(expiresAt).toISOString()}.`,
		},
	];
}

/**
 * The SSO profile the deploy depends on: the winner, or (v4 and the SDK, which support SSO profiles) the SSO profile
 * whose missing or expired token stops the run. Serverless v3 rejects named SSO profiles for another reason, which
 * the named-profile check explains.
 */
export function ssoProfileInUse(verdict: Verdict): string | undefined {
	if (verdict.winner) return verdict.winner.kind === 'sso' ? (verdict.winner.profile ?? 'default') : undefined;
	if (verdict.engine === 'serverless-v3') return undefined;
	const failing = verdict.candidates.find(candidate => candidate.status === 'error' && candidate.kind === 'sso');
	return failing ? (failing.profile ?? 'default') : undefined;
}
