/** The fast path must never hide an issue: whenever it says "plain", the full inspection finds nothing. */
import fc from 'fast-check';
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {inspectAwsFileFully, type AwsFileKind} from '../../source/aws-files/file-issues.js';
import {isPlainAwsFile} from '../../source/aws-files/plain-file.js';
import {cleanishFile, iniNoise, iniText} from './ini-arbitrary.js';
import {manyProfiles} from './big-file.js';

describe('isPlainAwsFile', () => {
	it.each([
		['credentials', '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = x/y+z\n', true],
		['config', '# mine\n[default]\nregion = eu-west-1\n\n[profile dev]\nregion=us-east-1\r\n', true],
		['config', '[dev]\nregion = x\n', false],
		['credentials', '[profile dev]\nregion = x\n', false],
		['credentials', '[a]\nk = 1\n[a]\nk = 2\n', false],
		['credentials', '[a]\nk = 1\nk = 2\n', false],
		['credentials', '[a]\nk = 1 # note\n', false],
		['credentials', '\uFEFF[a]\nk = 1\n', false],
		['credentials', 'k = 1\n[a]\n', false],
		['config', '[default]\n[profile default]\n', false],
		['config', '[profile a]\ns3 =\n  max_concurrent_requests = 20\n', false],
	] as const)('%s %j → %s', (kind, text, plain) => {
		expect(isPlainAwsFile(text, kind)).toBe(plain);
	});

	it('agrees with the full inspection on generated files', () => {
		const files = fc.oneof({weight: 4, arbitrary: cleanishFile}, {weight: 2, arbitrary: iniText}, {weight: 1, arbitrary: iniNoise});
		fc.assert(
			fc.property(files, fc.constantFrom<AwsFileKind>('credentials', 'config'), (text, kind) => {
				if (isPlainAwsFile(text, kind)) expect(inspectAwsFileFully(text, kind), JSON.stringify(text)).toEqual([]);
			}),
			{numRuns: 5000, seed: 7},
		);
	});

	it('is taken for a 10,000-profile credentials file, and not for an odd 10,000-profile config file', () => {
		const credentials = Array.from({length: 10_000}, (_, index) => `[p${index}]\naws_access_key_id = AKIAQYLPMN5HHHFPZAM2\naws_secret_access_key = s${index}\n`).join('\n');
		expect(isPlainAwsFile(credentials, 'credentials')).toBe(true);
		expect(isPlainAwsFile(manyProfiles(10_000), 'config')).toBe(false);
	});

	it('agrees with the full inspection on the hand-made corpus', () => {
		const corpus = path.join(import.meta.dirname, 'corpus');
		for (const file of readdirSync(corpus).filter(name => !name.startsWith('.') && !name.endsWith('.json'))) {
			const text = readFileSync(path.join(corpus, file), 'utf8');
			for (const kind of ['credentials', 'config'] as const) {
				if (isPlainAwsFile(text, kind)) expect(inspectAwsFileFully(text, kind), file).toEqual([]);
			}
		}
	});
});
