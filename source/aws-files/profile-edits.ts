/**
 * Where each key of a profile goes and what an edit must not do (aws-files.md §7): static keys go to the credentials
 * file under `[name]`; everything else to the config file under `[profile name]` (`[default]` for default, never
 * `[profile default]`) — except, when asked, a role's settings, which then go to the credentials file too (see
 * `roleSettingsIn`). Plans are pure: texts in, texts out, plus warnings or a refusal; nothing is written here.
 *
 * Every plan is checked before it is returned: the AWS CLI must still accept a file it accepted, the JS SDK must read
 * the intended values, and no other profile may read differently. A plan that fails these checks is refused.
 */
import {classifyProfile, kindPhrase} from '../credentials/profile-kind.js';
import type {CredentialKind} from '../credentials/verdict.js';
import type {Secret} from '../secret.js';
import {cliParseOf, documentOf, sdkSectionsOf} from './parsed-texts.js';
import {printIniDocument, type IniDocument} from './document.js';
import {keyLines, removeKeys, removeSection, setKeys} from './edit-document.js';
import {inspectAwsFile, type AwsFileKind} from './file-issues.js';
import {cliProfileKeys, firstDisagreement, profileReadings, profileSections} from './profile-sections.js';
import {
	accessKeyWarnings,
	cleanPastedValue,
	fileEditProblem,
	profileNameProblem,
	settingKeyProblem,
	valueProblem,
	type EditRefusal,
} from './profile-validation.js';
import {sdkProfiles} from './sdk-profiles.js';
import {sdkSectionKey, traceSdkIni} from './sdk-reader.js';
import {SECRET_SETTINGS, shownSettingValue} from './secret-settings.js';

export interface FileChange {
	/** undefined: the file does not exist yet. */
	before?: string;
	after: string;
}

export interface ProfilePlan {
	/** Present only when the credentials file changes. */
	credentials?: FileChange;
	/** Present only when the config file changes. */
	config?: FileChange;
	warnings: string[];
	/** Set: nothing may be written; `credentials`/`config` are absent. */
	refusal?: EditRefusal;
}

interface FilesInput {
	/** undefined: the file does not exist. */
	credentialsText?: string;
	configText?: string;
	/** Shown in messages (default `~/.aws/credentials` / `~/.aws/config`). */
	credentialsPath?: string;
	configPath?: string;
	/** Edit a file the AWS CLI cannot read, or whose profile the readers read differently. */
	allowUnparseable?: boolean;
}

export interface SetProfileInput extends FilesInput {
	profile: string;
	credentials?: {accessKeyId: Secret; secretAccessKey: Secret; sessionToken?: Secret};
	/** Config-file settings: region, output, role_arn, source_profile, mfa_serial, sso_*, credential_process… */
	settings?: Record<string, string>;
	overwrite: boolean;
	/**
	 * Where the role settings among `settings` (ROLE_SETTINGS: role_arn, source_profile, mfa_serial, external_id, …)
	 * go; default `config`. `credentials` is for Serverless v3: its aws-sdk v2 reads the config file only with
	 * AWS_SDK_LOAD_CONFIG, but assumes a role from the credentials file, as the AWS CLI and AWS SDK v3 do too. Every
	 * other setting (region…) stays in the config file.
	 */
	roleSettingsIn?: 'config' | 'credentials';
}

/**
 * The assume-role settings every reader takes from the credentials file as well as from the config file: the ones
 * aws-sdk v2's SharedIniFileCredentials reads (it has no `credential_source`); botocore merges the credentials file
 * into its profiles and the AWS SDK v3 merges both files key by key, the credentials file winning.
 */
export const ROLE_SETTINGS: ReadonlySet<string> = new Set(['role_arn', 'source_profile', 'mfa_serial', 'external_id', 'role_session_name', 'duration_seconds']);

export interface RemoveProfileInput extends FilesInput {
	profile: string;
}

const TOKEN_KEYS = ['aws_session_token', 'aws_security_token'];

