/**
 * The real engines our readers are compared with: `@smithy/core/config` (JS SDK v3, loaded through `require` as
 * Node loads it for the SDK), aws-sdk 2.1693 from the conformance engines folder, and botocore through python3.
 * Files go to a temp dir; nothing reads the developer's ~/.aws.
 */
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import {createRequire} from 'node:module';
import os from 'node:os';
import path from 'node:path';
import {isDeepStrictEqual} from 'node:util';
import {PYTHON} from '../support/moto.js';

type SmithyConfig = typeof import('@smithy/core/config');
type Sections = Record<string, Record<string, string>>;

const require = createRequire(import.meta.url);
export const smithy = require('@smithy/core/config') as SmithyConfig;

/** A temp dir that lives as long as the test file. */
export function scratchDir(label: string): {dir: string; file: (text: string | undefined, name: string) => string | undefined; remove: () => void} {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sls-creds-${label}-`));
	let counter = 0;
	return {
		dir,
		file(text, name) {
			const file = path.join(dir, `${counter++}-${name}`);
			if (text !== undefined) fs.writeFileSync(file, text, 'utf8');
			return file;
		},
		remove: () => fs.rmSync(dir, {recursive: true, force: true}),
	};
}

/** Own enumerable keys only, as plain objects (the SDK may hand back built-in functions for odd names). */
export function plain(sections: object): Sections {
	const result: Sections = {};
	for (const name of Object.keys(sections)) {
		const values = (sections as Record<string, Record<string, string>>)[name] ?? {};
		result[name] = Object.fromEntries(Object.keys(values).map((key) => [key, values[key] ?? '']));
	}
	return result;
}

export async function realSdkFiles(filepath: string, configFilepath: string) {
	const files = await smithy.loadSharedConfigFiles({filepath, configFilepath, ignoreCache: true});
	const ssoSessions = await smithy.loadSsoSessionData({configFilepath, ignoreCache: true} as never);
	let merged: Sections | string;
	try {
		merged = plain(await smithy.parseKnownFiles({filepath, configFilepath, ignoreCache: true}));
	} catch (error) {
		merged = `throws: ${(error as Error).message}`;
	}
	return {credentials: plain(files.credentialsFile), configData: plain(files.configFile), ssoSessions: plain(ssoSessions), merged};
}

// ---- aws-sdk v2 -------------------------------------------------------------------------------------------------

export {ENGINES_DIR as enginesDir} from '../conformance/engines-dir.js';
import {ENGINES_DIR as enginesDir} from '../conformance/engines-dir.js';
/** The comparisons with aws-sdk v2 are required: a missing install fails them with the fix, never skips them. */
export function assertAwsSdkV2(): void {
	if (!fs.existsSync(path.join(enginesDir, 'node_modules/aws-sdk/lib/core.js'))) {
		throw new Error(`aws-sdk v2 (from serverless@3) is not installed in ${enginesDir}: run \`node scripts/ensure-engines.mjs\` (npm test does this in pretest).`);
	}
}

interface AwsV2 {
	util: {
		ini: {parse(text: string): Sections};
		getProfilesFromSharedConfig(loader: unknown, filename?: string): Sections;
	};
	IniLoader: new () => {loadFrom(options: {filename?: string; isConfig?: boolean}): Sections};
}

export function loadAwsSdkV2(): AwsV2 {
	assertAwsSdkV2();
	// Loading builds AWS.config, which may read ~/.aws: load it with an empty HOME and no AWS_* variables.
	const saved = {...process.env};
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sls-creds-aws-sdk-v2-home-'));
	try {
		for (const name of Object.keys(process.env)) if (name.startsWith('AWS_')) delete process.env[name];
		process.env['HOME'] = home;
		process.env['AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE'] = '1';
		const requireFromEngines = createRequire(path.join(enginesDir, 'package.json'));
		// `aws-sdk/global` = lib/core plus the Node loader (fs reading, IniLoader), without the service clients.
		return requireFromEngines('aws-sdk/global') as AwsV2;
	} finally {
		for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
		Object.assign(process.env, saved);
		fs.rmSync(home, {recursive: true, force: true});
	}
}

