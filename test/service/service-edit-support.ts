import {diffLines} from 'diff';
import type {FrameworkMajor} from '../../source/gather/snapshot.js';
import {resolveYaml} from './resolve-service-support.js';

const BOM = '\uFEFF';

/** The profile a serverless.yml text resolves to for a stage (as `serverless deploy --stage` would). */
export function profileFor(text: string, stage: string | undefined, framework: FrameworkMajor) {
	return resolveYaml(text.replace(/^\uFEFF/, ''), {framework, options: stage === undefined ? {} : {stage}}).service.profile;
}

/** The same file with CRLF line ends and/or a byte-order mark: an edit must behave the same. */
export function variants(text: string): Array<[string, string]> {
	const crlf = text.replaceAll('\n', '\r\n');
	return [
		['LF', text],
		['CRLF', crlf],
		['BOM + LF', BOM + text],
		['BOM + CRLF', BOM + crlf],
	];
}

/** Lines an edit removed and added, line endings dropped (diffLines over the whole text: everything else is equal by definition). */
export function changes(before: string, after: string): {removed: string[]; added: string[]} {
	const removed: string[] = [];
	const added: string[] = [];
	// diffLines sees "x" and "x\n" as different lines; whether the file ends with a newline is checked on its own.
	const ended = (text: string) => (text === '' || text.endsWith('\n') ? text : text + (text.includes('\r\n') ? '\r\n' : '\n'));
	for (const part of diffLines(ended(before), ended(after))) {
		if (!part.added && !part.removed) continue;
		const lines = part.value.replace(/\r?\n$/, '').split(/\r?\n/);
		(part.added ? added : removed).push(...lines);
	}
	return {removed, added};
}
