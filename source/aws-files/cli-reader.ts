/**
 * How the AWS CLI reads a shared config or credentials file: botocore `configloader.raw_config_parse` on Python's
 * `configparser.RawConfigParser` (aws-files.md §2.3). Keys are lower-cased, `=` or `:` separates, there are no
 * inline comments, deeper-indented lines continue a value, an empty first line makes the value a nested block, and
 * any duplicate, stray line or key before the first header rejects the whole file.
 *
 * Python reads the file with universal newlines (a lone CR ends a line); line numbers reported here are the
 * document's (LF-terminated) numbers, so they match `document.ts` and the SDK readers.
 */

export type CliErrorKind = 'duplicate-section' | 'duplicate-option' | 'missing-section-header' | 'parse-error' | 'encoding';

export interface CliError {
	kind: CliErrorKind;
	/** 1-based document line (LF-terminated lines). */
	line: number;
	/** One line, never containing the offending line's text (it may hold a secret). */
	message: string;
	/** Section concerned (duplicate-section, duplicate-option). */
	section?: string;
	/** Option concerned (duplicate-option, nested parse-error). */
	option?: string;
	/** Duplicates: the line of the first occurrence. */
	firstLine?: number;
}

export type CliParse =
	| {
			ok: true;
			/**
			 * `raw_config_parse` output, section → option → value. A nested block (`s3 =` followed by indented
			 * `key = value` lines) is flattened to `s3.key`, as the JS SDK names it; `nested` lists those options.
			 * `[DEFAULT]` is not a section: its options are inherited by every section, as in Python.
			 */
			sections: Record<string, Record<string, string>>;
			nested: Record<string, string[]>;
	  }
	| {ok: false; error: CliError};

export interface CliTrace {
	result: CliParse;
	/**
	 * Every problem Python would hit if it did not stop at the first: duplicates, stray lines, the first key before a
	 * header. Nested-block errors appear only when nothing else failed (Python parses them last).
	 */
	problems: CliError[];
	/**
	 * Options that absorbed continuation lines (deeper-indented lines), with those lines' numbers; nested blocks
	 * (`s3 =` + indented lines) excluded. Computed even when the file is rejected.
	 */
	continuations: Array<{section: string; option: string; line: number; continuationLines: number[]}>;
	/** Nested blocks (`s3 =` + indented `key = value` lines) with what each line gives; computed even when rejected. */
	nestedBlocks: Array<{section: string; option: string; line: number; entries: Array<{line: number; key: string; value: string}>}>;
}

const PY_LINE_BREAKS = /\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]/;

/** Python `str.isspace()` for one UTF-16 code unit. */
function isPySpace(code: number): boolean {
	if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code >= 0x1c && code <= 0x1f);
	if (code < 0x85) return false;
	return (
		code === 0x85 ||
		code === 0xa0 ||
		code === 0x1680 ||
		(code >= 0x2000 && code <= 0x200a) ||
		code === 0x2028 ||
		code === 0x2029 ||
		code === 0x202f ||
		code === 0x205f ||
		code === 0x3000
	);
}

/** Python `str.strip()` (its whitespace differs from JavaScript's: `\x1c`–`\x1f`, `\x85` yes; U+FEFF no). */
export function pyStrip(text: string): string {
	let start = 0;
	let end = text.length;
	while (start < end && isPySpace(text.charCodeAt(start))) start++;
	while (end > start && isPySpace(text.charCodeAt(end - 1))) end--;
	return text.slice(start, end);
}

function pyRstrip(text: string): string {
	let end = text.length;
	while (end > 0 && isPySpace(text.charCodeAt(end - 1))) end--;
	return text.slice(0, end);
}

function firstNonSpace(text: string): number {
	for (let index = 0; index < text.length; index++) {
		if (!isPySpace(text.charCodeAt(index))) return index;
	}
	return 0;
}

interface Piece {
	text: string;
	/** Document line number. */
	line: number;
}

/** One option's value lines: the `key = value` line, then continuation lines (`''` for blank ones). */
interface OptionValue {
	pieces: Piece[];
	/** Line of the first definition, kept when a duplicate replaces it (lenient mode). */
	firstLine: number;
}

type Options = Map<string, OptionValue>;

const DEFAULT_SECTION = 'DEFAULT';

