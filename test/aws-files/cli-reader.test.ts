import fc from 'fast-check';
import {afterAll, describe, expect, it} from 'vitest';
import {readCliIni, traceCliIni, type CliParse} from '../../source/aws-files/cli-reader.js';
import {iniNoise, iniText} from './ini-arbitrary.js';
import {documentLineOfPythonLine, firstMismatch, realBotocore, scratchDir, type BotocoreResult} from './real-readers.js';

const scratch = scratchDir('cli-reader');
afterAll(() => scratch.remove());

/** Our result in the oracle's shape: nested blocks back as dicts, Python line numbers mapped to document lines. */
function comparable(text: string, ours: CliParse, theirs: BotocoreResult) {
	if (!theirs.ok) {
		return {
			ours: ours.ok ? {ok: true} : {ok: false, kind: ours.error.kind, line: ours.error.line},
			theirs: {
				ok: false,
				kind: theirs.kind.startsWith('nested-') ? 'parse-error' : theirs.kind,
				// Nested-block errors carry no line in Python; ours points at the offending line.
				line: theirs.line === null ? (ours.ok ? undefined : ours.error.line) : documentLineOfPythonLine(text, theirs.line),
			},
		};
	}
	const flattened: Record<string, Record<string, string>> = {};
	const nested: Record<string, string[]> = {};
	for (const [section, options] of Object.entries(theirs.sections)) {
		const values: Record<string, string> = {};
		for (const [option, value] of Object.entries(options)) {
			if (typeof value === 'string') {
				values[option] = value;
				continue;
			}
			(nested[section] ??= []).push(option);
			for (const [key, inner] of Object.entries(value)) values[`${option}.${key}`] = inner;
		}
		flattened[section] = values;
	}
	return {
		ours: ours.ok ? {ok: true, sections: {...ours.sections}, nested: {...ours.nested}} : {ok: false, kind: ours.error.kind, line: ours.error.line},
		theirs: {ok: true, sections: flattened, nested},
	};
}

async function expectSameAsBotocore(texts: string[]): Promise<void> {
	const results = await realBotocore(texts, scratch);
	const cases = texts.map((text, index) => {
		const theirs = results[index];
		if (!theirs) throw new Error('missing oracle result');
		const pair = comparable(text, readCliIni(text), theirs);
		return {input: text, ours: pair.ours as unknown, theirs: pair.theirs as unknown};
	});
	expect(firstMismatch(cases)).toBeUndefined();
}

const handMade: Array<[string, string]> = [
	['inline comment kept', '[default]\nregion = us-west-2 ; note\n'],
	['upper-case key lower-cased', '[default]\nAWS_ACCESS_KEY_ID = X\n'],
	['colon separator', '[default]\nregion: eu-west-1\n'],
	['line without =', '[default]\nregion = x\nnoequals\n'],
	['indented = continues', '[default]\nregion = x\n = v\n'],
	['empty value', '[default]\nregion =\n'],
	['nested block', '[default]\ns3 =\n  max_concurrent_requests = 20\n  addressing_style = path\nregion = x\n'],
	['continuation', '[default]\nregion = x\n  output = json\n'],
	['continuation without =', '[default]\ncredential_process = run\n  --flag\n'],
	['keys before the first section', 'region = x\n[default]\n'],
	['duplicate section', '[dev]\na = 1\n[dev]\nb = 2\n'],
	['duplicate key', '[dev]\na = 1\nA = 2\n'],
	['CRLF', '[default]\r\nregion = x\r\n'],
	['BOM', '\uFEFF[default]\nregion = x\n'],
	['DEFAULT is inherited', '[DEFAULT]\nregion = x\n[profile a]\noutput = json\n[profile b]\nregion = y\n'],
	['nested block without =', '[default]\ns3 =\n  oops\n'],
	['header with trailing text', '[default] junk\nregion = x\n'],
	['lone CR splits lines', '[default]\rregion = x\r\n[dev]\ra = 1\n'],
	['blank lines inside a value', '[default]\nregion = x\n\n  y\n\n'],
	['comment inside a continuation', '[default]\nregion = x\n# c\n  y\n'],
	['= at the start of a line', '[default]\n= x\n'],
	['two = lines', '[default]\n= x\n= y\n'],
	['empty file', ''],
	['only comments', '# a\n; b\n'],
];

describe('readCliIni equals botocore raw_config_parse', () => {
	it('on hand-made files', async () => {
		await expectSameAsBotocore(handMade.map(([, text]) => text));
	});

	it('on generated files', async () => {
		const texts = fc.sample(fc.oneof({weight: 4, arbitrary: iniText}, {weight: 1, arbitrary: iniNoise}), {numRuns: 3000, seed: 20_240_601});
		await expectSameAsBotocore(texts);
	});
});

describe('traceCliIni', () => {
	it('lists every problem, not only the first', () => {
		const {problems} = traceCliIni('[dev]\na = 1\nnoequals\n[dev]\na = 2\nalso bad\n');
		expect(problems.map((problem) => [problem.kind, problem.line, problem.firstLine])).toEqual([
			['parse-error', 3, undefined],
			['duplicate-section', 4, 1],
			['duplicate-option', 5, 2],
			['parse-error', 6, undefined],
		]);
	});

	it('names continuation lines even when the file is rejected', () => {
		const {result, continuations} = traceCliIni('[default]\nregion = x\n  output = json\n[default]\n');
		expect(result.ok).toBe(false);
		expect(continuations).toEqual([{section: 'default', option: 'region', line: 2, continuationLines: [3]}]);
	});

	it('never puts line text in messages', () => {
		const {problems} = traceCliIni('AKIAIOSFODNN7EXAMPLE\n[default]\nwJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n');
		for (const problem of problems) {
			expect(problem.message).not.toContain('AKIAIOSFODNN7EXAMPLE');
			expect(problem.message).not.toContain('wJalrXUtnFEMI');
		}
	});
});
