/**
 * Problems in one AWS shared file, found by reading it the way each consumer does (JS SDK v3, SDK v2 as in
 * Serverless v3, the AWS CLI) and reporting every place where one of them breaks or where they disagree
 * (aws-files.md §2, §7). Each issue names the line, says what happens in one line, and gives the exact edit.
 * Messages never quote values or unknown keys: a stray line may be a pasted secret.
 */
import {isPlainAwsFile} from './plain-file.js';
import {traceCliIni, type CliError} from './cli-reader.js';
import {codePart, parseIniDocument, type IniDocument, type IniLine} from './document.js';
import {isPrototypeName} from './prototype-names.js';
import {SDK_SECTION_TYPES, sdkSectionKey, traceSdkIni, type SdkIniTrace} from './sdk-reader.js';
import {readV2Ini, type V2Ini} from './v2-profiles.js';

export type FileIssueId =
	| 'bom'
	| 'sdk-reads-nothing'
	| 'v2-reads-nothing'
	| 'duplicate-section'
	| 'duplicate-key'
	| 'profile-prefix-in-credentials'
	| 'config-section-in-credentials'
	| 'missing-profile-prefix'
	| 'dotted-section-name'
	| 'profile-default-twice'
	| 'v2-duplicate-profile'
	| 'uppercase-default-section'
	| 'section-ignored-by-sdk'
	| 'built-in-name'
	| 'header-read-differently'
	| 'key-not-lowercase'
	| 'colon-separator'
	| 'inline-comment'
	| 'empty-value'
	| 'indented-line'
	| 'quoted-value'
	| 'before-first-section'
	| 'stray-line'
	| 'nested-block-error'
	| 'lone-carriage-return'
	| 'cli-rejects-file';

export interface FileIssue {
	id: FileIssueId;
	severity: 'warn' | 'fail';
	/** 1-based line (LF-terminated lines, as in `document.ts`). */
	line: number;
	message: string;
	fix: string;
}

export type AwsFileKind = 'credentials' | 'config';

/** Keys the SDKs or the CLI read; used to decide which key names are safe to print and which values matter. */
const KNOWN_KEYS = new Set([
	'aws_access_key_id',
	'aws_secret_access_key',
	'aws_session_token',
	'aws_security_token',
	'aws_account_id',
	'aws_credential_scope',
	'region',
	'output',
	'role_arn',
	'source_profile',
	'credential_source',
	'mfa_serial',
	'role_session_name',
	'external_id',
	'duration_seconds',
	'web_identity_token_file',
	'credential_process',
	'sso_start_url',
	'sso_account_id',
	'sso_role_name',
	'sso_region',
	'sso_session',
	'sso_registration_scopes',
	'login_session',
	'endpoint_url',
	'services',
	'ignore_configured_endpoint_urls',
	'retry_mode',
	'max_attempts',
	'use_fips_endpoint',
	'use_dualstack_endpoint',
	'defaults_mode',
	'ca_bundle',
	'cli_pager',
	's3',
]);

/** Values that are never legitimately wrapped in quotes (the quotes become part of the value). */
const UNQUOTED_KEYS = new Set([
	'aws_access_key_id',
	'aws_secret_access_key',
	'aws_session_token',
	'region',
	'output',
	'role_arn',
	'source_profile',
	'mfa_serial',
	'sso_start_url',
	'sso_account_id',
	'sso_role_name',
	'sso_region',
	'sso_session',
	'endpoint_url',
]);

/** Config-file sections the AWS CLI itself uses that are not profiles. */
const CLI_SECTIONS = new Set(['plugins', 'preview']);

/** A key name fit to print: a key the tools know, or a plain lower-case identifier. */
function keyLabel(key: string): string | undefined {
	const last = key.split('.').at(-1) ?? key;
	if (KNOWN_KEYS.has(last.toLowerCase())) return key;
	return /^[a-z][a-z0-9_]{0,40}(\.[a-z][a-z0-9_]{0,40})?$/.test(key) ? key : undefined;
}

function quoteKey(key: string, fallback = 'the key'): string {
	const label = keyLabel(key);
	return label === undefined ? fallback : `"${label}"`;
}

