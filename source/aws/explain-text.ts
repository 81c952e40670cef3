/**
 * `doctor --explain`: finds every recognisable error in a pasted log (Serverless v3/v4 output, SDK errors, aws CLI
 * output) by code and by message, and explains each once, in order of first appearance.
 */
import {CATALOGUE, definedGroups, describe, entryForCode, explainWith, type ErrorContext, type Explanation} from './error-catalogue.js';
import type {CatalogueEntry, ErrorMatch} from './errors/catalogue-entry.js';
import {machineFacts} from './machine-facts.js';
import {maskSecretsInText} from './mask-text.js';

interface Hit {
	entry: CatalogueEntry;
	index: number;
	match: ErrorMatch;
	/** A structured error (code + message) found in the text, explained as a whole. */
	structured?: {code: string; message: string};
}

/** `An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token …` */
const CLI_ERROR = /An error occurred \((?<code>[\w.]+)\)(?: \(reached max retries: \d+\))? when calling the (?<operation>\w+) operation(?:\s*\([^)]*\))?:\s*(?<message>[^\n]*)/g;
/** `code: 'ExpiredToken'`, `"Code": "AccessDenied"`, `Code: AWS_…`, `errorCode: …`, `[InvalidClientTokenId]`. */
const CODE_FIELD = /\b(?:Code|code|errorCode|name)["']?\s*[:=]\s*["']?(?<code>[A-Za-z][\w.]{2,})["']?/g;
const SERVERLESS_CODE = /\bAWS_[A-Z0-9_]{3,}\b/g;

const codeWordPattern = (() => {
	const words = new Set<string>();
	for (const entry of CATALOGUE) {
		if (entry.codesInText === false) continue;
		for (const code of entry.codes) if (code.length >= 5) words.add(code);
	}
	const alternation = [...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
	return new RegExp(`(?<![\\w-])(?:${alternation})(?![\\w-])`, 'g');
})();

export function explainText(pasted: string, context?: ErrorContext): Explanation[] {
	const text = pasted.replace(/\r\n?/g, '\n').replace(/\u001B\[[0-9;]*[A-Za-z]/g, '');
	const facts = machineFacts(context);
	const hits: Hit[] = [];

	for (const entry of CATALOGUE) {
		for (const pattern of entry.patterns) {
			const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
			for (const found of text.matchAll(global)) {
				hits.push({entry, index: found.index ?? 0, match: {message: lineAt(text, found.index ?? 0), groups: definedGroups(found.groups)}});
			}
		}
	}
	for (const found of text.matchAll(CLI_ERROR)) {
		const code = found.groups?.code ?? '';
		const entry = entryForCode(code);
		if (entry) hits.push({entry, index: found.index ?? 0, match: {message: found[0], groups: {}}, structured: {code, message: found.groups?.message ?? ''}});
	}
	for (const pattern of [CODE_FIELD, SERVERLESS_CODE, codeWordPattern]) {
		for (const found of text.matchAll(pattern)) {
			const code = found.groups?.code ?? found[0];
			const entry = entryForCode(code);
			const index = found.index ?? 0;
			if (entry) hits.push({entry, index, match: {message: lineAt(text, index), groups: {}}, structured: {code, message: lineAt(text, index)}});
		}
	}

	hits.sort((a, b) => a.index - b.index || Number(Boolean(b.structured)) - Number(Boolean(a.structured)));
	const superseded = supersededOnSameLine(text, hits);
	const explanations = new Map<string, Explanation>();
	for (const hit of hits) {
		if (explanations.has(hit.entry.id) || superseded.has(hit)) continue;
		const explanation = hit.structured
			? (explainWith({code: hit.structured.code, message: hit.structured.message}, facts, 2) ?? describe(hit.entry, facts, hit.match))
			: describe(hit.entry, facts, hit.match);
		// explainWith may re-route (clock skew under SignatureDoesNotMatch); keep the first explanation per id.
		if (explanations.has(explanation.id)) continue;
		explanation.evidence = evidence(lineAt(text, hit.index));
		explanations.set(explanation.id, explanation);
	}
	return [...explanations.values()];
}

function supersededOnSameLine(text: string, hits: Hit[]): Set<Hit> {
	const lineOf = lineIndex(text);
	const supersedingByLine = new Map<number, Set<string>>();
	for (const hit of hits) {
		for (const id of hit.entry.supersedes ?? []) {
			const line = lineOf(hit.index);
			supersedingByLine.set(line, (supersedingByLine.get(line) ?? new Set()).add(id));
		}
	}
	return new Set(hits.filter(hit => supersedingByLine.get(lineOf(hit.index))?.has(hit.entry.id)));
}

/** Maps a character index to its 0-based line number (binary search over line starts). */
function lineIndex(text: string): (index: number) => number {
	const starts = [0];
	for (let position = text.indexOf('\n'); position !== -1; position = text.indexOf('\n', position + 1)) starts.push(position + 1);
	return index => {
		let low = 0;
		let high = starts.length - 1;
		while (low < high) {
			const middle = (low + high + 1) >> 1;
			if ((starts[middle] ?? 0) <= index) low = middle;
			else high = middle - 1;
		}
		return low;
	};
}

function lineAt(text: string, index: number): string {
	const start = text.lastIndexOf('\n', index - 1) + 1;
	const end = text.indexOf('\n', index);
	return text.slice(start, end === -1 ? undefined : end);
}

function evidence(line: string): string {
	const trimmed = line.trim();
	const masked = maskSecretsInText(trimmed);
	return masked.length > 240 ? `${masked.slice(0, 239)}…` : masked;
}

function escapeRegExp(value: string): string {
	return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
