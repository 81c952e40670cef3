/**
 * Serverless v3 step 8: when steps 1–7 give nothing, AWS SDK v2 picks credentials itself at the first request
 * (credential-resolution.md §2.6). Client construction tries env `AWS_*`, env `AMAZON_*` and the profile's static keys
 * (roles disabled); the request-time chain then adds SSO, role profiles, ECS, `credential_process`, web identity and
 * IMDS. The profile is `AWS_PROFILE || 'default'` (`AWS_DEFAULT_PROFILE` is ignored here), read from the files of the
 * `sdk-default` choice (`~/.aws/credentials` unless `AWS_SDK_LOAD_CONFIG` is set: scenario S15).
 */
import type {Snapshot} from '../gather/snapshot.js';
import {Secret} from '../secret.js';
import type {Outcome} from './assessment.js';
import {isSet} from './environment.js';
import {isSsoProfile, type ProfileKeys} from './profile-kind.js';
import {v2ProfileSet, type V2ProfileSet} from './sdk-v2-profiles.js';
import {ssoTokenState} from './sso-token.js';

export const V3_NOT_FOUND_MESSAGE =
	'AWS provider credentials not found. Learn how to set up AWS provider credentials in our docs here: <http://slss.io/aws-creds-setup>.';

export interface V2Fallback {
	outcome: Outcome;
	/** The profile the chain reads. */
	profile: string;
	/** Which link answers, in words (for the title and traps). */
	link?: string;
	/** The files it read. */
	files: string[];
}

