/**
 * Which sections of a shared file hold one profile, for each reader, and what each reader makes of that profile
 * (aws-files.md §2.2). The config file can spell one profile several ways (`[profile dev]`, `[profile "dev"]`,
 * `[profile.dev]`, `[profile  dev]`); an edit must find the spelling the readers use rather than add a second one.
 */
import type {CliParse} from './cli-reader.js';
import {cliParseOf} from './parsed-texts.js';
import type {IniDocument} from './document.js';
import type {AwsFileKind} from './file-issues.js';
import {sdkProfiles} from './sdk-profiles.js';
import {sdkSectionKey} from './sdk-reader.js';

export interface ProfileSection {
	/** Index into `IniDocument.sections`. */
	index: number;
	/** The text between the brackets, verbatim. */
	name: string;
	/** The JS SDK reads this section as the profile. */
	sdk: boolean;
	/** The AWS CLI reads this section as the profile. */
	cli: boolean;
}

/** Python `shlex.split` (POSIX mode) for a section name; undefined where it raises (unclosed quote). */
export function shlexSplit(text: string): string[] | undefined {
	const parts: string[] = [];
	let current = '';
	let inWord = false;
	let quote: string | undefined;
	for (let index = 0; index < text.length; index++) {
		const character = text[index] ?? '';
		if (quote === "'") {
			if (character === "'") quote = undefined;
			else current += character;
			continue;
		}
		if (quote === '"') {
			if (character === '"') quote = undefined;
			else if (character === '\\' && '\\"$`\n'.includes(text[index + 1] ?? 'x')) current += text[++index] ?? '';
			else current += character;
			continue;
		}
		if (character === '\\') {
			if (index + 1 >= text.length) return undefined;
			current += text[++index] ?? '';
			inWord = true;
		} else if (' \t\r\n'.includes(character)) {
			if (inWord) parts.push(current);
			current = '';
			inWord = false;
		} else if (character === '"' || character === "'") {
			quote = character;
			inWord = true;
		} else {
			current += character;
			inWord = true;
		}
	}
	if (quote !== undefined) return undefined;
	if (inWord) parts.push(current);
	return parts;
}

/**
 * The profile botocore's `build_profile_map` files a config section under: `default`, or the second word of any
 * section starting with "profile" that shlex splits into exactly two words (`[profiles x]` included, a quirk).
 */
export function cliConfigProfileName(section: string): string | undefined {
	if (section === 'default') return 'default';
	if (!section.startsWith('profile')) return undefined;
	const parts = shlexSplit(section);
	return parts?.length === 2 ? parts[1] : undefined;
}

/** Whether the JS SDK reads config section `section` as profile `profile` (`getConfigData`). */
function sdkConfigProfile(section: string, profile: string): boolean {
	if (section === 'default' && profile === 'default') return true;
	return sdkSectionKey(section) === `profile.${profile}`;
}

/** The profile the JS SDK files a section under (undefined: not a profile for it). */
export function sdkProfileName(section: string, kind: AwsFileKind): string | undefined {
	const key = sdkSectionKey(section);
	if (kind === 'credentials' || key === undefined) return key;
	if (key === 'default') return 'default';
	return key.startsWith('profile.') ? key.slice('profile.'.length) : undefined;
}

/** The profile the AWS CLI files a section under (undefined: not a profile for it). */
export function cliProfileName(section: string, kind: AwsFileKind): string | undefined {
	return kind === 'credentials' ? section : cliConfigProfileName(section);
}

/** Every section that the JS SDK or the AWS CLI reads as `profile`, in file order. */
export function profileSections(doc: IniDocument, kind: AwsFileKind, profile: string): ProfileSection[] {
	const found: ProfileSection[] = [];
	doc.sections.forEach((section, index) => {
		const {name} = section;
		const sdk = kind === 'credentials' ? sdkSectionKey(name) === profile : sdkConfigProfile(name, profile);
		const cli = kind === 'credentials' ? name === profile : cliConfigProfileName(name) === profile;
		if (sdk || cli) found.push({index, name, sdk, cli});
	});
	return found;
}

/** The profile's keys as the JS SDK reads them from one file; undefined when it has no such profile. */
export function sdkProfileKeys(text: string, kind: AwsFileKind, profile: string): Record<string, string> | undefined {
	const profiles = kind === 'credentials' ? sdkProfiles({credentials: text}).credentials : sdkProfiles({config: text}).config;
	return Object.hasOwn(profiles, profile) ? profiles[profile] : undefined;
}

/**
 * The profile's keys as the AWS CLI reads them from one file (a later section of the same profile replaces an
 * earlier one wholesale, as botocore's dict update does); undefined when it has none or rejects the file.
 */
export function cliProfileKeys(parse: CliParse, kind: AwsFileKind, profile: string): Record<string, string> | undefined {
	if (!parse.ok) return undefined;
	if (kind === 'credentials') return Object.hasOwn(parse.sections, profile) ? parse.sections[profile] : undefined;
	let keys: Record<string, string> | undefined;
	for (const [section, values] of Object.entries(parse.sections)) {
		if (cliConfigProfileName(section) === profile) keys = values;
	}
	return keys;
}

/** Both readings of one profile in one file. */
export function profileReadings(text: string, kind: AwsFileKind, profile: string): {sdk?: Record<string, string>; cli?: Record<string, string>; cliOk: boolean} {
	const parse = cliParseOf(text);
	return {sdk: sdkProfileKeys(text, kind, profile), cli: cliProfileKeys(parse, kind, profile), cliOk: parse.ok};
}

/**
 * A value the AWS CLI continued over lines the JS SDK reads as structure (`[header]` or `key = value` lines): an edit
 * cannot remove or replace it without changing what the AWS CLI sees after it.
 */
function swallowsStructure(cliValue: string | undefined): boolean {
	if (cliValue === undefined || !cliValue.includes('\n')) return false;
	return cliValue
		.split('\n')
		.slice(1)
		.some((line) => line.trimStart().startsWith('[') || line.includes('='));
}

/**
 * The first key the two readings disagree on (`''` when one reader has the profile and the other not). Keys in
 * `ignoring` (and their sub-keys, `s3` for `s3.max_concurrent_requests`; `'all'` for every key) are not compared,
 * unless the AWS CLI's value swallows lines the JS SDK reads as structure.
 */
export function firstDisagreement(
	sdk: Record<string, string> | undefined,
	cli: Record<string, string> | undefined,
	ignoring: readonly string[] | 'all' = [],
): string | undefined {
	// A section without keys is no profile for the JS SDK: absent and empty agree.
	if ((sdk === undefined || Object.keys(sdk).length === 0) && (cli === undefined || Object.keys(cli).length === 0)) return undefined;
	if (sdk === undefined || cli === undefined) return '';
	for (const key of new Set([...Object.keys(sdk), ...Object.keys(cli)])) {
		if (sdk[key] === cli[key]) continue;
		const base = key.split('.')[0]?.toLowerCase() ?? key;
		const ignored = ignoring === 'all' || ignoring.includes(key.toLowerCase()) || ignoring.includes(base);
		if (!ignored || swallowsStructure(cli[key])) return key;
	}
	return undefined;
}