/** Python's `'\n'.join(pieces).rstrip()`; pieces are already stripped, so only trailing blank ones go. */
function joined(pieces: Piece[]): string {
	if (pieces.length === 1) return pieces[0]?.text ?? '';
	let end = pieces.length;
	while (end > 0 && pieces[end - 1]?.text === '') end--;
	return pyRstrip(
		pieces
			.slice(0, end)
			.map((piece) => piece.text)
			.join('\n'),
	);
}

export function traceCliIni(text: string): CliTrace {
	const sections = new Map<string, Options>();
	const sectionFirstLine = new Map<string, number>();
	const defaults: Options = new Map();
	const problems: CliError[] = [];
	let immediate: CliError | undefined;
	let firstParsingError: CliError | undefined;
	let current: Options | undefined;
	let sectionName = '';
	let option: OptionValue | undefined;
	let indentLevel = 0;
	let missingHeaderSeen = false;
	/** Every option ever defined, including ones a duplicate replaced (their continuations still matter). */
	const allOptions: Array<{section: string; name: string; value: OptionValue}> = [];

	const raise = (error: CliError): void => {
		problems.push(error);
		immediate ??= error;
	};
	const parsingError = (error: CliError): void => {
		problems.push(error);
		firstParsingError ??= error;
	};

	// Universal newlines, as Python's text mode: CRLF, LF and a lone CR all end a line.
	let number = 1;
	let start = 0;
	while (start < text.length) {
		let end = start;
		while (end < text.length) {
			const code = text.charCodeAt(end);
			if (code === 10 || code === 13) break;
			end++;
		}
		const line = text.slice(start, end);
		const lineNumber = number;
		if (end < text.length) {
			const crlf = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10;
			if (text.charCodeAt(end) === 10 || crlf) number++;
			start = end + (crlf ? 2 : 1);
		} else {
			start = end + 1;
		}

		const stripped = pyStrip(line);
		const isComment = stripped.startsWith('#') || stripped.startsWith(';');
		if (isComment || stripped === '') {
			// Blank lines belong to the value being continued; comment lines are skipped without ending it.
			if (!isComment && current && option) option.pieces.push({text: '', line: lineNumber});
			continue;
		}
		const value = stripped;
		const indent = firstNonSpace(line);
		if (current && option && indent > indentLevel) {
			option.pieces.push({text: value, line: lineNumber});
			continue;
		}
		indentLevel = indent;
		const close = value.lastIndexOf(']');
		if (value.charCodeAt(0) === 91 && close >= 2) {
			const header = value.slice(1, close);
			sectionName = header;
			option = undefined;
			const existing = sections.get(header);
			if (existing) {
				raise({
					kind: 'duplicate-section',
					line: lineNumber,
					section: header,
					firstLine: sectionFirstLine.get(header),
					message: `section [${header}] appears more than once`,
				});
				current = existing;
			} else if (header === DEFAULT_SECTION) {
				current = defaults;
			} else {
				current = new Map();
				sections.set(header, current);
				sectionFirstLine.set(header, lineNumber);
			}
			continue;
		}
		if (!current) {
			if (!missingHeaderSeen) {
				missingHeaderSeen = true;
				raise({kind: 'missing-section-header', line: lineNumber, message: `line ${lineNumber} comes before the first [section] header`});
			}
			continue;
		}
		const delimiter = firstDelimiter(value);
		if (delimiter === -1) {
			parsingError({
				kind: 'parse-error',
				line: lineNumber,
				message: `line ${lineNumber} is neither a [section], a key = value line, nor an indented continuation`,
			});
			continue;
		}
		if (delimiter === 0) {
			parsingError({kind: 'parse-error', line: lineNumber, message: `line ${lineNumber} starts with "${value[0]}" and has no key name`});
		}
		const name = pyRstrip(value.slice(0, delimiter)).toLowerCase();
		// Python remembers (section, option) pairs; a section seen twice already raised, so the section's map suffices.
		const previous = current.get(name);
		if (previous) {
			raise({
				kind: 'duplicate-option',
				line: lineNumber,
				section: sectionName,
				option: name,
				firstLine: previous.firstLine,
				message: `key "${name}" appears more than once in section [${sectionName}]`,
			});
		}
		option = {pieces: [{text: pyStrip(value.slice(delimiter + 1)), line: lineNumber}], firstLine: previous?.firstLine ?? lineNumber};
		current.set(name, option);
		allOptions.push({section: sectionName, name, value: option});
		// Python's `if optname` is false for an empty name: nothing can continue it.
		if (name === '') option = undefined;
	}

	const continuations: CliTrace['continuations'] = [];
	const nestedBlocks: CliTrace['nestedBlocks'] = [];
	for (const {section: name, name: optionName, value: entry} of allOptions) {
		if (entry.pieces.length < 2) continue;
		const value = joined(entry.pieces);
		if (!value.includes('\n')) continue;
		const line = entry.pieces[0]?.line ?? 0;
		if (value.startsWith('\n')) {
			nestedBlocks.push({section: name, option: optionName, line, entries: nestedEntries(entry.pieces)});
			continue;
		}
		const continuationLines = entry.pieces.slice(1).filter((piece) => piece.text !== '').map((piece) => piece.line);
		continuations.push({section: name, option: optionName, line, continuationLines});
	}

	const firstError = immediate ?? firstParsingError;
	if (firstError) return {result: {ok: false, error: firstError}, problems, continuations, nestedBlocks};

	const output: Record<string, Record<string, string>> = Object.create(null) as Record<string, Record<string, string>>;
	const nested: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
	const defaultNames = [...defaults.keys()];
	for (const [name, own] of sections) {
		const values: Record<string, string> = Object.create(null) as Record<string, string>;
		output[name] = values;
		const optionNames = defaultNames.length === 0 ? own.keys() : [...own.keys(), ...defaultNames.filter((key) => !own.has(key))];
		for (const optionName of optionNames) {
			const pieces = (own.get(optionName) ?? defaults.get(optionName))?.pieces ?? [];
			const value = joined(pieces);
			if (!value.startsWith('\n')) {
				values[optionName] = value;
				continue;
			}
			const block = parseNested(pieces);
			if ('error' in block) {
				const error: CliError = {
					kind: 'parse-error',
					line: block.error,
					option: optionName,
					message: `line ${block.error} in the nested block under "${optionName}" has no "="`,
				};
				problems.push(error);
				return {result: {ok: false, error}, problems, continuations, nestedBlocks};
			}
			(nested[name] ??= []).push(optionName);
			for (const [key, nestedValue] of block.entries) values[`${optionName}.${key}`] = nestedValue;
		}
	}
	return {result: {ok: true, sections: output, nested}, problems, continuations, nestedBlocks};
}

