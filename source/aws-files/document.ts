/**
 * A lossless, line-based model of an AWS shared config or credentials file. Printing an unedited document gives
 * back every byte (BOM, CRLF/LF mix, missing final newline, tabs, comments, odd lines), so edits can touch only the
 * lines they mean to change (aws-files.md §7 rule 8).
 *
 * The line kinds are a neutral structural reading shared by the editors and the checks; what each consumer (JS SDK
 * v3, SDK v2, AWS CLI) makes of a line is decided by `sdk-reader.ts`, `v2-profiles.ts` and `cli-reader.ts`.
 */

export type LineEnding = '' | '\n' | '\r\n';

export type IniLineKind = 'section' | 'assignment' | 'continuation' | 'comment' | 'blank' | 'other';

export interface IniLine {
	/** 1-based. Lines end at LF (a lone CR stays inside `raw`, as the JS SDK reads it). */
	number: number;
	/** The line without its line ending (and without the BOM on line 1). */
	raw: string;
	eol: LineEnding;
	kind: IniLineKind;
	/** Number of leading whitespace characters. */
	indent: number;
	/** 'section' lines: the text between the brackets, verbatim (`profile dev`, ` default `). */
	sectionName?: string;
	/** 'assignment' lines: the text before the first `=`, trimmed, case kept. */
	key?: string;
	/** 'assignment' lines: the text after the first `=`, trimmed; inline comments kept (the AWS CLI keeps them). */
	value?: string;
	/** 'assignment' lines the JS SDK stores under a sub-section (`s3 =` then indented lines): that sub-section's key. */
	parentKey?: string;
	/** Index into `IniDocument.sections` of the section the line belongs to; undefined before the first header. */
	section?: number;
}

export interface IniSection {
	/** The text between the brackets, verbatim. */
	name: string;
	/** Line number of the `[…]` header. */
	headerLine: number;
	/**
	 * First line that goes with the section when it is moved or removed: the header, or the comment lines directly
	 * above it (no blank line between).
	 */
	firstLine: number;
	/** Last line before the next section's `firstLine`, or the last line of the file. */
	lastLine: number;
	/** Last 'assignment' or 'continuation' line, where a new key goes; undefined when the section has none. */
	lastSettingLine?: number;
}

export interface IniDocument {
	/** The text started with a UTF-8 byte order mark (kept out of line 1's `raw`). */
	bom: boolean;
	lines: IniLine[];
	sections: IniSection[];
}

const BOM = '\uFEFF';

const INLINE_COMMENT = /(^|\s)[;#]/;

/**
 * The part of a line the JS SDKs read: cut at the first `#`/`;` that starts the line or follows whitespace, then
 * trimmed. Same result as their `line.split(/(^|\s)[;#]/)[0].trim()`, without building the array.
 */
export function codePart(raw: string): string {
	const comment = INLINE_COMMENT.exec(raw);
	return (comment ? raw.slice(0, comment.index) : raw).trim();
}

function leadingWhitespace(raw: string): number {
	return raw.length - raw.trimStart().length;
}

/** Splits into lines, keeping each line ending: the concatenation gives back the text. */
function splitLines(text: string): Array<{raw: string; eol: LineEnding}> {
	const result: Array<{raw: string; eol: LineEnding}> = [];
	let start = 0;
	while (start < text.length) {
		const newline = text.indexOf('\n', start);
		if (newline === -1) {
			result.push({raw: text.slice(start), eol: ''});
			break;
		}
		const crlf = newline > start && text.charCodeAt(newline - 1) === 13;
		result.push({raw: text.slice(start, crlf ? newline - 1 : newline), eol: crlf ? '\r\n' : '\n'});
		start = newline + 1;
	}
	return result;
}

export function parseIniDocument(text: string): IniDocument {
	const bom = text.startsWith(BOM);
	const pieces = splitLines(bom ? text.slice(1) : text);
	const lines: IniLine[] = [];
	const sections: IniSection[] = [];
	/** Whether an assignment was seen since the header, so that deeper-indented lines continue it (AWS CLI rule). */
	let inSetting = false;
	/** Indentation of the last line that was not a continuation. */
	let referenceIndent = 0;
	/** An assignment with an empty value (`s3 =`): indented assignments below it are its sub-keys. */
	let openSubsection: string | undefined;

	for (const [index, piece] of pieces.entries()) {
		const line: IniLine = {number: index + 1, raw: piece.raw, eol: piece.eol, kind: 'other', indent: leadingWhitespace(piece.raw)};
		if (sections.length > 0) line.section = sections.length - 1;
		const trimmed = piece.raw.trim();
		if (trimmed === '') {
			line.kind = 'blank';
			lines.push(line);
			continue;
		}
		if (trimmed.startsWith('#') || trimmed.startsWith(';')) {
			line.kind = 'comment';
			lines.push(line);
			continue;
		}
		const continues = inSetting && line.indent > referenceIndent;
		if (!continues) referenceIndent = line.indent;
		const code = codePart(piece.raw);
		if (code.startsWith('[') && code.endsWith(']')) {
			line.kind = 'section';
			line.sectionName = code.slice(1, -1);
			line.section = sections.length;
			sections.push({name: line.sectionName, headerLine: line.number, firstLine: line.number, lastLine: line.number});
			inSetting = false;
			openSubsection = undefined;
		} else if (code.indexOf('=') > 0) {
			line.kind = 'assignment';
			const equals = piece.raw.indexOf('=');
			line.key = piece.raw.slice(0, equals).trim();
			line.value = piece.raw.slice(equals + 1).trim();
			// Sub-sections follow the JS SDK: an empty value (comment cut off) opens one, an unindented key closes it.
			if (code.slice(code.indexOf('=') + 1).trim() === '') {
				openSubsection = line.key;
			} else {
				if (line.indent === 0) openSubsection = undefined;
				if (openSubsection !== undefined) line.parentKey = openSubsection;
			}
			inSetting = true;
		} else if (continues) {
			line.kind = 'continuation';
		}
		lines.push(line);
	}

	attachSectionRanges(lines, sections);
	return {bom, lines, sections};
}

function attachSectionRanges(lines: IniLine[], sections: IniSection[]): void {
	for (const [index, section] of sections.entries()) {
		let first = section.headerLine;
		while (first > 1 && lines[first - 2]?.kind === 'comment') {
			first--;
			const comment = lines[first - 1];
			if (comment) comment.section = index;
		}
		section.firstLine = first;
		const previous = sections[index - 1];
		if (previous) previous.lastLine = first - 1;
	}
	const last = sections.at(-1);
	if (last) last.lastLine = lines.length;
	for (const line of lines) {
		if (line.section === undefined || (line.kind !== 'assignment' && line.kind !== 'continuation')) continue;
		const section = sections[line.section];
		if (section) section.lastSettingLine = line.number;
	}
}

export function printIniDocument(doc: IniDocument): string {
	const parts: string[] = doc.bom ? [BOM] : [];
	for (const line of doc.lines) parts.push(line.raw, line.eol);
	return parts.join('');
}

/** The line with this 1-based number. */
export function lineAt(doc: IniDocument, number: number): IniLine | undefined {
	return doc.lines[number - 1];
}