function paths(input: FilesInput): Record<AwsFileKind, string> {
	return {credentials: input.credentialsPath ?? '~/.aws/credentials', config: input.configPath ?? '~/.aws/config'};
}

function refused(refusal: EditRefusal, warnings: string[] = []): ProfilePlan {
	return {warnings, refusal};
}

/** The config section to write for a profile: the spelling already in the file, else the canonical one. */
function configSectionName(doc: IniDocument, profile: string): string {
	const existing = profileSections(doc, 'config', profile);
	// With two spellings (only when the caller allowed it), edit the one the JS SDK reads: the last it sees.
	const readBySdk = existing.filter((section) => section.sdk);
	const chosen = (profile === 'default' ? readBySdk.find((section) => section.name === 'profile default') : undefined) ?? readBySdk.at(-1) ?? existing.at(-1);
	return chosen?.name ?? (profile === 'default' ? 'default' : `profile ${profile}`);
}

interface CleanedInput {
	credentials?: Record<string, string>;
	settings: Record<string, string>;
	warnings: string[];
	refusal?: EditRefusal;
}

/** Trims pasted values, checks names, keys and values; credentials in `settings` are refused (use `credentials`). */
function cleanInput(input: SetProfileInput): CleanedInput {
	const warnings: string[] = [];
	const settings: Record<string, string> = {};
	for (const [rawKey, rawValue] of Object.entries(input.settings ?? {})) {
		const problem = settingKeyProblem(rawKey);
		if (problem) return {settings, warnings, refusal: problem};
		if (SECRET_SETTINGS.has(rawKey)) {
			return {
				settings,
				warnings,
				refusal: {
					code: 'credentials-in-settings',
					message: `${rawKey} is a credential: it belongs in the credentials file, not with the config settings.`,
					fix: 'Give the access key, secret and session token as credentials (--key, --secret, --session-token).',
				},
			};
		}
		const {value, note} = cleanPastedValue(rawKey, rawValue);
		if (note) warnings.push(note);
		const valueIssue = valueProblem(rawKey, value);
		if (valueIssue) return {settings, warnings, refusal: valueIssue};
		settings[rawKey] = value;
	}
	if (!input.credentials) return {settings, warnings};

	const credentials: Record<string, string> = {};
	const given: Array<[string, string, Secret | undefined]> = [
		['aws_access_key_id', 'access key ID', input.credentials.accessKeyId],
		['aws_secret_access_key', 'secret access key', input.credentials.secretAccessKey],
		['aws_session_token', 'session token', input.credentials.sessionToken],
	];
	for (const [key, label, secret] of given) {
		if (secret === undefined) continue;
		const {value, note} = cleanPastedValue(label, secret.reveal(), {secret: true});
		if (note) warnings.push(note);
		const valueIssue = valueProblem(label, value, {secret: true});
		if (valueIssue) return {settings, warnings, refusal: valueIssue};
		credentials[key] = value;
	}
	warnings.push(
		...accessKeyWarnings({
			accessKeyId: credentials['aws_access_key_id'] ?? '',
			secretAccessKey: credentials['aws_secret_access_key'] ?? '',
			...(credentials['aws_session_token'] === undefined ? {} : {sessionToken: credentials['aws_session_token']}),
		}),
	);
	return {credentials, settings, warnings};
}

/** 1-based line of the last line setting `key` in the named section, if any. */
function lineOf(doc: IniDocument, section: string, key: string): number | undefined {
	const index = keyLines(doc, section, key).at(-1);
	return index === undefined ? undefined : index + 1;
}

/**
 * Plans `profile set`: static keys into the credentials file, settings into the config file. An existing profile
 * (a section for it in either file) is refused unless `overwrite`, with Serverless' own message.
 */
