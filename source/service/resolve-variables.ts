import path from 'node:path';
import type {DeployOptions, Env, FrameworkMajor} from '../gather/snapshot.js';
import type {ResolvedValue} from './service-info.js';
import type {ServiceParsers} from './service-parsers.js';
import {type Candidate, parseCandidates, splitVariables} from './variable-syntax.js';

/** What one expression resolves to. `value: null` means "no value" (what makes Serverless try the next fallback). */
export type Outcome =
	| {kind: 'value'; value: unknown}
	| {kind: 'deploy-time'; sources: string[]}
	| {kind: 'unresolved'; message: string};

export interface VariableContext {
	document: Record<string, unknown> | undefined;
	framework: FrameworkMajor;
	options: DeployOptions;
	env: Env;
	/** The deploy stage; undefined while `provider.stage` itself is being resolved. */
	stage?: string;
	/** True when the stage came from `provider.stage` (the `${opt:stage, 'x'}` trap only bites then). */
	stageFromProviderStage?: boolean;
	serviceDir?: string;
	readFile?: (filePath: string) => string | undefined;
	/** Parses what `${file(…)}` reads (passed in: the yaml library loads only when there is a service file). */
	parsers: Pick<ServiceParsers, 'parseJson' | 'parseYaml'>;
	onEnvRead?: (name: string) => void;
	onNote?: (note: string) => void;
}

/** Sources that need AWS (or a plugin) and are therefore known only when the deploy runs. */
export const AWS_SOURCES = new Set(['ssm', 'cf', 's3', 'aws']);

const MAX_DEPTH = 64;
const CODE_FILE = /\.(?:js|cjs|mjs|ts)$/i;

const OPTION_NAMES: Record<string, keyof DeployOptions> = {
	stage: 'stage',
	region: 'region',
	'aws-profile': 'awsProfile',
	org: 'org',
	app: 'app',
	'use-local-credentials': 'useLocalCredentials',
};

export interface VariableResolver {
	/** Resolves the document value at `segments` (missing → `{value: undefined}`), following variables on the way. */
	resolvePath(segments: string[]): Outcome;
	/** Resolves a string that may hold variables. */
	resolveText(text: string): Outcome;
}

