/**
 * Hand-made odd files (corpus/, byte-exact: CRLF, BOM, lone CR, tabs, no final newline) and a generated
 * 10,000-profile file: every byte survives parse + print, every reader equals its real engine, and the issues are
 * the expected ones.
 */
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {readCliIni} from '../../source/aws-files/cli-reader.js';
import {parseIniDocument, printIniDocument} from '../../source/aws-files/document.js';
import {inspectAwsFile} from '../../source/aws-files/file-issues.js';
import {readSdkIni} from '../../source/aws-files/sdk-reader.js';
import {readV2Ini} from '../../source/aws-files/v2-profiles.js';
import {manyProfiles} from './big-file.js';
import {
	documentLineOfPythonLine,
	loadAwsSdkV2,
	plain,
	realBotocore,
	scratchDir,
	smithy,
	type BotocoreResult,
} from './real-readers.js';

const corpusDir = path.join(import.meta.dirname, 'corpus');
const corpus = fs
	.readdirSync(corpusDir)
	.filter((file) => file.endsWith('.ini'))
	.sort()
	.map((file) => ({file, bytes: fs.readFileSync(path.join(corpusDir, file))}));
const big = {file: '10,000 profiles (generated)', bytes: Buffer.from(manyProfiles(10_000), 'utf8')};
const everyFile = [...corpus, big];

const scratch = scratchDir('corpus');
afterAll(() => scratch.remove());

function cliShape(text: string, result: BotocoreResult) {
	if (!result.ok) return {ok: false, kind: result.kind, line: result.line === null ? null : documentLineOfPythonLine(text, result.line)};
	const sections: Record<string, Record<string, string>> = {};
	for (const [name, options] of Object.entries(result.sections)) {
		const values: Record<string, string> = {};
		for (const [option, value] of Object.entries(options)) {
			if (typeof value === 'string') values[option] = value;
			else for (const [key, inner] of Object.entries(value)) values[`${option}.${key}`] = inner;
		}
		sections[name] = values;
	}
	return {ok: true, sections};
}

describe('the corpus', () => {
	it('has the odd files it promises', () => {
		expect(corpus.length).toBeGreaterThanOrEqual(15);
		const text = (name: string) => corpus.find((entry) => entry.file === name)?.bytes.toString('utf8') ?? '';
		expect(text('credentials-crlf.ini')).toContain('\r\n');
		expect(text('config-bom.ini').startsWith('\uFEFF')).toBe(true);
		expect(text('config-mixed-eol-no-final-newline.ini').endsWith('text')).toBe(true);
		expect(text('config-lone-cr.ini')).toMatch(/\r(?!\n)/);
		expect(text('credentials-tabs-inline-comments.ini')).toContain('\t');
	});

	it.each(everyFile)('$file: parse + print gives back every byte', ({bytes}) => {
		const text = bytes.toString('utf8');
		const printed = Buffer.from(printIniDocument(parseIniDocument(text)), 'utf8');
		expect(printed.equals(bytes)).toBe(true);
	});

	it.each(everyFile)('$file: readSdkIni equals the JS SDK loader', async ({bytes}) => {
		const filepath = scratch.file(bytes.toString('utf8'), 'credentials') ?? '';
		const real = await smithy.loadSharedConfigFiles({filepath, configFilepath: path.join(scratch.dir, 'none'), ignoreCache: true});
		expect(plain(readSdkIni(bytes.toString('utf8')))).toEqual(plain(real.credentialsFile));
	});

	it('readCliIni equals botocore on every file', async () => {
		const texts = everyFile.map(({bytes}) => bytes.toString('utf8'));
		const results = await realBotocore(texts, scratch);
		texts.forEach((text, index) => {
			const ours = readCliIni(text);
			const theirs = results[index];
			if (!theirs) throw new Error('missing oracle result');
			const expected = cliShape(text, theirs);
			const actual = ours.ok ? {ok: true, sections: plain(ours.sections)} : {ok: false, kind: ours.error.kind, line: ours.error.line};
			expect(actual, everyFile[index]?.file).toEqual(expected);
		});
	});

	it('readV2Ini equals AWS.util.ini.parse on every file', () => {
		const AWS = loadAwsSdkV2();
		for (const {file, bytes} of everyFile) {
			const text = bytes.toString('utf8');
			const ours = readV2Ini(text);
			let theirs: unknown;
			try {
				theirs = plain(AWS.util.ini.parse(text));
			} catch {
				theirs = 'throws';
			}
			expect(ours.error ? 'throws' : plain(ours.sections), file).toEqual(theirs);
		}
	});

	it.each<[string, Array<[string, number]>]>([
		['config-bom.ini', [['bom', 1]]],
		['config-continuations.ini', [['indented-line', 3], ['indented-line', 5]]],
		['config-lone-cr.ini', [['header-read-differently', 1], ['lone-carriage-return', 1]]],
		['config-mixed-eol-no-final-newline.ini', []],
		[
			'config-odd-names.ini',
			[
				['section-ignored-by-sdk', 5],
				['section-ignored-by-sdk', 7],
				['section-ignored-by-sdk', 9],
				['section-ignored-by-sdk', 11],
				['indented-line', 15],
				['duplicate-key', 16],
				['missing-profile-prefix', 17],
				['uppercase-default-section', 19],
			],
		],
		['config-profile-default-and-default.ini', [['profile-default-twice', 5]]],
		['config-quoted-values.ini', [['quoted-value', 2]]],
		['config-role-sso-process.ini', []],
		['config-sub-sections.ini', []],
		['credentials-case-and-colon.ini', [['key-not-lowercase', 2], ['colon-separator', 3], ['empty-value', 4]]],
		['credentials-crlf.ini', []],
		['credentials-duplicates.ini', [['duplicate-section', 8], ['duplicate-key', 10]]],
		['credentials-keys-before-section.ini', [['before-first-section', 1]]],
		['credentials-profile-prefix.ini', [['profile-prefix-in-credentials', 1], ['section-ignored-by-sdk', 4]]],
		['credentials-proto.ini', [['sdk-reads-nothing', 5]]],
		['credentials-stray-line.ini', [['stray-line', 3]]],
		['credentials-tabs-inline-comments.ini', [['inline-comment', 3], ['inline-comment', 8]]],
		['empty.ini', []],
		['whitespace-only.ini', []],
	])('%s: inspectAwsFile finds exactly these issues', (file, expected) => {
		const entry = corpus.find((candidate) => candidate.file === file);
		if (!entry) throw new Error(`missing corpus file ${file}`);
		const kind = file.startsWith('config') ? 'config' : 'credentials';
		expect(inspectAwsFile(entry.bytes.toString('utf8'), kind).map((issue) => [issue.id, issue.line])).toEqual(expected);
	});
});
