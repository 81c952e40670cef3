import type {Secret} from '../secret.js';

/** Which engine's rules a verdict follows. */
export type Engine = 'serverless-v3' | 'serverless-v4' | 'aws-sdk-v3';

/**
 * Stable ids of credential sources (part of the JSON schema: never rename, only add).
 * Serverless v3 steps, v4 steps and the SDK v3 chain links share ids where the source is the same thing.
 */
export type SourceId =
	| 'dashboard-provider' // Serverless Dashboard provider credentials (v3 plugin, v4 core)
	| 'cli-aws-profile' // --aws-profile
	| 'env-stage-profile' // AWS_<STAGE>_PROFILE (v3)
	| 'env-stage-keys' // AWS_<STAGE>_ACCESS_KEY_ID + _SECRET_ACCESS_KEY (v3)
	| 'env-profile' // AWS_PROFILE
	| 'env-keys' // AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY
	| 'provider-profile' // provider.profile in serverless.yml
	| 'default-profile' // v3 step 1: AWS_DEFAULT_PROFILE or [default]
	| 'resolver-keys' // v4 resolver accessKeyId/secretAccessKey
	| 'resolver-profile' // v4 custom resolver profile
	| 'sdk-default-chain' // v3 step 8: aws-sdk v2 default chain at request time
	| 'ini-profile' // SDK v3 fromIni (the profile the chain picked)
	| 'process' // SDK v3 fromProcess / credential_process
	| 'web-identity-env' // AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN
	| 'container' // AWS_CONTAINER_CREDENTIALS_*_URI
	| 'instance-metadata'; // EC2 IMDS

export type SourceStatus =
	/** This source supplies the credentials. */
	| 'winner'
	/** Usable, but a higher-precedence source won. */
	| 'shadowed'
	/** Present but ignored (incomplete keys, literal "undefined", unsupported profile type, …): `reason` says why. */
	| 'skipped'
	/** Not configured at all. */
	| 'absent'
	/** Configured but broken in a way that makes the whole resolution fail (the engine's error). */
	| 'error'
	/** Never looked at: resolution stopped or a rule hid it (e.g. provider.profile under --aws-profile in v3). */
	| 'not-evaluated';

/** What kind of credentials a source yields. */
export type CredentialKind =
	| 'static'
	| 'temporary' // static keys with a session token
	| 'role' // role_arn + source_profile / credential_source
	| 'sso'
	| 'process'
	| 'web-identity'
	| 'login'
	| 'dashboard'
	| 'container'
	| 'instance-metadata'
	| 'unknown';

export interface Candidate {
	source: SourceId;
	/** 1-based position in this engine's precedence order; 1 = highest priority. */
	rank: number;
	/** Human name in the user's words: `AWS_PROFILE=dev`, `provider.profile "prod" (serverless.yml)`. */
	title: string;
	status: SourceStatus;
	/** Why it has this status, one sentence. */
	reason: string;
	profile?: string;
	kind?: CredentialKind;
	/** The access key id it would use, when known offline. */
	accessKeyId?: Secret;
	/** The winner that shadows this one (status 'shadowed'). */
	shadowedBy?: SourceId;
	/** The exact change that would make this source win (a command or an edit), when one exists. */
	fix?: string;
	/** Where its values live: env var names, file paths with line numbers. */
	origin?: string[];
}

/** Credentials as an engine would hand them to the AWS client (for the probe). */
export type ResolvedCredentials =
	| {type: 'static'; accessKeyId: Secret; secretAccessKey: Secret; sessionToken?: Secret; expiration?: string}
	/** Resolved by the SDK at request time from a profile (role, SSO, process, web identity, login). */
	| {type: 'profile'; profile: string}
	/** Resolved by the SDK's default chain (web identity env, container, IMDS, or the v3 fallback). */
	| {type: 'chain'; profile?: string};

export interface Winner {
	source: SourceId;
	title: string;
	kind: CredentialKind;
	profile?: string;
	accessKeyId?: Secret;
	roleArn?: string;
	credentials: ResolvedCredentials;
	/** Dashboard provider alias / org / app, when the Dashboard supplies the credentials. */
	dashboard?: {org?: string; app?: string};
}

/** An error the engine itself would raise while picking credentials. */
export interface EngineError {
	/** Serverless' code (UNRECOGNIZED_AWS_PROFILE, AWS_CREDENTIALS_NOT_FOUND, AWS_CREDENTIALS_MISSING, …) or the SDK error name. */
	code: string;
	message: string;
	/** The source that caused it. */
	source?: SourceId;
}

export interface Verdict {
	engine: Engine;
	stage: string;
	region: {value?: string; source: string};
	/** Every source in precedence order, highest priority first. */
	candidates: Candidate[];
	winner?: Winner;
	error?: EngineError;
	/** Notes about traps this configuration walks into (one sentence each). */
	traps: string[];
}
