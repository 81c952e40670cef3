/** The state of a cached `aws sso login` token, from gather's SSO cache metadata (no file access here). */
import type {Snapshot} from '../gather/snapshot.js';

export type SsoTokenState = 'valid' | 'expired' | 'missing' | 'unreadable';

/** `key` is the sso_start_url (legacy profiles) or the sso-session name. */
export function ssoTokenState(snapshot: Snapshot, key: string, minimumValidityMs = 0): SsoTokenState {
	const entry = snapshot.ssoCache.find((candidate) => candidate.key === key);
	if (!entry || !entry.exists) return 'missing';
	if (entry.error || !entry.expiresAt) return 'unreadable';
	const expires = Date.parse(entry.expiresAt);
	if (Number.isNaN(expires)) return 'unreadable';
	return expires - snapshot.now > minimumValidityMs ? 'valid' : 'expired';
}
