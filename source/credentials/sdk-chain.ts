/**
 * The AWS SDK for JavaScript v3 default chain (`fromNodeProviderChain` / `defaultProvider`, credential-resolution.md
 * §4.1–4.2) as a table of links, shared by the plain-SDK model and Serverless v4 (which calls the same chain with the
 * resolver's profile). Links are listed in precedence order, which differs from the call order in one place: a named
 * profile (the `profile` option or `AWS_PROFILE`) beats env keys because the SDK skips `fromEnv` when one is set.
 */
import type {Snapshot} from '../gather/snapshot.js';
import {sdkProfiles} from '../aws-files/sdk-profiles.js';
import {Secret} from '../secret.js';
import type {Assessment, Outcome} from './assessment.js';
import {imdsDisabled, isSet} from './environment.js';
import {classifyProfile} from './profile-kind.js';
import {resolveSdkProfile, type SdkProfileContext} from './sdk-profile-resolution.js';
import type {SourceId} from './verdict.js';

/** A place that can name the profile passed as `init.profile` (highest first; the first one set is used). */
export interface ProfileNamer {
	source: SourceId;
	title: string;
	/** The name, or undefined when this place is not configured. */
	profile: string | undefined;
	origin?: string[];
	/** Set when a rule makes the engine ignore this place even though it is configured. */
	ignoredBecause?: string;
}

export interface SdkChain {
	assessments: Assessment[];
	/** `init.profile || AWS_PROFILE || 'default'`: the one profile `fromIni`/`fromProcess` read. */
	profile: string;
	/** Where that name came from (the namer's title, or `[default]`). */
	profileNamedBy: SourceId;
	traps: string[];
}

export const SDK_NOT_FOUND = {code: 'CredentialsProviderError', message: 'Could not load credentials from any providers'} as const;

