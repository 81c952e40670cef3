import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseIniDocument, printIniDocument, type IniDocument} from '../../source/aws-files/document.js';
import {traceSdkIni} from '../../source/aws-files/sdk-reader.js';
import {growthRatio, manyProfiles} from './big-file.js';
import {iniNoise, iniText} from './ini-arbitrary.js';

/** Any UTF-16 text, weighted towards the characters that shape lines. */
const anyText = fc.string({
	unit: fc.oneof(
		{weight: 3, arbitrary: fc.constantFrom('\r', '\n', '\r\n', '\uFEFF', '[', ']', '=', ':', '#', ';', ' ', '\t', 'a', '\u2028', '\u00a0')},
		{weight: 1, arbitrary: fc.string({unit: 'binary', minLength: 1, maxLength: 1})},
		{weight: 1, arbitrary: fc.integer({min: 0xd800, max: 0xdfff}).map((code) => String.fromCharCode(code))},
	),
	maxLength: 80,
});

/** Structural promises the editors rely on (plain checks: `expect` per line is too slow for 12,000 files). */
function checkShape(text: string, doc: IniDocument): void {
	const ensure = (condition: boolean, what: string) => {
		if (!condition) throw new Error(`${what} in ${JSON.stringify(text)}`);
	};
	ensure(doc.bom === text.startsWith('\uFEFF'), 'bom flag');
	const firstSectionLine = doc.sections[0]?.firstLine ?? Number.POSITIVE_INFINITY;
	doc.lines.forEach((line, index) => {
		ensure(line.number === index + 1, 'line number');
		ensure(!line.raw.includes('\n'), 'LF inside a line');
		ensure(index === doc.lines.length - 1 || line.eol !== '', 'missing line ending before the last line');
		ensure(!(line.eol === '\n' && line.raw.endsWith('\r')), 'CRLF split');
		if (line.kind === 'section') ensure(doc.sections[line.section ?? -1]?.headerLine === line.number, 'header line');
		const section = line.section === undefined ? undefined : doc.sections[line.section];
		if (section) ensure(line.number >= section.firstLine && line.number <= section.lastLine, 'line outside its section');
		else ensure(line.number < firstSectionLine, 'line without section after the first header');
	});
	doc.sections.forEach((section, index) => {
		ensure(section.firstLine <= section.headerLine && section.headerLine <= section.lastLine, 'section range');
		const next = doc.sections[index + 1];
		ensure((next ? next.firstLine : doc.lines.length + 1) === section.lastLine + 1, 'sections not contiguous');
		if (section.lastSettingLine !== undefined) {
			const kind = doc.lines[section.lastSettingLine - 1]?.kind;
			ensure(kind === 'assignment' || kind === 'continuation', 'last setting line kind');
			ensure(section.lastSettingLine <= section.lastLine, 'last setting line outside the section');
		}
	});
}

