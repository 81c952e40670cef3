/**
 * The profile views the AWS SDK for JavaScript v3 builds from the two files: `loadSharedConfigFiles`
 * (credentials file as parsed; config file through `getConfigData`), `loadSsoSessionData` and `mergeConfigFiles`
 * (credentials-file keys win). aws-files.md §2.1, §4.
 */
import {emptyRecord, isPrototypeName, readOnlyOnFunction, throwsOnFunction} from './prototype-names.js';
import {rememberRecent} from './recent-results.js';
import {SDK_SECTION_TYPES, traceSdkIni, type IniSections} from './sdk-reader.js';

/** Records may be shared between the views (as in the SDK itself): treat them as read-only. */
export interface SdkProfiles {
	/** Credentials file as parsed: every section key is a profile name (`[profile x]` here is `profile.x`). */
	credentials: IniSections;
	/** Config-file profiles: `[default]` and `[profile X]` → `X` (`[profile default]` replaces `[default]`). */
	config: IniSections;
	/** `[sso-session X]` → `X` (config file). */
	ssoSessions: IniSections;
	/** `[services X]` → `X` (config file). */
	services: IniSections;
	/** Per profile, config keys overlaid by credentials keys (what `fromIni` and `loadConfig` look up). */
	merged: IniSections;
	/** `getConfigData` output exactly (profiles plus `sso-session.X`/`services.X` keys). */
	configData: IniSections;
	/**
	 * Why a file (or the merge) reads as nothing: `parseIni` threw (`[__proto__]`), or `mergeConfigFiles` threw
	 * (a read-only key in a `[profile toString]`-like profile). The SDK swallows file errors silently.
	 */
	failures: Array<{file: 'credentials' | 'config' | 'merge'; line?: number; message: string}>;
}

/** `getConfigData`: keeps `default` and `<known prefix>.<name>` keys, with `profile.` stripped. */
export function sdkConfigData(parsed: IniSections): IniSections {
	const data = emptyRecord<Record<string, string>>();
	const defaultSection = parsed['default'];
	if (defaultSection) data['default'] = defaultSection;
	for (const [key, value] of Object.entries(parsed)) {
		const separator = key.indexOf('.');
		if (separator === -1) continue;
		const prefix = key.substring(0, separator);
		if (!SDK_SECTION_TYPES.includes(prefix)) continue;
		const name = prefix === 'profile' ? key.substring(separator + 1) : key;
		// Assigning `__proto__` on the SDK's `{}` replaces its prototype: the profile is not an own entry.
		if (name === '__proto__') continue;
		data[name] = value;
	}
	return data;
}

function copy(values: Record<string, string>): Record<string, string> {
	return Object.assign(emptyRecord<string>(), values);
}

export const sdkProfiles = rememberRecent(computeSdkProfiles, files => [files.credentials, files.config]);

function computeSdkProfiles(files: {credentials?: string; config?: string}): SdkProfiles {
	const failures: SdkProfiles['failures'] = [];
	const credentialsTrace = traceSdkIni(files.credentials ?? '', {lines: false});
	const configTrace = traceSdkIni(files.config ?? '', {lines: false});
	if (credentialsTrace.error) failures.push({file: 'credentials', ...credentialsTrace.error});
	if (configTrace.error) failures.push({file: 'config', ...configTrace.error});
	const credentials = credentialsTrace.sections;
	const configData = sdkConfigData(configTrace.sections);

	const config = emptyRecord<Record<string, string>>();
	const services = emptyRecord<Record<string, string>>();
	for (const [key, value] of Object.entries(configData)) {
		if (key.startsWith('services.')) services[key.substring('services.'.length)] = value;
		else if (!key.startsWith('sso-session.')) config[key] = value;
	}
	// A `[profile services.x]` lands on the same key as `[services x]`; the lookup by name sees whichever came last.
	for (const [key, value] of Object.entries(configTrace.sections)) {
		if (key.startsWith('profile.')) {
			const name = key.substring('profile.'.length);
			if (name !== '__proto__') config[name] = configData[name] ?? value;
		}
	}

	// `getSsoSessionData` works on the raw parse: any key starting with `sso-session.`.
	const ssoSessions = emptyRecord<Record<string, string>>();
	for (const [key, value] of Object.entries(configTrace.sections)) {
		if (key.startsWith('sso-session.')) ssoSessions[key.substring(key.indexOf('.') + 1)] = value;
	}

	const {merged, error} = mergeFiles(configData, credentials);
	if (error) failures.push({file: 'merge', message: error});
	for (const key of Object.keys(merged)) {
		const onlyInConfig = !(key in credentials) && !(key in config);
		if (onlyInConfig) delete merged[key];
	}
	return {credentials, config, ssoSessions, services, merged, configData, failures};
}

/**
 * `mergeConfigFiles(config, credentials)`: later files' keys win. A profile named like an `Object.prototype` member
 * finds the built-in function in the SDK's `{}`, so its keys are `Object.assign`-ed onto that function (strict: a
 * read-only key throws) and the function, carrying the keys, is what a lookup by that name returns.
 */
function mergeFiles(configData: IniSections, credentials: IniSections): {merged: IniSections; error?: string} {
	const merged = emptyRecord<Record<string, string>>();
	const onFunctions = emptyRecord<Record<string, string>>();
	// Credentials-file sections of such a name already are that function, with their keys set while parsing.
	for (const [name, values] of Object.entries(credentials)) {
		if (isPrototypeName(name)) onFunctions[name] = copy(values);
	}
	for (const file of [configData, credentials]) {
		for (const [name, values] of Object.entries(file)) {
			if (isPrototypeName(name)) {
				if (file === credentials) continue;
				for (const key of Object.keys(values)) {
					if (throwsOnFunction(key) || readOnlyOnFunction(name, key)) {
						return {merged: emptyRecord(), error: `Cannot assign to read only property '${key}' of function '${name}'`};
					}
				}
				onFunctions[name] = Object.assign(onFunctions[name] ?? emptyRecord<string>(), values);
				continue;
			}
			// A profile in one file only shares that file's record; one in both gets a merged record of its own.
			const existing = merged[name];
			merged[name] = existing ? Object.assign(emptyRecord<string>(), existing, values) : values;
		}
	}
	for (const [name, values] of Object.entries(onFunctions)) merged[name] = values;
	return {merged};
}