export function sdkChain(snapshot: Snapshot, namers: readonly ProfileNamer[], options: {mfaPrompt: boolean}): SdkChain {
	const env = snapshot.env;
	const files = sdkFiles(snapshot);
	const effectiveNamer = namers.find((namer) => !namer.ignoredBecause && namer.profile !== undefined);
	// `init.profile ?? AWS_PROFILE` guards fromEnv; `init.profile || AWS_PROFILE || 'default'` picks the profile.
	const initProfile = effectiveNamer?.profile;
	const guard = initProfile ?? env['AWS_PROFILE'];
	const envProfile = env['AWS_PROFILE'];
	const profile = initProfile || envProfile || 'default';
	const profileNamedBy: SourceId = initProfile ? effectiveNamer!.source : envProfile ? 'env-profile' : 'default-profile';
	const traps: string[] = [];

	const context: SdkProfileContext = {
		snapshot,
		profiles: files.merged,
		ssoSessions: files.ssoSessions,
		mfaPrompt: options.mfaPrompt,
		topProfile: profile,
	};
	const iniResult = resolveSdkProfile(profile, context);
	const iniOutcome: Outcome =
		iniResult.type === 'usable'
			? {type: 'usable', reason: iniResult.reason, use: iniResult.use}
			: iniResult.type === 'soft'
				? {type: 'unusable', reason: `${iniResult.reason} The chain goes on without it.`}
				: {type: 'fails', reason: iniResult.reason, error: {...iniResult.error, source: profileNamedBy}};
	if (iniResult.type === 'usable' && iniResult.mfaSerial && options.mfaPrompt) {
		traps.push(`Profile "${profile}" has mfa_serial: every run asks for an MFA code for ${iniResult.mfaSerial}.`);
	}
	const kindOf = (name: string) => {
		const keys = files.merged[name];
		return keys ? classifyProfile(keys) : undefined;
	};
	const origin = (name: string) => profileOrigin(snapshot, files, name);

	const assessments: Assessment[] = [];
	for (const namer of namers) {
		if (namer.profile === undefined) {
			assessments.push({source: namer.source, title: namer.title, outcome: {type: 'absent', reason: `${namer.title} is not set.`}});
			continue;
		}
		const base = {source: namer.source, title: namer.title, profile: namer.profile, ...withKind(kindOf(namer.profile)), origin: [...(namer.origin ?? []), ...origin(namer.profile)]};
		if (namer === effectiveNamer && initProfile) assessments.push({...base, outcome: iniOutcome});
		else if (namer.ignoredBecause) assessments.push({...base, outcome: {type: 'unusable', reason: namer.ignoredBecause}});
		else assessments.push({...base, outcome: {type: 'hidden', reason: `The SDK reads only one profile: "${profile}" (${effectiveNamer?.title ?? 'AWS_PROFILE'}).`}});
	}

	// AWS_PROFILE
	if (envProfile === undefined || envProfile === '') {
		const reason = envProfile === '' ? 'AWS_PROFILE is set but empty, which the SDK treats as unset.' : 'AWS_PROFILE is not set.';
		assessments.push({source: 'env-profile', title: 'AWS_PROFILE', outcome: {type: envProfile === '' ? 'unusable' : 'absent', reason}, origin: envProfile === '' ? ['AWS_PROFILE'] : []});
	} else {
		const base = {source: 'env-profile' as const, title: `AWS_PROFILE=${envProfile}`, profile: envProfile, ...withKind(kindOf(envProfile)), origin: ['AWS_PROFILE', ...origin(envProfile)]};
		if (profileNamedBy === 'env-profile') assessments.push({...base, outcome: iniOutcome});
		else assessments.push({...base, outcome: {type: 'hidden', reason: `${effectiveNamer?.title} names the profile, so the SDK never reads AWS_PROFILE.`}});
	}

	assessments.push(envKeys(snapshot, guard, traps));

	// [default]
	const defaultKeys = files.merged['default'];
	if (profileNamedBy === 'default-profile') {
		assessments.push({source: 'default-profile', title: '[default] profile', profile: 'default', ...withKind(kindOf('default')), origin: origin('default'), outcome: defaultKeys ? iniOutcome : {type: 'absent', reason: 'There is no [default] profile in the credentials or config file.'}});
	} else if (defaultKeys) {
		assessments.push({source: 'default-profile', title: '[default] profile', profile: 'default', ...withKind(kindOf('default')), origin: origin('default'), outcome: {type: 'hidden', reason: `The SDK reads only the named profile "${profile}", never [default] as well.`}});
	} else {
		assessments.push({source: 'default-profile', title: '[default] profile', profile: 'default', outcome: {type: 'absent', reason: 'There is no [default] profile.'}});
	}

	// fromProcess: the same profile's credential_process again.
	const processKeys = files.merged[profile];
	const processTitle = `credential_process of profile "${profile}"`;
	if (!processKeys || processKeys['credential_process'] === undefined) {
		assessments.push({source: 'process', title: processTitle, profile, outcome: {type: 'absent', reason: `Profile "${profile}" has no credential_process.`}});
	} else if (iniResult.type === 'usable') {
		assessments.push({source: 'process', title: processTitle, profile, kind: 'process', outcome: {type: 'hidden', reason: `fromIni already resolved profile "${profile}".`}});
	} else {
		assessments.push({source: 'process', title: processTitle, profile, kind: 'process', origin: origin(profile), outcome: {type: 'usable', reason: `fromProcess runs the credential_process of profile "${profile}".`, use: {kind: 'process', profile, credentials: {type: 'profile', profile}}}});
	}

	assessments.push(webIdentityFromEnv(snapshot));

	const containerVars = ['AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_CREDENTIALS_FULL_URI'].filter((name) => isSet(env, name));
	assessments.push({
		source: 'container',
		title: 'container credentials (AWS_CONTAINER_CREDENTIALS_*_URI)',
		origin: containerVars,
		outcome:
			containerVars.length > 0
				? {type: 'usable', reason: `${containerVars[0]} is set: the SDK asks the container credentials endpoint (answers only inside ECS, EKS or CodeBuild).`, use: {kind: 'container', credentials: {type: 'chain'}}}
				: {type: 'absent', reason: 'No container credentials endpoint is configured.'},
	});

	const imdsSkipped = containerVars.length > 0;
	assessments.push({
		source: 'instance-metadata',
		title: 'EC2 instance metadata (IMDS)',
		origin: isSet(env, 'AWS_EC2_METADATA_DISABLED') ? ['AWS_EC2_METADATA_DISABLED'] : [],
		outcome: imdsSkipped
			? {type: 'hidden', reason: 'With a container credentials endpoint set, the SDK does not try IMDS.'}
			: imdsDisabled(env)
				? {type: 'unusable', reason: 'AWS_EC2_METADATA_DISABLED turns instance metadata off.'}
				: {type: 'absent', reason: 'Tried last; it answers only on EC2 (not probed offline).'},
	});

	return {assessments, profile, profileNamedBy, traps};
}

