import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseIniDocument, printIniDocument, type IniDocument} from '../../source/aws-files/document.js';
import {editText, removeKeys, removeSection, setKeys} from '../../source/aws-files/edit-document.js';
import {sdkSectionKey, traceSdkIni} from '../../source/aws-files/sdk-reader.js';
import {iniText} from './ini-arbitrary.js';

const set = (text: string, section: string, keys: Record<string, string>) => editText(text, (doc) => setKeys(doc, section, keys));
const unset = (text: string, section: string, keys: string[]) => editText(text, (doc) => removeKeys(doc, section, keys));
const drop = (text: string, section: string) => editText(text, (doc) => removeSection(doc, section));

describe('setKeys', () => {
	it.each<[string, string, string, Record<string, string>, string]>([
		['replaces a key in place', '[dev]\nregion = a\noutput = json\n', 'dev', {region: 'b'}, '[dev]\nregion = b\noutput = json\n'],
		['inserts after the last setting, before trailing comments and blanks', '[dev]\nregion = a\n# note\n\n[prod]\nregion = c\n', 'dev', {output: 'json'}, '[dev]\nregion = a\noutput = json\n# note\n\n[prod]\nregion = c\n'],
		['inserts after the header of an empty section', '[dev]\n\n[prod]\n', 'dev', {region: 'a'}, '[dev]\nregion = a\n\n[prod]\n'],
		['appends a missing section after a blank line', '[dev]\nregion = a\n', 'prod', {region: 'b', output: 'json'}, '[dev]\nregion = a\n\n[prod]\nregion = b\noutput = json\n'],
		['appends without a second blank line', '[dev]\nregion = a\n\n', 'prod', {region: 'b'}, '[dev]\nregion = a\n\n[prod]\nregion = b\n'],
		['writes a new file', '', 'default', {region: 'b'}, '[default]\nregion = b\n'],
		['keeps CRLF', '[dev]\r\nregion = a\r\n', 'dev', {output: 'json'}, '[dev]\r\nregion = a\r\noutput = json\r\n'],
		['keeps CRLF when appending', '[dev]\r\nregion = a\r\n', 'x', {region: 'b'}, '[dev]\r\nregion = a\r\n\r\n[x]\r\nregion = b\r\n'],
		['keeps a missing final newline when inserting at the end', '[dev]\nregion = a', 'dev', {output: 'json'}, '[dev]\nregion = a\noutput = json'],
		['keeps a missing final newline when appending', '[dev]\nregion = a', 'x', {region: 'b'}, '[dev]\nregion = a\n\n[x]\nregion = b'],
		['keeps the BOM', '\uFEFF[dev]\nregion = a\n', 'dev', {region: 'b'}, '\uFEFF[dev]\nregion = b\n'],
		['drops the inline comment of the replaced line only', '[dev]\nregion = a ; old\noutput = json ; keep\n', 'dev', {region: 'b'}, '[dev]\nregion = b\noutput = json ; keep\n'],
		['keeps the indentation of the replaced line', '[dev]\n\taws_access_key_id\t=\tAKIA ; x\n\toutput = json\n', 'dev', {aws_access_key_id: 'AKIB'}, '[dev]\n\taws_access_key_id = AKIB\n\toutput = json\n'],
		['replaces an upper-case key the AWS CLI would see twice', '[dev]\nREGION = a\n', 'dev', {region: 'b'}, '[dev]\nregion = b\n'],
		['replaces a colon line the AWS CLI would see twice', '[dev]\nregion: a\n', 'dev', {region: 'b'}, '[dev]\nregion = b\n'],
		['replaces continuation lines with the value', '[dev]\ncredential_process = run\n  --flag\noutput = json\n', 'dev', {credential_process: 'go'}, '[dev]\ncredential_process = go\noutput = json\n'],
		['replaces a sub-section with a scalar', '[dev]\ns3 =\n  max_concurrent_requests = 20\n  # c\n  addressing_style = path\nregion = a\n', 'dev', {s3: 'x'}, '[dev]\ns3 = x\nregion = a\n'],
		['sets a top-level key next to a sub-section key of the same name', '[dev]\ns3 =\n  region = x\n', 'dev', {region: 'y'}, '[dev]\ns3 =\n  region = x\nregion = y\n'],
		['leaves one line per key in duplicate sections', '[dev]\nregion = a\n[dev]\nregion = b\n', 'dev', {region: 'c'}, '[dev]\n[dev]\nregion = c\n'],
		['inserts into the last of duplicate sections', '[dev]\nregion = a\n\n[dev]\nregion = b\n\n[x]\n', 'dev', {output: 'json'}, '[dev]\nregion = a\n\n[dev]\nregion = b\noutput = json\n\n[x]\n'],
		['keeps commented-out keys', '[dev]\n# region = a\n', 'dev', {region: 'b'}, '[dev]\nregion = b\n# region = a\n'],
		['matches the section name exactly', '[ dev ]\nregion = a\n', 'dev', {region: 'b'}, '[ dev ]\nregion = a\n\n[dev]\nregion = b\n'],
		['inserts after a sub-section, closing it', '[dev]\ns3 =\n  max = 1\n', 'dev', {region: 'b'}, '[dev]\ns3 =\n  max = 1\nregion = b\n'],
	])('%s', (_label, before, section, keys, after) => {
		expect(set(before, section, keys)).toBe(after);
	});

	it('returns the same document when there is nothing to set', () => {
		const doc = parseIniDocument('[dev]\n');
		expect(setKeys(doc, 'dev', {})).toBe(doc);
	});
});