function firstDelimiter(value: string): number {
	const equals = value.indexOf('=');
	const colon = value.indexOf(':');
	if (equals === -1) return colon;
	if (colon === -1) return equals;
	return Math.min(equals, colon);
}

/** botocore `_parse_nested`: each non-blank line (Python `splitlines`) must be `key = value`. */
function parseNested(pieces: Piece[]): {entries: Map<string, string>} | {error: number} {
	const entries = new Map<string, string>();
	for (const piece of pieces) {
		for (const part of piece.text.split(PY_LINE_BREAKS)) {
			const line = pyStrip(part);
			if (line === '') continue;
			const equals = line.indexOf('=');
			if (equals === -1) return {error: piece.line};
			entries.set(pyStrip(line.slice(0, equals)), pyStrip(line.slice(equals + 1)));
		}
	}
	return {entries};
}

/** The `key = value` pairs a nested block's lines give (lines without `=` are left out; they fail the file). */
function nestedEntries(pieces: Piece[]): Array<{line: number; key: string; value: string}> {
	const entries: Array<{line: number; key: string; value: string}> = [];
	for (const piece of pieces.slice(1)) {
		for (const part of piece.text.split(PY_LINE_BREAKS)) {
			const line = pyStrip(part);
			const equals = line.indexOf('=');
			if (line === '' || equals === -1) continue;
			entries.push({line: piece.line, key: pyStrip(line.slice(0, equals)), value: pyStrip(line.slice(equals + 1))});
		}
	}
	return entries;
}

/** The file as the AWS CLI (botocore) reads it, or the error that makes it reject the whole file. */
export function readCliIni(text: string): CliParse {
	return traceCliIni(text).result;
}
