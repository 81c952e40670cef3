/**
 * Profiles as AWS SDK v2 (inside Serverless v3) sees them, and how its `SharedIniFileCredentials` constructor judges
 * one (credential-resolution.md §2.2–2.4; `aws-sdk` `lib/util.js` `getProfilesFromSharedConfig`,
 * `lib/credentials/shared_ini_file_credentials.js`).
 */
import type {FileRead, Snapshot} from '../gather/snapshot.js';
import {v2Profiles} from '../aws-files/v2-profiles.js';
import {isSet, isV3Valid, loadsConfigFile} from './environment.js';
import {describeIncompleteKeys, isSsoProfile, type ProfileKeys} from './profile-kind.js';
import type {CredentialKind} from './verdict.js';

export interface V2ProfileSet {
	profiles: Readonly<Record<string, ProfileKeys>>;
	/** Set when SDK v2 throws while reading the files, so every profile reads as missing. */
	unreadable?: string;
	/** The files read, for `origin`. */
	files: string[];
}

/**
 * `serverless-step`: Serverless v3 passes `AWS_SHARED_CREDENTIALS_FILE` explicitly as `filename` (steps 1, 2, 4, 6, 7).
 * `sdk-default`: no filename (the step-8 fallback and the source profile of a role): SDK v2 then honours
 * `AWS_SHARED_CREDENTIALS_FILE` only with `AWS_SDK_LOAD_CONFIG`, otherwise it reads `~/.aws/credentials`.
 */
export type V2FileChoice = 'serverless-step' | 'sdk-default';

export function v2ProfileSet(snapshot: Snapshot, choice: V2FileChoice): V2ProfileSet {
	const loadConfig = loadsConfigFile(snapshot.env);
	const credentialsFile = v2CredentialsFile(snapshot, choice);
	const credentials = textOf(credentialsFile);
	const config = loadConfig ? textOf(snapshot.configFile) : undefined;
	const parsed = v2Profiles({...(credentials === undefined ? {} : {credentials}), ...(config === undefined ? {} : {config})}, {loadConfig});
	const files = [credentialsFile.path, ...(loadConfig ? [snapshot.configFile.path] : [])];
	if (parsed.error) {
		const file = parsed.error.file === 'config' ? snapshot.configFile : credentialsFile;
		const why =
			parsed.error.reason === 'missing'
				? `${file.path} ${unreadableWhy(file)}`
				: `SDK v2 cannot parse ${file.path}${parsed.error.line ? ` (line ${parsed.error.line})` : ''}: ${parsed.error.message}`;
		const prefix = parsed.error.file === 'config' ? 'AWS_SDK_LOAD_CONFIG is set but ' : '';
		return {profiles: {}, files, unreadable: `${prefix}${why}, so SDK v2 reads no profile at all`};
	}
	return {profiles: parsed.merged, files};
}

function textOf(file: FileRead): string | undefined {
	return file.exists && file.error === undefined ? file.text : undefined;
}

export function v2CredentialsFile(snapshot: Snapshot, choice: V2FileChoice): FileRead {
	if (choice === 'serverless-step') return snapshot.credentialsFile;
	if (loadsConfigFile(snapshot.env) || !isSet(snapshot.env, 'AWS_SHARED_CREDENTIALS_FILE')) return snapshot.credentialsFile;
	return snapshot.homeCredentialsFile ?? snapshot.credentialsFile;
}

function unreadableWhy(file: FileRead): string {
	if (!file.exists) return 'does not exist';
	return `cannot be read (${file.error?.code ?? 'unreadable'})`;
}

export type V2ProfileJudgement =
	/** `SharedIniFileCredentials` ends with none of accessKeyId / sessionToken / roleArn: v3 says "doesn't seem to be configured". */
	| {exists: false; reason: string; kind?: CredentialKind}
	/** Exists for v3, but its keys fail `validCredentials`: silently skipped. */
	| {exists: true; valid: false; reason: string}
	| {
			exists: true;
			valid: true;
			kind: CredentialKind;
			accessKeyId?: string;
			secretAccessKey?: string;
			sessionToken?: string;
			roleArn?: string;
			sourceProfile?: string;
			mfaSerial?: string;
	  };

