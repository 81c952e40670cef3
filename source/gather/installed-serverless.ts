import {readFile, realpath, stat} from 'node:fs/promises';
import path from 'node:path';
import type {Env} from './snapshot.js';

export interface InstalledServerless {
	version: string;
	/** Where it was found, for the report ("node_modules of /srv/app", "on PATH: /usr/local/bin/serverless"). */
	from: string;
}

/**
 * The `serverless` package a deploy in `serviceDir` would run: a local `node_modules/serverless` (walking up,
 * as Node resolves it — the global CLI hands over to a local install), else the `serverless`/`sls` on PATH.
 * Only package.json files are read: starting the CLI to ask its version costs seconds.
 */
export async function findInstalledServerless(serviceDir: string, env: Env, platform: NodeJS.Platform = process.platform): Promise<InstalledServerless | undefined> {
	for (let directory = path.resolve(serviceDir); ; directory = path.dirname(directory)) {
		const version = await serverlessVersionAt(path.join(directory, 'node_modules', 'serverless', 'package.json'));
		if (version !== undefined) return {version, from: `node_modules of ${directory}`};
		if (path.dirname(directory) === directory) break;
	}

	const searchPath = env['PATH'] ?? env['Path'] ?? '';
	const names = platform === 'win32' ? ['serverless.cmd', 'sls.cmd', 'serverless.ps1', 'serverless', 'sls'] : ['serverless', 'sls'];
	for (const directory of searchPath.split(path.delimiter).filter(Boolean)) {
		for (const name of names) {
			const executable = path.join(directory, name);
			if (!(await isFile(executable))) continue;
			const version = await versionBehind(executable, directory);
			if (version !== undefined) return {version, from: `on PATH: ${executable}`};
		}
	}
	return undefined;
}

/** npm links `bin/serverless` → `…/node_modules/serverless/bin/serverless.js`; Windows shims sit next to `node_modules`. */
async function versionBehind(executable: string, directory: string): Promise<string | undefined> {
	let target: string | undefined;
	try {
		target = await realpath(executable);
	} catch {
		target = undefined;
	}
	if (target !== undefined) {
		let folder = path.dirname(target);
		for (let level = 0; level < 4; level++) {
			const version = await serverlessVersionAt(path.join(folder, 'package.json'));
			if (version !== undefined) return version;
			folder = path.dirname(folder);
		}
	}
	return (
		(await serverlessVersionAt(path.join(directory, 'node_modules', 'serverless', 'package.json'))) ??
		(await serverlessVersionAt(path.join(directory, '..', 'lib', 'node_modules', 'serverless', 'package.json')))
	);
}

async function serverlessVersionAt(packageJson: string): Promise<string | undefined> {
	try {
		const parsed = JSON.parse(await readFile(packageJson, 'utf8')) as {name?: unknown; version?: unknown};
		return parsed.name === 'serverless' && typeof parsed.version === 'string' ? parsed.version : undefined;
	} catch {
		return undefined;
	}
}

async function isFile(filePath: string): Promise<boolean> {
	try {
		return (await stat(filePath)).isFile();
	} catch {
		return false;
	}
}
