import fs from 'node:fs';
import path from 'node:path';
import {afterAll, afterEach, describe, expect, it, vi} from 'vitest';
import {awsFilePaths, resolveHome} from '../../source/aws-files/file-location.js';
import type {Env} from '../../source/gather/snapshot.js';
import {scratchDir, smithy} from './real-readers.js';

const scratch = scratchDir('file-location');
afterAll(() => scratch.remove());
afterEach(() => vi.unstubAllEnvs());

const HOME_VARIABLES = ['HOME', 'USERPROFILE', 'HOMEDRIVE', 'HOMEPATH'] as const;

describe('resolveHome', () => {
	it.each<[string, Env, string]>([
		['HOME first', {HOME: '/home/a', USERPROFILE: 'C:\\Users\\a'}, '/home/a'],
		['empty HOME falls through', {HOME: '', USERPROFILE: 'C:\\Users\\a'}, 'C:\\Users\\a'],
		['HOMEDRIVE + HOMEPATH', {HOMEDRIVE: 'D:', HOMEPATH: '\\Users\\a'}, 'D:\\Users\\a'],
		['HOMEPATH alone gets C: and the separator', {HOMEPATH: 'Users'}, `C:${path.sep}Users`],
		['nothing: the OS home directory', {}, '/os/home'],
	])('%s', (_label, env, expected) => {
		expect(resolveHome(env, '/os/home')).toBe(expected);
	});

	it.each<Env>([{HOME: '/h1', USERPROFILE: '/u1'}, {HOME: '', USERPROFILE: '/u2'}, {HOMEDRIVE: '/d', HOMEPATH: '/p'}, {HOMEPATH: 'p'}])(
		'equals the SDK getHomeDir for %j',
		(env) => {
			for (const name of HOME_VARIABLES) vi.stubEnv(name, env[name] ?? undefined);
			expect(resolveHome(env, 'unused')).toBe(smithy.getHomeDir());
		},
	);
});

describe('awsFilePaths', () => {
	it.each<[string, Env, {credentials: string; config: string}]>([
		['defaults under home', {}, {credentials: path.join('/h', '.aws', 'credentials'), config: path.join('/h', '.aws', 'config')}],
		['overrides', {AWS_SHARED_CREDENTIALS_FILE: '/x/creds', AWS_CONFIG_FILE: '/x/conf'}, {credentials: '/x/creds', config: '/x/conf'}],
		['empty overrides are ignored', {AWS_SHARED_CREDENTIALS_FILE: '', AWS_CONFIG_FILE: ''}, {credentials: path.join('/h', '.aws', 'credentials'), config: path.join('/h', '.aws', 'config')}],
		['leading ~/ expanded', {AWS_SHARED_CREDENTIALS_FILE: '~/c', AWS_CONFIG_FILE: '~/d/e'}, {credentials: path.join('/h', 'c'), config: path.join('/h', 'd', 'e')}],
		['other forms taken literally', {AWS_SHARED_CREDENTIALS_FILE: '~user/c', AWS_CONFIG_FILE: '$HOME/c'}, {credentials: '~user/c', config: '$HOME/c'}],
	])('%s', (_label, env, expected) => {
		expect(awsFilePaths(env, '/h')).toEqual(expected);
	});

	it('keeps ~/ for SDK v2, which does not expand it', () => {
		expect(awsFilePaths({AWS_CONFIG_FILE: '~/c'}, '/h', {expandTilde: false}).config).toBe('~/c');
	});

	it('expands ~/ the way loadSharedConfigFiles does', async () => {
		fs.mkdirSync(path.join(scratch.dir, 'sub'), {recursive: true});
		fs.writeFileSync(path.join(scratch.dir, 'sub', 'creds'), '[default]\na = 1\n');
		vi.stubEnv('HOME', scratch.dir);
		const {credentials} = awsFilePaths({AWS_SHARED_CREDENTIALS_FILE: '~/sub/creds'}, scratch.dir);
		expect(fs.readFileSync(credentials, 'utf8')).toContain('[default]');
		const real = await smithy.loadSharedConfigFiles({filepath: '~/sub/creds', configFilepath: path.join(scratch.dir, 'none'), ignoreCache: true});
		expect(real.credentialsFile['default']).toEqual({a: '1'});
	});
});