export function planSetProfile(input: SetProfileInput): ProfilePlan {
	const {profile} = input;
	const where = paths(input);
	const nameProblem = profileNameProblem(profile);
	if (nameProblem) return refused(nameProblem);
	const cleaned = cleanInput(input);
	if (cleaned.refusal) return refused(cleaned.refusal, cleaned.warnings);
	const {credentials, settings, warnings} = cleaned;
	const settingKeys = Object.keys(settings);
	const inCredentialsFile = (key: string) => input.roleSettingsIn === 'credentials' && ROLE_SETTINGS.has(key);
	const credentialSettings = Object.fromEntries(Object.entries(settings).filter(([key]) => inCredentialsFile(key)));
	const configSettings = Object.fromEntries(Object.entries(settings).filter(([key]) => !inCredentialsFile(key)));
	const credentialSettingKeys = Object.keys(credentialSettings);
	const configSettingKeys = Object.keys(configSettings);
	if (!credentials && settingKeys.length === 0) {
		return refused({
			code: 'nothing-to-set',
			message: `Nothing to write for profile "${profile}": no keys and no settings were given.`,
			fix: 'Give the access key and secret (--key, --secret) and/or settings such as --region.',
		});
	}

	const texts: Record<AwsFileKind, string | undefined> = {credentials: input.credentialsText, config: input.configText};
	const docs: Record<AwsFileKind, IniDocument> = {
		credentials: documentOf(texts.credentials ?? ''),
		config: documentOf(texts.config ?? ''),
	};
	const inCredentials = profileSections(docs.credentials, 'credentials', profile).length > 0;
	const inConfig = profileSections(docs.config, 'config', profile).length > 0;
	if ((inCredentials || inConfig) && !input.overwrite) {
		return refused(
			{
				code: 'profile-exists',
				message: `Profile "${profile}" is already configured in ${inCredentials ? where.credentials : where.config}. Use the overwrite flag ("-o" or "--overwrite") to force the update.`,
				fix: `Add --overwrite (-o) to replace its keys, or choose another name with --profile.`,
			},
			warnings,
		);
	}

	// Settings the JS SDK would still take from the credentials file (it prefers that file's region) move out of it.
	const movedFromCredentials = configSettingKeys.filter((key) => lineOf(docs.credentials, profile, key) !== undefined);
	// Role settings written to the credentials file leave the config file: a stale copy there would only mislead.
	const configSection = configSectionName(docs.config, profile);
	const movedFromConfig = credentialSettingKeys.filter((key) => lineOf(docs.config, configSection, key) !== undefined);
	// A role's settings are one unit: a key of the old role left in either file would still be merged into the new one
	// (the AWS SDK v3 and the AWS CLI read both files), asking for an MFA code or sending an external id it no longer has.
	const staleRoleKeys = input.overwrite && Object.hasOwn(settings, 'role_arn') ? [...ROLE_SETTINGS].filter((key) => !Object.hasOwn(settings, key)) : [];
	const staleSections: Record<AwsFileKind, string[]> = {
		credentials: [...new Set(profileSections(docs.credentials, 'credentials', profile).map((section) => section.name))],
		config: [...new Set(profileSections(docs.config, 'config', profile).map((section) => section.name))],
	};
	const staleIn = (kind: AwsFileKind) => staleRoleKeys.filter((key) => staleSections[kind].some((section) => lineOf(docs[kind], section, key) !== undefined));
	const stale: Record<AwsFileKind, string[]> = {credentials: staleIn('credentials'), config: staleIn('config')};
	const touches: Record<AwsFileKind, boolean> = {
		credentials: credentials !== undefined || movedFromCredentials.length > 0 || credentialSettingKeys.length > 0 || stale.credentials.length > 0,
		config: configSettingKeys.length > 0 || movedFromConfig.length > 0 || stale.config.length > 0,
	};
	for (const kind of ['credentials', 'config'] as const) {
		if (!touches[kind] || input.allowUnparseable) continue;
		const replacing =
			kind === 'credentials'
				? [...Object.keys(credentials ?? {}), ...TOKEN_KEYS, ...movedFromCredentials, ...credentialSettingKeys, ...stale.credentials]
				: [...configSettingKeys, ...movedFromConfig, ...stale.config];
		const problem = fileEditProblem({kind, path: where[kind], text: texts[kind], profile, replacing});
		if (problem) return refused(problem, warnings);
	}

	let credentialsDoc = docs.credentials;
	if (credentials) {
		const oldKey = sdkCredentialsValue(texts.credentials, profile, 'aws_access_key_id');
		credentialsDoc = setKeys(credentialsDoc, profile, credentials);
		// A token belongs to the key it was issued with (ASIA → AKIA is the common case, aws/aws-cli#9590).
		const staleTokens = TOKEN_KEYS.filter((key) => credentials[key] === undefined && lineOf(credentialsDoc, profile, key) !== undefined);
		if (staleTokens.length > 0 && oldKey !== credentials['aws_access_key_id']) {
			credentialsDoc = removeKeys(credentialsDoc, profile, staleTokens);
			warnings.push(`Removed the old ${staleTokens.join(' and ')} from [${profile}]: a session token belongs to the key it came with, not to the new one.`);
		}
	}
	if (movedFromCredentials.length > 0) {
		credentialsDoc = removeKeys(credentialsDoc, profile, movedFromCredentials);
		warnings.push(
			`Moved ${movedFromCredentials.join(', ')} of profile "${profile}" from ${where.credentials} to ${where.config}: the AWS SDK would keep reading the credentials-file value.`,
		);
	}
	credentialsDoc = setKeys(credentialsDoc, profile, credentialSettings);
	let configDoc = setKeys(docs.config, configSection, configSettings);
	if (movedFromConfig.length > 0) {
		configDoc = removeKeys(configDoc, configSection, movedFromConfig);
		warnings.push(
			`Moved ${movedFromConfig.join(', ')} of profile "${profile}" from ${where.config} to ${where.credentials}: Serverless v3 reads the role there without AWS_SDK_LOAD_CONFIG.`,
		);
	}
	for (const section of staleSections.credentials) credentialsDoc = removeKeys(credentialsDoc, section, stale.credentials);
	for (const section of staleSections.config) configDoc = removeKeys(configDoc, section, stale.config);
	const removedFrom = (['config', 'credentials'] as const).filter((kind) => stale[kind].length > 0).map((kind) => `${stale[kind].join(', ')} from ${where[kind]}`);
	if (removedFrom.length > 0) {
		warnings.push(
			`Removed the old role's ${removedFrom.join(' and ')} for profile "${profile}": the new role settings do not include them, and the AWS SDK and the AWS CLI would still apply them to the role (they merge both files).`,
		);
	}

	const plan = planFrom(texts, {credentials: printIniDocument(credentialsDoc), config: printIniDocument(configDoc)}, warnings);
	const after = {credentials: plan.credentials?.after ?? texts.credentials, config: plan.config?.after ?? texts.config};
	const broken = checkEdit({before: texts, after, profile, where, allowUnparseable: input.allowUnparseable === true});
	if (broken) return refused(broken, warnings);
	const intended = intendedValuesProblem(
		after,
		profile,
		credentials,
		{config: configSettings, credentials: credentialSettings},
		{credentials: movedFromCredentials, config: movedFromConfig},
		where,
		staleRoleKeys,
	);
	if (intended) return refused(intended, warnings);
	warnings.push(...contextWarnings(after, profile, credentials !== undefined, where));
	return plan;
}

