import type {TeamSettingsRead} from './team-settings.js';

/**
 * What the doctor needs from a service's configuration file, resolved for one stage the way the framework
 * resolves it before it reads credentials (credential-resolution.md §5).
 */

/** A configuration value after the variable subset was applied. */
export type ResolvedValue =
	| {kind: 'value'; value: string; /** the raw text before resolution when it used variables */ raw?: string}
	/** Depends on `${ssm:}`, `${cf:}`, `${s3:}`, `${aws:}`, `${param:}` or a plugin source: known only at deploy time. */
	| {kind: 'deploy-time'; raw: string; sources: string[]}
	/** A variable that resolved to nothing and had no default (Serverless would fail or leave it unset). */
	| {kind: 'unresolved'; raw: string; message: string};

export interface DotenvFile {
	path: string;
	/** Variables the file defines, with their values (never rendered raw). */
	values: Record<string, string>;
	/** Names that were applied (not already set in the real environment). */
	applied: string[];
}

/** A `stages.<stage>.resolvers` entry of type aws (Serverless v4). */
export interface V4Resolver {
	name: string;
	/** Which stages block it came from: 'default' or the stage name. */
	from: string;
	profile?: string;
	region?: string;
	accessKeyId?: string;
	secretAccessKey?: string;
	sessionToken?: string;
	/** `dashboard: false` opts out of Dashboard provider credentials. */
	dashboard?: boolean;
	/** Fields that are set but whose value is known only at deploy time or could not be resolved (e.g. `${ssm:…}`). */
	unknownFields?: string[];
}

export interface ServiceInfo {
	/** The config file that was found, absolute; undefined when none. */
	path?: string;
	format: 'yml' | 'json' | 'ts' | 'js' | 'none';
	/** A parse error of the file (YAML/JSON syntax), one line. */
	error?: string;
	service?: string;
	frameworkVersion?: string;
	org?: ResolvedValue;
	app?: ResolvedValue;
	/** The stage the deploy runs for, and where it came from. */
	stage: {value: string; source: 'option' | 'provider.stage' | 'default'};
	/** Stage used inside `AWS_<STAGE>_*` lookups (v3: same rule as `stage`, only upper-cased by the consumer). */
	region?: ResolvedValue & {source?: 'option' | 'provider.region'};
	profile?: ResolvedValue;
	/** v4 `provider.resolver`. */
	resolverName?: string;
	/** v4 resolvers of type aws visible for this stage (stages.default + stages.<stage>). */
	resolvers: V4Resolver[];
	useDotenv?: boolean;
	dotenv: DotenvFile[];
	/** `provider.iam.deploymentRole` or `provider.cfnRole`. */
	deploymentRole?: string;
	/** `provider.deploymentBucket.serverSideEncryption`. */
	serverSideEncryption?: string;
	/** Custom `custom.profiles` map, if present (the documented per-stage pattern). */
	stageProfiles?: Record<string, string>;
	/** Stages mentioned in the file (custom.profiles keys, stages.*, params.*), for checks and the wizard. */
	knownStages: string[];
	/** Human notes about resolution (e.g. "${opt:stage, 'dev'} ignores provider.stage"). */
	notes: string[];
	/** The team settings block (`custom.deployAccounts`), read and validated; see team-settings.ts. */
	team?: TeamSettingsRead;
}

export const NO_SERVICE: ServiceInfo = {
	format: 'none',
	stage: {value: 'dev', source: 'default'},
	resolvers: [],
	dotenv: [],
	knownStages: [],
	notes: [],
};
