import fc from 'fast-check';
import {afterAll, describe, expect, it} from 'vitest';
import {sdkProfiles} from '../../source/aws-files/sdk-profiles.js';
import {iniNoise, iniText} from './ini-arbitrary.js';
import {firstMismatch, plain, realSdkFiles, scratchDir} from './real-readers.js';

const scratch = scratchDir('sdk-profiles');
afterAll(() => scratch.remove());

async function compare(pairs: Array<{credentials?: string; config?: string}>) {
	const real = await Promise.all(
		pairs.map((files) => realSdkFiles(scratch.file(files.credentials, 'credentials') ?? '', scratch.file(files.config, 'config') ?? '')),
	);
	const cases = pairs.map((files, index) => {
		const ours = sdkProfiles(files);
		const theirs = real[index];
		if (!theirs) throw new Error('missing oracle result');
		const profileNames = new Set([...Object.keys(ours.credentials), ...Object.keys(ours.config)]);
		const theirMerged =
			typeof theirs.merged === 'string'
				? theirs.merged
				: Object.fromEntries(Object.entries(theirs.merged).filter(([name]) => profileNames.has(name)));
		const ourMerged = ours.failures.some((failure) => failure.file === 'merge') ? 'throws' : plain(ours.merged);
		const theirServices = Object.fromEntries(
			Object.entries(theirs.configData)
				.filter(([key]) => key.startsWith('services.'))
				.map(([key, value]) => [key.slice('services.'.length), value]),
		);
		return {
			input: JSON.stringify(files),
			ours: {
				credentials: plain(ours.credentials),
				configData: plain(ours.configData),
				ssoSessions: plain(ours.ssoSessions),
				services: plain(ours.services),
				merged: ourMerged,
			},
			theirs: {
				credentials: theirs.credentials,
				configData: theirs.configData,
				ssoSessions: theirs.ssoSessions,
				services: theirServices,
				merged: typeof theirMerged === 'string' ? 'throws' : theirMerged,
			},
		};
	});
	expect(firstMismatch(cases)).toBeUndefined();
}

describe('sdkProfiles equals loadSharedConfigFiles + loadSsoSessionData + parseKnownFiles', () => {
	it('on hand-made pairs', async () => {
		await compare([
			{credentials: '[default]\naws_access_key_id = A\n', config: '[default]\nregion = eu-west-1\n[profile dev]\nrole_arn = r\nsource_profile = default\n'},
			{config: '[default]\nregion = a\n[profile default]\noutput = json\n'},
			{config: '[profile default]\noutput = json\n[default]\nregion = a\n'},
			{credentials: '[profile dev]\naws_access_key_id = A\n[dev]\naws_secret_access_key = S\n', config: '[dev]\nregion = x\n'},
			{config: '[sso-session corp]\nsso_region = eu-west-1\nsso_start_url = https://x\n[profile sso]\nsso_session = corp\n'},
			{config: '[profile local]\nservices = moto\n[services moto]\nsts =\n  endpoint_url = http://127.0.0.1:5000\n'},
			{credentials: '[dev]\nregion = eu-west-1\n', config: '[profile dev]\nregion = us-east-1\noutput = json\n'},
			{config: '[profile.dev]\nregion = x\n[sso-session.corp]\na = 1\n[services.s]\nb = 2\n'},
			{config: '[profile "__proto__"]\nregion = x\n[default]\na = 1\n'},
			{credentials: '[default]\na = 1\n', config: '[profile __proto__]\nregion = x\n'},
			{},
		]);
	});

	it('on generated pairs', async () => {
		const text = fc.oneof({weight: 5, arbitrary: iniText}, {weight: 1, arbitrary: iniNoise}, {weight: 1, arbitrary: fc.constant(undefined)});
		const pairs = fc.sample(fc.record({credentials: text, config: text}), {numRuns: 1000, seed: 424_242});
		await compare(pairs.map(({credentials, config}) => ({...(credentials === undefined ? {} : {credentials}), ...(config === undefined ? {} : {config})})));
	});
});

describe('sdkProfiles views', () => {
	it('keeps profiles, SSO sessions and services apart; credentials keys win', () => {
		const views = sdkProfiles({
			credentials: '[dev]\naws_access_key_id = AKIAEXAMPLE\nregion = eu-west-1\n',
			config: '[profile dev]\nregion = us-east-1\noutput = json\nservices = local\n[sso-session corp]\nsso_region = eu-west-1\n[services local]\nsts =\n  endpoint_url = http://127.0.0.1:5000\n',
		});
		expect(plain(views.config)).toEqual({dev: {region: 'us-east-1', output: 'json', services: 'local'}});
		expect(plain(views.ssoSessions)).toEqual({corp: {sso_region: 'eu-west-1'}});
		expect(plain(views.services)).toEqual({local: {'sts.endpoint_url': 'http://127.0.0.1:5000'}});
		expect(plain(views.merged)).toEqual({
			dev: {region: 'eu-west-1', output: 'json', services: 'local', aws_access_key_id: 'AKIAEXAMPLE'},
		});
	});

	it('reports a file the SDK silently reads as empty', () => {
		const views = sdkProfiles({config: '[default]\nregion = x\n[profile __proto__]\na = 1\n'});
		expect(plain(views.config)).toEqual({});
		expect(views.failures).toEqual([{file: 'config', line: 3, message: 'Found invalid profile name "profile __proto__"'}]);
	});
});
