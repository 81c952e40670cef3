/**
 * A unified-style diff of one AWS shared file for the confirmation screen, with every credential masked: the values
 * of `aws_access_key_id`, `aws_secret_access_key` and `aws_session_token` lines (in any case, `=` or `:`) become
 * `AKIA…WXYZ`, and secret-looking text on any other line is masked too. Control characters are shown escaped, so a
 * file cannot drive the terminal.
 */
import {diffArrays} from 'diff';
import {maskSecretsInText} from '../aws/mask-text.js';
import {maskValue} from '../secret.js';
import {isSecretSetting} from './secret-settings.js';

interface DiffLine {
	text: string;
	/** The line had no line ending (last line of a file without a final newline). */
	unterminated: boolean;
}

/** Lines with their endings kept in the token, so that a changed line ending is a changed line. */
function splitForDiff(text: string): string[] {
	const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
	return lines;
}

function toDiffLine(token: string): DiffLine {
	const unterminated = !token.endsWith('\n');
	return {text: token.replace(/\r?\n$/, ''), unterminated};
}

/**
 * A line with its credentials masked: the value of a credential key (`AKIA…WXYZ`; its inline comment stays
 * readable), and secret-looking text anywhere else on the line.
 */
function maskCredentials(text: string): string {
	const equals = text.indexOf('=');
	const colon = text.indexOf(':');
	const delimiter = equals === -1 ? colon : colon === -1 ? equals : Math.min(equals, colon);
	if (delimiter <= 0 || !isSecretSetting(text.slice(0, delimiter))) return maskSecretsInText(text);
	const rest = text.slice(delimiter + 1);
	const valueStart = rest.length - rest.trimStart().length;
	const comment = /\s[;#]/.exec(rest.slice(valueStart));
	const value = rest.slice(valueStart, comment ? valueStart + comment.index : rest.length).trimEnd();
	if (value === '') return maskSecretsInText(text);
	const after = rest.slice(valueStart + value.length);
	return `${maskSecretsInText(text.slice(0, delimiter + 1))}${rest.slice(0, valueStart)}${maskValue(value)}${maskSecretsInText(after)}`;
}

/** Control characters (and the invisible BOM / line separators) as `\xNN` / `\uNNNN`. */
function visible(text: string): string {
	// eslint-disable-next-line no-control-regex
	return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\ufeff]/g, (character) => {
		const code = character.charCodeAt(0);
		return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
	});
}

export function maskLine(text: string): string {
	return visible(maskCredentials(text));
}

interface Row {
	mark: ' ' | '-' | '+';
	line: DiffLine;
	oldNumber: number;
	newNumber: number;
}

/**
 * `--- path` / `+++ path` headers (`/dev/null` for a file that does not exist yet), `@@ -a,b +c,d @@` hunks with
 * `context` unchanged lines around each change, `-`/`+`/` ` lines, and `\ No newline at end of file` where due.
 * No change: no lines.
 */
export function maskedDiff(path: string, before: string | undefined, after: string, options: {context?: number} = {}): string[] {
	if (before === after) return [];
	const context = options.context ?? 3;
	const rows: Row[] = [];
	let oldNumber = 1;
	let newNumber = 1;
	for (const change of diffArrays(splitForDiff(before ?? ''), splitForDiff(after))) {
		for (const token of change.value) {
			const mark = change.added ? '+' : change.removed ? '-' : ' ';
			rows.push({mark, line: toDiffLine(token), oldNumber, newNumber});
			if (mark !== '+') oldNumber++;
			if (mark !== '-') newNumber++;
		}
	}
	const output = [`--- ${before === undefined ? '/dev/null' : visible(path)}`, `+++ ${visible(path)}`];
	let index = 0;
	while (index < rows.length) {
		if (rows[index]?.mark === ' ') {
			index++;
			continue;
		}
		// A hunk: from `context` rows before this change to `context` rows after the last change within reach.
		const start = Math.max(0, index - context);
		let end = index;
		let scan = index;
		while (scan < rows.length) {
			if (rows[scan]?.mark !== ' ') end = scan;
			else if (scan - end > 2 * context) break;
			scan++;
		}
		const stop = Math.min(rows.length - 1, end + context);
		const hunk = rows.slice(start, stop + 1);
		output.push(hunkHeader(hunk));
		for (const row of hunk) {
			output.push(`${row.mark}${maskLine(row.line.text)}`);
			if (row.line.unterminated) output.push('\\ No newline at end of file');
		}
		index = stop + 1;
	}
	return output;
}

function hunkHeader(hunk: Row[]): string {
	const oldCount = hunk.filter((row) => row.mark !== '+').length;
	const newCount = hunk.filter((row) => row.mark !== '-').length;
	const first = hunk[0];
	// An empty side starts at the line before, as in `diff -u` (0 for an empty file).
	const oldStart = oldCount === 0 ? (first?.oldNumber ?? 1) - 1 : (hunk.find((row) => row.mark !== '+')?.oldNumber ?? 0);
	const newStart = newCount === 0 ? (first?.newNumber ?? 1) - 1 : (hunk.find((row) => row.mark !== '-')?.newNumber ?? 0);
	return `@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`;
}