describe('parseIniDocument / printIniDocument', () => {
	it('gives back every byte of 6,000 generated ini files', () => {
		fc.assert(
			fc.property(fc.oneof({weight: 4, arbitrary: iniText}, {weight: 1, arbitrary: iniNoise}), (text) => {
				const doc = parseIniDocument(text);
				if (printIniDocument(doc) !== text) expect(printIniDocument(doc)).toBe(text);
				checkShape(text, doc);
			}),
			{numRuns: 6000},
		);
	});

	it('gives back every code unit of 6,000 arbitrary texts (lone CR, lone surrogates, U+2028)', () => {
		fc.assert(
			fc.property(anyText, (text) => {
				const doc = parseIniDocument(text);
				if (printIniDocument(doc) !== text) expect(printIniDocument(doc)).toBe(text);
				checkShape(text, doc);
			}),
			{numRuns: 6000},
		);
	});

	it('sees sections and assignments where the JS SDK does', () => {
		fc.assert(
			fc.property(iniText, (text) => {
				const doc = parseIniDocument(text);
				const trace = traceSdkIni(text);
				const mismatches: string[] = [];
				trace.lines.forEach((reading, index) => {
					const kind = doc.lines[index]?.kind;
					if (reading.kind === 'header' && kind !== 'section') mismatches.push(`line ${index + 1}: header read as ${kind}`);
					if ((reading.kind === 'setting' || reading.kind === 'subsection') && kind !== 'assignment') {
						mismatches.push(`line ${index + 1}: setting read as ${kind}`);
					}
					const line = doc.lines[index];
					if (reading.kind === 'setting' && line) {
						const expectedKey = line.parentKey === undefined ? line.key : `${line.parentKey}.${line.key}`;
						if (expectedKey !== reading.key) mismatches.push(`line ${index + 1}: key ${expectedKey} but the SDK stores ${reading.key}`);
					}
				});
				for (const line of doc.lines) {
					if (line.kind === 'section' && !trace.error && trace.lines[line.number - 1]?.kind !== 'header') {
						mismatches.push(`line ${line.number}: section the SDK does not see`);
					}
				}
				expect(mismatches).toEqual([]);
			}),
			{numRuns: 1000},
		);
	});

	it.each([
		['', 0, []],
		['\n', 1, [['', '\n']]],
		['a', 1, [['a', '']]],
		['a\r\nb\nc', 3, [['a', '\r\n'], ['b', '\n'], ['c', '']]],
		['a\r\r\n', 1, [['a\r', '\r\n']]],
		['a\rb\n', 1, [['a\rb', '\n']]],
		['\uFEFF[default]\r\n', 1, [['[default]', '\r\n']]],
	] as Array<[string, number, Array<[string, string]>]>)('splits %j into lines', (text, count, pieces) => {
		const doc = parseIniDocument(text);
		expect(doc.lines).toHaveLength(count);
		expect(doc.lines.map((line) => [line.raw, line.eol])).toEqual(pieces);
	});

	it('classifies lines and records section ranges', () => {
		const text = [
			'# top of file', // 1
			'', // 2
			'# about default', // 3
			'[default]', // 4
			'region = eu-west-1 ; note', // 5
			's3 =', // 6
			'  max_concurrent_requests = 20', // 7
			'credential_process = run', // 8
			'  --flag', // 9
			'stray', // 10
			'', // 11
			'  [profile dev]  # dev', // 12
			'AWS_ACCESS_KEY_ID=AKIA', // 13
			'# trailing', // 14
		].join('\n');
		const doc = parseIniDocument(text);
		expect(doc.lines.map((line) => line.kind)).toEqual([
			'comment',
			'blank',
			'comment',
			'section',
			'assignment',
			'assignment',
			'assignment',
			'assignment',
			'continuation',
			'other',
			'blank',
			'section',
			'assignment',
			'comment',
		]);
		expect(doc.sections).toEqual([
			{name: 'default', headerLine: 4, firstLine: 3, lastLine: 11, lastSettingLine: 9},
			{name: 'profile dev', headerLine: 12, firstLine: 12, lastLine: 14, lastSettingLine: 13},
		]);
		expect(doc.lines[4]).toMatchObject({key: 'region', value: 'eu-west-1 ; note', section: 0});
		expect(doc.lines[6]).toMatchObject({key: 'max_concurrent_requests', value: '20', parentKey: 's3', indent: 2});
		expect(doc.lines[0]?.section).toBeUndefined();
		expect(doc.lines[2]?.section).toBe(0);
		expect(doc.lines[11]).toMatchObject({sectionName: 'profile dev', indent: 2});
	});

	it('round-trips a 10,000-profile file in linear time', () => {
		const big = manyProfiles(10_000);
		const doc = parseIniDocument(big);
		expect(doc.sections).toHaveLength(10_001);
		expect(printIniDocument(doc)).toBe(big);
		expect(growthRatio(parseIniDocument)).toBeLessThan(5);
	});
});