function sdkCredentialsValue(text: string | undefined, profile: string, key: string): string | undefined {
	const profiles = sdkProfiles({credentials: text ?? ''}).credentials;
	return Object.hasOwn(profiles, profile) ? profiles[profile]?.[key] : undefined;
}

function planFrom(before: Record<AwsFileKind, string | undefined>, after: Record<AwsFileKind, string>, warnings: string[]): ProfilePlan {
	const plan: ProfilePlan = {warnings};
	for (const kind of ['credentials', 'config'] as const) {
		const old = before[kind];
		if (after[kind] === (old ?? '')) continue;
		plan[kind] = old === undefined ? {after: after[kind]} : {before: old, after: after[kind]};
	}
	return plan;
}

/**
 * The guard every plan passes: a file the AWS CLI read must stay readable, the edited profile must read alike for the
 * JS SDK and the AWS CLI (unless the caller allowed odd files), and every other profile must read exactly as before.
 */
function checkEdit(input: {
	before: Record<AwsFileKind, string | undefined>;
	after: Record<AwsFileKind, string | undefined>;
	profile: string;
	where: Record<AwsFileKind, string>;
	allowUnparseable: boolean;
}): EditRefusal | undefined {
	const {before, after, profile, where} = input;
	for (const kind of ['credentials', 'config'] as const) {
		const oldText = before[kind];
		const newText = after[kind];
		if (newText === undefined || newText === oldText) continue;
		const bug = (what: string): EditRefusal => guardRefusal(`The planned change to ${where[kind]} would ${what}; nothing was written.`, oldText, kind, where[kind]);
		const oldParse = cliParseOf(oldText ?? '');
		const newParse = cliParseOf(newText);
		if (oldParse.ok && !newParse.ok) return bug(`make the AWS CLI reject the file (line ${newParse.error.line})`);
		if (!input.allowUnparseable) {
			const readings = profileReadings(newText, kind, profile);
			if (firstDisagreement(readings.sdk, readings.cli) !== undefined) {
				return bug(`make the AWS SDK and the AWS CLI read profile "${profile}" differently`);
			}
		}
		const changed = otherProfileChanged(oldText ?? '', newText, kind, profile);
		if (changed !== undefined) return bug(`change how ${changed} reads`);
	}
	return undefined;
}