function envKeys(snapshot: Snapshot, guard: string | undefined, traps: string[]): Assessment {
	const env = snapshot.env;
	const id = env['AWS_ACCESS_KEY_ID'];
	const secret = env['AWS_SECRET_ACCESS_KEY'];
	const token = env['AWS_SESSION_TOKEN'];
	const title = 'AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY';
	const origin = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', ...(token ? ['AWS_SESSION_TOKEN'] : [])].filter((name) => env[name] !== undefined);
	if (!id && !secret) return {source: 'env-keys', title, origin, outcome: {type: 'absent', reason: 'No access key is set in the environment.'}};
	if (!id || !secret) {
		const missing = id ? 'AWS_SECRET_ACCESS_KEY' : 'AWS_ACCESS_KEY_ID';
		return {source: 'env-keys', title, origin, outcome: {type: 'unusable', reason: `Only one half of the key pair is set: ${missing} is missing, so the SDK ignores the other.`}};
	}
	if (guard) {
		traps.push(`AWS_ACCESS_KEY_ID is set but ignored: the SDK uses profile "${guard}" instead and warns "Multiple credential sources detected".`);
		return {source: 'env-keys', title, origin, kind: token ? 'temporary' : 'static', accessKeyId: new Secret(id), outcome: {type: 'unusable', reason: `Ignored because a profile is named ("${guard}"): the SDK skips env keys whenever a profile is set.`}};
	}
	const literal = id === 'undefined' || secret === 'undefined';
	return {
		source: 'env-keys',
		title,
		origin,
		kind: token ? 'temporary' : 'static',
		outcome: {
			type: 'usable',
			reason: `Both keys are set in the environment${literal ? ' (one is the literal text "undefined": AWS will reject it)' : ''}.`,
			use: {
				kind: token ? 'temporary' : 'static',
				accessKeyId: new Secret(id),
				credentials: {type: 'static', accessKeyId: new Secret(id), secretAccessKey: new Secret(secret), ...(token ? {sessionToken: new Secret(token)} : {})},
			},
		},
	};
}

function webIdentityFromEnv(snapshot: Snapshot): Assessment {
	const env = snapshot.env;
	const file = env['AWS_WEB_IDENTITY_TOKEN_FILE'];
	const role = env['AWS_ROLE_ARN'];
	const title = 'AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN';
	const origin = ['AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_ROLE_ARN'].filter((name) => isSet(env, name));
	if (!file && !role) return {source: 'web-identity-env', title, origin, outcome: {type: 'absent', reason: 'No web identity token is configured in the environment.'}};
	if (!file || !role) {
		return {source: 'web-identity-env', title, origin, outcome: {type: 'unusable', reason: `${file ? 'AWS_ROLE_ARN' : 'AWS_WEB_IDENTITY_TOKEN_FILE'} is missing, so web identity is skipped.`}};
	}
	const read = snapshot.tokenFiles[file];
	if (read && (!read.exists || read.error)) {
		return {
			source: 'web-identity-env',
			title,
			origin,
			kind: 'web-identity',
			outcome: {
				type: 'fails',
				reason: `AWS_WEB_IDENTITY_TOKEN_FILE points to ${file}, which ${read.exists ? 'cannot be read' : 'does not exist'}: reading it stops the chain.`,
				error: {code: read.error?.code ?? 'ENOENT', message: `ENOENT: no such file or directory, open '${file}'`, source: 'web-identity-env'},
			},
		};
	}
	return {
		source: 'web-identity-env',
		title,
		origin,
		kind: 'web-identity',
		outcome: {type: 'usable', reason: `The SDK assumes ${role} with the token in ${file}.`, use: {kind: 'web-identity', roleArn: role, credentials: {type: 'chain'}}},
	};
}

export interface SdkFiles {
	merged: Readonly<Record<string, Readonly<Record<string, string>>>>;
	ssoSessions: Readonly<Record<string, Readonly<Record<string, string>>>>;
	credentials: Readonly<Record<string, unknown>>;
	config: Readonly<Record<string, unknown>>;
}

/** The SDK swallows every file error: a missing or unreadable file reads as empty. */
export function sdkFiles(snapshot: Snapshot): SdkFiles {
	const text = (file: Snapshot['credentialsFile']) => (file.exists && !file.error ? file.text : undefined);
	const credentials = text(snapshot.credentialsFile);
	const config = text(snapshot.configFile);
	return sdkProfiles({...(credentials === undefined ? {} : {credentials}), ...(config === undefined ? {} : {config})});
}

function profileOrigin(snapshot: Snapshot, files: SdkFiles, name: string): string[] {
	const places: string[] = [];
	if (Object.hasOwn(files.credentials, name)) places.push(`${snapshot.credentialsFile.path} [${name}]`);
	if (Object.hasOwn(files.config, name)) places.push(`${snapshot.configFile.path} [${name === 'default' ? 'default' : `profile ${name}`}]`);
	return places;
}

function withKind(kind: ReturnType<typeof classifyProfile> | undefined): {kind?: ReturnType<typeof classifyProfile>} {
	return kind === undefined ? {} : {kind};
}
