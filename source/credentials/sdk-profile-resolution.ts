/**
 * `fromIni` for one profile, as the AWS SDK for JavaScript v3 resolves it (`@aws-sdk/credential-provider-ini`
 * `resolveProfileData`, credential-resolution.md §4.3–4.4), without running anything: a `credential_process` is assumed
 * to succeed and role/SSO/web-identity calls are assumed to be answered. What matters offline is the *decision*: which
 * branch is taken, and whether the failure lets the chain go on (`tryNextLink`) or stops it.
 */
import type {Env, Snapshot} from '../gather/snapshot.js';
import {Secret} from '../secret.js';
import type {UsableCredentials} from './assessment.js';
import {
	hasStaticKeys,
	isCredentialSourceWithoutRoleArn,
	isRoleProfile,
	isSsoProfile,
	isWebIdentityProfile,
	type ProfileKeys,
} from './profile-kind.js';
import {ssoTokenState} from './sso-token.js';

export type SdkProfileResult =
	| {type: 'usable'; reason: string; use: UsableCredentials; mfaSerial?: string}
	/** A `CredentialsProviderError` with `tryNextLink`: the chain moves on. */
	| {type: 'soft'; reason: string}
	/** Anything else: the chain stops with this error. */
	| {type: 'hard'; reason: string; error: {code: string; message: string}};

export interface SdkProfileContext {
	snapshot: Snapshot;
	profiles: Readonly<Record<string, ProfileKeys>>;
	ssoSessions: Readonly<Record<string, ProfileKeys>>;
	/** Serverless v4 passes an MFA prompt; plain SDK clients do not. */
	mfaPrompt: boolean;
	/** The name the chain was asked for (used in the SDK's cycle message). */
	topProfile: string;
}

const KNOWN_CREDENTIAL_SOURCES = ['Environment', 'Ec2InstanceMetadata', 'EcsContainer'];
const SSO_REFRESH = 'To refresh this SSO session run aws sso login with the corresponding profile.';
const SSO_TOKEN_REFRESH = `To refresh this SSO session run 'aws sso login' with the corresponding profile.`;

export function resolveSdkProfile(
	name: string,
	context: SdkProfileContext,
	visited: Readonly<Record<string, true>> = {},
	viaCredentialSource = false,
): SdkProfileResult {
	const data = context.profiles[name];
	const nested = Object.keys(visited).length > 0;
	if (nested && data && hasStaticKeys(data)) return staticResult(name, data);
	if (data && (viaCredentialSource || isRoleProfile(data))) return resolveRole(name, data, context, visited);
	if (data && hasStaticKeys(data)) return staticResult(name, data);
	if (data && isWebIdentityProfile(data)) {
		const path = data['web_identity_token_file']!;
		const file = context.snapshot.tokenFiles[path];
		if (file && (!file.exists || file.error)) {
			return {
				type: 'hard',
				reason: `Profile "${name}" reads its web identity token from ${path}, which ${file.exists ? 'cannot be read' : 'does not exist'}.`,
				error: {code: file.error?.code ?? 'ENOENT', message: `ENOENT: no such file or directory, open '${path}'`},
			};
		}
		return usable(`Profile "${name}" assumes ${data['role_arn']} with the web identity token in ${path}.`, {
			kind: 'web-identity',
			profile: name,
			roleArn: data['role_arn']!,
			credentials: {type: 'profile', profile: name},
		});
	}
	if (data && data['credential_process'] !== undefined) {
		return usable(`Profile "${name}" runs its credential_process.`, {kind: 'process', profile: name, credentials: {type: 'profile', profile: name}});
	}
	if (data && isSsoProfile(data)) return resolveSso(name, data, context);
	if (data && data['login_session']) {
		return usable(`Profile "${name}" uses the login session "${data['login_session']}".`, {kind: 'login', profile: name, credentials: {type: 'profile', profile: name}});
	}
	const why = data ? `has no credentials the SDK recognises` : `does not exist in the credentials or config file`;
	return {type: 'soft', reason: `Profile "${name}" ${why}.`};
}

function resolveRole(name: string, data: ProfileKeys, context: SdkProfileContext, visited: Readonly<Record<string, true>>): SdkProfileResult {
	const sourceName = data['source_profile'];
	if (sourceName !== undefined && sourceName in visited) {
		return {
			type: 'soft',
			reason: `Detected a cycle attempting to resolve credentials for profile ${context.topProfile}. Profiles visited: ${Object.keys(visited).join(', ')}`,
		};
	}
	let source: SdkProfileResult;
	if (sourceName !== undefined) {
		const sourceData = context.profiles[sourceName] ?? {};
		source = resolveSdkProfile(sourceName, context, {...visited, [sourceName]: true}, isCredentialSourceWithoutRoleArn(sourceData));
	} else {
		source = resolveCredentialSource(name, data['credential_source']!, context.snapshot.env);
		// Only an unknown credential_source throws before the MFA check; the others fail when awaited, after it.
		if (source.type === 'soft' && !KNOWN_CREDENTIAL_SOURCES.includes(data['credential_source']!)) return source;
	}
	if (isCredentialSourceWithoutRoleArn(data)) return source;
	const mfaSerial = data['mfa_serial'];
	if (mfaSerial && !context.mfaPrompt) {
		return {
			type: 'hard',
			reason: `Profile "${name}" has mfa_serial, and a plain SDK client has no way to ask for the code.`,
			error: {
				code: 'CredentialsProviderError',
				message: `Profile ${name} requires multi-factor authentication, but no MFA code callback was provided.`,
			},
		};
	}
	if (source.type !== 'usable') return source;
	const via = sourceName === undefined ? `credential_source ${data['credential_source']}` : `source profile "${sourceName}"`;
	return {
		type: 'usable',
		reason: `Profile "${name}" assumes ${data['role_arn']} with ${via}${mfaSerial ? ' (asks for an MFA code)' : ''}.`,
		use: {kind: 'role', profile: name, roleArn: data['role_arn']!, credentials: {type: 'profile', profile: name}},
		...(mfaSerial ? {mfaSerial} : {}),
	};
}

