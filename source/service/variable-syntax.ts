/**
 * The `${source:address, fallback, …}` syntax shared by Serverless v3 and v4, read without resolving anything.
 */

export type TextPart = {kind: 'text'; text: string} | {kind: 'variable'; raw: string; inner: string};

export type Candidate =
	| {kind: 'literal'; value: string | number | boolean}
	/** A fallback written as a whole `${…}` of its own. */
	| {kind: 'nested'; text: string}
	| {kind: 'reference'; source: string; params?: string; address?: string; raw: string}
	| {kind: 'invalid'; raw: string};

export function hasVariables(text: string): boolean {
	return splitVariables(text).some(part => part.kind === 'variable');
}

/** Splits a string into literal text and top-level `${…}` parts (nested `${}` stay inside their parent). */
export function splitVariables(text: string): TextPart[] {
	const parts: TextPart[] = [];
	let literalStart = 0;
	let index = 0;
	while (index < text.length) {
		const open = text.indexOf('${', index);
		if (open === -1) break;
		const close = matchingBrace(text, open + 2);
		if (close === -1) break;
		if (open > literalStart) parts.push({kind: 'text', text: text.slice(literalStart, open)});
		parts.push({kind: 'variable', raw: text.slice(open, close + 1), inner: text.slice(open + 2, close)});
		index = close + 1;
		literalStart = index;
	}
	if (literalStart < text.length) parts.push({kind: 'text', text: text.slice(literalStart)});
	return parts;
}

/** Index of the `}` closing a `${` whose content starts at `from`, or -1 when it is never closed. */
function matchingBrace(text: string, from: number): number {
	let depth = 1;
	let quote: string | undefined;
	for (let index = from; index < text.length; index++) {
		const char = text[index];
		if (quote !== undefined) {
			if (char === quote) quote = undefined;
			continue;
		}
		if (char === "'" || char === '"') {
			quote = char;
		} else if (char === '$' && text[index + 1] === '{') {
			depth++;
			index++;
		} else if (char === '}') {
			depth--;
			if (depth === 0) return index;
		}
	}
	return -1;
}

/** Splits the inside of one `${…}` into its reference and fallbacks. */
export function parseCandidates(inner: string): Candidate[] {
	return splitTopLevel(inner).map(part => parseCandidate(part.trim()));
}

function splitTopLevel(inner: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let quote: string | undefined;
	let start = 0;
	for (let index = 0; index < inner.length; index++) {
		const char = inner[index];
		if (quote !== undefined) {
			if (char === quote) quote = undefined;
			continue;
		}
		if (char === "'" || char === '"') {
			quote = char;
		} else if (char === '$' && inner[index + 1] === '{') {
			depth++;
			index++;
		} else if (char === '(') {
			depth++;
		} else if ((char === '}' || char === ')') && depth > 0) {
			depth--;
		} else if (char === ',' && depth === 0) {
			parts.push(inner.slice(start, index));
			start = index + 1;
		}
	}
	parts.push(inner.slice(start));
	return parts;
}

function parseCandidate(part: string): Candidate {
	const quoted = /^'([\s\S]*)'$|^"([\s\S]*)"$/.exec(part);
	if (quoted) return {kind: 'literal', value: quoted[1] ?? quoted[2] ?? ''};
	if (/^-?\d+(?:\.\d+)?$/.test(part)) return {kind: 'literal', value: Number(part)};
	if (part === 'true' || part === 'false') return {kind: 'literal', value: part === 'true'};
	if (part.startsWith('${')) {
		const parts = splitVariables(part);
		if (parts.length === 1 && parts[0]?.kind === 'variable') return {kind: 'nested', text: part};
		return {kind: 'invalid', raw: part};
	}
	const name = /^[a-zA-Z][a-zA-Z0-9_-]*/.exec(part)?.[0];
	if (name === undefined) return {kind: 'invalid', raw: part};
	let rest = part.slice(name.length);
	let params: string | undefined;
	if (rest.startsWith('(')) {
		const close = matchingParenthesis(rest);
		if (close === -1) return {kind: 'invalid', raw: part};
		params = rest.slice(1, close);
		rest = rest.slice(close + 1);
	}
	if (rest.startsWith(':')) return {kind: 'reference', source: name, params, address: rest.slice(1).trim(), raw: part};
	if (rest === '' && params !== undefined) return {kind: 'reference', source: name, params, raw: part};
	return {kind: 'invalid', raw: part};
}

function matchingParenthesis(text: string): number {
	let depth = 0;
	let quote: string | undefined;
	for (let index = 0; index < text.length; index++) {
		const char = text[index];
		if (quote !== undefined) {
			if (char === quote) quote = undefined;
			continue;
		}
		if (char === "'" || char === '"') quote = char;
		else if (char === '(') depth++;
		else if (char === ')') {
			depth--;
			if (depth === 0) return index;
		}
	}
	return -1;
}
