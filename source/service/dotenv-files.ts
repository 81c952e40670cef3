import path from 'node:path';
import type {Env, FrameworkMajor} from '../gather/snapshot.js';
import type {DotenvFile} from './service-info.js';

/**
 * Which `.env` files the framework loads before it picks credentials, and what they add to the environment.
 * v3 (`lib/cli/load-dotenv.js`): only with a truthy `useDotenv`; `.env.<stage>`, or `.env` when that is missing;
 * values expanded by dotenv-expand. v4 (sf-core `resolvers/env.js` `loadEnvFiles`): `.env.<stage>`, then
 * `.env`, then the `useDotenv` path(s); first write wins; no expansion. In both the real environment wins.
 */
export interface DotenvInput {
	framework: FrameworkMajor;
	stage: string;
	/** The `useDotenv` value (resolved for v3; v4 reads it raw). */
	useDotenv: unknown;
	/** File texts keyed by `dotenvKey()` (relative to the service folder). */
	files: Readonly<Record<string, string>> | undefined;
	realEnv: Env;
	serviceDir?: string;
}

export interface DotenvResult {
	files: DotenvFile[];
	env: Env;
	notes: string[];
}

/** The key under which gather stores a dotenv file that lives at `entry/name` relative to the service folder. */
export function dotenvKey(entry: string, name: string): string {
	return entry === '' || entry === '.' ? name : path.join(entry, name);
}

/** v4: a string or list of strings in `useDotenv` names extra files or folders (loaded after the local ones). */
export function customDotenvEntries(useDotenv: unknown): string[] {
	if (typeof useDotenv === 'string') return useDotenv === '' ? [] : [useDotenv];
	if (Array.isArray(useDotenv)) return useDotenv.filter((entry): entry is string => typeof entry === 'string' && entry !== '');
	return [];
}

/**
 * Which `.env` files Serverless loads and what they set, with the dotenv parser passed in: the library is loaded only
 * when there is a service file (and so possibly a `.env`), which keeps it off the doctor's start-up path without one.
 */
export function loadDotenv(input: DotenvInput, parse: (text: string) => Record<string, string>): DotenvResult {
	const files = input.files ?? {};
	const notes: string[] = [];
	const chosen = input.framework === 3 ? chooseV3(input, files, notes) : chooseV4(input, files, notes);
	const env: Record<string, string | undefined> = {...input.realEnv};
	const result: DotenvFile[] = [];
	for (const key of chosen) {
		const text = files[key];
		if (text === undefined) continue;
		let values = parse(text);
		if (input.framework === 3) values = expandLikeDotenvExpand(values, input.realEnv);
		const applied: string[] = [];
		for (const [name, value] of Object.entries(values)) {
			if (env[name] !== undefined) continue;
			env[name] = value;
			applied.push(name);
		}
		result.push({path: input.serviceDir === undefined ? key : path.resolve(input.serviceDir, key), values, applied});
	}
	return {files: result, env, notes};
}

function chooseV3(input: DotenvInput, files: Readonly<Record<string, string>>, notes: string[]): string[] {
	const stageFile = `.env.${input.stage}`;
	const present = stageFile in files ? stageFile : '.env' in files ? '.env' : undefined;
	// v3 tests `if (configuration.useDotenv)`: any truthy value turns it on.
	if (!input.useDotenv) {
		if (present !== undefined) notes.push(`${present} is not loaded by Serverless v3 because useDotenv: true is not set.`);
		return [];
	}
	return present === undefined ? [] : [present];
}

function chooseV4(input: DotenvInput, files: Readonly<Record<string, string>>, notes: string[]): string[] {
	if (input.useDotenv === false && Object.keys(files).length > 0) {
		notes.push('useDotenv: false does not stop Serverless v4 from loading .env files (sf-core loadEnvFiles loads them regardless).');
	}
	const keys = [`.env.${input.stage}`, '.env'];
	for (const entry of customDotenvEntries(input.useDotenv)) {
		if (entry in files) keys.push(entry);
		else keys.push(dotenvKey(entry, `.env.${input.stage}`), dotenvKey(entry, '.env'));
	}
	return keys.filter(key => key in files);
}

/**
 * dotenv-expand as Serverless v3 calls it: `$NAME`, `${NAME}` and `${NAME:-default}` are replaced, the real
 * environment first, then the file's own values; `\$` stays a literal dollar.
 */
export function expandLikeDotenvExpand(values: Record<string, string>, realEnv: Env): Record<string, string> {
	const lookup = (name: string): string | undefined => (realEnv[name] !== undefined ? realEnv[name] : values[name] || undefined);
	const expanded: Record<string, string> = {};
	for (const [name, value] of Object.entries(values)) {
		expanded[name] = interpolate(realEnv[name] ?? value, lookup, 0);
	}
	return expanded;
}

function interpolate(value: string, lookup: (name: string) => string | undefined, depth: number): string {
	// dotenv-expand recurses without a limit and overflows the stack on `A=$A`; stop instead.
	if (depth > 20) return value;
	const matches = value.match(/(.?\${*[\w]*(?::-[\w/]*)?}*)/g) ?? [];
	return matches.reduce((current, match) => {
		const parts = /(.?)\${*([\w]*(?::-[\w/]*)?)?}*/.exec(match);
		if (parts === null) return current;
		const prefix = parts[1] ?? '';
		if (prefix === '\\') return current.replace(parts[0], parts[0].replace('\\$', '$'));
		const [name = '', fallback] = (parts[2] ?? '').split(':-');
		const replacement = interpolate(lookup(name) ?? fallback ?? '', lookup, depth + 1);
		return current.replace(parts[0].slice(prefix.length), replacement);
	}, value);
}
