import {createHash} from 'node:crypto';
import {chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {gather} from '../../source/gather/gather.js';
import type {Env} from '../../source/gather/snapshot.js';
import {UserInputError} from '../../source/service/user-input-error.js';

let root: string;
let home: string;
let service: string;
let processEnv: Env;

beforeEach(() => {
	root = mkdtempSync(path.join(tmpdir(), 'h2-gather-'));
	home = path.join(root, 'home');
	service = path.join(root, 'work', 'app');
	mkdirSync(path.join(home, '.aws'), {recursive: true});
	mkdirSync(service, {recursive: true});
	// HOME isolates the AWS files; an empty PATH keeps any installed serverless out of framework detection.
	processEnv = {HOME: home, PATH: ''};
});
afterEach(() => {
	rmSync(root, {recursive: true, force: true});
});

const write = (filePath: string, text: string) => {
	mkdirSync(path.dirname(filePath), {recursive: true});
	writeFileSync(filePath, text);
};
const run = (extra: Partial<Parameters<typeof gather>[0]> = {}) => gather({cwd: service, options: {}, processEnv, now: 1_700_000_000_000, ...extra});

describe('gather: AWS files', () => {
	it('reads both files from an isolated HOME with their permission bits', async () => {
		write(path.join(home, '.aws', 'credentials'), '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n');
		chmodSync(path.join(home, '.aws', 'credentials'), 0o600);
		const snapshot = await run();
		expect(snapshot.home).toBe(home);
		expect(snapshot.now).toBe(1_700_000_000_000);
		expect(snapshot.credentialsFile).toEqual({
			path: path.join(home, '.aws', 'credentials'),
			exists: true,
			mode: 0o600,
			isSymlink: false,
			text: '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n',
		});
		expect(snapshot.configFile).toEqual({path: path.join(home, '.aws', 'config'), exists: false});
		expect(snapshot.homeCredentialsFile).toBeUndefined();
		expect(snapshot.homeConfigFile).toBeUndefined();
		expect(snapshot.service).toMatchObject({format: 'none', stage: {value: 'dev', source: 'default'}});
		expect(snapshot.framework).toMatchObject({major: 4, source: 'default'});
	});

	it('follows a symlinked credentials file and says it is one', async () => {
		write(path.join(root, 'dotfiles', 'aws-credentials'), '[default]\nregion = eu-west-1\n');
		symlinkSync(path.join(root, 'dotfiles', 'aws-credentials'), path.join(home, '.aws', 'credentials'));
		const snapshot = await run();
		expect(snapshot.credentialsFile).toMatchObject({exists: true, isSymlink: true, text: '[default]\nregion = eu-west-1\n'});
	});

	it('reports a dangling symlink as missing', async () => {
		symlinkSync(path.join(root, 'nowhere'), path.join(home, '.aws', 'config'));
		const snapshot = await run();
		expect(snapshot.configFile).toMatchObject({exists: false, isSymlink: true, error: {code: 'ENOENT'}});
	});

	it('captures EISDIR instead of throwing', async () => {
		mkdirSync(path.join(home, '.aws', 'credentials'));
		const snapshot = await run();
		expect(snapshot.credentialsFile).toMatchObject({exists: true, error: {code: 'EISDIR'}});
		expect(snapshot.credentialsFile.text).toBeUndefined();
	});

	it('captures EACCES instead of throwing', async () => {
		const file = path.join(home, '.aws', 'config');
		write(file, '[default]\n');
		chmodSync(file, 0o000);
		const snapshot = await run();
		expect(snapshot.configFile.exists).toBe(true);
		expect(snapshot.configFile.mode).toBe(0o000);
		// root reads anything, so only an unprivileged run can see the error itself.
		if (process.getuid?.() === 0) expect(snapshot.configFile.text).toBe('[default]\n');
		else expect(snapshot.configFile.error?.code).toBe('EACCES');
	});

	it('keeps ~/.aws/credentials beside AWS_SHARED_CREDENTIALS_FILE elsewhere', async () => {
		write(path.join(root, 'ci', 'credentials'), '[ci]\n');
		write(path.join(home, '.aws', 'credentials'), '[default]\n');
		processEnv = {...processEnv, AWS_SHARED_CREDENTIALS_FILE: path.join(root, 'ci', 'credentials'), AWS_CONFIG_FILE: path.join(root, 'ci', 'config')};
		const snapshot = await run();
		expect(snapshot.credentialsFile).toMatchObject({path: path.join(root, 'ci', 'credentials'), text: '[ci]\n'});
		expect(snapshot.homeCredentialsFile).toMatchObject({path: path.join(home, '.aws', 'credentials'), text: '[default]\n'});
		expect(snapshot.configFile).toMatchObject({path: path.join(root, 'ci', 'config'), exists: false});
		expect(snapshot.homeConfigFile).toMatchObject({path: path.join(home, '.aws', 'config'), exists: false});
	});

	it('expands a leading ~/ in AWS_SHARED_CREDENTIALS_FILE (SDK v3) and then needs no home copy', async () => {
		write(path.join(home, '.aws', 'credentials'), '[default]\n');
		processEnv = {...processEnv, AWS_SHARED_CREDENTIALS_FILE: '~/.aws/credentials'};
		const snapshot = await run();
		expect(snapshot.credentialsFile.path).toBe(path.join(home, '.aws', 'credentials'));
		expect(snapshot.homeCredentialsFile).toBeUndefined();
	});
});

describe('gather: the service', () => {
	it('parses, applies .env (v4) and picks the files with the resulting environment', async () => {
		write(path.join(service, 'serverless.yml'), "service: shop\nframeworkVersion: '4'\nprovider:\n  name: aws\n  profile: ${env:AWS_PROFILE}\nresources:\n  Outputs:\n    A:\n      Value: !Ref Bucket\n");
		write(path.join(service, '.env'), `AWS_PROFILE=fromDotenv\nAWS_SHARED_CREDENTIALS_FILE=${path.join(root, 'project-credentials')}\n`);
		write(path.join(service, '.env.prod'), 'AWS_PROFILE=prodProfile\n');
		write(path.join(root, 'project-credentials'), '[fromDotenv]\n');
		const snapshot = await run();
		expect(snapshot.framework).toMatchObject({major: 4, source: 'frameworkVersion'});
		expect(snapshot.service).toMatchObject({path: path.join(service, 'serverless.yml'), format: 'yml', service: 'shop', profile: {kind: 'value', value: 'fromDotenv'}});
		expect(snapshot.service.error).toBeUndefined();
		expect(snapshot.env['AWS_PROFILE']).toBe('fromDotenv');
		expect(snapshot.processEnv['AWS_PROFILE']).toBeUndefined();
		expect(snapshot.credentialsFile).toMatchObject({path: path.join(root, 'project-credentials'), text: '[fromDotenv]\n'});
	});

	it('turns a YAML syntax error into service.error', async () => {
		write(path.join(service, 'serverless.yml'), 'provider:\n  stage: [dev\n');
		const snapshot = await run({options: {stage: 'prod'}});
		expect(snapshot.service.error).toMatch(/^serverless\.yml: YAML syntax error at line \d+, column \d+/);
		expect(snapshot.service.stage).toEqual({value: 'prod', source: 'option'});
	});

	it('resolves ${file()} from disk', async () => {
		write(path.join(service, 'serverless.yml'), "frameworkVersion: '3'\nprovider:\n  profile: ${file(./config/${sls:stage}.yml):profile}\n");
		write(path.join(service, 'config', 'dev.yml'), 'profile: fromFile\n');
		const snapshot = await run();
		expect(snapshot.service.profile).toMatchObject({kind: 'value', value: 'fromFile'});
	});

	it('rejects a missing --config as a user error', async () => {
		await expect(run({configPath: 'nope.yml'})).rejects.toBeInstanceOf(UserInputError);
	});

	it('rejects an unknown --framework as a user error', async () => {
		await expect(run({framework: 'v5'})).rejects.toBeInstanceOf(UserInputError);
	});
});

describe('gather: framework version', () => {
	it('--framework wins over frameworkVersion', async () => {
		write(path.join(service, 'serverless.yml'), "frameworkVersion: '4'\n");
		expect((await run({framework: 'v3'})).framework).toMatchObject({major: 3, source: 'flag'});
	});

	it('finds serverless in a parent node_modules', async () => {
		write(path.join(root, 'work', 'node_modules', 'serverless', 'package.json'), '{"name":"serverless","version":"3.38.0"}');
		write(path.join(service, 'serverless.yml'), 'service: x\n');
		const snapshot = await run();
		expect(snapshot.framework).toMatchObject({major: 3, source: 'installed'});
		expect(snapshot.framework.detail).toContain('3.38.0');
	});

	it('finds serverless on PATH through its symlink', async () => {
		const packageFolder = path.join(root, 'global', 'lib', 'node_modules', 'serverless');
		write(path.join(packageFolder, 'package.json'), '{"name":"serverless","version":"4.4.7"}');
		write(path.join(packageFolder, 'run.js'), '');
		mkdirSync(path.join(root, 'global', 'bin'), {recursive: true});
		symlinkSync(path.join(packageFolder, 'run.js'), path.join(root, 'global', 'bin', 'sls'));
		processEnv = {...processEnv, PATH: path.join(root, 'global', 'bin')};
		const snapshot = await run();
		expect(snapshot.framework).toMatchObject({major: 4, source: 'installed'});
		expect(snapshot.framework.detail).toContain('4.4.7');
	});
});

describe('gather: CA, token and SSO files', () => {
	it('reads every CA file named by the environment and the profiles', async () => {
		write(path.join(root, 'a.pem'), 'A');
		write(path.join(root, 'node.pem'), 'N');
		write(path.join(home, '.aws', 'config'), `[default]\nca_bundle = ${path.join(root, 'profile.pem')}\n`);
		processEnv = {...processEnv, cafile: ` ${path.join(root, 'a.pem')} , ${path.join(root, 'b.pem')},`, NODE_EXTRA_CA_CERTS: path.join(root, 'node.pem'), AWS_CA_BUNDLE: path.join(root, 'bundle.pem')};
		const snapshot = await run();
		expect(Object.keys(snapshot.caFiles).sort()).toEqual(['a.pem', 'b.pem', 'bundle.pem', 'node.pem', 'profile.pem'].map(name => path.join(root, name)));
		expect(snapshot.caFiles[path.join(root, 'a.pem')]).toMatchObject({exists: true, text: 'A'});
		expect(snapshot.caFiles[path.join(root, 'b.pem')]).toMatchObject({exists: false});
	});

	it('checks web identity token files without keeping their text', async () => {
		write(path.join(root, 'token'), 'eyJ-secret-token');
		write(path.join(home, '.aws', 'config'), `[profile ci]\nrole_arn = arn:aws:iam::1:role/x\nweb_identity_token_file = ${path.join(root, 'missing-token')}\n`);
		processEnv = {...processEnv, AWS_WEB_IDENTITY_TOKEN_FILE: path.join(root, 'token')};
		const snapshot = await run();
		expect(snapshot.tokenFiles[path.join(root, 'token')]).toEqual({path: path.join(root, 'token'), exists: true, mode: expect.any(Number), isSymlink: false});
		expect(snapshot.tokenFiles[path.join(root, 'missing-token')]).toMatchObject({exists: false});
		expect(JSON.stringify(snapshot.tokenFiles)).not.toContain('secret-token');
	});

	it('reads expiresAt of the SSO cache for sso-session and legacy profiles', async () => {
		write(
			path.join(home, '.aws', 'config'),
			'[profile dev]\nsso_session = corp\nsso_account_id = 1\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\n[profile old]\nsso_start_url = https://old.awsapps.com/start\n[sso-session unused]\nsso_region = eu-west-1\n',
		);
		const cacheFile = (key: string) => path.join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update(key).digest('hex')}.json`);
		write(cacheFile('corp'), JSON.stringify({accessToken: 'secret-access-token', expiresAt: '2023-11-14T00:00:00Z'}));
		write(cacheFile('https://old.awsapps.com/start'), '{not json');
		const snapshot = await run();
		const byKey = Object.fromEntries(snapshot.ssoCache.map(entry => [entry.key, entry]));
		expect(byKey['corp']).toEqual({path: cacheFile('corp'), key: 'corp', exists: true, expiresAt: '2023-11-14T00:00:00Z'});
		expect(byKey['https://old.awsapps.com/start']).toMatchObject({exists: true, error: 'the SSO cache file is not valid JSON'});
		expect(byKey['unused']).toMatchObject({exists: false});
		expect(JSON.stringify(snapshot.ssoCache)).not.toContain('secret-access-token');
	});
});

describe('gather: Dashboard login', () => {
	const rc = (userId: string | null, extra: object = {}) =>
		JSON.stringify({userId, users: userId ? {[userId]: {dashboard: {username: 'me', idToken: 'secret-id-token', refreshToken: 'secret-refresh'}}} : {}, ...extra});

	it('v3: a ~/.serverlessrc session and SERVERLESS_ACCESS_KEY', async () => {
		write(path.join(home, '.serverlessrc'), rc('user-1'));
		write(path.join(service, 'serverless.yml'), "frameworkVersion: '3'\n");
		processEnv = {...processEnv, SERVERLESS_ACCESS_KEY: 'AKsecretdashboardkey'};
		const snapshot = await run();
		expect(snapshot.dashboard).toMatchObject({accessKeyInEnv: true, licenseKeyInEnv: false, loggedIn: true});
		expect(JSON.stringify(snapshot.dashboard)).not.toMatch(/secret/);
	});

	it('v3: logged out, SERVERLESS_USER_ACCESS_KEY ignored', async () => {
		write(path.join(home, '.serverlessrc'), rc(null));
		write(path.join(service, 'serverless.yml'), "frameworkVersion: '3'\n");
		processEnv = {...processEnv, SERVERLESS_USER_ACCESS_KEY: 'x'};
		const snapshot = await run();
		expect(snapshot.dashboard).toMatchObject({accessKeyInEnv: false, loggedIn: false});
		expect(snapshot.dashboard.detail).toMatch(/SERVERLESS_USER_ACCESS_KEY is a v4 variable/);
	});

	it('v4: ~/.config/.serverlessrc, license key stored, SERVERLESS_LICENSE_KEY', async () => {
		write(path.join(home, '.config', '.serverlessrc'), rc('user-2', {accessKeys: {orgs: {acme: {accessKey: 'secret-license'}}}}));
		processEnv = {...processEnv, SERVERLESS_LICENSE_KEY: 'x'};
		const snapshot = await run();
		expect(snapshot.dashboard).toMatchObject({accessKeyInEnv: false, licenseKeyInEnv: true, loggedIn: true});
		expect(snapshot.dashboard.detail).toMatch(/license key is stored/);
		expect(JSON.stringify(snapshot.dashboard)).not.toMatch(/secret/);
	});

	it('nothing on disk', async () => {
		const snapshot = await run();
		expect(snapshot.dashboard).toMatchObject({accessKeyInEnv: false, licenseKeyInEnv: false, loggedIn: false});
		expect(snapshot.dashboard.detail).toMatch(/no \.serverlessrc found/);
	});
});

describe('gather stays cheap', () => {
	it('never imports the AWS SDK or starts child processes', async () => {
		const {readdir, readFile} = await import('node:fs/promises');
		for (const folder of ['source/gather', 'source/service']) {
			for (const name of await readdir(folder)) {
				const text = await readFile(path.join(folder, name), 'utf8');
				expect(text, `${folder}/${name}`).not.toMatch(/from '@aws-sdk|from '@smithy|child_process|node:http/);
			}
		}
	});
});

describe('gather: .env without a service', () => {
	it('ignores .env when there is no service file', async () => {
		write(path.join(service, '.env'), 'AWS_PROFILE=fromDotenv\n');
		const snapshot = await run();
		expect(snapshot.env).toEqual(processEnv);
		expect(snapshot.service.dotenv).toEqual([]);
	});

	it('v3 reads .env only with useDotenv', async () => {
		write(path.join(service, 'serverless.yml'), "frameworkVersion: '3'\nuseDotenv: true\n");
		write(path.join(service, '.env.dev'), 'AWS_PROFILE=fromStageFile\n');
		write(path.join(service, '.env'), 'AWS_PROFILE=fromDotenv\n');
		const snapshot = await run();
		expect(snapshot.env['AWS_PROFILE']).toBe('fromStageFile');
		expect(snapshot.service.dotenv.map(file => file.path)).toEqual([path.join(service, '.env.dev')]);
	});
});