/** `getProfilesFromSharedConfig` with AWS_SDK_LOAD_CONFIG / AWS_CONFIG_FILE set only for the call. */
export function realV2Profiles(AWS: AwsV2, credentialsFile: string, configFile: string | undefined): Sections | string {
	const saved = {load: process.env['AWS_SDK_LOAD_CONFIG'], config: process.env['AWS_CONFIG_FILE']};
	try {
		if (configFile === undefined) delete process.env['AWS_SDK_LOAD_CONFIG'];
		else {
			process.env['AWS_SDK_LOAD_CONFIG'] = '1';
			process.env['AWS_CONFIG_FILE'] = configFile;
		}
		return plain(AWS.util.getProfilesFromSharedConfig(new AWS.IniLoader(), credentialsFile));
	} catch (error) {
		return `throws: ${(error as Error).message}`;
	} finally {
		if (saved.load === undefined) delete process.env['AWS_SDK_LOAD_CONFIG'];
		else process.env['AWS_SDK_LOAD_CONFIG'] = saved.load;
		if (saved.config === undefined) delete process.env['AWS_CONFIG_FILE'];
		else process.env['AWS_CONFIG_FILE'] = saved.config;
	}
}

// ---- botocore ---------------------------------------------------------------------------------------------------

export type BotocoreResult =
	| {ok: true; sections: Record<string, Record<string, string | Record<string, string>>>}
	| {ok: false; kind: string; line: number | null};

const BOTOCORE_SCRIPT = String.raw`
import configparser, json, sys
import botocore.configloader as loader
import botocore.exceptions as errors
results = []
for path in json.load(sys.stdin):
    try:
        results.append({'ok': True, 'sections': loader.raw_config_parse(path)})
    except errors.ConfigParseError as failure:
        cause = failure.kwargs.get('error')
        if isinstance(cause, configparser.DuplicateSectionError):
            results.append({'ok': False, 'kind': 'duplicate-section', 'line': cause.lineno})
        elif isinstance(cause, configparser.DuplicateOptionError):
            results.append({'ok': False, 'kind': 'duplicate-option', 'line': cause.lineno})
        elif isinstance(cause, configparser.MissingSectionHeaderError):
            results.append({'ok': False, 'kind': 'missing-section-header', 'line': cause.lineno})
        elif isinstance(cause, configparser.ParsingError):
            results.append({'ok': False, 'kind': 'parse-error', 'line': cause.errors[0][0]})
        elif isinstance(cause, UnicodeDecodeError):
            results.append({'ok': False, 'kind': 'encoding', 'line': None})
        else:
            results.append({'ok': False, 'kind': 'nested-' + type(cause).__name__, 'line': None})
json.dump(results, sys.stdout)
`;

/** Runs botocore `raw_config_parse` over each text (one python process for the batch). */
export async function realBotocore(texts: string[], scratch: ReturnType<typeof scratchDir>): Promise<BotocoreResult[]> {
	const paths = texts.map((text) => scratch.file(text, 'cli-config'));
	return new Promise((resolve, reject) => {
		const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('AWS_')));
		const child = spawn(PYTHON, ['-c', BOTOCORE_SCRIPT], {env: {...env, HOME: scratch.dir, PYTHONUTF8: '1'}});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
		child.on('error', reject);
		child.on('close', (code) => {
			if (code !== 0) reject(new Error(`botocore oracle failed (${code}): ${stderr.split('\n').slice(-3).join(' ')}`));
			else resolve(JSON.parse(stdout) as BotocoreResult[]);
		});
		child.stdin.end(JSON.stringify(paths));
	});
}

/** Python numbers lines with universal newlines (a lone CR ends a line); map its number to the document's. */
export function documentLineOfPythonLine(text: string, pythonLine: number): number {
	let documentLine = 1;
	let physical = 1;
	for (let index = 0; index < text.length && physical < pythonLine; index++) {
		const code = text.charCodeAt(index);
		if (code === 13 && text.charCodeAt(index + 1) === 10) continue;
		if (code === 10 || code === 13) {
			physical++;
			if (code === 10) documentLine++;
		}
	}
	return documentLine;
}

/**
 * Compares many (ours, theirs) pairs cheaply and hands only the first mismatch to `expect`, so a failure still shows
 * a readable diff (vitest's deep equality is too slow for thousands of cases).
 */
export function firstMismatch<T>(cases: Array<{input: string; ours: T; theirs: T}>): {input: string; ours: T; theirs: T} | undefined {
	return cases.find((entry) => !isDeepStrictEqual(normalise(entry.ours), normalise(entry.theirs)));
}

/** Plain objects with sorted keys (null-prototype records and key order do not matter). */
function normalise(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(normalise);
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.keys(value).sort().map((key) => [key, normalise((value as Record<string, unknown>)[key])]));
	}
	return value;
}