const SECRET_LOOKING = /A[KS]IA[A-Z0-9]{12,}|[A-Za-z0-9/+]{30,}/g;

/** A section name fit to print: hidden when it looks like a pasted key or secret. */
function sectionLabel(name: string): string {
	SECRET_LOOKING.lastIndex = 0;
	if (SECRET_LOOKING.test(name)) return '[…]';
	return `[${name.length > 60 ? `${name.slice(0, 57)}…` : name}]`;
}

function firstDelimiter(text: string): {index: number; character: string} | undefined {
	const equals = text.indexOf('=');
	const colon = text.indexOf(':');
	if (equals === -1 && colon === -1) return undefined;
	if (colon !== -1 && (equals === -1 || colon < equals)) return {index: colon, character: ':'};
	return {index: equals, character: '='};
}

/** The header as the AWS CLI reads it (Python `\[(.+)\]` from the start of the stripped line), if any. */
function cliHeader(raw: string): string | undefined {
	const stripped = raw.trim();
	if (!stripped.startsWith('[')) return undefined;
	const close = stripped.lastIndexOf(']');
	return close >= 2 ? stripped.slice(1, close) : undefined;
}

/** A profile name the SDK can read: whitespace runs become `-`, characters outside its name pattern dropped. */
function readableName(name: string): string {
	const cleaned = name
		.trim()
		.replace(/^["']|["']$/g, '')
		.replace(/\s+/g, '-')
		.replace(/[^\w\-@+.%:/]/g, '');
	return cleaned === '' || cleaned === '__proto__' ? 'my-profile' : cleaned;
}

interface Context {
	kind: AwsFileKind;
	doc: IniDocument;
	sdk: SdkIniTrace;
	v2: V2Ini;
	issues: FileIssue[];
	/** Lines whose CLI problem an issue already explains. */
	explained: Set<number>;
}

export function inspectAwsFile(text: string, kind: AwsFileKind): FileIssue[] {
	return isPlainAwsFile(text, kind) ? [] : inspectAwsFileFully(text, kind);
}

/** Every reader's trace of the file, compared (exported for the test that keeps the plain-file shortcut honest). */
export function inspectAwsFileFully(text: string, kind: AwsFileKind): FileIssue[] {
	const doc = parseIniDocument(text);
	const sdk = traceSdkIni(text);
	const cli = traceCliIni(text);
	// SDK v2 matters for config files (profile name clashes) and for names that make its parser throw.
	const v2Matters = kind === 'config' || text.includes('__proto__') || doc.sections.some((section) => isPrototypeName(section.name));
	const v2: V2Ini = v2Matters ? readV2Ini(text) : {sections: {}};
	const context: Context = {kind, doc, sdk, v2, issues: [], explained: new Set()};
	const add = (issue: Omit<FileIssue, 'severity'> & {severity?: FileIssue['severity']}, explains = false): void => {
		context.issues.push({severity: 'warn', ...issue});
		if (explains) context.explained.add(issue.line);
	};

	if (doc.bom) {
		add(
			{
				id: 'bom',
				line: 1,
				message: 'The file starts with a UTF-8 byte order mark: the AWS CLI cannot read it (the SDKs can).',
				fix: 'Save the file as UTF-8 without a byte order mark (in VS Code: "Save with Encoding" → "UTF-8"; in vim: :set nobomb then :w).',
			},
			true,
		);
	}
	checkWholeFileFailures(context, add);
	checkSections(context, cli.problems, add);
	checkLines(context, cli, add);

	const rejection = cli.result.ok ? undefined : cli.result.error;
	if (rejection && !context.explained.has(rejection.line)) {
		add({
			id: 'cli-rejects-file',
			line: rejection.line,
			message: `The AWS CLI rejects the whole file at line ${rejection.line} (${rejection.kind}); the SDKs still read it.`,
			fix: `Correct line ${rejection.line} so that it is a [section] header, a key = value line or a comment.`,
		});
	}
	return context.issues
		.map((issue, order) => ({issue, order}))
		.sort((a, b) => a.issue.line - b.issue.line || a.order - b.order)
		.map(({issue}) => ({...issue, message: redact(issue.message), fix: redact(issue.fix)}));
}

/** Last line of defence: names are printed, and a name can be a pasted key or secret. */
function redact(text: string): string {
	return text.replace(SECRET_LOOKING, '…');
}

type Add = (issue: Omit<FileIssue, 'severity'> & {severity?: FileIssue['severity']}, explains?: boolean) => void;

function checkWholeFileFailures({kind, doc, sdk, v2}: Context, add: Add): void {
	const sectionOf = (line: number) => doc.sections[doc.lines[line - 1]?.section ?? -1];
	if (sdk.error) {
		const line = doc.lines[sdk.error.line - 1];
		const onHeader = line?.kind === 'section';
		const section = sectionOf(sdk.error.line);
		add({
			id: 'sdk-reads-nothing',
			severity: 'fail',
			line: sdk.error.line,
			message: onHeader
				? `Section ${sectionLabel(line?.sectionName ?? '')} makes the AWS SDK read this whole file as empty, silently ("__proto__" is refused).`
				: `A key on line ${sdk.error.line} of section ${sectionLabel(section?.name ?? '')} (a JavaScript built-in name) makes the AWS SDK read this whole file as empty, silently.`,
			fix: onHeader
				? `Rename the section on line ${sdk.error.line} to any name other than __proto__, e.g. [${kind === 'config' ? 'profile ' : ''}proto].`
				: `Rename section ${sectionLabel(section?.name ?? '')} on line ${section?.headerLine ?? sdk.error.line} to a name that is not a JavaScript built-in.`,
		});
	}
	if (v2.error && v2.error.line !== sdk.error?.line) {
		add({
			id: 'v2-reads-nothing',
			severity: kind === 'credentials' ? 'fail' : 'warn',
			line: v2.error.line,
			message: `SDK v2 (Serverless v3) cannot load this file: line ${v2.error.line} uses the word "__proto__" or a JavaScript built-in name${kind === 'config' ? ' (matters with AWS_SDK_LOAD_CONFIG)' : ''}.`,
			fix: `Rename the section on line ${doc.lines[v2.error.line - 1]?.kind === 'section' ? v2.error.line : (sectionOf(v2.error.line)?.headerLine ?? v2.error.line)}.`,
		});
	}
}

function checkSections({kind, doc, v2}: Context, cliProblems: CliError[], add: Add): void {
	const sdkKeys = new Map<string, {line: number; name: string}>();
	const headerLines = new Map<string, number>();
	for (const section of doc.sections) {
		if (!headerLines.has(section.name)) headerLines.set(section.name, section.headerLine);
	}
	const v2Names = new Map<string, {line: number; name: string}>();
	const v2Sections = v2.sections;
	const cliDuplicateLines = new Set(cliProblems.filter((problem) => problem.kind === 'duplicate-section').map((problem) => problem.line));

	/** Sections that are one for a reader but two for another (SDK key collisions, SDK v2 profile names). */
	const recordDuplicates = (section: IniDocument['sections'][number], key: string | undefined): void => {
		const {name, headerLine: line} = section;
		if (key !== undefined) {
			const first = sdkKeys.get(key);
			const cliDuplicate = cliDuplicateLines.has(line);
			if (first && first.name !== name && !cliDuplicate) {
				add({
					id: 'duplicate-section',
					line,
					message: `${sectionLabel(name)} and ${sectionLabel(first.name)} (line ${first.line}) are the same section for the AWS SDK (keys merged, later wins) but two for the AWS CLI.`,
					fix: `Move the keys under line ${line} into ${sectionLabel(first.name)} on line ${first.line} and delete the header on line ${line}.`,
				});
			}
			if (!first) sdkKeys.set(key, {line, name});
		}

		if (kind === 'config' && !/^sso-session\s/.test(name) && v2Sections[name] !== undefined) {
			const v2Name = name.replace(/^profile\s/, '');
			const first = v2Names.get(v2Name);
			if (first && first.name !== name) {
				const isDefault = v2Name === 'default' && (name === 'profile default' || first.name === 'profile default');
				add({
					id: isDefault ? 'profile-default-twice' : 'v2-duplicate-profile',
					line,
					message: isDefault
						? `[profile default] replaces [default] (line ${first.line}) for the AWS SDK, the AWS CLI keeps only the later one, and SDK v2 with AWS_SDK_LOAD_CONFIG fails on the file.`
						: `With AWS_SDK_LOAD_CONFIG set, SDK v2 (Serverless v3) fails on this file: ${sectionLabel(name)} and ${sectionLabel(first.name)} (line ${first.line}) both name profile "${v2Name}".`,
					fix: isDefault
						? `Move the keys of [profile default] into [default] and delete the [profile default] section.`
						: `Keep one section: move the keys into [profile ${v2Name}] and delete the other header.`,
				});
			}
			if (!first) v2Names.set(v2Name, {line, name});
		}
	};

	for (const section of doc.sections) {
		const {name, headerLine: line} = section;
		const key = sdkSectionKey(name);
		const plainProfile = key !== undefined && (kind === 'credentials' ? /^[\w-]+$/.test(key) : key === 'default' || /^profile\.[\w-]+$/.test(key));
		if (plainProfile && name !== 'DEFAULT' && name === key.replace(/^profile\./, 'profile ') && !isPrototypeName(key.replace(/^profile\./, ''))) {
			// The common case: nothing below can apply except duplicates.
			recordDuplicates(section, key);
			continue;
		}
		const label = sectionLabel(name);
		if (name === 'DEFAULT') {
			add({
				id: 'uppercase-default-section',
				line,
				message: `[DEFAULT] is not the default profile: the AWS CLI copies its keys into every profile, the AWS SDK ${kind === 'credentials' ? 'sees a profile named "DEFAULT"' : 'ignores it'}.`,
				fix: headerLines.has('default')
					? `Move its keys into [default] (line ${headerLines.get('default')}) and delete the [DEFAULT] header on line ${line}.`
					: `Rename the header on line ${line} to [default].`,
			});
			continue;
		}
		if (name === '__proto__' || name === 'profile __proto__') continue;

		if (key === undefined) {
			const match = /^([\w-]+)\s(["'])?(.+?)\2$/.exec(name);
			const prefix = match?.[1] ?? '';
			const rest = match?.[3] ?? name;
			const knownPrefix = SDK_SECTION_TYPES.find((type) => type === prefix.toLowerCase());
			const reason =
				name === ''
					? 'the name is empty'
					: knownPrefix && prefix !== knownPrefix
						? `"${prefix}" must be lower case`
						: kind === 'credentials' || knownPrefix
							? 'names cannot contain spaces'
							: `"${prefix}" is not profile, sso-session or services`;
			const suggestion =
				kind === 'credentials'
					? readableName(name)
					: `${knownPrefix ?? 'profile'} ${readableName(knownPrefix ? rest : name)}`;
			add({
				id: 'section-ignored-by-sdk',
				line,
				message: `The AWS SDK ignores section ${label} and all its keys: ${reason}.`,
				fix: name === '' ? `Name the section on line ${line} or delete it.` : `Rename the header on line ${line} to [${suggestion}].`,
			});
		}

		const profileName = key?.startsWith('profile.') && kind === 'config' ? key.slice('profile.'.length) : key;
		if (profileName !== undefined && isPrototypeName(profileName)) {
			add({
				id: 'built-in-name',
				line,
				message: `Profile name "${profileName}" is a JavaScript built-in: the SDKs store it on a shared object and may mix or drop its keys.`,
				fix: `Rename the section on line ${line} (e.g. to [${kind === 'config' ? 'profile ' : ''}${profileName}-profile]).`,
			});
		}

		const prefixed = /^([\w-]+)\s+(.*)$/.exec(name);
		const knownPrefix = prefixed !== null && SDK_SECTION_TYPES.includes(prefixed[1] ?? '');
		if (kind === 'credentials' && key !== undefined) {
			if (prefixed?.[1] === 'profile' || key.startsWith('profile.')) {
				const bare = key.startsWith('profile.') ? key.slice('profile.'.length) : readableName(prefixed?.[2] ?? name);
				add({
					id: 'profile-prefix-in-credentials',
					line,
					message: `In the credentials file ${label} is not profile "${bare}": the AWS SDK calls it "${key}", SDK v2 and the AWS CLI "${name}".`,
					fix: headerLines.has(bare)
						? `Move its keys into [${bare}] (line ${headerLines.get(bare)}) and delete the header on line ${line}.`
						: `Rename the header on line ${line} to [${bare}].`,
				});
			} else if (key.startsWith('sso-session.') || key.startsWith('services.') || (knownPrefix && !key.startsWith('profile.'))) {
				add({
					id: 'config-section-in-credentials',
					line,
					message: `${label} belongs in the config file: the AWS SDK reads sso-session and services sections only there.`,
					fix: `Move lines ${section.firstLine}–${section.lastLine} to the config file.`,
				});
			}
		}

		if (kind === 'config' && key !== undefined && key !== 'default') {
			const separator = key.indexOf('.');
			const prefix = separator === -1 ? '' : key.slice(0, separator);
			const keptBySdk = SDK_SECTION_TYPES.includes(prefix);
			if (!keptBySdk && knownPrefix && prefixed) {
				const rest = prefixed[2] ?? '';
				add({
					id: 'section-ignored-by-sdk',
					line,
					message: `The AWS SDK ignores section ${label} and all its keys: ${/^\s/.test(name.slice(prefixed[1]?.length ?? 0).slice(1)) ? 'use exactly one space after the prefix' : /\s/.test(rest) ? 'names cannot contain spaces' : 'names may only use letters, digits and - _ @ + . % : /'}.`,
					fix: `Rename the header on line ${line} to [${prefixed[1]} ${readableName(rest)}].`,
				});
			} else if (!keptBySdk && !CLI_SECTIONS.has(name)) {
				add({
					id: 'missing-profile-prefix',
					line,
					message: `The AWS SDK and the AWS CLI ignore ${label} in the config file (SDK v2 with AWS_SDK_LOAD_CONFIG reads it): profiles other than default are written [profile ${readableName(name)}].`,
					fix: headerLines.has(`profile ${name}`)
						? `Move its keys into [profile ${name}] (line ${headerLines.get(`profile ${name}`)}) and delete the header on line ${line}.`
						: `Rename the header on line ${line} to [profile ${readableName(name)}].`,
				});
			} else if (keptBySdk && !prefixed) {
				const rest = key.slice(separator + 1);
				add({
					id: 'dotted-section-name',
					line,
					message: `The AWS SDK reads ${label} as [${prefix} ${rest}], but the AWS CLI and SDK v2 do not.`,
					fix: `Rename the header on line ${line} to [${prefix} ${rest}].`,
				});
			}
		}

		recordDuplicates(section, key);
	}

	for (const problem of cliProblems) {
		if (problem.kind === 'duplicate-section') {
			const name = problem.section ?? '';
			add(
				{
					id: 'duplicate-section',
					line: problem.line,
					message: `Section ${sectionLabel(name)} appears again (first on line ${problem.firstLine}): the AWS CLI rejects the whole file; the SDKs merge both, later keys win.`,
					fix: `Move the keys under line ${problem.line} into ${sectionLabel(name)} on line ${problem.firstLine} and delete the header on line ${problem.line}.`,
				},
				true,
			);
		} else if (problem.kind === 'duplicate-option' && problem.option) {
			const key = quoteKey(problem.option);
			add(
				{
					id: 'duplicate-key',
					line: problem.line,
					message: `Key ${key} appears again in ${sectionLabel(problem.section ?? '')} (first on line ${problem.firstLine}, any letter case): the AWS CLI rejects the whole file; the SDKs use the later value.`,
					fix: `Delete line ${problem.firstLine} or line ${problem.line}, keeping the value you want.`,
				},
				true,
			);
		}
	}
}

function checkLines(context: Context, cli: ReturnType<typeof traceCliIni>, add: Add): void {
	const {doc, sdk} = context;
	const continuationOf = new Map<number, {option: string; line: number}>();
	for (const entry of cli.continuations) {
		for (const line of entry.continuationLines) continuationOf.set(line, {option: entry.option, line: entry.line});
	}
	const cliNestedLines = new Set(cli.nestedBlocks.flatMap((block) => block.entries.map((entry) => entry.line)));
	const strayLines = new Set(cli.problems.filter((problem) => problem.kind === 'parse-error' && problem.option === undefined).map((problem) => problem.line));
	const nestedErrors = cli.problems.filter((problem) => problem.kind === 'parse-error' && problem.option !== undefined);
	const missingHeader = cli.problems.find((problem) => problem.kind === 'missing-section-header');
	if (missingHeader && !(doc.bom && missingHeader.line === 1)) {
		add(
			{
				id: 'before-first-section',
				line: missingHeader.line,
				message: `Line ${missingHeader.line} comes before the first [section] header: the AWS CLI rejects the whole file (the SDKs ignore the line).`,
				fix: `Move line ${missingHeader.line} under a [section] header, or delete it.`,
			},
			true,
		);
	}
	let loneCrLines = 0;
	let firstLoneCr = 0;
	let openSubsection: {line: number; key: string; used: boolean} | undefined;
	const closeSubsection = (): void => {
		if (openSubsection && !openSubsection.used) {
			add({
				id: 'empty-value',
				line: openSubsection.line,
				message: `Key ${quoteKey(openSubsection.key)} has no value: the AWS SDK ignores it (it opens a sub-section), the AWS CLI reads an empty string.`,
				fix: `Give it a value on line ${openSubsection.line}, or delete the line.`,
			});
		}
		openSubsection = undefined;
	};

	for (const line of doc.lines) {
		const reading = sdk.lines[line.number - 1];
		if (line.raw.includes('\r')) {
			loneCrLines++;
			firstLoneCr ||= line.number;
		}
		if (line.kind === 'blank' || line.kind === 'comment') continue;
		const continuation = continuationOf.get(line.number);

		if (reading?.kind === 'header' || reading?.kind === 'subsection') closeSubsection();
		if (reading?.kind === 'subsection') {
			openSubsection = {line: line.number, key: reading.key, used: false};
			if (reading.key !== reading.key.toLowerCase()) {
				add({
					id: 'key-not-lowercase',
					line: line.number,
					message: `Key ${quoteKey(reading.key)} is not lower case: the AWS SDK does not recognise it (the AWS CLI does).`,
					fix: `Write the key on line ${line.number} in lower case.`,
				});
			}
		}
		if (reading?.kind === 'setting') {
			if (openSubsection && reading.key.startsWith(`${openSubsection.key}.`)) {
				openSubsection.used = true;
				if (!cliNestedLines.has(line.number) && !continuationOf.has(line.number)) {
					add({
						id: 'indented-line',
						line: line.number,
						message: `Line ${line.number} is read by the AWS SDK as part of the sub-section ${quoteKey(openSubsection.key)} (line ${openSubsection.line}), by the AWS CLI as a separate key.`,
						fix: `Indent line ${line.number} further than line ${openSubsection.line}, or remove its indentation.`,
					});
				}
			} else {
				closeSubsection();
			}
			checkSetting(line, reading.key, reading.value, add);
		}

		if (continuation) {
			const label = quoteKey(continuation.option, 'the key');
			const sdkKind = reading?.kind;
			add({
				id: 'indented-line',
				line: line.number,
				message:
					sdkKind === 'ignored' || sdkKind === 'empty'
						? `Line ${line.number} is indented: the AWS CLI adds it to the value of ${label} (line ${continuation.line}), the AWS SDK ignores it.`
						: `Line ${line.number} is indented: the AWS CLI adds it to the value of ${label} (line ${continuation.line}), the AWS SDK reads it as a ${sdkKind === 'header' ? 'section header' : 'separate key'}.`,
				fix:
					sdkKind === 'ignored' || sdkKind === 'empty'
						? `Join line ${line.number} onto line ${continuation.line}, or delete it.`
						: `Remove the indentation at the start of line ${line.number}.`,
			});
			continue;
		}

		const header = cliHeader(line.raw);
		const sdkHeader = line.kind === 'section';
		if ((header !== undefined) !== sdkHeader || (header !== undefined && sdkHeader && header !== line.sectionName)) {
			add(
				{
					id: 'header-read-differently',
					line: line.number,
					message: `Line ${line.number} is a section header for ${header === undefined ? 'the AWS SDK but not for the AWS CLI' : sdkHeader ? 'both, but they read different names' : 'the AWS CLI but not for the AWS SDK'} (text after "]" or a comment without a space).`,
					fix: `Make line ${line.number} only [name]; put any comment on its own line starting with #.`,
				},
				true,
			);
			continue;
		}
		if (sdkHeader) continue;

		const delimiter = firstDelimiter(pyCode(line.raw));
		if (delimiter?.character === ':' && line.section !== undefined) {
			add({
				id: 'colon-separator',
				line: line.number,
				message: `Line ${line.number} uses ":" between key and value: the AWS CLI accepts it, the AWS SDK ${reading?.kind === 'setting' ? 'reads a different key' : 'ignores the line'}.`,
				fix: `Use "=" instead of ":" on line ${line.number}.`,
			});
			continue;
		}
		if (strayLines.has(line.number)) {
			add(
				{
					id: 'stray-line',
					line: line.number,
					message: `Line ${line.number} is not key = value: the AWS CLI rejects the whole file (the SDKs skip the line).`,
					fix: `Delete line ${line.number}, or start it with # to keep it as a comment.`,
				},
				true,
			);
		}
	}
	closeSubsection();

	for (const block of cli.nestedBlocks) {
		for (const entry of block.entries) {
			const reading = sdk.lines[entry.line - 1];
			const agrees = reading?.kind === 'setting' && reading.key === `${block.option}.${entry.key}` && reading.value === entry.value;
			if (agrees) continue;
			add({
				id: 'indented-line',
				line: entry.line,
				message: `Line ${entry.line} in the block under ${quoteKey(block.option)} (line ${block.line}): the AWS CLI reads it as a nested key, the AWS SDK ${reading?.kind === 'setting' ? 'reads it differently' : 'ignores it'}.`,
				fix: `Write line ${entry.line} as an indented, lower-case key = value line without a comment, or delete it.`,
			});
		}
	}
	for (const problem of nestedErrors) {
		add(
			{
				id: 'nested-block-error',
				line: problem.line,
				message: `Line ${problem.line} in the block under ${quoteKey(problem.option ?? '')} has no "=": the AWS CLI rejects the whole file.`,
				fix: `Write line ${problem.line} as key = value, or delete it.`,
			},
			true,
		);
	}
	if (loneCrLines > 0) {
		add({
			id: 'lone-carriage-return',
			line: firstLoneCr,
			message: `${loneCrLines === 1 ? 'A line contains' : `${loneCrLines} lines contain`} a carriage return without a line feed: the AWS CLI splits the line there, the AWS SDK does not.`,
			fix: 'Convert the file to LF (or CRLF) line endings, e.g. with dos2unix or your editor.',
		});
	}
}

/** The line as the AWS CLI reads it: no inline comments, surrounding whitespace removed. */
function pyCode(raw: string): string {
	return raw.trim();
}

function checkSetting(line: IniLine, key: string, value: string, add: Add): void {
	const last = key.split('.').at(-1) ?? key;
	if (last !== last.toLowerCase()) {
		const lower = key.toLowerCase();
		add({
			id: 'key-not-lowercase',
			line: line.number,
			message: `Key ${quoteKey(key)} is not lower case: the AWS SDK does not recognise it (the AWS CLI does).`,
			fix: keyLabel(lower) ? `Write it as ${lower} on line ${line.number}.` : `Write the key on line ${line.number} in lower case.`,
		});
	}
	const rawValue = line.value ?? '';
	if (rawValue !== value && /\s[#;]/.test(rawValue) && codePart(line.raw).length < line.raw.trim().length) {
		add({
			id: 'inline-comment',
			line: line.number,
			message: `Line ${line.number} has an inline comment: the SDKs drop it, the AWS CLI keeps it as part of the value.`,
			fix: `Move the comment to its own line above line ${line.number}.`,
		});
	}
	if (UNQUOTED_KEYS.has(last) && /^(["']).*\1$/.test(value) && value.length >= 2) {
		add({
			id: 'quoted-value',
			line: line.number,
			message: `The value of ${quoteKey(key)} is in quotes: every reader keeps the quotes as part of the value.`,
			fix: `Remove the quotes around the value on line ${line.number}.`,
		});
	}
}
