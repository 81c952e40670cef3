/**
 * What a profile's keys make it, by the AWS SDK for JavaScript v3 rules (`@aws-sdk/credential-provider-ini`
 * `resolveProfileData`, credential-resolution.md §4.3). The order of the checks is the SDK's order: a profile with
 * both `role_arn` + `source_profile` and static keys is a role profile; one with static keys and `credential_process`
 * uses the keys.
 */
import type {CredentialKind} from './verdict.js';

export type ProfileKeys = Readonly<Record<string, string>>;

export function classifyProfile(keys: ProfileKeys): CredentialKind {
	if (isRoleProfile(keys)) return 'role';
	if (hasStaticKeys(keys)) return keys['aws_session_token'] === undefined ? 'static' : 'temporary';
	if (isWebIdentityProfile(keys)) return 'web-identity';
	if (keys['credential_process'] !== undefined) return 'process';
	if (isSsoProfile(keys)) return 'sso';
	if (keys['login_session']) return 'login';
	return 'unknown';
}

/** `role_arn` with exactly one of `source_profile` / `credential_source`; both or neither is not a role profile. */
export function isRoleProfile(keys: ProfileKeys): boolean {
	if (keys['role_arn'] === undefined) return false;
	return (keys['source_profile'] !== undefined) !== (keys['credential_source'] !== undefined);
}

export function hasStaticKeys(keys: ProfileKeys): boolean {
	return keys['aws_access_key_id'] !== undefined && keys['aws_secret_access_key'] !== undefined;
}

export function isWebIdentityProfile(keys: ProfileKeys): boolean {
	return keys['web_identity_token_file'] !== undefined && keys['role_arn'] !== undefined;
}

/** Any one `sso_*` key makes the SDK treat the profile as SSO. */
export function isSsoProfile(keys: ProfileKeys): boolean {
	return ['sso_start_url', 'sso_account_id', 'sso_session', 'sso_region', 'sso_role_name'].some((key) => keys[key] !== undefined);
}

/** A source profile with `credential_source` and no `role_arn` hands over the source's credentials directly. */
export function isCredentialSourceWithoutRoleArn(keys: ProfileKeys): boolean {
	return !keys['role_arn'] && Boolean(keys['credential_source']);
}

/** The user's words for a kind, used in reasons ("an SSO profile"). */
export function kindPhrase(kind: CredentialKind): string {
	switch (kind) {
		case 'static':
			return 'a static-key profile';
		case 'temporary':
			return 'a profile with temporary keys';
		case 'role':
			return 'a role profile';
		case 'sso':
			return 'an SSO profile';
		case 'process':
			return 'a credential_process profile';
		case 'web-identity':
			return 'a web-identity profile';
		case 'login':
			return 'a login_session profile';
		default:
			return 'a profile without credentials';
	}
}

/** A short description of what is in a profile that has no usable credentials, for "skipped" reasons. */
export function describeIncompleteKeys(keys: ProfileKeys): string {
	const key = keys['aws_access_key_id'] !== undefined;
	const secret = keys['aws_secret_access_key'] !== undefined;
	if (key && !secret) return 'has aws_access_key_id but no aws_secret_access_key';
	if (secret && !key) return 'has aws_secret_access_key but no aws_access_key_id';
	if (keys['aws_session_token'] !== undefined) return 'has only aws_session_token';
	const names = Object.keys(keys);
	if (names.length === 0) return 'is empty';
	return `has no credentials (only ${names.slice(0, 4).join(', ')}${names.length > 4 ? ', …' : ''})`;
}