/**
 * A plan that failed the final check. In an odd file the cause is one of the problems the doctor reports: its fix is
 * the way forward. In a clean file it is a bug in this tool.
 */
function guardRefusal(message: string, before: string | undefined, kind: AwsFileKind, path: string): EditRefusal {
	const issue = before === undefined ? undefined : inspectAwsFile(before, kind)[0];
	// An indented header is fine until the line above it changes: then the AWS CLI may read it as a continuation.
	const indentedHeader = before === undefined ? undefined : documentOf(before).lines.find((line) => line.kind === 'section' && line.indent > 0);
	const fix = issue
		? `Line ${issue.line} of ${path} reads differently for the AWS CLI and the AWS SDK: ${issue.fix} Then try again.`
		: indentedHeader
			? `Remove the indentation before the [section] header on line ${indentedHeader.number} of ${path}, then try again.`
			: 'Edit the file by hand, and report this case with the output of sls-creds-wizard doctor --json (secrets are masked).';
	return {code: 'edit-check-failed', message, fix};
}

/** Another section whose reading changed, for the JS SDK or the AWS CLI (`[name]` in the message), if any. */
function otherProfileChanged(before: string, after: string, kind: AwsFileKind, profile: string): string | undefined {
	const sections = [before, after].flatMap((text) => profileSections(documentOf(text), kind, profile));
	// Each reader's own view of the profile may change; a section only the other reader files under it may not.
	const names = new Set(sections.filter((section) => section.cli).map((section) => section.name));
	const sdkKeys = new Set(sections.filter((section) => section.sdk).map((section) => sdkSectionKey(section.name)));
	const edited = (key: string) => sdkKeys.has(key);
	const sdkBefore = sdkSectionsOf(before);
	const sdkAfter = sdkSectionsOf(after);
	for (const key of new Set([...Object.keys(sdkBefore), ...Object.keys(sdkAfter)])) {
		if (edited(key)) continue;
		if (!sameRecord(sdkBefore[key], sdkAfter[key])) return `section "${key}" (JS SDK)`;
	}
	const cliBefore = cliParseOf(before);
	const cliAfter = cliParseOf(after);
	if (!cliBefore.ok || !cliAfter.ok) return undefined;
	for (const section of new Set([...Object.keys(cliBefore.sections), ...Object.keys(cliAfter.sections)])) {
		if (names.has(section)) continue;
		if (!sameRecord(cliBefore.sections[section], cliAfter.sections[section])) return `section "${section}" (AWS CLI)`;
	}
	return undefined;
}

