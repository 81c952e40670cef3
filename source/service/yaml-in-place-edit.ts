import {type Document, isAlias, isMap, isPair, isScalar, type Node, type Pair, parse, type Scalar, type YAMLMap} from 'yaml';

/**
 * Settings to put into a YAML file: nested maps whose leaves are strings. Written into the file's own text, not
 * re-serialised: `Document#toString()` would re-flow the whole file (quotes, indentation of sequences, flow
 * collections, blank lines), and people review serverless.yml diffs line by line.
 */
export type YamlSettings = {readonly [key: string]: string | YamlSettings};

/** What the file holds where a leaf goes. `inherited`: only through a `<<:` merge key, not written in that map. */
export type ExistingLeaf =
	| {kind: 'scalar'; value: string}
	| {kind: 'inherited'; value: unknown}
	| {kind: 'other'; description: string};

/** The caller's rule for a leaf the file already has. */
export type LeafDecision = 'keep' | 'replace' | {stop: string};

/** Why a setting could not be written in place; the caller turns it into words. */
export interface Blocked {
	path: string[];
	reason:
		| 'not-a-map' // a scalar, sequence or alias where a map must be
		| 'not-text' // a map, sequence or block scalar where a one-line value must be
		| 'flow-map' // `{a: 1}`: the new lines would not fit the file's style
		| 'inherited' // the map comes from a `<<:` merge key: writing it here would drop the merged entries
		| 'odd-key' // a key on several lines, or `? key` — no safe place to write after it
		| 'stopped'; // the caller's decide() said so
	/** For `not-a-map` / `not-text`: what is there instead; for `stopped`: the caller's text. */
	detail?: string;
}

export interface Splice {
	start: number;
	end: number;
	text: string;
}

export interface InPlaceEditInput {
	text: string;
	document: Document.Parsed;
	/** `document.toJS()`: tells a key written in a map from one it only gets through a `<<:` merge key. */
	resolved: unknown;
	settings: YamlSettings;
	decide: (path: string[], existing: ExistingLeaf) => LeafDecision;
	/** Keys after which a new key of that map reads best, e.g. `provider` → `['name', 'runtime', 'stage', 'region']`. */
	placeAfter?: (mapPath: string[]) => readonly string[];
}

export type InPlaceEdit = {after: string; splices: Splice[]; blocked?: undefined} | {blocked: Blocked; after?: undefined};

/**
 * Merges `settings` into the YAML text by splicing: new keys become new lines at the map's indentation, changed
 * leaves have only their value replaced (anchor, tag, inline comment and line ending stay). Every other byte —
 * comments, blank lines, quoting, CloudFormation tags, CRLF, a BOM — is untouched by construction.
 */
export function planInPlaceEdit(input: InPlaceEditInput): InPlaceEdit {
	const layout = fileLayout(input.text, input.document);
	// Work on a text that ends with a line end, so that lines added at the end never each add the missing one; it
	// is taken off again when nothing was added there, so a file without a final newline keeps that state.
	const missingEnd = input.text !== '' && !input.text.endsWith('\n');
	const text = missingEnd ? input.text + layout.eol : input.text;
	const edited = planOnText({...input, text}, layout);
	if (edited.blocked || !missingEnd) return edited;
	const touchesEnd = edited.splices.some(splice => splice.start >= text.length);
	return touchesEnd ? edited : {after: edited.after.slice(0, -layout.eol.length), splices: edited.splices};
}

function planOnText(input: InPlaceEditInput, layout: Layout): InPlaceEdit {
	const splices: Splice[] = [];
	const root = input.document.contents;
	let blocked: Blocked | undefined;
	if (root === null || (isScalar(root) && root.value === null)) {
		splices.push(newRootBlock(input.text, input.document, input.settings, layout));
	} else if (!isMap(root)) {
		blocked = {path: [], reason: 'not-a-map', detail: describe(root)};
	} else if (root.flow) {
		blocked = {path: [], reason: 'flow-map'};
	} else {
		blocked = mergeMap({input, layout, splices}, root, [], input.resolved, input.settings, layout.unit);
	}
	if (blocked) return {blocked};
	return {after: applySplices(input.text, splices), splices};
}

interface Context {
	input: InPlaceEditInput;
	layout: Layout;
	splices: Splice[];
}

interface Layout {
	eol: string;
	/** Spaces one level deeper adds, as the file does it. */
	unit: number;
	/** The file separates top-level sections with blank lines. */
	blankLines: boolean;
}

