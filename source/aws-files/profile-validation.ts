/**
 * What may be written into an AWS shared file, and when a file must not be edited (aws-files.md §7 rules 2–7, §9).
 * Refusals carry a one-line message and an exact fix; none of them quotes a secret value.
 */
import {ACCESS_KEY_SHAPE, ID_PREFIXES, SECRET_SHAPE} from './access-key-id.js';
import type {CliErrorKind} from './cli-reader.js';
import type {IniDocument} from './document.js';
import {cliParseOf, documentOf} from './parsed-texts.js';
import {inspectAwsFile, type AwsFileKind} from './file-issues.js';
import {cliProfileName, firstDisagreement, profileReadings, profileSections, sdkProfileName} from './profile-sections.js';
import {cliOnlyHeader, holdsKey} from './edit-document.js';

import type {EditRefusal} from './profile-name.js';

export type {EditRefusal} from './profile-name.js';
export {profileNameProblem} from './profile-name.js';

/** Setting names: lower-case, as the AWS SDK for JavaScript matches them case-sensitively. */
const SETTING_KEY = /^[a-z][a-z0-9_]*$/;

/** Control characters, including line breaks: the AWS CLI and the SDKs split or strip on these. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/;

/** Whitespace then `#` or `;`: the JS SDK cuts the value there (an inline comment). */
const COMMENT_START = /(^|\s)[#;]/;

export function settingKeyProblem(key: string): EditRefusal | undefined {
	if (SETTING_KEY.test(key)) return undefined;
	const lower = key.toLowerCase();
	return {
		code: 'invalid-key',
		message: `The setting name ${JSON.stringify(key.slice(0, 60))} is not a lower-case name (letters, digits, _): the AWS SDK for JavaScript would not recognise it.`,
		fix: SETTING_KEY.test(lower) ? `Write it as ${lower}.` : 'Use the setting name as the AWS documentation spells it, e.g. region or role_arn.',
	};
}

/**
 * A value (already cleaned) that cannot be written so that every reader reads it back as given. `label` names it in
 * messages; `secret` values are never quoted.
 */
export function valueProblem(label: string, value: string, options: {secret?: boolean} = {}): EditRefusal | undefined {
	const shown = options.secret ? '' : ` (${JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}…` : value)})`;
	if (value === '') {
		return {
			code: 'empty-value',
			message: `The value of ${label} is empty: the AWS SDK reads "key =" as the start of a sub-section, not as an empty value.`,
			fix: `Give a value for ${label}, or leave it out.`,
		};
	}
	if (CONTROL.test(value)) {
		return {
			code: 'invalid-value',
			message: `The value of ${label} contains a line break or control character${options.secret ? '' : shown}: the AWS CLI would read it as two lines.`,
			fix: `Give ${label} on one line, without control characters.`,
		};
	}
	if (COMMENT_START.test(value)) {
		return {
			code: 'invalid-value',
			message: `The value of ${label} has a # or ; after a space${shown}: the AWS SDK cuts the value there (an inline comment).`,
			fix: `Remove the space before the # or ; in ${label}, or the # / ; itself.`,
		};
	}
	if (options.secret && /\s/.test(value)) {
		return {
			code: 'invalid-value',
			message: `The value of ${label} contains whitespace: AWS keys never do, so it would be rejected (SignatureDoesNotMatch or InvalidClientTokenId).`,
			fix: `Paste ${label} again as one word, e.g. with the copy button of the IAM console.`,
		};
	}
	return undefined;
}

/**
 * A pasted value with the whitespace and quotes around it removed (they would become part of the value: AWS then
 * answers SignatureDoesNotMatch). `note` says what was removed, without the value.
 */