function sameRecord(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
	if (a === undefined || b === undefined) return a === b;
	const keys = Object.keys(a);
	if (keys.length !== Object.keys(b).length) return false;
	return keys.every((key) => Object.hasOwn(b, key) && a[key] === b[key]);
}

/**
 * The JS SDK must read what was asked for: the keys in the credentials file, the settings in the file they were
 * placed in. Role settings placed in the credentials file must also be what both readers end with after merging the
 * two files (the AWS SDK v3 and botocore both let the credentials file win).
 */
function intendedValuesProblem(
	after: Record<AwsFileKind, string | undefined>,
	profile: string,
	credentials: Record<string, string> | undefined,
	settings: Record<AwsFileKind, Record<string, string>>,
	moved: Record<AwsFileKind, string[]>,
	where: Record<AwsFileKind, string>,
	/** Role settings of the old role: no reader may still take them from either file. */
	removed: readonly string[],
): EditRefusal | undefined {
	const profiles = sdkProfiles({credentials: after.credentials ?? '', config: after.config ?? ''});
	const own = (records: Record<string, Record<string, string>>) => (Object.hasOwn(records, profile) ? records[profile] : undefined);
	const failed = (kind: AwsFileKind, key: string): EditRefusal => ({
		code: 'edit-check-failed',
		message: `After the planned change the AWS SDK would not read ${key} of profile "${profile}" from ${where[kind]} as given; nothing was written.`,
		fix: `Check the [${kind === 'config' && profile !== 'default' ? 'profile ' : ''}${profile}] section of ${where[kind]} with sls-creds-wizard doctor, correct it by hand, then try again.`,
	});
	for (const [key, value] of Object.entries(credentials ?? {})) {
		if (own(profiles.credentials)?.[key] !== value) return failed('credentials', key);
	}
	for (const [key, value] of Object.entries(settings.config)) {
		if (own(profiles.config)?.[key] !== value) return failed('config', key);
		if (moved.credentials.includes(key) && own(profiles.credentials)?.[key] !== undefined) return failed('credentials', key);
	}
	const cli = cliMergedProfile(after, profile);
	const leftOver = (kind: AwsFileKind, key: string): EditRefusal => ({
		...failed(kind, key),
		message: `After the planned change the AWS SDK or the AWS CLI would still read the old role's ${key} of profile "${profile}" from ${where[kind]}; nothing was written.`,
	});
	for (const key of removed) {
		if (own(profiles.credentials)?.[key] !== undefined) return leftOver('credentials', key);
		if (own(profiles.config)?.[key] !== undefined || own(profiles.merged)?.[key] !== undefined || cli?.[key] !== undefined) return leftOver('config', key);
	}
	if (Object.keys(settings.credentials).length === 0) return undefined;
	for (const [key, value] of Object.entries(settings.credentials)) {
		if (own(profiles.credentials)?.[key] !== value) return failed('credentials', key);
		if (own(profiles.merged)?.[key] !== value || cli?.[key] !== value) return failed('credentials', key);
		if (moved.config.includes(key) && own(profiles.config)?.[key] !== undefined) return failed('config', key);
	}
	return undefined;
}

/** botocore's profile: the config file's, updated key by key with the credentials file's section (`full_config`). */
function cliMergedProfile(texts: Record<AwsFileKind, string | undefined>, profile: string): Record<string, string> | undefined {
	const config = cliProfileKeys(cliParseOf(texts.config ?? ''), 'config', profile);
	const credentials = cliProfileKeys(cliParseOf(texts.credentials ?? ''), 'credentials', profile);
	return config === undefined && credentials === undefined ? undefined : {...config, ...credentials};
}