/** `unit`: how much deeper this map's own children sit than its key, for new nested levels written inside it. */
function mergeMap(context: Context, map: YAMLMap, path: string[], resolved: unknown, settings: YamlSettings, unit: number): Blocked | undefined {
	const missing: Array<[string, string | YamlSettings]> = [];
	for (const [key, wanted] of Object.entries(settings)) {
		const here = [...path, key];
		const pair = ownPair(map, key);
		const inherited = pair === undefined ? resolvedChild(resolved, key) : undefined;
		if (pair === undefined) {
			if (typeof wanted === 'string') {
				if (inherited === wanted) continue;
				if (inherited !== undefined) {
					const decision = context.input.decide(here, {kind: 'inherited', value: inherited});
					if (typeof decision === 'object') return {path: here, reason: 'stopped', detail: decision.stop};
					if (decision === 'keep') continue;
				}
			} else if (inherited !== undefined) {
				return {path: here, reason: 'inherited'};
			}
			missing.push([key, wanted]);
			continue;
		}
		const blocked =
			typeof wanted === 'string'
				? mergeLeaf(context, pair, here, wanted)
				: mergeChild(context, pair, here, resolvedChild(resolved, key), wanted, unit);
		if (blocked) return blocked;
	}
	if (missing.length === 0) return undefined;
	const placed = newPairsPlace(context, map, path);
	if ('blocked' in placed) return placed.blocked;
	const lines = renderLines(Object.fromEntries(missing), placed.column, unit, quoteStyleOf(map));
	context.splices.push({start: placed.at, end: placed.at, text: placed.prefix + lines.map(line => line + context.layout.eol).join('')});
	return undefined;
}

function mergeLeaf(context: Context, pair: Pair, path: string[], wanted: string): Blocked | undefined {
	const value = pair.value as Node | null;
	const existing: ExistingLeaf =
		isScalar(value) && typeof value.source === 'string' && isFlatScalar(value)
			? {kind: 'scalar', value: value.value === null ? '' : String(value.value)}
			: {kind: 'other', description: describe(value)};
	// `account: 111111111111` reads as a number, not as the text wanted: it is rewritten (quoted), not kept.
	if (existing.kind === 'scalar' && existing.value === wanted && typeof (value as Scalar).value === 'string') return undefined;
	const decision = context.input.decide(path, existing);
	if (typeof decision === 'object') return {path, reason: 'stopped', detail: decision.stop};
	if (decision === 'keep') return undefined;
	if (value === null || !isScalar(value) || !isFlatScalar(value) || value.range == null) {
		if (isAlias(value) && value.range) {
			context.splices.push({start: value.range[0], end: value.range[1], text: quoted(wanted, 'PLAIN')});
			return undefined;
		}
		return {path, reason: 'not-text', detail: describe(value)};
	}
	const [start, end] = value.range;
	if (start === end) {
		// `key:` with nothing after it: the value goes after the colon, one space away.
		const colon = colonAfterKey(context.input.text, pair);
		if (colon === undefined) return {path, reason: 'odd-key'};
		context.splices.push({start: colon + 1, end: colon + 1, text: ' ' + quoted(wanted, 'PLAIN')});
		return undefined;
	}
	const colon = colonAfterKey(context.input.text, pair);
	if (colon !== undefined && context.input.text.slice(colon + 1, start).includes('!')) {
		// A tag (`profile: !Ref X`) would turn the new name into something else: it goes, an anchor stays.
		const anchor = /&\S+/.exec(context.input.text.slice(colon + 1, start))?.[0];
		context.splices.push({start: colon + 1, end, text: ` ${anchor === undefined ? '' : anchor + ' '}${quoted(wanted, 'PLAIN')}`});
		return undefined;
	}
	context.splices.push({start, end, text: quoted(wanted, value.type ?? 'PLAIN')});
	return undefined;
}

function mergeChild(context: Context, pair: Pair, path: string[], resolved: unknown, settings: YamlSettings, unit: number): Blocked | undefined {
	const value = pair.value as Node | null;
	if (isMap(value) && !value.flow && value.items.length > 0) {
		const firstKey = value.items[0]?.key;
		const text = context.input.text;
		const step =
			isScalar(pair.key) && pair.key.range != null && isScalar(firstKey) && firstKey.range != null
				? columnOf(text, firstKey.range[0]) - columnOf(text, pair.key.range[0])
				: unit;
		return mergeMap(context, value, path, resolved, settings, step > 0 ? step : unit);
	}
	const empty = value === null || (isScalar(value) && value.value === null) || (isMap(value) && value.items.length === 0);
	if (!empty) return {path, reason: isMap(value) ? 'flow-map' : 'not-a-map', detail: describe(value)};
	// `custom:`, `custom: ~` or `custom: {}`: drop the empty value and write the keys on the lines below.
	const text = context.input.text;
	const colon = colonAfterKey(text, pair);
	if (colon === undefined || !isScalar(pair.key) || pair.key.range == null) return {path, reason: 'odd-key'};
	const valueRange = value?.range;
	let lineEnd = lineEndAfter(text, colon + 1);
	if (valueRange != null && valueRange[1] > valueRange[0]) {
		const between = text.slice(colon + 1, valueRange[0]);
		// An anchor or a tag on the empty value (`custom: &shared {}`) would be lost with it.
		if (between.trim() !== '') return {path, reason: 'not-a-map', detail: describe(value)};
		context.splices.push({start: colon + 1, end: valueRange[1], text: ''});
		lineEnd = lineEndAfter(text, valueRange[1]);
	}
	const column = columnOf(text, pair.key.range[0]) + unit;
	const lines = renderLines(settings, column, unit, 'PLAIN');
	context.splices.push({
		start: lineEnd,
		end: lineEnd,
		text: newlineIfMissing(text, lineEnd, context.layout.eol) + lines.map(line => line + context.layout.eol).join(''),
	});
	return undefined;
}

