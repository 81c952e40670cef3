import {type Document, parseDocument} from 'yaml';
import {cloudFormationTags} from './cloudformation-tags.js';

export type ParsedServiceFile = {document: unknown; error?: undefined} | {document?: undefined; error: string};

/**
 * Parses serverless.yml / serverless.json text. A syntax error comes back as one line with its position,
 * because the doctor reports it as a finding instead of crashing.
 */
export function parseServiceText(text: string, format: 'yml' | 'json', fileName = format === 'yml' ? 'serverless.yml' : 'serverless.json'): ParsedServiceFile {
	return format === 'json' ? parseJson(text, fileName) : parseYaml(text, fileName);
}

/** How many aliases `toJS` may expand: service files share blocks through anchors a lot, and js-yaml has no such limit. */
export const MAX_ALIAS_COUNT = 10_000;

/**
 * The YAML document with its source positions, parsed the way Serverless reads the file. Editors use it to find
 * where a node is written, so that they can change those bytes only.
 */
export function parseServiceDocument(text: string): Document.Parsed {
	// `merge: true`: Serverless parses with js-yaml, which honours `<<:` merge keys; service files use them a lot.
	return parseDocument(text, {customTags: cloudFormationTags, merge: true, prettyErrors: true});
}

export function parseYaml(text: string, fileName: string): ParsedServiceFile {
	const document = parseServiceDocument(text);
	const [first] = document.errors;
	if (first !== undefined) {
		const position = first.linePos?.[0];
		const where = position === undefined ? '' : ` at line ${position.line}, column ${position.col}`;
		return {error: `${fileName}: YAML syntax error${where}: ${firstSentence(first.message)}`};
	}
	try {
		return {document: document.toJS({maxAliasCount: MAX_ALIAS_COUNT})};
	} catch (error) {
		return {error: `${fileName}: YAML error: ${firstSentence((error as Error).message)}`};
	}
}

export function parseJson(text: string, fileName: string): ParsedServiceFile {
	// JSON.parse rejects a BOM; Serverless reads files as utf8 strings, which keep it, so strip it like Node's require does.
	const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
	try {
		return {document: JSON.parse(body) as unknown};
	} catch (error) {
		const message = (error as Error).message;
		const position = /at position (\d+)/.exec(message)?.[1];
		let where = '';
		if (position !== undefined) {
			const before = body.slice(0, Number(position));
			const line = before.split('\n').length;
			const column = Number(position) - before.lastIndexOf('\n');
			where = ` at line ${line}, column ${column}`;
		}
		const reason = message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '');
		return {error: `${fileName}: JSON syntax error${where}: ${firstSentence(reason)}`};
	}
}

/** The yaml package appends a code frame and " at line X, column Y" to its messages; keep the first line only. */
function firstSentence(message: string): string {
	const line = message.split('\n')[0] ?? message;
	return line.replace(/ at line \d+, column \d+:?$/, '').trim();
}
