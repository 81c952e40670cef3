/**
 * Pure edits on a lossless `IniDocument` (aws-files.md §7 rule 8): each returns a new document whose printed bytes
 * differ from the old one only in the lines the edit means to change. Section names are matched exactly (the text
 * between the brackets, as `document.ts` records it); which spelling of a profile to edit is decided by the caller
 * (`profile-edits.ts`).
 *
 * A key is found the way both readers find it: the JS SDK's key (case kept) or the AWS CLI's (lower-cased, `=` or
 * `:`), compared lower-cased, so that setting `region` replaces a `REGION = x` or `region: x` line instead of
 * adding a second one the AWS CLI would reject as a duplicate.
 */
import {parseIniDocument, printIniDocument, type IniDocument, type IniLine, type LineEnding} from './document.js';

interface LinePiece {
	raw: string;
	eol: LineEnding;
}

/** The option name the AWS CLI gives a line (`=` or `:`, whichever comes first; lower-cased). */
function cliOptionName(raw: string): string | undefined {
	const text = raw.trim();
	const equals = text.indexOf('=');
	const colon = text.indexOf(':');
	const delimiter = equals === -1 ? colon : colon === -1 ? equals : Math.min(equals, colon);
	if (delimiter <= 0) return undefined;
	return text.slice(0, delimiter).trimEnd().toLowerCase();
}

/** A line the AWS CLI reads as a `[section]` header and the JS SDK does not (`[dev] junk`). */
export function cliOnlyHeader(line: IniLine | undefined): boolean {
	if (!line || line.kind === 'section' || line.kind === 'comment') return false;
	const text = line.raw.trim();
	return text.startsWith('[') && text.lastIndexOf(']') >= 2;
}

/** Whether the line sets top-level key `key` (lower-case) for the JS SDK or the AWS CLI. */
export function holdsKey(line: IniLine, key: string): boolean {
	if (line.kind === 'assignment') {
		if (line.parentKey !== undefined) return false;
		return line.key?.toLowerCase() === key || cliOptionName(line.raw) === key;
	}
	// `region: x` is an assignment for the AWS CLI only; the document calls it 'other'.
	return line.kind === 'other' && cliOptionName(line.raw) === key;
}

/** Indexes (into `doc.sections`) of every section with exactly this name; duplicates are all returned. */
export function sectionsNamed(doc: IniDocument, name: string): number[] {
	const found: number[] = [];
	doc.sections.forEach((section, index) => {
		if (section.name === name) found.push(index);
	});
	return found;
}

/** 0-based indexes of the lines of the named section(s) that set `key`, in file order. */
export function keyLines(doc: IniDocument, name: string, key: string): number[] {
	const found: number[] = [];
	for (const index of sectionsNamed(doc, name)) {
		const section = doc.sections[index];
		if (!section) continue;
		for (let number = section.headerLine + 1; number <= section.lastLine; number++) {
			const line = doc.lines[number - 1];
			if (line && holdsKey(line, key)) found.push(number - 1);
		}
	}
	return found;
}

/**
 * The lines after a key line that belong to its value: continuation lines (the AWS CLI joins them to the value) and,
 * for a `key =` line that opens a sub-section, the indented `name = value` lines the JS SDK files under it. Blank,
 * comment and stray lines in between go with them only when more of the value follows; the next option ends it. Returns the 0-based index of
 * the value's last line.
 */
function valueEnd(doc: IniDocument, index: number): number {
	const opener = doc.lines[index];
	const sectionEnd = (doc.sections[opener?.section ?? -1]?.lastLine ?? doc.lines.length) - 1;
	const opensSubsection = opener?.kind === 'assignment' && isEmptyForSdk(opener);
	let end = index;
	for (let next = index + 1; next <= sectionEnd; next++) {
		const line = doc.lines[next];
		if (!line || line.kind === 'section') break;
		if (line.kind === 'continuation' || (opensSubsection && line.kind === 'assignment' && line.parentKey === opener?.key)) {
			end = next;
			continue;
		}
		// Another option ends a value (`key: value` is one for the AWS CLI); a JS SDK sub-section runs on over lines
		// without `=` until the next unindented assignment.
		if (line.kind === 'assignment' || (!opensSubsection && line.kind === 'other' && cliOptionName(line.raw) !== undefined)) break;
	}
	return end;
}