/** Where new keys of an existing map go, at which column. */
function newPairsPlace(context: Context, map: YAMLMap, path: string[]): {at: number; column: number; prefix: string} | {blocked: Blocked} {
	const text = context.input.text;
	const pairs = map.items.filter(isPair);
	const firstKey = pairs[0]?.key;
	if (!isScalar(firstKey) || firstKey.range == null) return {blocked: {path, reason: 'odd-key'}};
	const column = columnOf(text, firstKey.range[0]);
	const eol = context.layout.eol;
	if (path.length === 0) {
		// Top level: a new section at the end of the file's content, before a trailing comment block or `...`.
		const end = map.range?.[1] ?? text.length;
		const at = lineEndAfter(text, end);
		const lead = newlineIfMissing(text, at, eol);
		const blank = context.layout.blankLines && !endsWithBlankLine(text.slice(0, at)) ? eol : '';
		return {at, column, prefix: lead + blank};
	}
	const preferred = context.input.placeAfter?.(path) ?? [];
	const singleLine = pairs.filter(pair => isSingleLinePair(text, pair));
	const anchor =
		[...singleLine].reverse().find(pair => preferred.includes(keyText(pair) ?? '')) ??
		(pairs.at(-1) !== undefined && singleLine.includes(pairs.at(-1)!) ? pairs.at(-1) : undefined);
	if (anchor !== undefined) {
		const valueEnd = (anchor.value as Node).range![1];
		const at = lineEndAfter(text, valueEnd);
		return {at, column, prefix: newlineIfMissing(text, at, eol)};
	}
	const end = map.range?.[1] ?? text.length;
	const at = lineEndAfter(text, end);
	return {at, column, prefix: newlineIfMissing(text, at, eol)};
}

/** A file with no settings yet (empty, or comments only): the blocks go at the end of its content. */
function newRootBlock(text: string, document: Document.Parsed, settings: YamlSettings, layout: Layout): Splice {
	const at = lineEndAfter(text, document.range[1]);
	const lines = renderLines(settings, 0, layout.unit, 'PLAIN');
	return {start: at, end: at, text: newlineIfMissing(text, at, layout.eol) + lines.map(line => line + layout.eol).join('')};
}

/** Settings as block-style YAML lines, keys starting at `column`; values quoted only where plain text would read differently. */
export function renderLines(settings: YamlSettings, column: number, unit: number, style: QuoteStyle): string[] {
	const indent = ' '.repeat(column);
	const lines: string[] = [];
	for (const [key, value] of Object.entries(settings)) {
		if (typeof value === 'string') {
			lines.push(`${indent}${quoted(key, 'PLAIN')}: ${quoted(value, style)}`);
		} else {
			lines.push(`${indent}${quoted(key, 'PLAIN')}:`);
			lines.push(...renderLines(value, column + unit, unit, 'PLAIN'));
		}
	}
	return lines;
}

type QuoteStyle = Scalar['type'] & string;

/** New values follow their siblings: a map whose values are all single-quoted gets single-quoted ones. */
function quoteStyleOf(map: YAMLMap): QuoteStyle {
	const styles = new Set(
		map.items
			.filter(isPair)
			.map(pair => pair.value)
			.filter((value): value is Scalar => isScalar(value) && typeof value.value === 'string')
			.map(value => value.type),
	);
	const [only] = styles;
	return styles.size === 1 && (only === 'QUOTE_SINGLE' || only === 'QUOTE_DOUBLE') ? only : 'PLAIN';
}

/** The value as a YAML scalar in the wanted style, falling back to single quotes when a plain one would read differently. */
export function quoted(value: string, style: QuoteStyle): string {
	if (style === 'QUOTE_DOUBLE') return JSON.stringify(value);
	if (style !== 'QUOTE_SINGLE' && plainReadsBack(value)) return value;
	return `'${value.replaceAll("'", "''")}'`;
}

