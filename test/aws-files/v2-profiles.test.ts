import fc from 'fast-check';
import {afterAll, describe, expect, it} from 'vitest';
import {readV2Ini, v2Profiles} from '../../source/aws-files/v2-profiles.js';
import {iniNoise, iniText} from './ini-arbitrary.js';
import {firstMismatch, loadAwsSdkV2, plain, realV2Profiles, scratchDir} from './real-readers.js';

const scratch = scratchDir('v2-profiles');
afterAll(() => scratch.remove());

describe('v2Profiles', () => {
	it('reads [profile x] and [x] in the config file as x, skips sso-session, credentials win', () => {
		const views = v2Profiles({
			credentials: '[dev]\naws_access_key_id = AKIAEXAMPLE\nregion = eu-west-1\n[profile odd]\na = 1\n',
			config: '[profile dev]\nregion = us-east-1\noutput = json\n[plain]\nb = 2\n[sso-session corp]\nsso_region = eu-west-1\n',
		});
		expect(plain(views.merged)).toEqual({
			dev: {region: 'eu-west-1', output: 'json', aws_access_key_id: 'AKIAEXAMPLE'},
			plain: {b: '2'},
			'profile odd': {a: '1'},
		});
		expect(plain(views.ssoSessions)).toEqual({corp: {sso_region: 'eu-west-1'}});
		expect(views.error).toBeUndefined();
	});

	it('ignores the config file unless AWS_SDK_LOAD_CONFIG is on', () => {
		const views = v2Profiles({credentials: '[a]\nx = 1\n', config: '[profile b]\ny = 2\n'}, {loadConfig: false});
		expect(Object.keys(views.merged)).toEqual(['a']);
	});

	it('fails on [default] next to [profile default] in the config file', () => {
		const views = v2Profiles({credentials: '', config: '[default]\nregion = a\n[profile default]\noutput = json\n'});
		expect(views.error).toMatchObject({file: 'config', reason: 'duplicate-profile'});
	});

	it('fails without a credentials file unless the config file is loaded', () => {
		expect(v2Profiles({}).error).toMatchObject({file: 'credentials', reason: 'missing'});
		const withConfig = v2Profiles({config: '[profile a]\nx = 1\n'});
		expect(withConfig.error).toBeUndefined();
		expect(withConfig.ignored).toMatchObject({file: 'credentials', reason: 'missing'});
		expect(plain(withConfig.merged)).toEqual({a: {x: '1'}});
	});

	it('keeps nested lines as plain keys and drops empty values', () => {
		expect(plain(readV2Ini('[default]\ns3 =\n  max_concurrent_requests = 20\nregion = x ; c\n').sections)).toEqual({
			default: {max_concurrent_requests: '20', region: 'x'},
		});
	});

	it('throws on a __proto__ word in any section name', () => {
		expect(readV2Ini('[a]\nb = 1\n[sso-session __proto__]\nc = 2\n').error?.line).toBe(3);
	});
});

describe('v2Profiles equals aws-sdk 2.1693 getProfilesFromSharedConfig', () => {
	const AWS = loadAwsSdkV2();

	function realParse(text: string) {
		try {
			return plain(AWS?.util.ini.parse(text) ?? {});
		} catch {
			return 'throws';
		}
	}

	it('AWS.util.ini.parse on generated files', () => {
		const texts = fc.sample(fc.oneof({weight: 4, arbitrary: iniText}, {weight: 1, arbitrary: iniNoise}), {numRuns: 3000, seed: 2_1693});
		const cases = texts.map((text) => {
			const ours = readV2Ini(text);
			return {input: text, ours: ours.error ? 'throws' : plain(ours.sections), theirs: realParse(text)};
		});
		expect(firstMismatch<unknown>(cases)).toBeUndefined();
	});

	it('merged profiles on generated pairs, with and without AWS_SDK_LOAD_CONFIG', () => {
		if (!AWS) throw new Error('aws-sdk v2 not loaded');
		const text = fc.oneof({weight: 6, arbitrary: iniText}, {weight: 1, arbitrary: iniNoise}, {weight: 1, arbitrary: fc.constant(undefined)});
		const pairs = fc.sample(fc.record({credentials: text, config: text, loadConfig: fc.boolean()}), {numRuns: 1500, seed: 91});
		const cases = pairs.map(({credentials, config, loadConfig}) => {
			const credentialsFile = scratch.file(credentials, 'credentials') ?? '';
			const configFile = loadConfig ? scratch.file(config, 'config') : undefined;
			const ours = v2Profiles(
				{...(credentials === undefined ? {} : {credentials}), ...(config === undefined ? {} : {config})},
				{loadConfig},
			);
			return {
				input: JSON.stringify({credentials, config, loadConfig}),
				ours: ours.error ? 'throws' : plain(ours.merged),
				theirs: ((result) => (typeof result === 'string' ? 'throws' : result))(realV2Profiles(AWS, credentialsFile, configFile)),
			};
		});
		expect(firstMismatch<unknown>(cases)).toBeUndefined();
	});
});