/** `key =` with nothing after it (once an inline comment is cut): the JS SDK opens a sub-section there. */
function isEmptyForSdk(line: IniLine): boolean {
	const raw = line.raw;
	const equals = raw.indexOf('=');
	const rest = raw.slice(equals + 1);
	const comment = /(^|\s)[;#]/.exec(rest);
	return (comment ? rest.slice(0, comment.index) : rest).trim() === '';
}

/** The line ending new lines get: the one of the line they follow, else the file's first, else LF. */
function lineEndingNear(doc: IniDocument, index: number): LineEnding {
	const own = doc.lines[index]?.eol;
	if (own) return own;
	for (let back = index - 1; back >= 0; back--) {
		const eol = doc.lines[back]?.eol;
		if (eol) return eol;
	}
	return doc.lines.find((line) => line.eol !== '')?.eol ?? '\n';
}

function settingLine(key: string, value: string): string {
	return `${key} = ${value}`;
}

/**
 * Prints the pieces and parses the result. A file without a final newline keeps that state: whatever line ends up
 * last loses its line ending.
 */
function assemble(doc: IniDocument, pieces: LinePiece[]): IniDocument {
	const lastPiece = pieces.at(-1);
	if (lastPiece && doc.lines.at(-1)?.eol === '') lastPiece.eol = '';
	const parts: string[] = doc.bom ? ['\uFEFF'] : [];
	for (const piece of pieces) parts.push(piece.raw, piece.eol);
	return parseIniDocument(parts.join(''));
}

/** Pieces of `doc` with the lines in `removed` dropped, `replaced` swapped in and `inserted` added after a line. */
function rebuild(
	doc: IniDocument,
	changes: {removed: Set<number>; replaced: Map<number, string>; insertAfter?: number; inserted: string[]},
): LinePiece[] {
	const pieces: LinePiece[] = [];
	const {removed, replaced, insertAfter, inserted} = changes;
	doc.lines.forEach((line, index) => {
		if (!removed.has(index)) pieces.push({raw: replaced.get(index) ?? line.raw, eol: line.eol});
		if (index !== insertAfter || inserted.length === 0) return;
		const eol = lineEndingNear(doc, index);
		const previous = pieces.at(-1);
		if (previous && previous.eol === '') previous.eol = eol;
		for (const raw of inserted) pieces.push({raw, eol});
	});
	return pieces;
}

/**
 * Sets `keys` (lower-case names, values already validated) in section `section`, creating the section at the end of
 * the file when it is missing. An existing key line is replaced in place, keeping its indentation and line ending
 * (its inline comment goes, on that line only); other lines of the same key in the section (or in a duplicate of
 * it) are removed, so that one value remains. New keys go after the section's last setting line, before its
 * trailing comments and blank lines, indented so that the AWS CLI does not read them (or the lines after them) as a
 * continuation.
 */
export function setKeys(doc: IniDocument, section: string, keys: Readonly<Record<string, string>>): IniDocument {
	const entries = Object.entries(keys);
	if (entries.length === 0) return doc;
	const last = doc.sections[sectionsNamed(doc, section).at(-1) ?? -1];
	if (!last) return appendSection(doc, section, entries);
	const result = replaceOrInsert(doc, section, entries, new Set());
	// An indented line stays a top-level key for the JS SDK only while no sub-section (`s3 =`) is open above it;
	// the removal of a duplicate above can reopen one. Such lines are written unindented instead.
	const nested = entries.filter(([key]) => keyLines(result, section, key).length === 0).map(([key]) => key);
	return nested.length === 0 ? result : replaceOrInsert(doc, section, entries, new Set(nested));
}

function replaceOrInsert(doc: IniDocument, section: string, entries: Array<[string, string]>, unindent: Set<string>): IniDocument {
	const last = doc.sections[sectionsNamed(doc, section).at(-1) ?? -1];
	const removed = new Set<number>();
	const replaced = new Map<number, string>();
	const inserted: string[] = [];
	for (const [key, value] of entries) {
		const found = keyLines(doc, section, key);
		// `key: value` lines (the AWS CLI's only) are dropped rather than rewritten: an assignment in their place
		// would close a JS SDK sub-section open above them.
		const keep = found.filter((index) => doc.lines[index]?.kind === 'assignment').at(-1);
		if (keep === undefined) inserted.push(settingLine(key, value));
		for (const index of found) {
			const end = valueEnd(doc, index);
			for (let drop = index; drop <= end; drop++) if (drop !== keep) removed.add(drop);
		}
		if (keep === undefined) continue;
		const line = doc.lines[keep];
		const indent = unindent.has(key) ? '' : (line?.raw.slice(0, line.indent) ?? '');
		replaced.set(keep, `${indent}${settingLine(key, value)}`);
	}
	const insertAfter = ((last?.lastSettingLine ?? last?.headerLine) ?? doc.lines.length) - 1;
	const indent = insertIndent(doc, insertAfter);
	return assemble(doc, rebuild(doc, {removed, replaced, insertAfter, inserted: inserted.map((line) => indent + line)}));
}

/**
 * The indentation for keys inserted after line `index`: the AWS CLI's current indentation level there (the last line
 * that did not continue a value), so that neither the new line nor the lines after it (say an indented next header)
 * become continuation lines. Unindented when the JS SDK has a sub-section open there: an indented line would join it.
 */
function insertIndent(doc: IniDocument, index: number): string {
	const at = doc.lines[index];
	if (!at) return '';
	if (at.kind === 'section') {
		// Right under a header any indentation is a key; match a deeper next line so it does not become a continuation.
		const next = doc.lines.slice(index + 1).find((line) => line.kind !== 'blank' && line.kind !== 'comment');
		const deeper = next && next.indent > at.indent ? next : at;
		return deeper.raw.slice(0, deeper.indent);
	}
	let reference: IniLine | undefined;
	let lastAssignment: IniLine | undefined;
	let inOption = false;
	for (let number = doc.sections[at.section ?? -1]?.headerLine ?? index + 1; number <= index + 1; number++) {
		const line = doc.lines[number - 1];
		if (!line || line.kind === 'blank' || line.kind === 'comment') continue;
		if (line.kind === 'assignment') lastAssignment = line;
		if (inOption && reference && line.indent > reference.indent) continue;
		reference = line;
		inOption = line.kind === 'assignment' || cliOptionName(line.raw) !== undefined;
	}
	// Lines without `=` do not close a JS SDK sub-section: the last assignment tells whether one is open.
	if (lastAssignment && (lastAssignment.parentKey !== undefined || isEmptyForSdk(lastAssignment))) return '';
	return reference ? reference.raw.slice(0, reference.indent) : '';
}

function appendSection(doc: IniDocument, section: string, entries: Array<[string, string]>): IniDocument {
	const pieces: LinePiece[] = doc.lines.map((line) => ({raw: line.raw, eol: line.eol}));
	const eol = lineEndingNear(doc, doc.lines.length - 1);
	const lastPiece = pieces.at(-1);
	if (lastPiece) {
		lastPiece.eol = eol;
		if (lastPiece.raw.trim() !== '') pieces.push({raw: '', eol});
	}
	pieces.push({raw: `[${section}]`, eol});
	for (const [key, value] of entries) pieces.push({raw: settingLine(key, value), eol});
	return assemble(doc, pieces);
}

/** Removes every line of the named section(s) that sets one of `keys` (lower-case), with its continuation lines. */
export function removeKeys(doc: IniDocument, section: string, keys: readonly string[]): IniDocument {
	const removed = new Set<number>();
	for (const key of keys) {
		for (const index of keyLines(doc, section, key)) {
			const end = valueEnd(doc, index);
			for (let drop = index; drop <= end; drop++) removed.add(drop);
		}
	}
	if (removed.size === 0) return doc;
	return assemble(doc, dropLines(doc, removed));
}

/**
 * Removes the named section(s): the comment block directly above the header, the header, its lines, and the
 * comment or stray lines directly after its last setting. A comment paragraph separated from the section by a blank
 * line stays (it usually introduces what follows). A section at the end of the file also takes the blank lines
 * above it.
 */
export function removeSection(doc: IniDocument, section: string): IniDocument {
	const occurrences = sectionsNamed(doc, section);
	if (occurrences.length === 0) return doc;
	const removed = new Set<number>();
	const blank = (index: number) => doc.lines[index]?.kind === 'blank';
	for (const sectionIndex of occurrences) {
		const range = doc.sections[sectionIndex];
		if (!range) continue;
		const lastIndex = range.lastLine - 1;
		let end = (range.lastSettingLine ?? range.headerLine) - 1;
		// Comment and stray lines right under the settings go too, but not a line the AWS CLI reads as a header.
		while (end < lastIndex && !blank(end + 1) && !cliOnlyHeader(doc.lines[end + 1])) end++;
		let next = end + 1;
		while (next <= lastIndex && blank(next)) next++;
		end = next > lastIndex ? lastIndex : next - 1;
		for (let index = range.firstLine - 1; index <= end; index++) removed.add(index);
	}
	const lastIndex = doc.lines.length - 1;
	if (removed.has(lastIndex)) {
		let start = lastIndex;
		while (start > 0 && removed.has(start - 1)) start--;
		for (let index = start - 1; index >= 0 && blank(index) && !removed.has(index); index--) removed.add(index);
	}
	return assemble(doc, dropLines(doc, removed));
}

function dropLines(doc: IniDocument, removed: Set<number>): LinePiece[] {
	return doc.lines.flatMap((line, index) => (removed.has(index) ? [] : [{raw: line.raw, eol: line.eol}]));
}

/** Convenience for callers that hold text: the edit applied to the parsed text, printed. */
export function editText(text: string, edit: (doc: IniDocument) => IniDocument): string {
	return printIniDocument(edit(parseIniDocument(text)));
}
