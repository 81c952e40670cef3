import type {ServiceInfo} from '../service/service-info.js';

/** The process environment as a plain record (possibly with `.env` values merged in; see `dotenv`). */
export type Env = Readonly<Record<string, string | undefined>>;

export type FrameworkMajor = 3 | 4;

/** One file on disk as read once by gather. Never re-read elsewhere. */
export interface FileRead {
	/** Absolute path as configured (before following symlinks). */
	path: string;
	exists: boolean;
	/** Unix permission bits (mode & 0o777), when the file exists. */
	mode?: number;
	isSymlink?: boolean;
	/** Set when the path exists but cannot be read (EACCES, EISDIR, …). */
	error?: {code: string; message: string};
	/** Full text (utf8, BOM kept) when readable. */
	text?: string;
}

/** Options a deploy would get (`serverless deploy --stage … --aws-profile … --region …`). */
export interface DeployOptions {
	stage?: string;
	region?: string;
	awsProfile?: string;
	/** v3 `--use-local-credentials` (skips the Dashboard provider). */
	useLocalCredentials?: boolean;
	/** `--org` / `--app` overrides. */
	org?: string;
	app?: string;
	/**
	 * `--profile <name>` as the user typed it for the doctor. Serverless rejects `--profile` (it wants
	 * `--aws-profile`); the doctor reports that instead of guessing. Never used as a credential source.
	 */
	profileFlag?: string;
}

export interface FrameworkInfo {
	major: FrameworkMajor;
	/** Where the major came from. */
	source: 'flag' | 'frameworkVersion' | 'installed' | 'default';
	/** e.g. the installed version or the frameworkVersion constraint. */
	detail?: string;
}

export interface SsoCacheEntry {
	path: string;
	/** sso_start_url or sso-session name the file belongs to. */
	key: string;
	exists: boolean;
	expiresAt?: string;
	error?: string;
}

export interface DashboardLogin {
	/** `SERVERLESS_ACCESS_KEY` / `SERVERLESS_USER_ACCESS_KEY` set. */
	accessKeyInEnv: boolean;
	/** `SERVERLESS_LICENSE_KEY` set (v4: no Dashboard providers). */
	licenseKeyInEnv: boolean;
	/** A `serverless login` session found on disk (~/.serverlessrc for v3, ~/.serverless for v4). */
	loggedIn: boolean;
	detail?: string;
}

/**
 * Everything the doctor knows about the world, read once by `gather`. Pure functions (analyse, checks,
 * precedence models) take this and nothing else.
 */
export interface Snapshot {
	/** Milliseconds since the epoch when the snapshot was taken (the doctor's "now"). */
	now: number;
	platform: NodeJS.Platform;
	/** The real environment (secrets inside are plain strings here; never render the record). */
	processEnv: Env;
	/**
	 * The environment Serverless would see when it picks credentials: processEnv plus `.env` values that did not
	 * override existing variables (see service.dotenv). Equal to processEnv when no `.env` applies.
	 */
	env: Env;
	options: DeployOptions;
	framework: FrameworkInfo;
	/** Home directory by the SDK rule: HOME → USERPROFILE → HOMEDRIVE+HOMEPATH → os.homedir(). */
	home: string;
	/** The credentials file (AWS_SHARED_CREDENTIALS_FILE or ~/.aws/credentials). */
	credentialsFile: FileRead;
	/** The config file (AWS_CONFIG_FILE or ~/.aws/config). */
	configFile: FileRead;
	/**
	 * `~/.aws/credentials` when AWS_SHARED_CREDENTIALS_FILE points elsewhere: SDK v2's fallback chain and role
	 * source profiles read it anyway (credential-resolution.md §2.4). Undefined when the two are the same file.
	 */
	homeCredentialsFile?: FileRead;
	/** `~/.aws/config` when AWS_CONFIG_FILE points elsewhere. */
	homeConfigFile?: FileRead;
	service: ServiceInfo;
	/** CA-related files referenced by cafile / HTTPS_CAFILE / https_cafile / NODE_EXTRA_CA_CERTS / AWS_CA_BUNDLE / profile ca_bundle, keyed by path. */
	caFiles: Record<string, FileRead>;
	/** AWS_WEB_IDENTITY_TOKEN_FILE and profile web_identity_token_file targets, keyed by path (text omitted). */
	tokenFiles: Record<string, FileRead>;
	/** SSO token cache entries for every SSO profile / sso-session found in the config file. */
	ssoCache: SsoCacheEntry[];
	dashboard: DashboardLogin;
}
