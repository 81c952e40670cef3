import {readFile} from 'node:fs/promises';
import path from 'node:path';
import type {DashboardLogin, Env, FrameworkMajor} from './snapshot.js';

/**
 * Serverless Dashboard login facts. Both majors keep the session in `.serverlessrc` (`@serverless/utils/config`
 * for v3, sf-core `utils/fs` for v4): `~/.serverlessrc`, or `~/.config/.serverlessrc` when only that exists, with a
 * `.serverlessrc` in the working folder merged over it. `SERVERLESS_PLATFORM_STAGE` renames the file. Only
 * booleans and paths leave this module: the tokens inside stay unread.
 */
export async function readDashboardLogin(input: {env: Env; home: string; cwd: string; major: FrameworkMajor}): Promise<DashboardLogin> {
	const {env, home, major} = input;
	const accessKeyInEnv = major === 3 ? Boolean(env['SERVERLESS_ACCESS_KEY']) : Boolean(env['SERVERLESS_ACCESS_KEY'] || env['SERVERLESS_USER_ACCESS_KEY']);
	const licenseKeyInEnv = Boolean(env['SERVERLESS_LICENSE_KEY'] || env['SERVERLESS_ORG_ACCESS_KEY']);
	const details: string[] = [];
	if (major === 3 && !env['SERVERLESS_ACCESS_KEY'] && env['SERVERLESS_USER_ACCESS_KEY']) {
		details.push('SERVERLESS_USER_ACCESS_KEY is a v4 variable; the v3 Dashboard plugin reads only SERVERLESS_ACCESS_KEY.');
	}

	const name = rcFileName(env);
	const inConfigFolder = path.join(home, '.config', name);
	const inHome = path.join(home, name);
	const [configFolderRead, homeRead, localRead] = await Promise.all([readJson(inConfigFolder), readJson(inHome), readJson(path.join(input.cwd, name))]);
	const globalPath = configFolderRead.exists && !homeRead.exists ? inConfigFolder : inHome;
	const globalRead = globalPath === inHome ? homeRead : configFolderRead;
	for (const [file, read] of [[globalPath, globalRead], [path.join(input.cwd, name), localRead]] as const) {
		if (read.unreadable) details.push(`${file} cannot be read (${read.unreadable}).`);
		else if (read.exists && read.value === undefined) details.push(`${file} is not valid JSON: Serverless renames it to .bak and treats you as logged out.`);
	}
	const config = merge(asRecord(globalRead.value), asRecord(localRead.value));

	const userId = config['userId'];
	const users = asRecord(config['users']);
	const user = typeof userId === 'string' ? asRecord(users[userId]) : {};
	const dashboard = asRecord(user['dashboard']);
	const loggedIn = major === 3 ? Boolean(userId) && Boolean(dashboard['username']) : Boolean(userId);
	const sources = [globalRead.exists ? globalPath : undefined, localRead.exists ? path.join(input.cwd, name) : undefined].filter(Boolean);
	if (sources.length === 0) details.push(`no ${name} found (looked in ${inHome}, ${inConfigFolder} and ${input.cwd}): not logged in.`);
	else details.push(loggedIn ? `serverless login session found in ${sources.join(' + ')}.` : `no login session in ${sources.join(' + ')}.`);

	if (major === 4) {
		const orgs = asRecord(asRecord(config['accessKeys'])['orgs']);
		if (Object.keys(orgs).length > 0) {
			details.push(`a license key is stored in ${sources.join(' + ')}: license keys get no Dashboard provider credentials.`);
		}
	}
	return {accessKeyInEnv, licenseKeyInEnv, loggedIn, detail: details.join(' ')};
}

function rcFileName(env: Env): string {
	const platformStage = env['SERVERLESS_PLATFORM_STAGE'];
	return platformStage && platformStage !== 'prod' ? `.serverless${platformStage.toLowerCase()}rc`.trim() : '.serverlessrc';
}

async function readJson(filePath: string): Promise<{exists: boolean; value?: unknown; unreadable?: string}> {
	let text: string;
	try {
		text = await readFile(filePath, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? 'UNKNOWN';
		return code === 'ENOENT' || code === 'ENOTDIR' ? {exists: false} : {exists: true, unreadable: code};
	}
	try {
		return {exists: true, value: JSON.parse(text) as unknown};
	} catch {
		return {exists: true};
	}
}

function asRecord(value: unknown): Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** lodash `merge` for plain JSON: `local` wins, objects merge key by key. */
function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
	const result: Record<string, unknown> = {...base};
	for (const [key, value] of Object.entries(over)) {
		const current = result[key];
		result[key] =
			typeof value === 'object' && value !== null && !Array.isArray(value) && typeof current === 'object' && current !== null && !Array.isArray(current)
				? merge(current as Record<string, unknown>, value as Record<string, unknown>)
				: value;
	}
	return result;
}
