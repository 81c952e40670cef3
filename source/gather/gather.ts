import {readFileSync} from 'node:fs';
import {readdir, stat} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {awsFilePaths, resolveHome} from '../aws-files/file-location.js';
import {sdkProfiles} from '../aws-files/sdk-profiles.js';
import {customDotenvEntries, dotenvKey} from '../service/dotenv-files.js';
import {findServiceFile} from '../service/find-service-file.js';
import {detectFramework} from '../service/framework-version.js';
import type {ServiceParsers} from '../service/service-parsers.js';
import {resolveServiceWith} from '../service/service-resolution.js';
import {readDashboardLogin} from './dashboard-login.js';
import {findInstalledServerless} from './installed-serverless.js';
import {readFileFacts} from './read-file-facts.js';
import {caFilePaths, tokenFilePaths} from './referenced-files.js';
import type {DeployOptions, Env, FileRead, Snapshot} from './snapshot.js';
import {readSsoCache, ssoCacheKeys} from './sso-cache.js';

export interface GatherInput {
	cwd: string;
	/** `--config`; a path that does not exist throws a UserInputError. */
	configPath?: string;
	options: DeployOptions;
	/** `--framework v3|v4|3|4`; anything else throws a UserInputError. */
	framework?: string;
	processEnv: Env;
	now?: number;
}

/**
 * Reads the world once — environment, the AWS files, the service file and its `.env`, CA and token files, the
 * SSO cache and the Dashboard login — into the Snapshot every pure analysis works from. No child processes,
 * no network, no AWS SDK: this runs before every doctor screen.
 */
export async function gather(input: GatherInput): Promise<Snapshot> {
	const now = input.now ?? Date.now();
	const {processEnv, options} = input;

	const found = findServiceFile(input.cwd, input.configPath);
	const serviceDir = found.path === undefined ? input.cwd : path.dirname(found.path);
	// yaml, dotenv and the team-settings reader load only when there is a service file for them to read.
	const parsers = found.path === undefined ? withoutServiceFile : (await import('../service/service-parsers.js')).serviceParsers;
	let document: unknown;
	let parseError: string | undefined;
	let serviceText: string | undefined;
	if (found.path !== undefined && (found.format === 'yml' || found.format === 'json')) {
		const file = await readFileFacts(found.path);
		serviceText = file.text;
		if (file.text === undefined) {
			parseError = `${path.basename(found.path)} cannot be read: ${file.error?.message ?? 'unknown error'}`;
		} else {
			const parsed = parsers.parseServiceText(file.text, found.format, path.basename(found.path));
			document = parsed.document;
			parseError = parsed.error;
		}
	}

	const frameworkVersion = plainFrameworkVersion(document);
	const installed = input.framework || frameworkVersion ? undefined : await findInstalledServerless(serviceDir, processEnv);
	const framework = detectFramework({
		flag: input.framework,
		frameworkVersion,
		installedVersion: installed?.version,
		installedFrom: installed?.from,
	});

	// Without a service file there is no deploy, so no `.env` either.
	const dotenvFiles = found.path === undefined ? {} : await readDotenvFiles(serviceDir, document);
	const resolved = resolveServiceWith(
		{
			document,
			path: found.path,
			format: found.format,
			framework: framework.major,
			options,
			env: processEnv,
			dotenvFiles,
			readFile: readTextOrUndefined,
			text: serviceText,
		},
		parsers,
	);
	const service = parseError === undefined ? resolved.service : {...resolved.service, error: parseError};
	// The environment Serverless sees (with .env) decides which files it reads.
	const env = resolved.env;

	const home = resolveHome(env, os.homedir());
	const paths = awsFilePaths(env, home);
	const homeCredentials = path.join(home, '.aws', 'credentials');
	const homeConfig = path.join(home, '.aws', 'config');
	const [credentialsFile, configFile, homeCredentialsFile, homeConfigFile] = await Promise.all([
		readFileFacts(paths.credentials),
		readFileFacts(paths.config),
		samePath(paths.credentials, homeCredentials) ? undefined : readFileFacts(homeCredentials),
		samePath(paths.config, homeConfig) ? undefined : readFileFacts(homeConfig),
	]);

	const profiles = sdkProfiles({credentials: credentialsFile.text, config: configFile.text});
	const [caFiles, tokenFiles, ssoCache, dashboard] = await Promise.all([
		readKeyed(withHomeExpanded(caFilePaths([processEnv, env], profiles), home), input.cwd, true),
		readKeyed(tokenFilePaths(env, profiles), input.cwd, false),
		readSsoCache(home, ssoCacheKeys(profiles)),
		readDashboardLogin({env, home, cwd: input.cwd, major: framework.major}),
	]);

	const snapshot: Snapshot = {
		now,
		platform: process.platform,
		processEnv,
		env,
		options,
		framework,
		home,
		credentialsFile,
		configFile,
		service,
		caFiles,
		tokenFiles,
		ssoCache,
		dashboard,
	};
	if (homeCredentialsFile !== undefined) snapshot.homeCredentialsFile = homeCredentialsFile;
	if (homeConfigFile !== undefined) snapshot.homeConfigFile = homeConfigFile;
	return snapshot;
}