function plainReadsBack(value: string): boolean {
	if (!/^[\w$][\w$@%+.:/{}-]*$/.test(value)) return false;
	// YAML 1.1 too: js-yaml and older tools read `yes`, `0755` or `1:20` as booleans and numbers.
	try {
		return parse(`- ${value}`, {version: '1.2'})?.[0] === value && parse(`- ${value}`, {version: '1.1'})?.[0] === value;
	} catch {
		return false;
	}
}

function fileLayout(text: string, document: Document.Parsed): Layout {
	const crlf = (text.match(/\r\n/g) ?? []).length;
	const lf = (text.match(/\n/g) ?? []).length;
	return {eol: crlf > 0 && crlf * 2 >= lf ? '\r\n' : '\n', unit: indentUnit(text, document), blankLines: /\n[ \t]*\r?\n/.test(text)};
}

function indentUnit(text: string, document: Document.Parsed): number {
	const root = document.contents;
	if (!isMap(root)) return 2;
	for (const pair of root.items) {
		const child = pair.value;
		if (!isMap(child) || child.flow || !isScalar(pair.key) || pair.key.range == null) continue;
		const first = child.items[0]?.key;
		if (!isScalar(first) || first.range == null) continue;
		const unit = columnOf(text, first.range[0]) - columnOf(text, pair.key.range[0]);
		if (unit > 0) return unit;
	}
	return 2;
}

function ownPair(map: YAMLMap, key: string): Pair | undefined {
	return map.items.find((pair): pair is Pair => isPair(pair) && isScalar(pair.key) && String(pair.key.value) === key);
}

function resolvedChild(resolved: unknown, key: string): unknown {
	if (typeof resolved !== 'object' || resolved === null || Array.isArray(resolved)) return undefined;
	return Object.hasOwn(resolved, key) ? (resolved as Record<string, unknown>)[key] : undefined;
}

function keyText(pair: Pair): string | undefined {
	return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

function isFlatScalar(value: Scalar): boolean {
	return value.type === 'PLAIN' || value.type === 'QUOTE_SINGLE' || value.type === 'QUOTE_DOUBLE' || value.type === undefined;
}

/** `key: value` with key and value on one line: a new line after it cannot end up inside anything. */
function isSingleLinePair(text: string, pair: Pair): boolean {
	const key = pair.key;
	const value = pair.value;
	if (!isScalar(key) || key.range == null || !isScalar(value) || value.range == null || !isFlatScalar(value)) return false;
	return !text.slice(key.range[0], value.range[1]).includes('\n');
}

function colonAfterKey(text: string, pair: Pair): number | undefined {
	const key = pair.key;
	if (!isScalar(key) || key.range == null) return undefined;
	const match = /^[ \t]*:/.exec(text.slice(key.range[1]));
	return match === null ? undefined : key.range[1] + match[0].length - 1;
}

/** Column of an offset, not counting a byte-order mark at the start of the file. */
function columnOf(text: string, offset: number): number {
	const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
	return offset - lineStart - (lineStart === 0 && text.startsWith('\uFEFF') ? 1 : 0);
}

/** The start of the line after the one holding `offset` (the offset itself when it already starts a line). */
function lineEndAfter(text: string, offset: number): number {
	if (offset > 0 && text[offset - 1] === '\n') return offset;
	const newline = text.indexOf('\n', offset);
	return newline === -1 ? text.length : newline + 1;
}

function newlineIfMissing(text: string, at: number, eol: string): string {
	return at > 0 && text[at - 1] !== '\n' ? eol : '';
}

function endsWithBlankLine(text: string): boolean {
	return text === '' || /(^|\n)[ \t]*\r?\n$/.test(text);
}

function describe(node: unknown): string {
	if (node === null || node === undefined) return 'nothing';
	if (isAlias(node)) return `an alias (*${node.source})`;
	if (isScalar(node)) {
		if (node.value === null) return 'nothing';
		return typeof node.value === 'string' ? `the text ${JSON.stringify(node.value)}` : `the value ${String(node.value)}`;
	}
	if (isMap(node)) return node.flow ? 'a map written in flow style ({…})' : 'a map';
	return 'a list';
}

function applySplices(text: string, splices: Splice[]): string {
	// Back to front, so earlier offsets stay valid; an insertion before a replacement at the same offset stays before it.
	const ordered = splices.map((splice, index) => ({splice, index})).sort((a, b) => b.splice.start - a.splice.start || b.index - a.index);
	let result = text;
	let limit = Number.POSITIVE_INFINITY;
	for (const {splice} of ordered) {
		if (splice.end > limit) throw new Error('overlapping YAML edits');
		result = result.slice(0, splice.start) + splice.text + result.slice(splice.end);
		limit = splice.start;
	}
	return result;
}