describe('removeKeys', () => {
	it.each<[string, string, string, string[], string]>([
		['removes a key line', '[dev]\naws_access_key_id = A\naws_session_token = T\nregion = a\n', 'dev', ['aws_session_token'], '[dev]\naws_access_key_id = A\nregion = a\n'],
		['removes every copy, with continuation lines', '[dev]\nx = 1\n  more\n[dev]\nX = 2\n', 'dev', ['x'], '[dev]\n[dev]\n'],
		['leaves other sections alone', '[dev]\nx = 1\n[prod]\nx = 2\n', 'dev', ['x'], '[dev]\n[prod]\nx = 2\n'],
		['keeps a missing final newline', '[dev]\na = 1\nx = 1', 'dev', ['x'], '[dev]\na = 1'],
		['does nothing for a missing key', '[dev]\na = 1\n', 'dev', ['x'], '[dev]\na = 1\n'],
	])('%s', (_label, before, section, keys, after) => {
		expect(unset(before, section, keys)).toBe(after);
	});
});

describe('removeSection', () => {
	it.each<[string, string, string, string]>([
		['takes the comment block above and the blank lines after', '[a]\nx = 1\n\n# about dev\n[dev]\ny = 2\n\n[b]\nz = 3\n', 'dev', '[a]\nx = 1\n\n[b]\nz = 3\n'],
		['keeps a comment paragraph after a blank line', '[a]\nx = 1\n\n[dev]\ny = 2\n\n# production below\n\n[b]\n', 'dev', '[a]\nx = 1\n\n# production below\n\n[b]\n'],
		['takes comments right under its settings', '[dev]\ny = 2\n# y was 1\n\n[b]\n', 'dev', '[b]\n'],
		['at the end, takes the blank lines above too', '[a]\nx = 1\n\n[dev]\ny = 2\n', 'dev', '[a]\nx = 1\n'],
		['at the end of a file without a final newline', '[a]\nx = 1\n\n[dev]\ny = 2', 'dev', '[a]\nx = 1'],
		['every duplicate', '[dev]\na = 1\n[x]\nb = 2\n[dev]\nc = 3\n', 'dev', '[x]\nb = 2\n'],
		['keeps the preamble', '# top\n\n[dev]\na = 1\n', 'dev', '# top\n'],
		['a missing section is no change', '[a]\n', 'dev', '[a]\n'],
		['keeps CRLF around it', '[a]\r\nx = 1\r\n\r\n[dev]\r\ny = 2\r\n\r\n[b]\r\n', 'dev', '[a]\r\nx = 1\r\n\r\n[b]\r\n'],
	])('%s', (_label, before, section, after) => {
		expect(drop(before, section)).toBe(after);
	});

	it.each(['[a]\nx = 1\n', '[a]\nx = 1', '# only a comment\n', '', '[a]\r\nx = 1\r\n'])('undoes an appended section: %j', (text) => {
		expect(drop(set(text, 'new', {region: 'b', output: 'json'}), 'new')).toBe(text);
	});
});