/**
 * Without a service file there is no document, no `.env` and no team settings, so resolution never parses anything;
 * reaching one of these would be a bug in gather, not a user's mistake.
 */
const withoutServiceFile: ServiceParsers = {
	parseServiceText: unreachable,
	parseYaml: unreachable,
	parseJson: unreachable,
	parseDotenv: unreachable,
	readTeamSettings: unreachable,
};

function unreachable(): never {
	throw new Error('gather: a parser was asked for without a service file');
}

/** frameworkVersion as written; a value built from variables cannot pick the major before resolution. */
function plainFrameworkVersion(document: unknown): string | undefined {
	if (typeof document !== 'object' || document === null) return undefined;
	const value = (document as Record<string, unknown>)['frameworkVersion'];
	if (typeof value === 'number') return String(value);
	return typeof value === 'string' && !value.includes('${') ? value : undefined;
}

function samePath(left: string, right: string): boolean {
	return path.resolve(left) === path.resolve(right);
}

/** Node and Serverless read `~/x.pem` literally, the AWS CLI expands it: gather both so either view can be checked. */
function withHomeExpanded(paths: string[], home: string): string[] {
	return [...new Set(paths.flatMap(entry => (entry.startsWith('~/') ? [entry, path.join(home, entry.slice(2))] : [entry])))];
}

async function readKeyed(configured: string[], cwd: string, keepText: boolean): Promise<Record<string, FileRead>> {
	const entries = await Promise.all(configured.map(async entry => [entry, await readFileFacts(path.resolve(cwd, entry), {keepText})] as const));
	return Object.fromEntries(entries);
}

function readTextOrUndefined(filePath: string): string | undefined {
	try {
		return readFileSync(filePath, 'utf8');
	} catch {
		return undefined;
	}
}

const DOTENV_NAME = /^\.env(?:\..+)?$/;

/**
 * Every `.env` / `.env.<anything>` in the service folder (the stage is not known yet), plus the v4
 * `useDotenv` paths. resolveServiceWith picks the ones the framework would load.
 */
async function readDotenvFiles(serviceDir: string, document: unknown): Promise<Record<string, string>> {
	const files: Record<string, string> = {};
	const readFolder = async (entry: string) => {
		let names: string[];
		try {
			names = await readdir(path.resolve(serviceDir, entry));
		} catch {
			return;
		}
		await Promise.all(
			names
				.filter(name => DOTENV_NAME.test(name))
				.map(async name => {
					const text = readTextOrUndefined(path.resolve(serviceDir, entry, name));
					if (text !== undefined) files[dotenvKey(entry, name)] = text;
				}),
		);
	};
	await readFolder('');
	const useDotenv = typeof document === 'object' && document !== null ? (document as Record<string, unknown>)['useDotenv'] : undefined;
	for (const entry of customDotenvEntries(useDotenv)) {
		const absolute = path.resolve(serviceDir, entry);
		try {
			if ((await stat(absolute)).isDirectory()) await readFolder(entry);
			else {
				const text = readTextOrUndefined(absolute);
				if (text !== undefined) files[entry] = text;
			}
		} catch {
			// A missing useDotenv path is skipped silently by Serverless too.
		}
	}
	return files;
}
