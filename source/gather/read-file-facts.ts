import {lstat, readFile, stat} from 'node:fs/promises';
import type {FileRead} from './snapshot.js';

/**
 * Reads one file the way the doctor needs it: whether it exists, whether it is a symlink, its permission bits
 * and its text. Every failure is recorded, never thrown (the SDK swallows the same failures silently).
 */
export async function readFileFacts(filePath: string, options: {keepText?: boolean} = {}): Promise<FileRead> {
	const keepText = options.keepText ?? true;
	let isSymlink = false;
	try {
		isSymlink = (await lstat(filePath)).isSymbolicLink();
	} catch (error) {
		const code = errorCode(error);
		if (code === 'ENOENT' || code === 'ENOTDIR') return {path: filePath, exists: false};
		return {path: filePath, exists: true, error: describe(error)};
	}
	let mode: number;
	try {
		const facts = await stat(filePath);
		mode = facts.mode & 0o777;
		if (facts.isDirectory()) {
			return {path: filePath, exists: true, mode, isSymlink, error: {code: 'EISDIR', message: `${filePath} is a directory, not a file`}};
		}
	} catch (error) {
		const code = errorCode(error);
		if (isSymlink && (code === 'ENOENT' || code === 'ENOTDIR')) {
			return {path: filePath, exists: false, isSymlink, error: {code, message: `${filePath} is a symlink to a file that does not exist`}};
		}
		return {path: filePath, exists: true, isSymlink, error: describe(error)};
	}
	try {
		const text = await readFile(filePath, 'utf8');
		return keepText ? {path: filePath, exists: true, mode, isSymlink, text} : {path: filePath, exists: true, mode, isSymlink};
	} catch (error) {
		return {path: filePath, exists: true, mode, isSymlink, error: describe(error)};
	}
}

function errorCode(error: unknown): string {
	return (error as NodeJS.ErrnoException).code ?? 'UNKNOWN';
}

function describe(error: unknown): {code: string; message: string} {
	return {code: errorCode(error), message: (error as Error).message};
}
