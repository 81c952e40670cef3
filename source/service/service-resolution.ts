import path from 'node:path';
import type {DeployOptions, Env, FrameworkMajor} from '../gather/snapshot.js';
import {loadDotenv} from './dotenv-files.js';
import {AWS_SOURCES, createVariableResolver, type Outcome, toResolvedValue, type VariableResolver} from './resolve-variables.js';
import type {ResolvedValue, ServiceInfo, V4Resolver} from './service-info.js';
import type {ServiceParsers} from './service-parsers.js';

export interface ResolveServiceInput {
	/** The parsed serverless.yml / .json (undefined for none, for .js/.ts, or after a parse error). */
	document: unknown;
	path?: string;
	format: ServiceInfo['format'];
	framework: FrameworkMajor;
	options: DeployOptions;
	/** The real process environment. */
	env: Env;
	/** `.env` texts keyed by their path relative to the service folder (`.env`, `.env.dev`, `config/.env`). */
	dotenvFiles?: Record<string, string>;
	/** Reads a file for `${file(…)}`; undefined when it does not exist. */
	readFile?: (filePath: string) => string | undefined;
	/** The service file's text, for line numbers in team-settings problems (and its syntax error when `document` is undefined). */
	text?: string;
}

/**
 * Resolves the properties Serverless settles before it picks credentials, in its order: the stage (from the
 * real environment only), then `.env`, then everything else with `.env` applied. Pure: all I/O is in the input.
 * gather passes the real parsers (service-parsers.ts), loaded only when there is a service file to parse.
 */