export function cleanPastedValue(label: string, raw: string, options: {secret?: boolean} = {}): {value: string; note?: string} {
	let value = raw.trim();
	const trimmedSpace = value !== raw;
	let trimmedQuotes = false;
	if (options.secret) {
		// Keys never contain quotes or backticks: strip any around them, even unbalanced ones.
		const stripped = value.replace(/^["'`\s]+|["'`\s]+$/g, '');
		trimmedQuotes = stripped !== value;
		value = stripped;
	} else if (value.length >= 2 && /^(["']).*\1$/s.test(value)) {
		// Only a whole-value pair: `"C:\Program Files\x.exe" --json` keeps its quotes.
		value = value.slice(1, -1).trim();
		trimmedQuotes = true;
	}
	if (!trimmedSpace && !trimmedQuotes) return {value};
	const what = trimmedSpace && trimmedQuotes ? 'quotes and spaces' : trimmedQuotes ? 'quotes' : 'spaces or line breaks';
	return {value, note: `Removed the ${what} around the pasted ${label}.`};
}


/** Warnings about key shapes: AWS is the judge (the key may still work), so these never refuse. */
export function accessKeyWarnings(keys: {accessKeyId: string; secretAccessKey: string; sessionToken?: string}): string[] {
	const warnings: string[] = [];
	const {accessKeyId: id, secretAccessKey: secret, sessionToken: token} = keys;
	const prefix = id.slice(0, 4);
	const idKind = ID_PREFIXES[prefix];
	if (idKind) {
		warnings.push(
			`The access key ID starts with ${prefix}: that is ${idKind}, not an access key. Access keys start with AKIA (long-term) or ASIA (temporary); create one in the IAM console (Security credentials → Create access key).`,
		);
	} else if (!ACCESS_KEY_SHAPE.test(id)) {
		warnings.push(
			prefix !== 'AKIA' && prefix !== 'ASIA'
				? 'The access key ID does not start with AKIA or ASIA as AWS access keys do. Check that the key and the secret were not swapped.'
				: id.length === 20
					? 'The access key ID has characters AWS key IDs do not use (they are A–Z and 2–7 only: no 0, 1, 8, 9 or lower case). Check for a typo.'
					: `The access key ID is ${id.length} characters; AWS key IDs are 20 (A–Z and 2–7). Check that it was copied whole.`,
		);
	}
	if (SECRET_SHAPE.test(id) || ACCESS_KEY_SHAPE.test(secret)) {
		warnings.push('The access key ID and the secret access key look swapped: the ID starts with AKIA/ASIA, the secret is 40 characters.');
	} else if (!SECRET_SHAPE.test(secret)) {
		warnings.push(`The secret access key is ${secret.length} characters; AWS secrets are 40 (letters, digits, / and +). Check that it was copied whole.`);
	}
	if (prefix === 'ASIA' && token === undefined) {
		warnings.push('ASIA… keys are temporary and only work with their session token: add the session token, or AWS answers InvalidClientTokenId.');
	}
	if (prefix === 'AKIA' && token !== undefined) {
		warnings.push('AKIA… keys are long-term keys; a session token belongs to ASIA… keys. AWS rejects the pair if the token is not theirs.');
	}
	return warnings;
}

/** What each AWS CLI parse error means, without quoting the line (it may hold a secret). */
const CLI_ERRORS: Record<CliErrorKind, string> = {
	'duplicate-section': 'a section appears a second time',
	'duplicate-option': 'a key appears a second time in one section',
	'missing-section-header': 'a key comes before the first [section] header',
	'parse-error': 'a line is neither a [section], a key = value line nor a comment',
	encoding: 'the text is not valid UTF-8',
};

/**
 * Pre-flight for editing one file (aws-files.md §7 rule 7): the AWS CLI must be able to read it, the profile must
 * not be spelled twice, and both readers must read the profile the same way. `text` undefined = the file does not
 * exist yet (nothing to check).
 */
export function fileEditProblem(input: {
	kind: AwsFileKind;
	path: string;
	text: string | undefined;
	profile: string;
	/** Keys the edit replaces or removes (`'all'`: the whole profile goes): a disagreement on them goes with the edit. */
	replacing?: readonly string[] | 'all';
}): EditRefusal | undefined {
	const {kind, path, text, profile} = input;
	const removing = input.replacing === 'all';
	if (text === undefined) return undefined;
	const parse = cliParseOf(text);
	if (!parse.ok) {
		const line = parse.error.line;
		const issue = inspectAwsFile(text, kind).find((candidate) => candidate.line === line);
		return {
			code: 'file-unreadable-by-cli',
			message: `The AWS CLI cannot read ${path}: ${CLI_ERRORS[parse.error.kind]} on line ${line}. Editing it would keep it broken.`,
			fix: issue?.fix ?? `Correct line ${line} of ${path} so that it is a [section] header, a key = value line or a comment.`,
		};
	}
	const doc = documentOf(text);
	const loneCr = doc.lines.find((line) => line.raw.includes('\r'));
	if (loneCr) {
		return {
			code: 'profile-read-differently',
			message: `Line ${loneCr.number} of ${path} holds a carriage return without a line feed: the AWS CLI reads it as a line break, the AWS SDK does not.`,
			fix: inspectAwsFile(text, kind).find((issue) => issue.id === 'lone-carriage-return')?.fix ?? `Replace the lone carriage return on line ${loneCr.number} with a line break.`,
		};
	}
	const defaults = doc.lines.find((line) => /^\[DEFAULT\]/.test(line.raw.trim()));
	if (defaults && !removing) {
		return {
			code: 'profile-read-differently',
			message: `[DEFAULT] on line ${defaults.number} of ${path} gives every profile its keys for the AWS CLI, but not for the AWS SDK: profile "${profile}" would read differently.`,
			fix: inspectAwsFile(text, kind).find((issue) => issue.id === 'uppercase-default-section')?.fix ?? `Rename [DEFAULT] on line ${defaults.number} to [default].`,
		};
	}
	const sections = profileSections(doc, kind, profile);
	const spellings = [...new Set(sections.map((section) => section.name))];
	// A removal takes every spelling; an edit would have to pick one.
	if (spellings.length > 1 && !removing) {
		const lines = sections.map((section) => doc.sections[section.index]?.headerLine ?? 0);
		return {
			code: 'profile-defined-twice',
			message: `Profile "${profile}" is defined by ${spellings.length} sections of ${path} (lines ${lines.join(', ')}): the AWS SDK and the AWS CLI do not pick the same one.`,
			fix: `Merge them into one [${kind === 'config' && profile !== 'default' ? `profile ${profile}` : profile}] section and delete the others.`,
		};
	}
	const structural = structuralProblem(doc, kind, profile, path, text);
	if (structural) return structural;
	const readings = profileReadings(text, kind, profile);
	const key = firstDisagreement(readings.sdk, readings.cli, input.replacing);
	// A profile only one reader sees is still removed whole.
	if (key === undefined || (key === '' && removing)) return undefined;
	const section = sections[0];
	const header = section ? (doc.sections[section.index]?.headerLine ?? 1) : 1;
	const line = key === '' ? header : (findKeyLine(doc, section?.index, key) ?? header);
	const issue = inspectAwsFile(text, kind).find((candidate) => candidate.line === line);
	return {
		code: 'profile-read-differently',
		message:
			key === ''
				? `The AWS SDK and the AWS CLI do not agree that section [${section?.name ?? profile}] (line ${line} of ${path}) is profile "${profile}".`
				: `The AWS SDK and the AWS CLI read ${/^[a-z0-9_.]{1,60}$/.test(key) ? `"${key}"` : 'a key'} of profile "${profile}" differently (line ${line} of ${path}).`,
		fix: issue?.fix ?? `Correct line ${line} of ${path} (run sls-creds-wizard doctor for details), then try again.`,
	};
}

/**
 * Where the two readers split the file differently around the profile: a section one reads as the profile and the
 * other as another profile (`[profile.x "dev"]`), or a line inside the profile's sections that the AWS CLI takes for a
 * header (`[x] junk`). Editing there would move keys between profiles for one of them.
 */
function structuralProblem(doc: IniDocument, kind: AwsFileKind, profile: string, path: string, text: string): EditRefusal | undefined {
	for (const section of profileSections(doc, kind, profile)) {
		const range = doc.sections[section.index];
		if (!range) continue;
		const sdkName = sdkProfileName(section.name, kind);
		const cliName = cliProfileName(section.name, kind);
		const other = section.sdk ? cliName : sdkName;
		if (!(section.sdk && section.cli) && other !== undefined && other !== profile) {
			return {
				code: 'profile-read-differently',
				message: `Section [${section.name.slice(0, 60)}] (line ${range.headerLine} of ${path}) is profile "${section.sdk ? profile : other}" for the AWS SDK but "${section.sdk ? other : profile}" for the AWS CLI.`,
				fix: `Rename the header on line ${range.headerLine} to [${kind === 'config' && profile !== 'default' ? `profile ${profile}` : profile}] or to the other name, so that both read it alike.`,
			};
		}
		for (let number = range.headerLine + 1; number <= range.lastLine; number++) {
			if (!cliOnlyHeader(doc.lines[number - 1])) continue;
			const issue = inspectAwsFile(text, kind).find((candidate) => candidate.line === number);
			return {
				code: 'profile-read-differently',
				message: `Line ${number} of ${path} starts a new section for the AWS CLI but not for the AWS SDK, inside profile "${profile}".`,
				fix: issue?.fix ?? `Make line ${number} a plain [section] header (nothing after the closing bracket) or remove it.`,
			};
		}
	}
	return undefined;
}

function findKeyLine(doc: IniDocument, sectionIndex: number | undefined, key: string): number | undefined {
	const section = doc.sections[sectionIndex ?? -1];
	if (!section) return undefined;
	const base = key.split('.')[0] ?? key;
	for (let number = section.headerLine + 1; number <= section.lastLine; number++) {
		const line = doc.lines[number - 1];
		if (line && holdsKey(line, base.toLowerCase())) return number;
	}
	return undefined;
}
