/**
 * How the AWS SDK for JavaScript v2 (the one Serverless v3 uses) reads the files: `AWS.util.ini.parse`,
 * `IniLoader.loadFrom` (config: `[profile x]` → `x`, `[sso-session …]` skipped) and
 * `AWS.util.getProfilesFromSharedConfig` (config only with `AWS_SDK_LOAD_CONFIG`; credentials keys win).
 * Checked against aws-sdk 2.1693.0 (credential-resolution.md §2.3–2.4, aws-files.md §3).
 */
import {rememberRecent} from './recent-results.js';
import {codePart} from './document.js';
import {emptyRecord, isPrototypeName, readOnlyOnFunction, throwsOnFunction} from './prototype-names.js';
import type {IniSections} from './sdk-reader.js';

export interface V2Ini {
	/** Section name (verbatim, e.g. `profile dev`) → key → value. `{}` when the parser throws. */
	sections: IniSections;
	/** `AWS.util.ini.parse` threw (a `__proto__` section, or a key that cannot be set): the file is unusable. */
	error?: {line: number; message: string};
}

export interface V2ProfilesError {
	file: 'credentials' | 'config';
	/** missing: the file does not exist; parse: the parser threw; duplicate-profile: two config sections give one name. */
	reason: 'missing' | 'parse' | 'duplicate-profile';
	line?: number;
	message: string;
}

/** Records may be shared between the views: treat them as read-only. */
export interface V2Profiles {
	/** Credentials file as parsed (`[profile x]` stays `profile x`). */
	credentials: IniSections;
	/** Config-file profiles (`[profile x]` → `x`; `[x]` also → `x`), empty unless the config file is loaded. */
	config: IniSections;
	/** Config-file `[sso-session x]` → `x`. */
	ssoSessions: IniSections;
	/** What `getProfilesFromSharedConfig` returns: config keys overlaid by credentials keys. */
	merged: IniSections;
	/**
	 * `getProfilesFromSharedConfig` throws: every `SharedIniFileCredentials` fails. A missing or broken credentials
	 * file is tolerated (and recorded in `ignored`) when the config file is loaded.
	 */
	error?: V2ProfilesError;
	/** A credentials-file problem the SDK swallowed because the config file is loaded. */
	ignored?: V2ProfilesError;
}

function isBlockedSection(name: string): boolean {
	return name === '__proto__' || name.split(/\s/)[1] === '__proto__';
}

/** `AWS.util.ini.parse`. */
export function readV2Ini(text: string): V2Ini {
	const sections = emptyRecord<Record<string, string>>();
	let current: string | undefined;
	for (const [index, rawLine] of text.split(/\r?\n/).entries()) {
		const line = codePart(rawLine);
		if (line[0] === '[' && line[line.length - 1] === ']') {
			current = line.substring(1, line.length - 1);
			if (isBlockedSection(current)) {
				return {sections: emptyRecord(), error: {line: index + 1, message: `Cannot load profile name '${current}' from shared ini file.`}};
			}
			continue;
		}
		if (!current) continue;
		const equals = line.indexOf('=');
		if (equals === -1 || equals === 0 || equals === line.length - 1) continue;
		const name = line.substring(0, equals).trim();
		const value = line.substring(equals + 1).trim();
		const section = (sections[current] ??= emptyRecord<string>());
		if (isPrototypeName(current)) {
			// `map[current]` is a built-in function here; sloppy assignment drops read-only keys, a few setters throw.
			if (throwsOnFunction(name)) {
				return {sections: emptyRecord(), error: {line: index + 1, message: `Cannot set property ${name} of function ${current}`}};
			}
			if (readOnlyOnFunction(current, name)) continue;
		}
		if (name === '__proto__') continue;
		section[name] = value;
	}
	return {sections};
}

/** `IniLoader.loadFrom({isConfig: true})`'s profile map; throws like `Object.defineProperty` on a repeated name. */
function configProfiles(sections: IniSections): {profiles: IniSections; ssoSessions: IniSections; duplicate?: string} {
	const profiles = emptyRecord<Record<string, string>>();
	const ssoSessions = emptyRecord<Record<string, string>>();
	for (const [section, values] of Object.entries(sections)) {
		if (/^sso-session\s/.test(section)) {
			ssoSessions[section.replace(/^sso-session\s/, '')] = values;
			continue;
		}
		const name = section.replace(/^profile\s/, '');
		if (Object.hasOwn(profiles, name)) return {profiles: emptyRecord(), ssoSessions, duplicate: name};
		profiles[name] = values;
	}
	return {profiles, ssoSessions};
}