export function resolveServiceWith(input: ResolveServiceInput, parsers: ServiceParsers): {service: ServiceInfo; env: Env} {
	const document = isRecord(input.document) ? input.document : undefined;
	const notes = new Set<string>();
	const serviceDir = input.path === undefined ? undefined : path.dirname(input.path);
	if (input.format === 'js' || input.format === 'ts') {
		notes.add(`${path.basename(input.path ?? 'serverless.' + input.format)} is code: the doctor does not run it, so stage, region and profile come only from the command line.`);
	} else if (input.document !== undefined && document === undefined) {
		notes.add('The service file does not hold a mapping of settings.');
	}

	// Phase 1: provider.stage and useDotenv see only the real environment (.env is not loaded yet).
	const envReadForStage = new Set<string>();
	const phaseOne = createVariableResolver({
		document,
		framework: input.framework,
		options: input.options,
		env: input.env,
		serviceDir,
		readFile: input.readFile,
		parsers,
		onEnvRead: name => envReadForStage.add(name),
		onNote: note => notes.add(note),
	});
	const stage = resolveStage(document, input.options, phaseOne, notes);
	const rawUseDotenv = document?.['useDotenv'];
	let useDotenv: unknown = rawUseDotenv;
	if (input.framework === 3 && typeof rawUseDotenv === 'string') {
		const outcome = phaseOne.resolvePath(['useDotenv']);
		useDotenv = outcome.kind === 'value' ? outcome.value : undefined;
	}

	const dotenv = loadDotenv(
		{
			framework: input.framework,
			stage: stage.value,
			useDotenv,
			files: input.dotenvFiles,
			realEnv: input.env,
			serviceDir,
		},
		parsers.parseDotenv,
	);
	dotenv.notes.forEach(note => notes.add(note));
	if (input.framework === 3) {
		for (const file of dotenv.files) {
			for (const name of envReadForStage) {
				if (name in file.values) {
					notes.add(
						`DOTENV_ENV_VAR_RESOLUTION_CONFLICT: ${name} decides provider.stage/useDotenv and is also set in ${path.basename(file.path)}; Serverless v3 stops with this error.`,
					);
				}
			}
		}
	}

	// Phase 2: everything else, with .env applied.
	const resolver = createVariableResolver({
		document,
		framework: input.framework,
		options: input.options,
		env: dotenv.env,
		stage: stage.value,
		stageFromProviderStage: stage.source === 'provider.stage',
		serviceDir,
		readFile: input.readFile,
		parsers,
		onNote: note => notes.add(note),
	});
	const field = (segments: string[]): ResolvedValue | undefined => {
		const raw = rawAt(document, segments);
		const outcome = resolver.resolvePath(segments);
		if (raw === undefined && (outcome.kind !== 'value' || outcome.value === undefined || outcome.value === null)) return undefined;
		// Undefined as written but defined after resolution: a parent (e.g. `provider: ${file(…)}`) came from a variable.
		return raw === undefined ? toResolvedValue(`(${segments.join('.')})`, outcome, true) : toResolvedValue(raw, outcome);
	};
	const text = (segments: string[]): string | undefined => {
		const value = field(segments);
		if (value === undefined) return undefined;
		return value.kind === 'value' ? value.value : value.raw;
	};

	const serviceRaw = document?.['service'];
	const service = isRecord(serviceRaw) ? text(['service', 'name']) : text(['service']);
	const profile = field(['provider', 'profile']);
	const region = input.options.region
		? {kind: 'value' as const, value: input.options.region, source: 'option' as const}
		: withSource(field(['provider', 'region']), 'provider.region' as const);
	const serverSideEncryption = text(['provider', 'deploymentBucket', 'serverSideEncryption']);
	if (input.framework === 3) {
		noteInaccessible('provider.profile', profile, notes);
		noteInaccessible('provider.region', region, notes);
		noteInaccessible('provider.deploymentBucket.serverSideEncryption', field(['provider', 'deploymentBucket', 'serverSideEncryption']), notes);
	}

	const resolvers = input.framework === 4 ? v4Resolvers(document, stage.value, resolver) : [];
	if (input.framework === 3 && isRecord(document?.['stages'])) {
		notes.add('Serverless v3 ignores the stages block (stages.*.params and stages.*.resolvers are v4 features).');
	}
	if (input.framework === 4 && !document?.['org'] && !input.options.org && input.env['SERVERLESS_ORG_NAME']) {
		notes.add('SERVERLESS_ORG_NAME names the org for the Dashboard login; the service file has no org.');
	}

	const stageProfiles = customProfiles(document, resolver);
	const declaredStages = knownStages(document, stageProfiles);
	// No block → no `team` field at all, so services without team settings look exactly as before.
	const teamRead =
		input.path !== undefined && (input.format === 'yml' || input.format === 'json')
			? parsers.readTeamSettings({document: input.document, path: input.path, text: input.text, declaredStages: stagesDeclaredClosed(document) ? declaredStages : []})
			: undefined;
	const team = teamRead?.status === 'absent' ? undefined : teamRead;
	const teamStages = team?.status === 'ok' ? team.settings.stages.map(entry => entry.stage).filter(name => !declaredStages.includes(name)) : [];
	const info: ServiceInfo = {
		path: input.path,
		format: input.format,
		service,
		frameworkVersion: text(['frameworkVersion']),
		org: input.options.org ? {kind: 'value', value: input.options.org} : field(['org']),
		app: input.options.app ? {kind: 'value', value: input.options.app} : field(['app']),
		stage,
		region,
		profile,
		resolverName: text(['provider', 'resolver']),
		resolvers,
		useDotenv: useDotenv === undefined || useDotenv === null ? undefined : Boolean(useDotenv),
		dotenv: dotenv.files,
		deploymentRole: text(['provider', 'iam', 'deploymentRole']) ?? text(['provider', 'cfnRole']),
		serverSideEncryption,
		stageProfiles,
		knownStages: [...declaredStages, ...teamStages],
		notes: [...notes],
		team,
	};
	return {service: compact(info), env: dotenv.env};
}

function resolveStage(
	document: Record<string, unknown> | undefined,
	options: DeployOptions,
	resolver: VariableResolver,
	notes: Set<string>,
): ServiceInfo['stage'] {
	if (options.stage) return {value: options.stage, source: 'option'};
	const raw = rawAt(document, ['provider', 'stage']);
	if (raw === null || raw === '') return {value: 'dev', source: 'default'};
	// Resolved even when nothing is written there: `provider` itself may come from a variable.
	const outcome = resolver.resolvePath(['provider', 'stage']);
	if (outcome.kind === 'value' && (typeof outcome.value === 'string' || typeof outcome.value === 'number') && outcome.value !== '') {
		return {value: String(outcome.value), source: 'provider.stage'};
	}
	if (raw === undefined && outcome.kind === 'value') return {value: 'dev', source: 'default'};
	const why =
		outcome.kind === 'unresolved'
			? outcome.message
			: outcome.kind === 'deploy-time'
				? `it needs ${outcome.sources.join(', ')}, which Serverless cannot use for the stage`
				: 'it resolves to nothing';
	notes.add(`provider.stage ${JSON.stringify(raw ?? '(from a variable)')} cannot be resolved (${why}); Serverless stops here. Assuming stage "dev".`);
	return {value: 'dev', source: 'default'};
}

function withSource<S extends string>(value: ResolvedValue | undefined, source: S): (ResolvedValue & {source: S}) | undefined {
	return value === undefined ? undefined : {...value, source};
}

