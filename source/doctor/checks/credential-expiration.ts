import type {Snapshot} from '../../gather/snapshot.js';
import type {Verdict} from '../../credentials/verdict.js';
import type {Finding} from '../finding.js';
import {durationText} from '../duration-text.js';
import {envSet} from '../environment.js';

/**
 * The SDK sends env credentials whose AWS_CREDENTIAL_EXPIRATION is past (or unparseable) and only AWS answers
 * ExpiredToken (credential-resolution.md §4.5), so compare with the clock here.
 */
export function credentialExpirationChecks(snapshot: Snapshot, verdict: Verdict): Finding[] {
	const value = envSet(snapshot.env, 'AWS_CREDENTIAL_EXPIRATION');
	if (value === undefined || !envSet(snapshot.env, 'AWS_ACCESS_KEY_ID')) return [];
	const used = verdict.winner?.source === 'env-keys';
	const refresh =
		'Get fresh temporary keys from where these came from (e.g. `aws configure export-credentials --profile <name> --format env`, or your SSO portal) and export all three AWS_ variables again.';
	const expiresAt = Date.parse(value);
	if (Number.isNaN(expiresAt)) {
		return [
			{
				id: 'env-credential-expiration',
				status: 'warn',
				title: 'AWS_CREDENTIAL_EXPIRATION is not a date',
				why: `"${value}" is not an ISO 8601 time, so nobody can tell whether the environment keys are still valid; the SDK sends them regardless.`,
				fix: 'Set it to the Expiration value that came with the keys (e.g. 2030-01-01T00:00:00Z), or unset it.',
			},
		];
	}
	const left = expiresAt - snapshot.now;
	if (left <= 0) {
		return [
			{
				id: 'env-credential-expiration',
				status: used ? 'fail' : 'warn',
				title: `The environment keys expired ${durationText(left)} ago`,
				why: `AWS_CREDENTIAL_EXPIRATION is ${new Date(expiresAt).toISOString()}. The SDK still sends the keys and AWS answers ExpiredToken.${used ? '' : ' They are not what this deploy uses, but `aws` commands may pick them up.'}`,
				fix: refresh,
			},
		];
	}
	return [
		{
			id: 'env-credential-expiration',
			status: 'ok',
			title: `The environment keys are valid for ${durationText(left)}`,
			why: `AWS_CREDENTIAL_EXPIRATION is ${new Date(expiresAt).toISOString()}.`,
		},
	];
}
