import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {findServiceFile} from '../../source/service/find-service-file.js';
import {UserInputError} from '../../source/service/user-input-error.js';

let folder: string;
beforeEach(() => {
	folder = mkdtempSync(path.join(tmpdir(), 'h2-find-'));
});
afterEach(() => rmSync(folder, {recursive: true, force: true}));

const touch = (...names: string[]) => names.forEach(name => writeFileSync(path.join(folder, name), ''));

describe('findServiceFile', () => {
	it.each([
		[['serverless.yml', 'serverless.yaml', 'serverless.json'], 'serverless.yml', 'yml'],
		[['serverless.yaml', 'serverless.json'], 'serverless.yaml', 'yml'],
		[['serverless.json', 'serverless.js'], 'serverless.json', 'json'],
		[['serverless.js', 'serverless.ts'], 'serverless.js', 'js'],
		[['serverless.cjs', 'serverless.ts'], 'serverless.cjs', 'js'],
		[['serverless.ts', 'serverless.mjs'], 'serverless.ts', 'ts'],
		[['serverless.mjs'], 'serverless.mjs', 'js'],
	] as const)('picks the first of %j', (names, expected, format) => {
		touch(...names);
		expect(findServiceFile(folder)).toEqual({path: path.join(folder, expected), format});
	});

	it('finds nothing in an empty folder', () => {
		expect(findServiceFile(folder)).toEqual({format: 'none'});
	});

	it('ignores a folder named like a service file', () => {
		mkdirSync(path.join(folder, 'serverless.yml'));
		touch('serverless.json');
		expect(findServiceFile(folder).format).toBe('json');
	});

	it('takes --config relative to cwd', () => {
		mkdirSync(path.join(folder, 'api'));
		writeFileSync(path.join(folder, 'api', 'serverless.prod.yml'), '');
		expect(findServiceFile(folder, 'api/serverless.prod.yml')).toEqual({path: path.join(folder, 'api', 'serverless.prod.yml'), format: 'yml'});
	});

	it.each([
		['missing.yml', 'SERVICE_FILE_NOT_FOUND'],
		['serverless.toml', 'SERVICE_FILE_UNSUPPORTED'],
		['sub.yml', 'SERVICE_FILE_NOT_A_FILE'],
	])('--config %s is a user error with a fix', (name, code) => {
		mkdirSync(path.join(folder, 'sub.yml'));
		let caught: unknown;
		try {
			findServiceFile(folder, name);
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(UserInputError);
		expect((caught as UserInputError).code).toBe(code);
		expect((caught as UserInputError).fix.length).toBeGreaterThan(10);
	});
});
