/**
 * Builds a Snapshot the way gather would, from an environment and a map of file texts (absolute path → text).
 * Shared by the table tests and the conformance suite, which writes the same files to a temporary HOME.
 */
import path from 'node:path';
import type {DashboardLogin, DeployOptions, Env, FileRead, Snapshot, SsoCacheEntry} from '../../source/gather/snapshot.js';
import {NO_SERVICE, type ResolvedValue, type ServiceInfo, type V4Resolver} from '../../source/service/service-info.js';

export interface SnapshotInput {
	home?: string;
	env?: Record<string, string | undefined>;
	/** Absolute path → file text. */
	files?: Record<string, string>;
	options?: DeployOptions;
	/** serverless.yml values (already resolved). */
	yml?: {
		profile?: string | ResolvedValue;
		stage?: string;
		region?: string;
		org?: string;
		app?: string;
		service?: string;
		resolverName?: string;
		resolvers?: V4Resolver[];
		dotenv?: ServiceInfo['dotenv'];
	};
	framework?: 3 | 4;
	ssoCache?: SsoCacheEntry[];
	tokenFiles?: Record<string, FileRead>;
	dashboard?: Partial<DashboardLogin>;
	now?: number;
}

export const HOME = '/home/dev';

export function fileRead(files: Record<string, string>, filePath: string): FileRead {
	const text = files[filePath];
	return text === undefined ? {path: filePath, exists: false} : {path: filePath, exists: true, mode: 0o600, text};
}

function expand(home: string, value: string): string {
	return value.startsWith('~/') ? path.join(home, value.slice(2)) : value;
}

export function snapshotFor(input: SnapshotInput = {}): Snapshot {
	const home = input.home ?? HOME;
	const env: Env = {...(input.env ?? {})};
	const files = input.files ?? {};
	const defaultCredentials = path.join(home, '.aws', 'credentials');
	const defaultConfig = path.join(home, '.aws', 'config');
	const credentialsPath = env['AWS_SHARED_CREDENTIALS_FILE'] ? expand(home, env['AWS_SHARED_CREDENTIALS_FILE']) : defaultCredentials;
	const configPath = env['AWS_CONFIG_FILE'] ? expand(home, env['AWS_CONFIG_FILE']) : defaultConfig;
	const options = input.options ?? {};
	const yml = input.yml ?? {};
	const stage: ServiceInfo['stage'] = options.stage
		? {value: options.stage, source: 'option'}
		: yml.stage
			? {value: yml.stage, source: 'provider.stage'}
			: {value: 'dev', source: 'default'};
	const value = (text: string | undefined): ResolvedValue | undefined => (text === undefined ? undefined : {kind: 'value', value: text});
	const profile = typeof yml.profile === 'string' ? value(yml.profile) : yml.profile;
	const service: ServiceInfo = {
		...NO_SERVICE,
		format: 'yml',
		path: '/work/app/serverless.yml',
		service: yml.service ?? 'app',
		stage,
		resolvers: yml.resolvers ?? [],
		dotenv: yml.dotenv ?? [],
		...(profile ? {profile} : {}),
		...(yml.region ? {region: {kind: 'value' as const, value: yml.region, source: 'provider.region' as const}} : {}),
		...(yml.org ? {org: {kind: 'value' as const, value: yml.org}} : {}),
		...(yml.app ? {app: {kind: 'value' as const, value: yml.app}} : {}),
		...(yml.resolverName ? {resolverName: yml.resolverName} : {}),
	};
	const snapshot: Snapshot = {
		now: input.now ?? Date.parse('2026-07-01T12:00:00Z'),
		platform: 'linux',
		processEnv: env,
		env,
		options,
		framework: {major: input.framework ?? 3, source: 'default'},
		home,
		credentialsFile: fileRead(files, credentialsPath),
		configFile: fileRead(files, configPath),
		service,
		caFiles: {},
		tokenFiles: input.tokenFiles ?? {},
		ssoCache: input.ssoCache ?? [],
		dashboard: {accessKeyInEnv: false, licenseKeyInEnv: false, loggedIn: false, ...input.dashboard},
	};
	if (credentialsPath !== defaultCredentials) snapshot.homeCredentialsFile = fileRead(files, defaultCredentials);
	if (configPath !== defaultConfig) snapshot.homeConfigFile = fileRead(files, defaultConfig);
	return snapshot;
}

/** Distinct, realistic-looking key ids: `AKIA` + filler + the 4-character tag the scenarios talk about. */
export function keyId(tag: string, prefix = 'AKIA'): string {
	return `${prefix}${'EXAMPLEKEYID'.slice(0, 16 - tag.length)}${tag}`.slice(0, 20).padEnd(20, 'X');
}

export function secretFor(tag: string): string {
	return `wJalrXUtnFEMI/K7MDENG/${tag}bPxRfiCYEXAMPLEKEY`.slice(0, 40);
}

export function staticSection(name: string, tag: string, extra: Record<string, string> = {}): string {
	const lines = [`[${name}]`, `aws_access_key_id = ${keyId(tag)}`, `aws_secret_access_key = ${secretFor(tag)}`];
	for (const [key, val] of Object.entries(extra)) lines.push(`${key} = ${val}`);
	return lines.join('\n') + '\n';
}
