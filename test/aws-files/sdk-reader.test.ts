import fc from 'fast-check';
import {afterAll, describe, expect, it} from 'vitest';
import {readSdkIni, traceSdkIni} from '../../source/aws-files/sdk-reader.js';
import {iniNoise, iniText} from './ini-arbitrary.js';
import {growthRatio, manyProfiles} from './big-file.js';
import {firstMismatch, plain, scratchDir, smithy} from './real-readers.js';

const scratch = scratchDir('sdk-reader');
afterAll(() => scratch.remove());

/** The credentials file is used as parsed, so `loadSharedConfigFiles().credentialsFile` is `parseIni` itself. */
async function realParseIni(text: string) {
	const filepath = scratch.file(text, 'credentials');
	const configFilepath = scratch.file(undefined, 'missing-config');
	if (!filepath || !configFilepath) throw new Error('scratch file');
	const files = await smithy.loadSharedConfigFiles({filepath, configFilepath, ignoreCache: true});
	return plain(files.credentialsFile);
}

describe('readSdkIni equals @smithy/core/config parseIni', () => {
	it.each([
		['comment after whitespace', '[default]\nregion = us-west-2 ; note\noutput=json#x\nkey = secret;base\n'],
		['sub-section', '[default]\ns3 =\n  max_concurrent_requests = 20\nregion = eu-west-1\n'],
		['nested sub-section replaced', '[default]\ns3 =\n  b =\n    c = 2\n'],
		['quoted profile names', `[profile "quoted"]\na=1\n[profile 'q']\nb=2\n[profile "my prof"]\nc=3\n`],
		['ignored prefixes', '[PROFILE x]\na=1\n[unknownprefix x]\nb=2\n[my prof]\nc=3\n[a b c]\nd=4\n'],
		['__proto__ wipes the file', '[default]\na=1\n[profile __proto__]\nb=2\n'],
		['CRLF and BOM', '\uFEFF[default]\r\naws_access_key_id = AKIA\r\n'],
		['indented header', '  [default]\n  region = x\n'],
		['keys before the first section', 'region = x\n[default]\noutput = json\n'],
		['duplicates merge', '[dev]\na=1\n[dev]\na=2\nb=3\n'],
		['empty section name', '[]\na=1\n'],
		['key __proto__', '[a]\n__proto__ = x\n'],
	])('%s', async (_label, text) => {
		expect(readSdkIni(text)).toEqual(await realParseIni(text));
	});

	it('agrees on generated files', async () => {
		const texts = fc.sample(fc.oneof({weight: 4, arbitrary: iniText}, {weight: 1, arbitrary: iniNoise}), {numRuns: 3000, seed: 7_001});
		const real = await Promise.all(texts.map((text) => realParseIni(text)));
		const mismatch = firstMismatch(texts.map((text, index) => ({input: text, ours: plain(readSdkIni(text)), theirs: real[index]})));
		expect(mismatch).toBeUndefined();
	});
});

describe('traceSdkIni', () => {
	it('says what happened to each line', () => {
		const trace = traceSdkIni('region = x\n[profile dev]\n# c\nregion = eu ; n\ns3 =\n  max = 2\nnoequals\n[PROFILE x]\na = 1\n');
		expect(trace.lines.slice(0, 9)).toEqual([
			{kind: 'ignored', reason: 'before-section'},
			{kind: 'header', name: 'profile dev', key: 'profile.dev'},
			{kind: 'empty'},
			{kind: 'setting', section: 'profile.dev', key: 'region', value: 'eu'},
			{kind: 'subsection', section: 'profile.dev', key: 's3'},
			{kind: 'setting', section: 'profile.dev', key: 's3.max', value: '2'},
			{kind: 'ignored', reason: 'no-assignment'},
			{kind: 'header', name: 'PROFILE x'},
			{kind: 'ignored', reason: 'ignored-section'},
		]);
	});

	it('reports the line that makes the whole file unreadable', () => {
		const trace = traceSdkIni('[default]\na=1\n\n[__proto__]\nb=2\n');
		expect(trace.sections).toEqual({});
		expect(trace.error?.line).toBe(4);
	});

	it('reads a 10,000-profile file in linear time', () => {
		expect(Object.keys(readSdkIni(manyProfiles(10_000)))).toHaveLength(10_001);
		expect(growthRatio(readSdkIni)).toBeLessThan(5);
	});
});