function resolveCredentialSource(name: string, credentialSource: string, env: Env): SdkProfileResult {
	switch (credentialSource) {
		case 'Environment': {
			const id = env['AWS_ACCESS_KEY_ID'];
			const secret = env['AWS_SECRET_ACCESS_KEY'];
			if (id && secret) return usable(`credential_source Environment reads AWS_ACCESS_KEY_ID.`, {kind: 'static', accessKeyId: new Secret(id), credentials: {type: 'profile', profile: name}});
			return {type: 'soft', reason: `Profile "${name}" uses credential_source Environment, but AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY are not both set.`};
		}
		case 'Ec2InstanceMetadata':
			return usable(`credential_source Ec2InstanceMetadata (answers only on EC2).`, {kind: 'instance-metadata', credentials: {type: 'profile', profile: name}});
		case 'EcsContainer':
			return usable(`credential_source EcsContainer (answers only in a container).`, {kind: 'container', credentials: {type: 'profile', profile: name}});
		default:
			return {
				type: 'soft',
				reason: `Unsupported credential source in profile ${name}. Got ${credentialSource}, expected EcsContainer or Ec2InstanceMetadata or Environment.`,
			};
	}
}

function resolveSso(name: string, data: ProfileKeys, context: SdkProfileContext): SdkProfileResult {
	const profile: Record<string, string | undefined> = {...data};
	const sessionName = data['sso_session'];
	if (sessionName !== undefined) {
		const session = context.ssoSessions[sessionName];
		if (!session) {
			return {
				type: 'hard',
				reason: `Profile "${name}" names sso_session "${sessionName}", but there is no [sso-session ${sessionName}] in the config file.`,
				error: {code: 'TypeError', message: `Cannot read properties of undefined (reading 'sso_region')`},
			};
		}
		profile['sso_region'] = session['sso_region'];
		profile['sso_start_url'] = session['sso_start_url'];
	}
	const missing = ['sso_start_url', 'sso_account_id', 'sso_region', 'sso_role_name'].filter((key) => !profile[key]);
	if (missing.length > 0) {
		return {
			type: 'hard',
			reason: `SSO profile "${name}" lacks ${missing.join(', ')}.`,
			error: {
				code: 'CredentialsProviderError',
				message:
					`Profile is configured with invalid SSO credentials. Required parameters "sso_account_id", "sso_region", "sso_role_name", "sso_start_url". Got ${Object.keys(profile).join(', ')}\n` +
					'Reference: https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-sso.html',
			},
		};
	}
	const tokenKey = sessionName ?? profile['sso_start_url']!;
	// The session token provider refreshes tokens with less than 5 minutes left.
	const state = ssoTokenState(context.snapshot, tokenKey, sessionName === undefined ? 0 : 5 * 60 * 1000);
	const login = `aws sso login --profile ${name}`;
	if (state === 'valid') {
		return usable(`SSO profile "${name}" has a cached "aws sso login" token.`, {kind: 'sso', profile: name, credentials: {type: 'profile', profile: name}});
	}
	if (sessionName !== undefined) {
		const message =
			state === 'expired'
				? `Token is expired. ${SSO_TOKEN_REFRESH}`
				: `The SSO session token associated with profile=${name} was not found or is invalid. ${SSO_TOKEN_REFRESH}`;
		return {type: 'hard', reason: `SSO profile "${name}" has ${state === 'expired' ? 'an expired' : 'no'} cached token: run "${login}".`, error: {code: 'CredentialsProviderError', message}};
	}
	const message =
		state === 'expired'
			? `The SSO session associated with this profile has expired. ${SSO_REFRESH}`
			: `The SSO session associated with this profile is invalid. ${SSO_REFRESH}`;
	return {type: 'hard', reason: `SSO profile "${name}" has ${state === 'expired' ? 'an expired' : 'no'} cached token: run "${login}".`, error: {code: 'CredentialsProviderError', message}};
}

function staticResult(name: string, data: ProfileKeys): SdkProfileResult {
	const token = data['aws_session_token'];
	const literal = data['aws_access_key_id'] === 'undefined' || data['aws_secret_access_key'] === 'undefined';
	return usable(`Profile "${name}" has static keys${literal ? ' (one is the literal text "undefined": AWS will reject it)' : ''}.`, {
		kind: token === undefined ? 'static' : 'temporary',
		profile: name,
		accessKeyId: new Secret(data['aws_access_key_id']!),
		credentials: {
			type: 'static',
			accessKeyId: new Secret(data['aws_access_key_id']!),
			secretAccessKey: new Secret(data['aws_secret_access_key']!),
			...(token === undefined ? {} : {sessionToken: new Secret(token)}),
		},
	});
}

function usable(reason: string, use: UsableCredentials): SdkProfileResult {
	return {type: 'usable', reason, use};
}
