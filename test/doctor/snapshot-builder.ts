/**
 * Builds Snapshots for pure tests without touching the file system. Everything not given is "nothing configured":
 * no variables, no AWS files, no service file, framework v3, Linux, a fixed clock.
 *
 *   makeSnapshot({env: {AWS_PROFILE: 'dev'}, credentials: '[dev]\n…', service: {profile: resolved('prod')}})
 */
import type {
	DashboardLogin,
	DeployOptions,
	Env,
	FileRead,
	FrameworkInfo,
	FrameworkMajor,
	Snapshot,
	SsoCacheEntry,
} from '../../source/gather/snapshot.js';
import {NO_SERVICE, type ResolvedValue, type ServiceInfo} from '../../source/service/service-info.js';

export const TEST_HOME = '/home/dev';
/** 2030-01-01T00:00:00.000Z: far from any real clock, so expiry tests never depend on today. */
export const TEST_NOW = Date.UTC(2030, 0, 1);

export interface SnapshotSpec {
	now?: number | string;
	platform?: NodeJS.Platform;
	/** What Serverless sees; also the real environment unless `processEnv` is given. */
	env?: Record<string, string | undefined>;
	processEnv?: Record<string, string | undefined>;
	options?: DeployOptions;
	framework?: FrameworkMajor | FrameworkInfo;
	home?: string;
	/** Credentials file text, or a FileRead (partial: path/exists filled in). `null` = file absent. */
	credentials?: string | Partial<FileRead> | null;
	config?: string | Partial<FileRead> | null;
	service?: Partial<ServiceInfo>;
	caFiles?: Record<string, FileRead>;
	tokenFiles?: Record<string, FileRead>;
	ssoCache?: SsoCacheEntry[];
	dashboard?: Partial<DashboardLogin>;
}

export function makeSnapshot(spec: SnapshotSpec = {}): Snapshot {
	const home = spec.home ?? TEST_HOME;
	const env: Env = {...spec.env};
	const processEnv: Env = {...(spec.processEnv ?? spec.env)};
	const credentialsPath = env['AWS_SHARED_CREDENTIALS_FILE'] ?? `${home}/.aws/credentials`;
	const configPath = env['AWS_CONFIG_FILE'] ?? `${home}/.aws/config`;
	return {
		now: typeof spec.now === 'string' ? Date.parse(spec.now) : (spec.now ?? TEST_NOW),
		platform: spec.platform ?? 'linux',
		processEnv,
		env,
		options: {...spec.options},
		framework: typeof spec.framework === 'object' ? spec.framework : {major: spec.framework ?? 3, source: 'default'},
		home,
		credentialsFile: fileRead(credentialsPath, spec.credentials),
		configFile: fileRead(configPath, spec.config),
		service: {...NO_SERVICE, ...spec.service},
		caFiles: {...spec.caFiles},
		tokenFiles: {...spec.tokenFiles},
		ssoCache: [...(spec.ssoCache ?? [])],
		dashboard: {accessKeyInEnv: false, licenseKeyInEnv: false, loggedIn: false, ...spec.dashboard},
	};
}

/** A file as gather would have read it: text → readable 0600 file; undefined/null → absent. */
export function fileRead(path: string, contents?: string | Partial<FileRead> | null): FileRead {
	if (contents === undefined || contents === null) return {path, exists: false};
	if (typeof contents === 'string') return {path, exists: true, mode: 0o600, text: contents};
	return {path, exists: true, ...contents};
}

/** A resolved serverless.yml value. */
export function resolved(value: string, raw?: string): ResolvedValue {
	return raw === undefined ? {kind: 'value', value} : {kind: 'value', value, raw};
}

/** A service file at /work/app/serverless.yml for `stage` (source 'option' when given as --stage). */
export function serviceFile(overrides: Partial<ServiceInfo> = {}): Partial<ServiceInfo> {
	return {path: '/work/app/serverless.yml', format: 'yml', service: 'orders', ...overrides};
}