/** What the user should know about the result: a profile the keys will not drive, keys shadowed, odd sections. */
function contextWarnings(after: Record<AwsFileKind, string | undefined>, profile: string, setKeysToo: boolean, where: Record<AwsFileKind, string>): string[] {
	const warnings: string[] = [];
	const profiles = sdkProfiles({credentials: after.credentials ?? '', config: after.config ?? ''});
	const merged = Object.hasOwn(profiles.merged, profile) ? profiles.merged[profile] : undefined;
	if (setKeysToo && merged) {
		const kind: CredentialKind = classifyProfile(merged);
		if (kind !== 'static' && kind !== 'temporary') {
			warnings.push(`With its other settings, the AWS SDK reads profile "${profile}" as ${kindPhrase(kind)}: these keys are not what it signs with directly.`);
		}
	}
	const configKeys = Object.hasOwn(profiles.config, profile) ? profiles.config[profile] : undefined;
	if (setKeysToo && configKeys?.['aws_access_key_id'] !== undefined) {
		warnings.push(`${where.config} also holds an access key for profile "${profile}"; the credentials-file keys take precedence. Remove the config copy to avoid confusion.`);
	}
	if (after.credentials !== undefined && profile !== 'default') {
		const doc = documentOf(after.credentials);
		const prefixed = doc.sections.find((section) => section.name === `profile ${profile}`);
		if (prefixed) {
			warnings.push(
				`${where.credentials} also has a [profile ${profile}] section (line ${prefixed.headerLine}): no AWS tool reads it as profile "${profile}" there. Move its keys into [${profile}] and delete it.`,
			);
		}
	}
	return warnings;
}

/** Plans `profile remove`: every section of the profile in both files, with the comment block above each. */
export function planRemoveProfile(input: RemoveProfileInput): ProfilePlan {
	const {profile} = input;
	const where = paths(input);
	const warnings: string[] = [];
	// Any existing name may be removed, even one this tool would not write; only what cannot be a section is refused.
	if (profile === '' || /[\r\n[\]]/.test(profile)) {
		return refused({
			code: 'invalid-profile-name',
			message: 'The profile name is empty or contains a line break or bracket, so no section can have it.',
			fix: 'Give the name as sls-creds-wizard profile list shows it.',
		});
	}
	const texts: Record<AwsFileKind, string | undefined> = {credentials: input.credentialsText, config: input.configText};
	const docs: Record<AwsFileKind, IniDocument> = {
		credentials: documentOf(texts.credentials ?? ''),
		config: documentOf(texts.config ?? ''),
	};
	const sections = {
		credentials: profileSections(docs.credentials, 'credentials', profile),
		config: profileSections(docs.config, 'config', profile),
	};
	if (sections.credentials.length === 0 && sections.config.length === 0) {
		return refused({
			code: 'profile-not-found',
			message: `Profile "${profile}" is not configured in ${where.credentials} or ${where.config}.`,
			fix: 'Run sls-creds-wizard profile list to see the profiles there.',
		});
	}
	const after: Record<AwsFileKind, string> = {credentials: texts.credentials ?? '', config: texts.config ?? ''};
	for (const kind of ['credentials', 'config'] as const) {
		if (sections[kind].length === 0) continue;
		if (!input.allowUnparseable) {
			const problem = fileEditProblem({kind, path: where[kind], text: texts[kind], profile, replacing: 'all'});
			if (problem) return refused(problem, warnings);
		}
		let doc = docs[kind];
		for (const name of new Set(sections[kind].map((section) => section.name))) doc = removeSection(doc, name);
		after[kind] = printIniDocument(doc);
	}
	const plan = planFrom(texts, after, warnings);
	const afterTexts = {credentials: plan.credentials?.after ?? texts.credentials, config: plan.config?.after ?? texts.config};
	for (const kind of ['credentials', 'config'] as const) {
		const oldText = texts[kind];
		const newText = afterTexts[kind];
		if (newText === undefined || newText === oldText) continue;
		if (cliParseOf(oldText ?? '').ok && !cliParseOf(newText).ok) {
			return refused(guardRefusal(`Removing profile "${profile}" would make the AWS CLI reject ${where[kind]}; nothing was written.`, oldText, kind, where[kind]));
		}
		const changed = otherProfileChanged(oldText ?? '', newText, kind, profile);
		const left = profileReadings(newText, kind, profile);
		if (changed !== undefined || left.sdk !== undefined || left.cli !== undefined) {
			const what = changed ? `change how ${changed} reads` : 'leave part of it behind';
			return refused(guardRefusal(`Removing profile "${profile}" from ${where[kind]} would ${what}; nothing was written.`, oldText, kind, where[kind]));
		}
	}
	warnings.push(
		...dependentProfiles(afterTexts.config, 'config', profile, where.config),
		...dependentProfiles(afterTexts.credentials, 'credentials', profile, where.credentials),
	);
	return plan;
}