function noteInaccessible(property: string, value: ResolvedValue | undefined, notes: Set<string>): void {
	if (value?.kind !== 'deploy-time') return;
	const blocking = value.sources.filter(source => AWS_SOURCES.has(source) || !['param', 'sls', 'file'].includes(source));
	if (blocking.length === 0) return;
	notes.add(
		`${property} uses \${${blocking[0]}:…}: Serverless v3 stops with INACCESSIBLE_CONFIGURATION_PROPERTY because it must know ${property} before it can call AWS.`,
	);
}

function v4Resolvers(document: Record<string, unknown> | undefined, stage: string, resolver: VariableResolver): V4Resolver[] {
	const result: V4Resolver[] = [];
	const blocks = stage === 'default' ? ['default'] : ['default', stage];
	for (const from of blocks) {
		const entries = rawAt(document, ['stages', from, 'resolvers']);
		if (!isRecord(entries)) continue;
		for (const [name, config] of Object.entries(entries)) {
			if (!isRecord(config) || config['type'] !== 'aws') continue;
			const entry: V4Resolver = {name, from};
			const unknownFields: string[] = [];
			for (const key of ['profile', 'region', 'accessKeyId', 'secretAccessKey', 'sessionToken'] as const) {
				if (config[key] === undefined || config[key] === null) continue;
				const outcome = resolver.resolvePath(['stages', from, 'resolvers', name, key]);
				const value = scalarText(outcome);
				if (value === undefined) unknownFields.push(key);
				else entry[key] = value;
			}
			if (config['dashboard'] !== undefined) {
				const outcome = resolver.resolvePath(['stages', from, 'resolvers', name, 'dashboard']);
				const value = outcome.kind === 'value' ? outcome.value : undefined;
				if (typeof value === 'boolean') entry.dashboard = value;
				else if (value === 'true' || value === 'false') entry.dashboard = value === 'true';
				else unknownFields.push('dashboard');
			}
			if (unknownFields.length > 0) entry.unknownFields = unknownFields;
			result.push(entry);
		}
	}
	return result;
}

function customProfiles(document: Record<string, unknown> | undefined, resolver: VariableResolver): Record<string, string> | undefined {
	const raw = rawAt(document, ['custom', 'profiles']);
	if (raw === undefined || raw === null) return undefined;
	let keys: string[];
	if (isRecord(raw)) {
		keys = Object.keys(raw);
	} else {
		const outcome = resolver.resolvePath(['custom', 'profiles']);
		if (outcome.kind !== 'value' || !isRecord(outcome.value)) return undefined;
		keys = Object.keys(outcome.value);
	}
	const profiles: Record<string, string> = {};
	for (const key of keys) {
		const outcome = resolver.resolvePath(['custom', 'profiles', key]);
		const value = scalarText(outcome);
		const rawValue = isRecord(raw) ? raw[key] : undefined;
		if (value !== undefined) profiles[key] = value;
		else if (typeof rawValue === 'string') profiles[key] = rawValue;
	}
	return profiles;
}

function knownStages(document: Record<string, unknown> | undefined, stageProfiles: Record<string, string> | undefined): string[] {
	const stages = new Set<string>(Object.keys(stageProfiles ?? {}));
	for (const block of ['stages', 'params']) {
		const value = document?.[block];
		if (isRecord(value)) Object.keys(value).forEach(name => stages.add(name));
	}
	stages.delete('default');
	return [...stages];
}

/**
 * A `default` entry under params or stages gives every stage its values, so a stage named nowhere else is still a
 * real stage: only without it do the declared stages form the whole list.
 */
function stagesDeclaredClosed(document: Record<string, unknown> | undefined): boolean {
	return !['params', 'stages'].some(block => {
		const value = document?.[block];
		return isRecord(value) && 'default' in value;
	});
}

function scalarText(outcome: Outcome): string | undefined {
	if (outcome.kind !== 'value') return undefined;
	const value = outcome.value;
	return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/** The value at `segments` as written in the file, without resolving variables. */
function rawAt(document: unknown, segments: string[]): unknown {
	let node = document;
	for (const segment of segments) {
		if (!isRecord(node) && !Array.isArray(node)) return undefined;
		node = (node as Record<string, unknown>)[segment];
	}
	return node;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Drops undefined optional fields so snapshots and JSON stay small and stable. */
function compact(info: ServiceInfo): ServiceInfo {
	return Object.fromEntries(Object.entries(info).filter(([, value]) => value !== undefined)) as unknown as ServiceInfo;
}
