/**
 * How the AWS SDK for JavaScript v3 reads one shared config or credentials file: `parseIni` from
 * `@smithy/core/config` (aws-files.md §2.1–2.3), reproduced rule for rule, plus a per-line account of what it did so
 * that checks can point at lines.
 */
import {codePart} from './document.js';
import {emptyRecord, isPrototypeName, readOnlyOnFunction, throwsOnFunction} from './prototype-names.js';

export type IniSections = Record<string, Record<string, string>>;

/** What the SDK made of one line (index = line number − 1; lines end at LF, a lone CR stays inside a line). */
export type SdkLineReading =
	/** Blank, comment-only, or nothing left after cutting the comment. */
	| {kind: 'empty'}
	/** `[…]`: `key` is the section key (`default`, `profile.dev`, `sso-session.corp`), undefined when ignored. */
	| {kind: 'header'; name: string; key?: string}
	/** `name = value` stored under `key` (`sub.name` inside a sub-section). */
	| {kind: 'setting'; section: string; key: string; value: string}
	/** `name =` with nothing after it: opens sub-section `key`, stores nothing. */
	| {kind: 'subsection'; section: string; key: string}
	/** A line the SDK skips. */
	| {kind: 'ignored'; reason: SdkIgnoredReason};

export type SdkIgnoredReason =
	/** Before the first section header. */
	| 'before-section'
	/** Inside a section whose header the SDK ignores (unknown prefix, `PROFILE x`, `[my prof]`). */
	| 'ignored-section'
	/** No `=`, or `=` as the first character. */
	| 'no-assignment'
	/** The key `__proto__`, which a plain object cannot hold. */
	| 'prototype-key'
	/** Read-only on the built-in function a `[toString]`-like section lands on. */
	| 'read-only-key';

export interface SdkIniTrace {
	/** What `parseIni` returns; `{}` when it throws (the loaders swallow the error and read the file as empty). */
	sections: IniSections;
	/** Set when `parseIni` throws: the whole file reads as `{}`. */
	error?: {line: number; message: string};
	/** One entry per line up to the line that threw (empty when asked for `{lines: false}`). */
	lines: SdkLineReading[];
}

/** Section prefixes the SDK knows (`IniSectionType`). */
export const SDK_SECTION_TYPES: readonly string[] = ['profile', 'sso-session', 'services'];

const PREFIX_KEY = /^([\w-]+)\s(["'])?([\w-@+.%:/]+)\2$/;
const BLOCKED_SECTION_NAMES = ['__proto__', 'profile __proto__'];

/** The section key the SDK gives a header's inner text, or undefined when it ignores the section. */
export function sdkSectionKey(name: string): string | undefined {
	const match = PREFIX_KEY.exec(name);
	if (!match) return name === '' ? undefined : name;
	const prefix = match[1] ?? '';
	return SDK_SECTION_TYPES.includes(prefix) ? `${prefix}.${match[3] ?? ''}` : undefined;
}

export function traceSdkIni(text: string, options: {lines?: boolean} = {}): SdkIniTrace {
	const sections = emptyRecord<Record<string, string>>();
	const lines: SdkLineReading[] = [];
	// Readers that only need the sections skip the per-line account (a large file has tens of thousands of lines).
	const note = options.lines === false ? (): void => {} : (reading: SdkLineReading): void => void lines.push(reading);
	let current: string | undefined;
	/** The record of `current`, created by its first stored key, as `map[currentSection] ||= {}` does. */
	let record: Record<string, string> | undefined;
	let builtIn = false;
	let subsection: string | undefined;
	let seenHeader = false;
	const rawLines = text.split(/\r?\n/);
	for (let index = 0; index < rawLines.length; index++) {
		const iniLine = rawLines[index] ?? '';
		const trimmedLine = codePart(iniLine);
		if (trimmedLine[0] === '[' && trimmedLine[trimmedLine.length - 1] === ']') {
			const name = trimmedLine.substring(1, trimmedLine.length - 1);
			current = sdkSectionKey(name);
			record = current === undefined ? undefined : sections[current];
			builtIn = current !== undefined && isPrototypeName(current);
			subsection = undefined;
			seenHeader = true;
			if (BLOCKED_SECTION_NAMES.includes(name)) {
				return {sections: emptyRecord(), lines, error: {line: index + 1, message: `Found invalid profile name "${name}"`}};
			}
			note(current === undefined ? {kind: 'header', name} : {kind: 'header', name, key: current});
			continue;
		}
		if (trimmedLine === '') {
			note({kind: 'empty'});
			continue;
		}
		if (!current) {
			note({kind: 'ignored', reason: seenHeader ? 'ignored-section' : 'before-section'});
			continue;
		}
		const equals = trimmedLine.indexOf('=');
		if (equals === 0 || equals === -1) {
			note({kind: 'ignored', reason: 'no-assignment'});
			continue;
		}
		const name = trimmedLine.substring(0, equals).trim();
		const value = trimmedLine.substring(equals + 1).trim();
		if (value === '') {
			subsection = name;
			note({kind: 'subsection', section: current, key: name});
			continue;
		}
		if (subsection !== undefined && iniLine.trimStart() === iniLine) subsection = undefined;
		const key = subsection !== undefined ? `${subsection}.${name}` : name;
		if (!record) {
			record = emptyRecord<string>();
			sections[current] = record;
		}
		if (builtIn) {
			// The section object is a built-in function here (sloppy-mode assignment onto it).
			if (throwsOnFunction(key)) {
				return {
					sections: emptyRecord(),
					lines,
					error: {line: index + 1, message: `Cannot set property ${key} of function ${current}`},
				};
			}
			if (readOnlyOnFunction(current, key)) {
				note({kind: 'ignored', reason: 'read-only-key'});
				continue;
			}
		}
		if (key === '__proto__') {
			note({kind: 'ignored', reason: 'prototype-key'});
			continue;
		}
		record[key] = value;
		note({kind: 'setting', section: current, key, value});
	}
	return {sections, lines};
}

/**
 * The file as the SDK's loaders see it: section key → key → value. `{}` when `parseIni` throws (a `__proto__`
 * section), because `loadSharedConfigFiles` swallows the error.
 */
export function readSdkIni(text: string): IniSections {
	return traceSdkIni(text, {lines: false}).sections;
}