/** The top-level constructor call Serverless v3 makes for a named profile (no `preferStaticCredentials`). */
export function judgeV2Profile(name: string, set: V2ProfileSet): V2ProfileJudgement {
	if (set.unreadable) return {exists: false, reason: set.unreadable};
	const keys = set.profiles[name];
	if (!keys || Object.keys(keys).length === 0) return {exists: false, reason: `Profile "${name}" is not in ${set.files.join(' or ') || 'any file'}.`};
	const roleArn = keys['role_arn'];
	if (roleArn) {
		const source = keys['source_profile'];
		if (!source) {
			const viaSource = keys['credential_source'] ? ` (credential_source is not supported by SDK v2)` : '';
			return {exists: false, kind: 'role', reason: `Profile "${name}" has role_arn without source_profile${viaSource}.`};
		}
		if (typeof set.profiles[source] !== 'object') {
			return {exists: false, kind: 'role', reason: `Profile "${name}" names source_profile "${source}", which does not exist.`};
		}
		return {
			exists: true,
			valid: true,
			kind: 'role',
			roleArn,
			sourceProfile: source,
			...(keys['mfa_serial'] ? {mfaSerial: keys['mfa_serial']} : {}),
		};
	}
	const accessKeyId = keys['aws_access_key_id'];
	const secretAccessKey = keys['aws_secret_access_key'];
	const sessionToken = keys['aws_session_token'];
	if (!accessKeyId && !sessionToken) {
		return {exists: false, reason: `Profile "${name}" ${unsupportedWhy(keys)}.`, kind: unsupportedKind(keys)};
	}
	if (!isV3Valid(accessKeyId) || !isV3Valid(secretAccessKey)) {
		const literal = accessKeyId === 'undefined' || secretAccessKey === 'undefined';
		return {
			exists: true,
			valid: false,
			reason: literal
				? `Profile "${name}" holds the literal text "undefined" as a key.`
				: `Profile "${name}" ${describeIncompleteKeys(keys)}.`,
		};
	}
	return {
		exists: true,
		valid: true,
		kind: sessionToken ? 'temporary' : 'static',
		accessKeyId: accessKeyId!,
		secretAccessKey: secretAccessKey!,
		...(sessionToken ? {sessionToken} : {}),
	};
}

function unsupportedKind(keys: ProfileKeys): CredentialKind | undefined {
	if (keys['credential_process'] !== undefined) return 'process';
	if (isSsoProfile(keys)) return 'sso';
	if (keys['web_identity_token_file'] !== undefined) return 'web-identity';
	if (keys['login_session'] !== undefined) return 'login';
	return undefined;
}

function unsupportedWhy(keys: ProfileKeys): string {
	switch (unsupportedKind(keys)) {
		case 'process':
			return 'uses credential_process, which Serverless v3 cannot use by name';
		case 'sso':
			return 'is an SSO profile, which Serverless v3 cannot use by name';
		case 'web-identity':
			return 'uses web_identity_token_file, which Serverless v3 cannot use by name';
		case 'login':
			return 'uses login_session, which Serverless v3 cannot use';
		default:
			return describeIncompleteKeys(keys);
	}
}

/**
 * With AWS_SDK_LOAD_CONFIG set, SDK v2 works out a default region while it loads (`AWS.config` is built at
 * `require` time): AWS_REGION / AMAZON_REGION, else the region of `AWS_PROFILE || default` in the credentials file,
 * else it reads the config file without a guard. A missing or unparsable config file then crashes Serverless v3 before
 * it does anything (observed with serverless@3.40.0).
 */
export function v2StartupCrash(snapshot: Snapshot): {code: string; message: string} | undefined {
	const env = snapshot.env;
	if (!loadsConfigFile(env) || env['AWS_REGION'] || env['AMAZON_REGION']) return undefined;
	const profile = env['AWS_PROFILE'] || 'default';
	const credentials = textOf(snapshot.credentialsFile);
	if (credentials !== undefined && v2Profiles({credentials}, {loadConfig: false}).credentials[profile]?.['region']) return undefined;
	const config = snapshot.configFile;
	const text = textOf(config);
	if (text === undefined) {
		return {code: config.error?.code ?? 'ENOENT', message: `ENOENT: no such file or directory, open '${config.path}'`};
	}
	const parsed = v2Profiles({config: text}, {loadConfig: true});
	// A repeated profile name throws from Object.defineProperty (TypeError); the parser throws a plain Error.
	if (parsed.error?.file === 'config' && parsed.error.reason !== 'missing') {
		return {code: parsed.error.reason === 'duplicate-profile' ? 'TypeError' : 'Error', message: parsed.error.message};
	}
	return undefined;
}