export function createVariableResolver(context: VariableContext): VariableResolver {
	const cache = new Map<string, Outcome>();
	const inProgress: string[] = [];
	let depth = 0;

	function settle(node: unknown, key: string | undefined): Outcome {
		if (typeof node !== 'string' || !node.includes('${')) return {kind: 'value', value: node};
		if (key === undefined) return resolveText(node);
		const cached = cache.get(key);
		if (cached !== undefined) return cached;
		if (inProgress.includes(key)) {
			return {kind: 'unresolved', message: `circular reference: ${[...inProgress.slice(inProgress.indexOf(key)), key].map(readable).join(' → ')}`};
		}
		inProgress.push(key);
		const outcome = resolveText(node);
		inProgress.pop();
		cache.set(key, outcome);
		return outcome;
	}

	/**
	 * The value at `segments`, settling variables met on the way but not inside the result: Serverless resolves
	 * each property on its own, so `provider: ${file(…)}` must not need every leaf of that file first.
	 */
	function walk(root: unknown, segments: string[], keyOf: (prefix: string[]) => string | undefined): Outcome {
		let node = root;
		for (let index = 0; index < segments.length; index++) {
			const settled = settle(node, keyOf(segments.slice(0, index)));
			if (settled.kind !== 'value') return settled;
			node = settled.value;
			if (node === null || node === undefined || typeof node !== 'object' || !Object.hasOwn(node, segments[index]!)) {
				return {kind: 'value', value: undefined};
			}
			node = (node as Record<string, unknown>)[segments[index]!];
		}
		return settle(node, keyOf(segments));
	}

	function deepSettle(node: unknown, at: string[], keyOf: (prefix: string[]) => string | undefined, level: number): Outcome {
		const settled = settle(node, keyOf(at));
		if (settled.kind !== 'value') return settled;
		const value = settled.value;
		if (value === null || typeof value !== 'object') return settled;
		if (level > MAX_DEPTH) return {kind: 'unresolved', message: 'value nested too deeply'};
		const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
		const result: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
		const sources = new Set<string>();
		for (const [name, child] of entries) {
			const outcome = deepSettle(child, [...at, name], keyOf, level + 1);
			if (outcome.kind === 'unresolved') return outcome;
			if (outcome.kind === 'deploy-time') outcome.sources.forEach(source => sources.add(source));
			else (result as Record<string, unknown>)[name] = outcome.value;
		}
		return sources.size > 0 ? {kind: 'deploy-time', sources: [...sources]} : {kind: 'value', value: result};
	}

	const documentKey = (prefix: string[]) => `self:${prefix.join('\u0000')}`;

	function resolvePath(segments: string[]): Outcome {
		const outcome = walk(context.document, segments, documentKey);
		return outcome.kind === 'value' ? deepSettle(outcome.value, segments, documentKey, 0) : outcome;
	}

	function resolveText(text: string): Outcome {
		if (depth > MAX_DEPTH) return {kind: 'unresolved', message: `variables nested too deeply in "${text}"`};
		depth++;
		try {
			return resolveTextParts(text);
		} finally {
			depth--;
		}
	}

	function resolveTextParts(text: string): Outcome {
		const parts = splitVariables(text);
		const only = parts.length === 1 ? parts[0] : undefined;
		if (only?.kind === 'variable') return resolveVariable(only.inner, only.raw);
		let joined = '';
		const sources = new Set<string>();
		for (const part of parts) {
			if (part.kind === 'text') {
				joined += part.text;
				continue;
			}
			const outcome = resolveVariable(part.inner, part.raw);
			if (outcome.kind === 'unresolved') return outcome;
			if (outcome.kind === 'deploy-time') {
				outcome.sources.forEach(source => sources.add(source));
				continue;
			}
			if (outcome.value === null || outcome.value === undefined) {
				return {kind: 'unresolved', message: `${part.raw} has no value and no default`};
			}
			if (typeof outcome.value === 'object') {
				return {kind: 'unresolved', message: `${part.raw} resolves to an object, which cannot be part of a string`};
			}
			joined += String(outcome.value);
		}
		return sources.size > 0 ? {kind: 'deploy-time', sources: [...sources]} : {kind: 'value', value: joined};
	}

	function resolveVariable(inner: string, raw: string): Outcome {
		let optionStageMissing = false;
		for (const candidate of parseCandidates(inner)) {
			const outcome = resolveCandidate(candidate);
			if (outcome.kind !== 'value') return outcome;
			if (outcome.value !== null && outcome.value !== undefined) {
				if (optionStageMissing) noteOptionStageTrap(raw, outcome.value);
				return outcome;
			}
			if (candidate.kind === 'reference' && candidate.source === 'opt' && candidate.address === 'stage') optionStageMissing = true;
		}
		return {kind: 'value', value: null};
	}

	function noteOptionStageTrap(raw: string, fallback: unknown): void {
		if (!context.stageFromProviderStage || context.stage === undefined || String(fallback) === context.stage) return;
		context.onNote?.(
			`${raw} ignores provider.stage: without --stage it gives "${String(fallback)}" although the deploy targets stage "${context.stage}". Use \${sls:stage} instead.`,
		);
	}

	function resolvePiece(text: string | undefined): Outcome {
		if (text === undefined) return {kind: 'value', value: undefined};
		if (!text.includes('${')) return {kind: 'value', value: text};
		const outcome = resolveText(text);
		if (outcome.kind !== 'value') return outcome;
		if (outcome.value === null || outcome.value === undefined || typeof outcome.value === 'object') {
			return {kind: 'unresolved', message: `"${text}" does not resolve to a string`};
		}
		return {kind: 'value', value: String(outcome.value)};
	}

	function resolveCandidate(candidate: Candidate): Outcome {
		switch (candidate.kind) {
			case 'literal':
				return {kind: 'value', value: candidate.value};
			case 'nested':
				return resolveText(candidate.text);
			case 'invalid':
				return {kind: 'unresolved', message: `"${candidate.raw}" is not a variable Serverless understands`};
			case 'reference':
				break;
		}
		const address = resolvePiece(candidate.address);
		if (address.kind !== 'value') return address;
		const params = resolvePiece(candidate.params);
		if (params.kind !== 'value') return params;
		return resolveSource(candidate.source, address.value as string | undefined, params.value as string | undefined);
	}

	function resolveSource(source: string, address: string | undefined, params: string | undefined): Outcome {
		switch (source) {
			case 'sls':
				return slsSource(address);
			case 'opt': {
				const option = address === undefined ? undefined : OPTION_NAMES[address];
				const value = option === undefined ? undefined : context.options[option];
				return {kind: 'value', value: value === undefined || value === '' ? null : value};
			}
			case 'self': {
				const outcome = walk(context.document, address === undefined || address === '' ? [] : address.split('.'), documentKey);
				return outcome.kind === 'value' && outcome.value === undefined ? {kind: 'value', value: null} : outcome;
			}
			case 'env': {
				if (address === undefined || address === '') return {kind: 'unresolved', message: '${env:} needs a variable name'};
				context.onEnvRead?.(address);
				return {kind: 'value', value: context.env[address] ?? null};
			}
			case 'file':
				return fileSource(params, address);
			case 'strToBool':
				return strToBool(params ?? address);
			case 'param':
				return paramSource(address);
			default:
				// ssm, cf, s3, aws, git, plugin and v4 resolver sources: only the deploy itself can answer.
				return {kind: 'deploy-time', sources: [source]};
		}
	}

	function slsSource(address: string | undefined): Outcome {
		if (address === 'instanceId') return {kind: 'deploy-time', sources: ['sls']};
		if (address !== 'stage') return {kind: 'unresolved', message: `\${sls:${address ?? ''}} is not a known sls variable`};
		if (context.stage !== undefined) return {kind: 'value', value: context.stage};
		if (context.options.stage) return {kind: 'value', value: context.options.stage};
		const provider = walk(context.document, ['provider', 'stage'], documentKey);
		if (provider.kind !== 'value') return provider;
		return {kind: 'value', value: provider.value === null || provider.value === undefined || provider.value === '' ? 'dev' : provider.value};
	}

	function fileSource(fileParameter: string | undefined, address: string | undefined): Outcome {
		const relative = fileParameter?.trim().replace(/^['"]|['"]$/g, '');
		if (!relative) return {kind: 'unresolved', message: '${file()} needs a path'};
		if (CODE_FILE.test(relative)) return {kind: 'deploy-time', sources: ['file']};
		if (context.readFile === undefined) return {kind: 'deploy-time', sources: ['file']};
		const absolute = context.serviceDir === undefined ? relative : path.resolve(context.serviceDir, relative);
		const text = context.readFile(absolute);
		if (text === undefined) return {kind: 'value', value: null};
		let root: unknown = text;
		if (/\.ya?ml$/i.test(relative) || /\.json$/i.test(relative)) {
			const parsed = /\.json$/i.test(relative) ? context.parsers.parseJson(text, relative) : context.parsers.parseYaml(text, relative);
			if (parsed.error !== undefined) return {kind: 'unresolved', message: parsed.error};
			root = parsed.document;
		}
		const segments = address === undefined || address === '' ? [] : address.split('.');
		const outcome = walk(root, segments, () => undefined);
		return outcome.kind === 'value' && outcome.value === undefined ? {kind: 'value', value: null} : outcome;
	}

	function paramSource(name: string | undefined): Outcome {
		if (name === undefined || name === '') return {kind: 'unresolved', message: '${param:} needs a name'};
		const stage = context.stage;
		if (stage === undefined) return {kind: 'unresolved', message: `\${param:${name}} cannot be used before the stage is known`};
		const places =
			context.framework === 4
				? [['stages', stage, 'params', name], ['params', stage, name], ['stages', 'default', 'params', name], ['params', 'default', name]]
				: [['params', stage, name], ['params', 'default', name]];
		for (const place of places) {
			const outcome = walk(context.document, place, documentKey);
			if (outcome.kind !== 'value') return outcome;
			if (outcome.value !== null && outcome.value !== undefined) return outcome;
		}
		// Dashboard parameters arrive with the Dashboard login, after the properties that pick credentials.
		const org = context.options.org ?? context.document?.['org'];
		return org ? {kind: 'deploy-time', sources: ['param']} : {kind: 'value', value: null};
	}

	return {resolvePath, resolveText};
}

function strToBool(text: string | undefined): Outcome {
	const value = text?.trim();
	if (value === 'true' || value === '1') return {kind: 'value', value: true};
	if (value === 'false' || value === '0') return {kind: 'value', value: false};
	return {kind: 'unresolved', message: `strToBool(${value ?? ''}) expects true, false, 1 or 0`};
}

function readable(key: string): string {
	return key.startsWith('self:') ? `\${self:${key.slice(5).split('\u0000').join('.')}}` : key;
}

/** Turns a document value and its outcome into the ServiceInfo form. */
export function toResolvedValue(raw: unknown, outcome: Outcome, viaVariable = false): ResolvedValue | undefined {
	if (raw === undefined || raw === null) return undefined;
	const rawText = typeof raw === 'string' ? raw : JSON.stringify(raw);
	const usedVariables = viaVariable || (typeof raw === 'string' && raw.includes('${'));
	switch (outcome.kind) {
		case 'deploy-time':
			return {kind: 'deploy-time', raw: rawText, sources: outcome.sources};
		case 'unresolved':
			return {kind: 'unresolved', raw: rawText, message: outcome.message};
		case 'value': {
			const value = outcome.value;
			if (value === null || value === undefined) {
				return {kind: 'unresolved', raw: rawText, message: `${rawText} resolves to nothing and has no default`};
			}
			if (typeof value === 'object') return {kind: 'unresolved', raw: rawText, message: `${rawText} is an object, not a string`};
			return usedVariables ? {kind: 'value', value: String(value), raw: rawText} : {kind: 'value', value: String(value)};
		}
	}
}
