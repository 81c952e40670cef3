/**
 * Section and profile names like `toString` or `constructor` make the real SDKs write onto shared built-in
 * functions, so each real engine runs in its own child process here, one case at a time.
 */
import {spawn} from 'node:child_process';
import {createRequire} from 'node:module';
import {afterAll, describe, expect, it} from 'vitest';
import {sdkProfiles} from '../../source/aws-files/sdk-profiles.js';
import {v2Profiles} from '../../source/aws-files/v2-profiles.js';
import {assertAwsSdkV2, enginesDir, plain, scratchDir} from './real-readers.js';

const scratch = scratchDir('prototype-names');
afterAll(() => scratch.remove());

const smithyConfigPath = createRequire(import.meta.url).resolve('@smithy/core/config');

const CHILD = String.raw`
const {engine, credentials, config, loadConfig, names, smithyPath} = JSON.parse(process.argv[1]);
const plain = (o) => Object.fromEntries(Object.keys(o).map((k) => [k, Object.fromEntries(Object.keys(o[k]).map((j) => [j, o[k][j]]))]));
// A lookup by a built-in name always finds the shared function; only names a file defines are compared.
const lookups = (merged, defined) => Object.fromEntries(names.filter((n) => defined(n)).map((n) => [n, Object.fromEntries(Object.keys(merged[n]).map((j) => [j, merged[n][j]]))]));
const own = (o, n) => Object.prototype.hasOwnProperty.call(o, n);
(async () => {
	if (engine === 'v3') {
		const smithy = require(smithyPath);
		const files = await smithy.loadSharedConfigFiles({filepath: credentials, configFilepath: config, ignoreCache: true});
		// Serialised before merging: the merge writes config keys onto the same shared functions.
		const views = {credentials: plain(files.credentialsFile), configData: plain(files.configFile)};
		const defined = (n) => own(files.credentialsFile, n) || own(files.configFile, n);
		let merged;
		try {
			merged = lookups(await smithy.parseKnownFiles({filepath: credentials, configFilepath: config, ignoreCache: true}), defined);
		} catch (error) {
			merged = 'throws';
		}
		process.stdout.write(JSON.stringify({...views, merged}));
	} else {
		process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = '1';
		// Set after loading: AWS.config reads the files once at require time (HOME is an empty temp dir).
		const AWS = require('aws-sdk/global');
		if (loadConfig) { process.env.AWS_SDK_LOAD_CONFIG = '1'; process.env.AWS_CONFIG_FILE = config; }
		let merged;
		try {
			const profiles = AWS.util.getProfilesFromSharedConfig(new AWS.IniLoader(), credentials);
			merged = lookups(profiles, (n) => own(profiles, n));
		} catch (error) {
			merged = 'throws';
		}
		process.stdout.write(JSON.stringify({merged}));
	}
})();
`;

async function runChild(engine: 'v3' | 'v2', files: {credentials: string; config: string}, names: string[]): Promise<Record<string, unknown>> {
	const input = {
		engine,
		credentials: scratch.file(files.credentials, 'credentials'),
		config: scratch.file(files.config, 'config'),
		loadConfig: true,
		names,
		smithyPath: smithyConfigPath,
	};
	const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('AWS_')));
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['-e', CHILD, JSON.stringify(input)], {cwd: enginesDir, env: {...env, HOME: scratch.dir}});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
		child.on('close', (code) => (code === 0 ? resolve(JSON.parse(stdout) as Record<string, unknown>) : reject(new Error(stderr))));
	});
}

/** What a lookup by each name returns in our merged view. */
function ourLookups(merged: Record<string, Record<string, string>>, names: string[]) {
	return Object.fromEntries(names.filter((name) => merged[name] !== undefined).map((name) => [name, {...merged[name]}]));
}

const cases: Array<{label: string; credentials: string; config: string; names: string[]; v3?: boolean}> = [
	{label: 'credentials [toString]', credentials: '[toString]\nfoo = x\nname = n\n[a]\nb = 1\n', config: '', names: ['toString', 'a']},
	{label: 'setter that throws', credentials: '[toString]\ncaller = x\n[a]\nb = 1\n', config: '', names: ['toString', 'a']},
	{
		label: 'config profile over credentials section',
		credentials: '[valueOf]\nfoo = c\nbar = d\n',
		config: '[profile valueOf]\nfoo = x\n[default]\nb = 1\n',
		names: ['valueOf', 'default'],
	},
	{label: 'read-only key in a config profile', credentials: '[a]\nb = 1\n', config: '[profile isPrototypeOf]\nname = x\n', names: ['isPrototypeOf', 'a']},
	{label: 'config [constructor]', credentials: '', config: '[constructor]\nprototype = x\nfoo = y\n[default]\na = 1\n', names: ['constructor', 'default']},
	{label: 'both files', credentials: '[hasOwnProperty]\nx = 1\n', config: '[profile hasOwnProperty]\ny = 2\n', names: ['hasOwnProperty']},
	{label: 'quoted __proto__ profile', credentials: '', config: '[profile "__proto__"]\nregion = x\n[default]\na = 1\n', names: ['default']},
	{label: '__proto__ sso-session', credentials: '', config: '[sso-session __proto__]\na = 1\n[default]\nb = 2\n', names: ['default']},
	{label: '__proto__ key', credentials: '[a]\n__proto__ = x\nb = 1\n', config: '', names: ['a']},
	{label: 'arguments key', credentials: '[propertyIsEnumerable]\narguments = 1\n', config: '[default]\na = 1\n', names: ['default']},
	{
		label: 'raw config section and credentials (SDK v2 only: v3 reads both files concurrently)',
		credentials: '[toLocaleString]\nk = cred\n',
		config: '[toLocaleString]\nk = conf\nother = o\n',
		names: ['toLocaleString'],
		v3: false,
	},
];

describe.concurrent('names of Object.prototype members', () => {
	it.each(cases.filter((entry) => entry.v3 !== false))('JS SDK v3: $label', async ({credentials, config, names}) => {
		const real = await runChild('v3', {credentials, config}, names);
		const ours = sdkProfiles({credentials, config});
		expect({
			credentials: plain(ours.credentials),
			configData: plain(ours.configData),
			merged: ours.failures.some((failure) => failure.file === 'merge') ? 'throws' : ourLookups(ours.merged, names),
		}).toEqual(real);
	});

	it.each(cases)('SDK v2: $label', async ({credentials, config, names}) => {
		assertAwsSdkV2();
		const real = await runChild('v2', {credentials, config}, names);
		const ours = v2Profiles({credentials, config});
		expect({merged: ours.error ? 'throws' : ourLookups(ours.merged, names)}).toEqual(real);
	});
});