export function sdkV2Fallback(snapshot: Snapshot): V2Fallback {
	const env = snapshot.env;
	const profile = env['AWS_PROFILE'] || 'default';
	const set = v2ProfileSet(snapshot, 'sdk-default');
	const keys: ProfileKeys | undefined = set.unreadable ? undefined : set.profiles[profile];
	const hasKeys = keys !== undefined && Object.keys(keys).length > 0;
	const found = (link: string, outcome: Outcome): V2Fallback => ({outcome, profile, link, files: set.files});

	for (const prefix of ['AWS', 'AMAZON']) {
		const id = env[`${prefix}_ACCESS_KEY_ID`];
		const secret = env[`${prefix}_SECRET_ACCESS_KEY`];
		if (id && secret) {
			const token = env[`${prefix}_SESSION_TOKEN`];
			const literal = id === 'undefined' || secret === 'undefined' ? ' (one holds the literal text "undefined": AWS will reject it)' : '';
			return found(`${prefix}_ACCESS_KEY_ID/${prefix}_SECRET_ACCESS_KEY`, {
				type: 'usable',
				reason: `SDK v2 falls back to ${prefix}_ACCESS_KEY_ID and ${prefix}_SECRET_ACCESS_KEY${literal}.`,
				use: {
					kind: token ? 'temporary' : 'static',
					accessKeyId: new Secret(id),
					credentials: {
						type: 'static',
						accessKeyId: new Secret(id),
						secretAccessKey: new Secret(secret),
						...(token ? {sessionToken: new Secret(token)} : {}),
					},
				},
			});
		}
	}

	const where = `profile "${profile}" in ${set.files.join(' + ') || 'the shared files'}`;
	if (hasKeys && !keys['role_arn'] && keys['aws_access_key_id'] && keys['aws_secret_access_key']) {
		const token = keys['aws_session_token'];
		return found(where, {
			type: 'usable',
			reason: `SDK v2 falls back to the static keys of ${where}.`,
			use: {
				kind: token ? 'temporary' : 'static',
				profile,
				accessKeyId: new Secret(keys['aws_access_key_id']),
				credentials: {
					type: 'static',
					accessKeyId: new Secret(keys['aws_access_key_id']),
					secretAccessKey: new Secret(keys['aws_secret_access_key']),
					...(token ? {sessionToken: new Secret(token)} : {}),
				},
			},
		});
	}

	if (hasKeys && isSsoProfile(keys) && ssoUsable(snapshot, keys)) {
		return found(where, {
			type: 'usable',
			reason: `SDK v2 falls back to the SSO settings of ${where} (cached "aws sso login" token).`,
			use: {kind: 'sso', profile, credentials: {type: 'chain', profile}},
		});
	}

	if (hasKeys && keys['role_arn'] && roleSourceUsable(keys, set)) {
		return found(where, {
			type: 'usable',
			reason: `SDK v2 falls back to ${where}, assuming ${keys['role_arn']} at the first request.`,
			use: {kind: 'role', profile, roleArn: keys['role_arn'], credentials: {type: 'chain', profile}},
		});
	}

	if (isSet(env, 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI') || isSet(env, 'AWS_CONTAINER_CREDENTIALS_FULL_URI')) {
		return found('container credentials', {
			type: 'usable',
			reason: 'SDK v2 falls back to the container credentials endpoint (AWS_CONTAINER_CREDENTIALS_*_URI).',
			use: {kind: 'container', credentials: {type: 'chain'}},
		});
	}

	if (hasKeys && keys['credential_process']) {
		return found(where, {
			type: 'usable',
			reason: `SDK v2 falls back to the credential_process of ${where}.`,
			use: {kind: 'process', profile, credentials: {type: 'chain', profile}},
		});
	}

	if (isSet(env, 'AWS_WEB_IDENTITY_TOKEN_FILE') && isSet(env, 'AWS_ROLE_ARN') && tokenFileReadable(snapshot, env['AWS_WEB_IDENTITY_TOKEN_FILE']!)) {
		return found('AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN', {
			type: 'usable',
			reason: 'SDK v2 falls back to web identity (AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN).',
			use: {kind: 'web-identity', roleArn: env['AWS_ROLE_ARN']!, credentials: {type: 'chain'}},
		});
	}
	if (hasKeys && profileWebIdentity(keys, set)) {
		return found(where, {
			type: 'usable',
			reason: `SDK v2 falls back to the web identity settings of ${where}.`,
			use: {kind: 'web-identity', profile, credentials: {type: 'chain', profile}},
		});
	}

	return {
		profile,
		files: set.files,
		outcome: {
			type: 'fails',
			reason: `Steps 1–7 gave nothing and SDK v2's own chain finds nothing either (it reads ${where}; EC2 instance metadata only answers on AWS compute).`,
			error: {code: 'AWS_CREDENTIALS_NOT_FOUND', message: V3_NOT_FOUND_MESSAGE, source: 'sdk-default-chain'},
		},
	};
}

function ssoUsable(snapshot: Snapshot, keys: ProfileKeys): boolean {
	if (keys['sso_session']) {
		if (!keys['sso_account_id'] || !keys['sso_role_name']) return false;
		return ssoTokenState(snapshot, keys['sso_session']) === 'valid';
	}
	if (!keys['sso_start_url'] || !keys['sso_account_id'] || !keys['sso_region'] || !keys['sso_role_name']) return false;
	// SDK v2 wants 15 minutes of validity left.
	return ssoTokenState(snapshot, keys['sso_start_url'], 15 * 60 * 1000) === 'valid';
}

/** The source profile is read with `preferStaticCredentials`: its static keys, else its own role. */
function roleSourceUsable(keys: ProfileKeys, set: V2ProfileSet, seen: Set<string> = new Set()): boolean {
	const sourceName = keys['source_profile'];
	if (!sourceName || seen.has(sourceName)) return false;
	const source = set.profiles[sourceName];
	if (!source || Object.keys(source).length === 0) return false;
	if (source['aws_access_key_id'] && source['aws_secret_access_key']) return true;
	if (source['role_arn']) return roleSourceUsable(source, set, new Set([...seen, sourceName]));
	return false;
}

function profileWebIdentity(keys: ProfileKeys, set: V2ProfileSet): boolean {
	let current: ProfileKeys | undefined = keys;
	const seen = new Set<string>();
	while (current && !current['web_identity_token_file'] && current['source_profile']) {
		const next: string = current['source_profile'];
		if (seen.has(next)) return false;
		seen.add(next);
		current = set.profiles[next];
	}
	return Boolean(current && current['web_identity_token_file'] && current['role_arn']);
}

function tokenFileReadable(snapshot: Snapshot, path: string): boolean {
	const file = snapshot.tokenFiles[path];
	// gather records every token file it was told about; an unknown one is assumed present.
	return file === undefined || (file.exists && file.error === undefined);
}