/** Profiles that name the removed one as their `source_profile`: they stop working. */
function dependentProfiles(text: string | undefined, kind: AwsFileKind, profile: string, path: string): string[] {
	if (text === undefined) return [];
	const warnings: string[] = [];
	traceSdkIni(text).lines.forEach((reading, index) => {
		if (reading.kind !== 'setting' || reading.key !== 'source_profile' || reading.value !== profile) return;
		const user = kind === 'config' ? reading.section.replace(/^profile\./, '') : reading.section;
		warnings.push(`Profile "${user}" uses "${profile}" as its source_profile (line ${index + 1} of ${path}): it stops working without it.`);
	});
	return warnings;
}

export interface ProfileKeyListing {
	key: string;
	/** Credentials masked (`AKIA…WXYZ`); other values as written, with secret-looking text masked. */
	value: string;
	file: AwsFileKind;
	/** 1-based line the JS SDK reads the key from. */
	line: number;
}

export interface ProfileListing {
	name: string;
	/** What the JS SDK makes of the profile's merged keys. */
	kind: CredentialKind;
	/** Each key the JS SDK reads for the profile, credentials file first, in file order. */
	keys: ProfileKeyListing[];
}

/** The JS SDK's keys per profile of one file, with the line each value comes from (later lines win). */
function keysWithLines(text: string | undefined, kind: AwsFileKind): Map<string, Map<string, {value: string; line: number}>> {
	const profiles = new Map<string, Map<string, {value: string; line: number}>>();
	if (text === undefined) return profiles;
	const trace = traceSdkIni(text);
	if (trace.error) return profiles;
	const profileDefault = new Map<string, {value: string; line: number}>();
	trace.lines.forEach((reading, index) => {
		if (reading.kind !== 'setting') return;
		let name: string | undefined = reading.section;
		if (kind === 'config') {
			if (name === 'profile.default') {
				profileDefault.set(reading.key, {value: reading.value, line: index + 1});
				return;
			}
			name = name === 'default' ? 'default' : name.startsWith('profile.') ? name.slice('profile.'.length) : undefined;
		}
		if (name === undefined) return;
		let keys = profiles.get(name);
		if (!keys) profiles.set(name, (keys = new Map()));
		keys.set(reading.key, {value: reading.value, line: index + 1});
	});
	// `[profile default]` replaces `[default]` wholesale in the JS SDK.
	if (profileDefault.size > 0) profiles.set('default', profileDefault);
	return profiles;
}

/** Every profile the JS SDK sees in the two files, with where each key comes from; credentials masked. */
export function listProfiles(credentialsText?: string, configText?: string): ProfileListing[] {
	const profiles = sdkProfiles({credentials: credentialsText ?? '', config: configText ?? ''});
	const files: Record<AwsFileKind, Map<string, Map<string, {value: string; line: number}>>> = {
		credentials: keysWithLines(credentialsText, 'credentials'),
		config: keysWithLines(configText, 'config'),
	};
	const names = [...new Set([...files.credentials.keys(), ...files.config.keys(), ...Object.keys(profiles.credentials), ...Object.keys(profiles.config)])];
	return names.map((name) => {
		const keys: ProfileKeyListing[] = [];
		for (const file of ['credentials', 'config'] as const) {
			for (const [key, {value, line}] of files[file].get(name) ?? []) keys.push({key, value: shownSettingValue(key, value), file, line});
		}
		const merged = Object.hasOwn(profiles.merged, name) ? (profiles.merged[name] ?? {}) : {};
		return {name, kind: classifyProfile(merged), keys};
	});
}
