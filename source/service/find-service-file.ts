import {statSync} from 'node:fs';
import path from 'node:path';
import type {ServiceInfo} from './service-info.js';
import {UserInputError} from './user-input-error.js';

/** Names tried in the service folder, in the order Serverless tries them. */
const EXTENSIONS = ['yml', 'yaml', 'json', 'js', 'cjs', 'ts', 'mjs'] as const;

export function serviceFormatOf(filePath: string): ServiceInfo['format'] | undefined {
	const extension = path.extname(filePath).slice(1).toLowerCase();
	switch (extension) {
		case 'yml':
		case 'yaml':
			return 'yml';
		case 'json':
			return 'json';
		case 'ts':
			return 'ts';
		case 'js':
		case 'cjs':
		case 'mjs':
			return 'js';
		default:
			return undefined;
	}
}

/**
 * Finds the service configuration the way `serverless deploy` does: `--config <path>` (relative to cwd) or the
 * first `serverless.<ext>` in cwd. A `--config` that does not name a readable file of a known kind is the
 * user's mistake, so it throws a UserInputError instead of silently analysing "no service".
 */
export function findServiceFile(cwd: string, configPath?: string): {path?: string; format: ServiceInfo['format']} {
	if (configPath !== undefined && configPath !== '') {
		const resolved = path.resolve(cwd, configPath);
		const format = serviceFormatOf(resolved);
		if (format === undefined) {
			throw new UserInputError({
				code: 'SERVICE_FILE_UNSUPPORTED',
				message: `--config ${configPath}: Serverless only reads serverless.yml, .yaml, .json, .js, .cjs, .mjs or .ts files.`,
				fix: `Pass the path of your service file, e.g. --config ${path.join(path.dirname(configPath), 'serverless.yml')}`,
			});
		}
		const kind = fileKind(resolved);
		if (kind.kind === 'missing') {
			throw new UserInputError({
				code: 'SERVICE_FILE_NOT_FOUND',
				message: `--config ${configPath}: no such file (looked for ${resolved}).`,
				cause: kind.code,
				fix: `Check the path (it is relative to ${cwd}), or run the command inside the service folder without --config.`,
			});
		}
		if (kind.kind !== 'file') {
			throw new UserInputError({
				code: 'SERVICE_FILE_NOT_A_FILE',
				message: `--config ${configPath}: ${resolved} is not a regular file.`,
				cause: kind.kind === 'error' ? kind.code : undefined,
				fix: 'Pass the path of the serverless.yml file itself, not of its folder.',
			});
		}
		return {path: resolved, format};
	}

	for (const extension of EXTENSIONS) {
		const candidate = path.join(cwd, `serverless.${extension}`);
		if (fileKind(candidate).kind === 'file') {
			return {path: candidate, format: serviceFormatOf(candidate) ?? 'none'};
		}
	}
	return {format: 'none'};
}

type FileKind = {kind: 'file'} | {kind: 'other'} | {kind: 'missing'; code: string} | {kind: 'error'; code: string};

function fileKind(filePath: string): FileKind {
	try {
		return statSync(filePath).isFile() ? {kind: 'file'} : {kind: 'other'};
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? 'UNKNOWN';
		return code === 'ENOENT' || code === 'ENOTDIR' ? {kind: 'missing', code} : {kind: 'error', code};
	}
}