// ---- property: 10,000 generated files × random edits ------------------------------------------------------------

const keyNames = ['region', 'output', 'aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'role_arn', 's3', 'source_profile'];
const values = ['us-east-1', 'json', 'AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'a=b', 'x#y', 'v;w', 'arn:aws:iam::123456789012:role/x', 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ=='];

type Edit =
	| {kind: 'set'; section: string; keys: Record<string, string>}
	| {kind: 'remove-keys'; section: string; keys: string[]}
	| {kind: 'remove-section'; section: string};

/** A section to edit: mostly one the file has, sometimes a new one. */
const pick = fc.record({use: fc.nat(), fresh: fc.constantFrom('dev', 'new-one', 'profile fresh', 'default')});
const editArbitrary = fc.tuple(
	fc.constantFrom('set', 'set', 'remove-keys', 'remove-section'),
	pick,
	fc.uniqueArray(fc.tuple(fc.constantFrom(...keyNames), fc.constantFrom(...values)), {minLength: 1, maxLength: 4, selector: ([key]) => key}),
);

function sectionFor(doc: IniDocument, choice: {use: number; fresh: string}): string {
	const names = doc.sections.map((section) => section.name);
	if (names.length === 0 || choice.use % 5 === 0) return choice.fresh;
	return names[choice.use % names.length] ?? choice.fresh;
}

function toEdit(doc: IniDocument, [kind, choice, pairs]: [string, {use: number; fresh: string}, Array<[string, string]>]): Edit {
	const section = sectionFor(doc, choice);
	if (kind === 'set') return {kind, section, keys: Object.fromEntries(pairs)};
	if (kind === 'remove-keys') return {kind, section, keys: pairs.map(([key]) => key)};
	return {kind: 'remove-section', section};
}

function apply(doc: IniDocument, edit: Edit): IniDocument {
	if (edit.kind === 'set') return setKeys(doc, edit.section, edit.keys);
	if (edit.kind === 'remove-keys') return removeKeys(doc, edit.section, edit.keys);
	return removeSection(doc, edit.section);
}

/**
 * A line's bytes. The byte order mark stays with the file, not with line 1; a U+FEFF that an edit brings to the start
 * of a file without one is read as a mark, though, and belongs to its line.
 */
const piece = (doc: IniDocument, index: number, other: IniDocument) => {
	const line = doc.lines[index];
	return line ? (index === 0 && doc.bom && !other.bom ? '\uFEFF' : '') + line.raw + line.eol : '';
};

/**
 * Lines before the first touched section are an exact prefix of the result and lines after the last one an exact
 * suffix. At the end of the file the prefix may lose trailing blank lines and its last line may gain or lose the
 * line ending (a section appended or removed there). Returns a failure description or undefined.
 */
function outsideBytesProblem(before: IniDocument, after: IniDocument, edit: Edit): string | undefined {
	const touched = before.sections.filter((section) => section.name === edit.section);
	const beforeText = printIniDocument(before);
	const afterText = printIniDocument(after);
	if (touched.length === 0) {
		if (edit.kind !== 'set') return beforeText === afterText ? undefined : 'changed a file without the section';
		return afterText.startsWith(beforeText) ? undefined : 'append did not keep the file as a prefix';
	}
	const first = (touched[0]?.firstLine ?? 1) - 1;
	const last = (touched.at(-1)?.lastLine ?? before.lines.length) - 1;
	const reachesEnd = last === before.lines.length - 1;
	let prefixEnd = first;
	if (reachesEnd && edit.kind === 'remove-section') while (prefixEnd > 0 && before.lines[prefixEnd - 1]?.kind === 'blank') prefixEnd--;
	for (let index = 0; index < prefixEnd; index++) {
		const exact = piece(before, index, after) === piece(after, index, before);
		const lastKept = index === prefixEnd - 1 && reachesEnd;
		if (!exact && !(lastKept && before.lines[index]?.raw === after.lines[index]?.raw)) return `prefix line ${index + 1} changed`;
	}
	const suffix = before.lines.length - 1 - last;
	for (let offset = 1; offset <= suffix; offset++) {
		if (piece(before, before.lines.length - offset, after) !== piece(after, after.lines.length - offset, before)) return `suffix line ${before.lines.length - offset + 1} changed`;
	}
	return undefined;
}

/** For the JS SDK: every other section reads as before; the edited one has the keys it was given. */
function sdkProblem(beforeText: string, afterText: string, edit: Edit): string | undefined {
	const before = traceSdkIni(beforeText, {lines: false});
	const after = traceSdkIni(afterText, {lines: false});
	if (before.error || after.error) return before.error && after.error ? undefined : 'SDK failure appeared or vanished';
	const editedKey = sdkSectionKey(edit.section);
	const doc = parseIniDocument(beforeText);
	// Another spelling of the same SDK section (`[profile dev]` and `[profile.dev]` are both "profile.dev") is fair game.
	const sameKey = new Set(doc.sections.filter((section) => sdkSectionKey(section.name) === editedKey).map((section) => section.name));
	for (const key of new Set([...Object.keys(before.sections), ...Object.keys(after.sections)])) {
		if (key === editedKey) continue;
		if (JSON.stringify(before.sections[key]) !== JSON.stringify(after.sections[key])) return `section ${key} changed`;
	}
	if (editedKey === undefined) return undefined;
	const was = before.sections[editedKey] ?? {};
	const now = after.sections[editedKey] ?? {};
	const touchedKeys = edit.kind === 'remove-section' ? [] : edit.kind === 'set' ? Object.keys(edit.keys) : edit.keys;
	// A key counts as touched when either reader names it so: the SDK (case kept) or the AWS CLI (lower case, `:`).
	const isTouched = (key: string) => {
		const lower = key.toLowerCase();
		const cliName = lower.split(':')[0]?.trimEnd() ?? lower;
		return touchedKeys.some((touched) => lower === touched || cliName === touched || lower.startsWith(`${touched}.`));
	};
	if (edit.kind === 'remove-section') {
		return sameKey.size > 1 || Object.keys(now).length === 0 ? undefined : 'removed section still read';
	}
	if (sameKey.size > 1) return undefined;
	// Where the readers see different structures, an edit cannot keep both readings of the other keys (the plan
	// refuses such profiles up front): an indented `key = value` outside a sub-section (a key for the SDK, part of
	// the previous value for the AWS CLI), or a stray line such as `key: value` (a key for the AWS CLI only).
	const ambiguous = doc.lines.some(
		(line) =>
			doc.sections[line.section ?? -1]?.name === edit.section &&
			(line.kind === 'other' || (line.kind === 'assignment' && line.indent > 0 && line.parentKey === undefined)),
	);
	for (const key of new Set([...Object.keys(was), ...Object.keys(now)])) {
		if (isTouched(key) || ambiguous) continue;
		if (was[key] !== now[key]) return `untouched key ${key} changed`;
	}
	for (const key of touchedKeys) {
		const expected = edit.kind === 'set' ? edit.keys[key] : undefined;
		if (now[key] !== expected) return `key ${key} reads ${JSON.stringify(now[key])}, expected ${JSON.stringify(expected)}`;
	}
	return undefined;
}

describe('edits on generated files', () => {
	it('keep every byte outside the edited section and give the JS SDK the intended values (10,000 files)', () => {
		fc.assert(
			fc.property(iniText, editArbitrary, (text, raw) => {
				const before = parseIniDocument(text);
				const edit = toEdit(before, raw);
				const after = apply(before, edit);
				const afterText = printIniDocument(after);
				if (printIniDocument(parseIniDocument(afterText)) !== afterText) throw new Error('result is not lossless');
				const problem = outsideBytesProblem(before, after, edit) ?? sdkProblem(text, afterText, edit);
				if (problem) expect({problem, edit, text, afterText}).toBeUndefined();
			}),
			{numRuns: 10_000},
		);
	});
});
