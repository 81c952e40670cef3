/**
 * A quick, conservative test for the common case: a file of plain `[section]` headers, `key = value` lines,
 * comments and blank lines, which every reader (SDK v3, SDK v2, AWS CLI) reads the same way. For such a file
 * `inspectAwsFile` has nothing to report, so it can skip the three full parser traces: on a 10,000-profile file
 * they cost more than the rest of the doctor. Anything unusual answers false and takes the full path.
 */
import {isPrototypeName} from './prototype-names.js';
import type {AwsFileKind} from './file-issues.js';

const NAME = /^[\w\-@+.%:/]+$/;
const CONFIG_HEADER = /^\[(?:(profile|sso-session|services) ([\w\-@+.%:/]+)|(default))\]$/;
const CREDENTIALS_HEADER = /^\[([\w\-@+.%:/]+)\]$/;
/** Lower-case key at column 0, `=`, a value without quotes, inline-comment markers or surrounding spaces. */
const ASSIGNMENT = /^([a-z0-9_]+)[ \t]*=[ \t]*([^\s"'#;](?:[^\r]*[^\s])?)$/;
const INLINE_COMMENT = /\s[#;]/;
/** Only ASCII blanks: `trim()` would also drop a BOM or a no-break space, which the AWS CLI does not. */
const BLANK = /^[ \t]*$/;

export function isPlainAwsFile(text: string, kind: AwsFileKind): boolean {
	if (text.charCodeAt(0) === 0xfeff) return false;
	const sections = new Set<string>();
	let keys: Set<string> | undefined;
	let start = 0;
	while (start <= text.length) {
		let end = text.indexOf('\n', start);
		const lastLine = end === -1;
		if (lastLine) end = text.length;
		let line = text.slice(start, end);
		start = end + 1;
		// CRLF is read alike everywhere; a lone CR ends a line for the AWS CLI only.
		if (!lastLine && line.endsWith('\r')) line = line.slice(0, -1);
		if (line.includes('\r')) return false;
		const first = line.charCodeAt(0);
		if (BLANK.test(line)) continue;
		if (first === 0x23 /* # */ || first === 0x3b /* ; */) continue;
		if (first === 0x5b /* [ */) {
			const name = sectionName(line, kind);
			if (name === undefined || sections.has(name)) return false;
			sections.add(name);
			keys = new Set();
			continue;
		}
		const assignment = ASSIGNMENT.exec(line);
		if (!assignment || !keys) return false;
		const [, key = '', value = ''] = assignment;
		if (keys.has(key) || INLINE_COMMENT.test(value)) return false;
		keys.add(key);
	}
	// `[default]` and `[profile default]` are one profile for some readers and two for others.
	return !(sections.has('default') && sections.has('profile default'));
}

function sectionName(line: string, kind: AwsFileKind): string | undefined {
	if (kind === 'config') {
		const match = CONFIG_HEADER.exec(line);
		if (!match) return undefined;
		const name = match[2];
		if (name !== undefined && (isPrototypeName(name) || name.includes('.'))) return undefined;
		return match[3] ?? `${match[1]} ${name}`;
	}
	const match = CREDENTIALS_HEADER.exec(line);
	const name = match?.[1];
	// Dotted names can collide with the SDK's `profile.x`/`sso-session.x` keys; leave them to the full check.
	if (name === undefined || !NAME.test(name) || name.includes('.') || isPrototypeName(name)) return undefined;
	// The AWS CLI copies `[DEFAULT]` (any case but `default`) into every profile.
	if (name !== 'default' && name.toLowerCase() === 'default') return undefined;
	return name;
}