/**
 * Profiles as SDK v2 sees them. `config` is read only when `loadConfig` (AWS_SDK_LOAD_CONFIG) is on, which defaults
 * to "a config text was given". An undefined text means the file does not exist.
 */
export const v2Profiles = rememberRecent(computeV2Profiles, (files, options = {}) => [files.credentials, files.config, options.loadConfig]);

function computeV2Profiles(files: {credentials?: string; config?: string}, options: {loadConfig?: boolean} = {}): V2Profiles {
	const loadConfig = options.loadConfig ?? files.config !== undefined;
	const empty: V2Profiles = {credentials: emptyRecord(), config: emptyRecord(), ssoSessions: emptyRecord(), merged: emptyRecord()};

	let config = emptyRecord<Record<string, string>>();
	let ssoSessions = emptyRecord<Record<string, string>>();
	let configSections = emptyRecord<Record<string, string>>();
	if (loadConfig) {
		if (files.config === undefined) {
			return {...empty, error: {file: 'config', reason: 'missing', message: 'ENOENT: no such file or directory (config file)'}};
		}
		const parsed = readV2Ini(files.config);
		if (parsed.error) return {...empty, error: {file: 'config', reason: 'parse', ...parsed.error}};
		configSections = parsed.sections;
		const profiles = configProfiles(parsed.sections);
		if (profiles.duplicate !== undefined) {
			return {
				...empty,
				error: {file: 'config', reason: 'duplicate-profile', message: `Cannot redefine property: ${profiles.duplicate}`},
			};
		}
		config = profiles.profiles;
		ssoSessions = profiles.ssoSessions;
	}

	let credentials = emptyRecord<Record<string, string>>();
	let ignored: V2ProfilesError | undefined;
	const credentialsProblem: V2ProfilesError | undefined =
		files.credentials === undefined
			? {file: 'credentials', reason: 'missing', message: 'ENOENT: no such file or directory (credentials file)'}
			: undefined;
	const parsedCredentials = files.credentials === undefined ? undefined : readV2Ini(files.credentials);
	const problem =
		credentialsProblem ??
		(parsedCredentials?.error ? ({file: 'credentials', reason: 'parse', ...parsedCredentials.error} as const) : undefined);
	if (problem) {
		// "if using config, assume it is fully descriptive without a credentials file"
		if (!loadConfig) return {...empty, error: problem};
		ignored = problem;
	} else if (parsedCredentials) {
		credentials = parsedCredentials.sections;
	}

	const merged = mergeProfiles(config, credentials, configSections);
	if (typeof merged === 'string') {
		return {...empty, credentials, config, ssoSessions, error: {file: 'config', reason: 'parse', message: merged}};
	}
	return {credentials, config, ssoSessions, merged, ...(ignored ? {ignored} : {})};
}

/**
 * `getProfilesFromSharedConfig`'s loops. For a profile named like an `Object.prototype` member the target is the
 * built-in function itself: raw `[toString]` sections wrote their keys onto it while parsing (config first, then
 * credentials), and only a config `[profile toString]` section is copied over it afterwards.
 */
function mergeProfiles(config: IniSections, credentials: IniSections, configSections: IniSections): IniSections | string {
	const merged = emptyRecord<Record<string, string>>();
	const onFunctions = emptyRecord<Record<string, string>>();
	for (const sections of [configSections, credentials]) {
		for (const [name, values] of Object.entries(sections)) {
			if (isPrototypeName(name)) onFunctions[name] = Object.assign(onFunctions[name] ?? emptyRecord<string>(), values);
		}
	}
	for (const file of [config, credentials]) {
		for (const [name, values] of Object.entries(file)) {
			if (isPrototypeName(name)) {
				const target = (onFunctions[name] ??= emptyRecord<string>());
				if (values !== configSections[name] && values !== credentials[name]) {
					for (const key of Object.keys(values)) {
						if (throwsOnFunction(key)) return `Cannot set property ${key} of function ${name}`;
						if (readOnlyOnFunction(name, key) || key === '__proto__') continue;
						target[key] = values[key] ?? '';
					}
				}
				continue;
			}
			// A profile in one file only shares that file's record; one in both gets a merged record of its own.
			const existing = merged[name];
			merged[name] = existing ? Object.assign(emptyRecord<string>(), existing, values) : values;
		}
	}
	for (const name of [...Object.keys(config), ...Object.keys(credentials)]) {
		const values = onFunctions[name];
		if (isPrototypeName(name) && values) merged[name] = values;
	}
	return merged;
}
