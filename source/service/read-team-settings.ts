import path from 'node:path';
import {isMap, isPair, isScalar, type Document, type Node} from 'yaml';
import {profileNameProblem} from '../aws-files/profile-name.js';
import {parseServiceDocument, parseServiceText} from './parse-service-file.js';
import {
	PROFILE_FROM_TEAM_SETTINGS,
	TEAM_SETTINGS_PATH,
	type StageAccount,
	type StageRole,
	type TeamSettingsProblem,
	type TeamSettingsRead,
} from './team-settings.js';

export interface ReadTeamSettingsInput {
	/** The parsed service file as written (variables not resolved): the block must be literal anyway. */
	document: unknown;
	/** The service file, absolute. */
	path: string;
	/** The file's text: gives line numbers, and the syntax error when `document` is undefined because it did not parse. */
	text?: string;
	/** Stages the service declares elsewhere (`params`, `stages`, `custom.profiles`); empty when it declares none. */
	declaredStages: string[];
}

const KEYS = ['profile', 'account', 'region', 'role_arn', 'source_profile', 'mfa_serial', 'external_id'] as const;
type Key = (typeof KEYS)[number];

/** Spellings people reach for (the SDK's camelCase, CloudFormation's names) and the key the block wants. */
const USUAL_MISTAKES: Record<string, Key> = {
	accountid: 'account',
	awsaccountid: 'account',
	accountnumber: 'account',
	rolearn: 'role_arn',
	role: 'role_arn',
	sourceprofile: 'source_profile',
	mfaserial: 'mfa_serial',
	mfa: 'mfa_serial',
	externalid: 'external_id',
	profilename: 'profile',
	awsprofile: 'profile',
	awsregion: 'region',
};

const ROLE_ARN = /^arn:([a-z][a-z0-9-]*):iam::(\d{12}):role\/([\w+=,.@/-]+)$/;
const MFA_ARN = /^arn:[a-z][a-z0-9-]*:iam::\d{12}:(mfa|u2f)\/[\w+=,.@/-]+$/;
/** A hardware token's serial number, as STS takes it (SerialNumber: 9–256 of [\w+=/:,.@-]). */
const MFA_SERIAL_NUMBER = /^[\w+=/:,.@-]{9,256}$/;
/** STS ExternalId: 2–1224 of [\w+=,.@:/-]. */
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
/** us-east-1, eu-central-2, us-gov-west-1, cn-north-1, us-isob-east-1 … */
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
/** `${self:custom.deployAccounts.${sls:stage}.profile}` and the same with `${opt:stage}` or `${self:provider.stage}`, with or without a default. */
const PROFILE_FROM_BLOCK =
	/^\$\{\s*self:custom\.deployAccounts\.\$\{\s*(?:sls:stage|opt:stage(?:\s*,\s*[^{}]*)?|self:provider\.stage)\s*\}\.profile\s*(?:,\s*[^{}]*)?\}$/;

/**
 * Reads and validates `custom.deployAccounts` (team-settings.ts). Pure. Every problem says where (with the line when
 * the text is given), what is wrong and the exact edit; all problems are collected, not only the first.
 */
export function readTeamSettings(input: ReadTeamSettingsInput): TeamSettingsRead {
	const file = path.basename(input.path);
	if (input.document === undefined) return unparsedFile(input, file);
	const custom = isRecord(input.document) ? input.document['custom'] : undefined;
	if (!isRecord(custom) || !(TEAM_SETTINGS_PATH[1] in custom)) return {status: 'absent'};
	const block = custom[TEAM_SETTINGS_PATH[1]];
	const lines = lineFinder(input.text);
	const problems: TeamSettingsProblem[] = [];
	const problem: Problem = Object.assign(
		(segments: string[], message: string, fix: string, atKey = false): void => {
			const where = [...TEAM_SETTINGS_PATH, ...segments].join('.');
			const line = lines([...TEAM_SETTINGS_PATH, ...segments], atKey);
			problems.push(line === undefined ? {where, message, fix} : {where, line, message, fix});
		},
		{count: () => problems.length},
	);

	if (typeof block === 'string' && block.includes('${')) {
		problem([], `custom.deployAccounts is loaded from a variable (${block}); the team settings must be written out in ${file}.`, `Write the stages into ${file} under custom.deployAccounts (stage → profile, account, region).`);
		return {status: 'invalid', path: input.path, problems};
	}
	if (!isRecord(block) || Object.keys(block).length === 0) {
		problem(
			[],
			isRecord(block) || block === null || block === undefined
				? 'custom.deployAccounts lists no stages.'
				: 'custom.deployAccounts must be a mapping of stage names to their settings.',
			`List each stage with its profile and 12-digit account, e.g.\n  deployAccounts:\n    dev:\n      profile: acme-dev\n      account: '111111111111'`,
		);
		return {status: 'invalid', path: input.path, problems};
	}

	const stages: StageAccount[] = [];
	for (const [stage, entry] of Object.entries(block)) {
		const read = readStage(stage, entry, input, problem, lines);
		if (read !== undefined) stages.push(read);
	}
	sharedProfiles(stages, problem);

	if (problems.length > 0) return {status: 'invalid', path: input.path, problems};
	const provider = isRecord(input.document) ? input.document['provider'] : undefined;
	const profile = isRecord(provider) ? provider['profile'] : undefined;
	return {
		status: 'ok',
		settings: {
			path: input.path,
			stages,
			providerProfileFromBlock: typeof profile === 'string' && (profile === PROFILE_FROM_TEAM_SETTINGS || PROFILE_FROM_BLOCK.test(profile.trim())),
		},
	};
}

type Problem = ((segments: string[], message: string, fix: string, atKey?: boolean) => void) & {count(): number};
type Lines = ((segments: readonly string[], atKey?: boolean) => number | undefined) & {source?: (segments: readonly string[]) => string | undefined};

function readStage(stage: string, entry: unknown, input: ReadTeamSettingsInput, problem: Problem, lines: Lines): StageAccount | undefined {
	const before = problem.count();
	if (stage.includes('${')) {
		problem([stage], `The stage name ${stage} is a variable; the team settings need each stage written out.`, `Replace ${stage} with the stage name, e.g. dev or prod.`, true);
		return undefined;
	}
	if (input.declaredStages.length > 0 && !input.declaredStages.includes(stage)) {
		const guess = closest(stage, input.declaredStages);
		problem(
			[stage],
			`Stage ${stage} is not a stage of this service (it declares ${input.declaredStages.join(', ')}).`,
			guess ? `Did you mean ${guess}? Rename the entry to ${guess}, or remove it.` : `Rename the entry to one of ${input.declaredStages.join(', ')}, or declare ${stage} under params.`,
			true,
		);
	}
	if (typeof entry === 'string' && entry.includes('${')) {
		problem([stage], `Stage ${stage} is loaded from a variable (${entry}); the team settings must be literal.`, `Write profile and account under ${stage} directly.`);
		return undefined;
	}
	if (!isRecord(entry)) {
		problem([stage], `Stage ${stage} must be a mapping with profile and account.`, `Write e.g.\n  ${stage}:\n    profile: acme-${stage}\n    account: '111111111111'`);
		return undefined;
	}

	const values: Partial<Record<Key, string>> = {};
	for (const [key, value] of Object.entries(entry)) {
		if (!(KEYS as readonly string[]).includes(key)) {
			const guess = USUAL_MISTAKES[key.toLowerCase().replace(/[-_]/g, '')] ?? closest(key, KEYS);
			problem(
				[stage, key],
				`Unknown setting ${key} in stage ${stage}.`,
				guess ? `Did you mean ${guess}? Rename ${key} to ${guess}.` : `Remove it; the settings are ${KEYS.join(', ')}.`,
				true,
			);
			continue;
		}
		const text = literalText(stage, key as Key, value, problem, lines);
		if (text !== undefined) values[key as Key] = text;
	}

	for (const key of ['profile', 'account'] as const) {
		if (!(key in entry)) {
			problem([stage], `Stage ${stage} has no ${key}.`, key === 'profile' ? `Add the profile name the team uses, e.g. profile: acme-${stage}.` : `Add the 12-digit account id in quotes, e.g. account: '111111111111'.`);
		}
	}
	if (values.profile !== undefined) profileProblem(stage, 'profile', values.profile, problem);
	if (values.source_profile !== undefined) profileProblem(stage, 'source_profile', values.source_profile, problem);
	if (values.region !== undefined && !REGION.test(values.region)) {
		problem([stage, 'region'], `region ${values.region} of stage ${stage} is not an AWS region name.`, 'Write a region such as us-east-1 or eu-west-1.');
	}

	let role: StageRole | undefined;
	if (values.role_arn !== undefined) {
		const match = ROLE_ARN.exec(values.role_arn);
		if (!match) {
			problem(
				[stage, 'role_arn'],
				`role_arn ${values.role_arn} of stage ${stage} is not an IAM role ARN.`,
				'Write it as arn:aws:iam::<12-digit account>:role/<role name>, e.g. arn:aws:iam::222222222222:role/deployer.',
			);
		} else if (values.account !== undefined && match[2] !== values.account) {
			problem(
				[stage, 'role_arn'],
				`role_arn of stage ${stage} is a role in account ${match[2]}, but the stage's account is ${values.account}: the deploy would land in ${match[2]}.`,
				`Make them agree: use the role in account ${values.account} (arn:${match[1]}:iam::${values.account}:role/${match[3]}), or set account: '${match[2]}'.`,
			);
		}
		role = compact({arn: values.role_arn, sourceProfile: values.source_profile, mfaSerial: values.mfa_serial, externalId: values.external_id});
	} else {
		for (const key of ['source_profile', 'mfa_serial', 'external_id'] as const) {
			if (values[key] !== undefined) {
				problem([stage, key], `${key} of stage ${stage} has no role to go with: it is used only when assuming role_arn.`, `Add role_arn (the role to assume in account ${values.account ?? '<account>'}), or remove ${key}.`);
			}
		}
	}
	if (values.mfa_serial !== undefined && !MFA_ARN.test(values.mfa_serial) && (values.mfa_serial.startsWith('arn:') || !MFA_SERIAL_NUMBER.test(values.mfa_serial))) {
		problem(
			[stage, 'mfa_serial'],
			`mfa_serial ${values.mfa_serial} of stage ${stage} is neither an MFA device ARN nor a hardware token serial number.`,
			'Write the ARN of the MFA device (arn:aws:iam::<account>:mfa/<name>, shown under Security credentials in the IAM console) or the token\'s serial number.',
		);
	}
	if (values.external_id !== undefined && !EXTERNAL_ID.test(values.external_id)) {
		problem([stage, 'external_id'], `external_id of stage ${stage} is not a valid external id (2 to 1224 of letters, digits and _+=,.@:/-).`, 'Copy the external id from the role\'s trust policy (sts:ExternalId).');
	}

	if (problem.count() !== before || values.profile === undefined || values.account === undefined) return undefined;
	return compact({stage, profile: values.profile, account: values.account, region: values.region, role});
}

/** One setting as literal text; accounts also from a YAML number when no digit was lost. */
function literalText(stage: string, key: Key, value: unknown, problem: Problem, lines: Lines): string | undefined {
	if (typeof value === 'string') {
		if (value.includes('${')) {
			problem([stage, key], `${key} of stage ${stage} uses a variable (${value}); the team settings must be literal so that everybody's tools read the same value.`, `Write the value itself instead of ${value}.`);
			return undefined;
		}
		if (key === 'account' && !/^\d{12}$/.test(value)) {
			const digits = value.replace(/[\s-]/g, '');
			problem(
				[stage, key],
				`account ${JSON.stringify(value)} of stage ${stage} is not a 12-digit AWS account id.`,
				/^\d{12}$/.test(digits) ? `Write the 12 digits without spaces or dashes: account: '${digits}'.` : 'Write the 12 digits of the account id in quotes, e.g. account: \'111111111111\' (the console shows it under the account name, top right).',
			);
			return undefined;
		}
		return value;
	}
	if (key === 'account' && typeof value === 'number') {
		const written = lines.source?.([...TEAM_SETTINGS_PATH, stage, key]) ?? String(value);
		if (Number.isInteger(value) && /^\d{12}$/.test(written) && String(value) === written) return written;
		const padded = Number.isInteger(value) && value >= 0 && String(value).length < 12 ? String(value).padStart(12, '0') : undefined;
		problem(
			[stage, key],
			/^0\d*$/.test(written)
				? `account ${written} of stage ${stage} is read as the number ${value}: YAML drops the leading zero, so it is not 12 digits.`
				: `account ${written} of stage ${stage} is not a 12-digit AWS account id.`,
			padded && /^0/.test(written) ? `Quote it: account: '${padded}'.` : 'Write the 12 digits of the account id in quotes, e.g. account: \'111111111111\'.',
		);
		return undefined;
	}
	const shown = value === null ? 'empty' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a mapping' : `${typeof value} ${String(value)}`;
	problem([stage, key], `${key} of stage ${stage} is ${shown}; it must be text.`, key === 'account' ? 'Write the 12 digits in quotes, e.g. account: \'111111111111\'.' : `Write ${key}: <value> on one line.`);
	return undefined;
}

function profileProblem(stage: string, key: 'profile' | 'source_profile', name: string, problem: Problem): void {
	const refusal = profileNameProblem(name);
	if (refusal) problem([stage, key], `${key} of stage ${stage}: ${refusal.message}`, refusal.fix);
}

/** One profile holds one set of credentials, so it cannot land in two accounts. */
function sharedProfiles(stages: StageAccount[], problem: Problem): void {
	const seen = new Map<string, StageAccount>();
	for (const entry of stages) {
		const key = `${entry.profile}\u0000${entry.role?.arn ?? ''}`;
		const first = seen.get(entry.profile);
		if (first && first.account !== entry.account && `${first.profile}\u0000${first.role?.arn ?? ''}` === key) {
			problem(
				[entry.stage, 'profile'],
				`Stages ${first.stage} and ${entry.stage} both use profile ${entry.profile} but expect different accounts (${first.account} and ${entry.account}); one profile reaches one account.`,
				`Give stage ${entry.stage} its own profile, e.g. profile: ${entry.profile}-${entry.stage}.`,
			);
		} else if (!first) seen.set(entry.profile, entry);
	}
}

/** The file did not parse: a problem only when it seems to hold the block, otherwise the doctor's usual finding. */
function unparsedFile(input: ReadTeamSettingsInput, file: string): TeamSettingsRead {
	if (input.text === undefined || !/(^|[\s{,"])deployAccounts"?\s*:/m.test(input.text)) return {status: 'absent'};
	const format = /\.json$/i.test(input.path) ? 'json' : 'yml';
	const parsed = parseServiceText(input.text, format, file);
	if (parsed.error === undefined) return {status: 'absent'};
	const line = /at line (\d+)/.exec(parsed.error)?.[1];
	const problem: TeamSettingsProblem = {
		where: file,
		message: `${parsed.error}; the team settings (custom.deployAccounts) cannot be read.`,
		fix: `Fix the syntax${line ? ` at line ${line}` : ''} of ${file} (indentation with spaces, a colon after each key, quotes closed).`,
	};
	if (line !== undefined) problem.line = Number(line);
	return {status: 'invalid', path: input.path, problems: [problem]};
}

/** Line numbers (1-based) of nodes of the written document, and the source text of scalars. */
function lineFinder(text: string | undefined): Lines {
	let document: Document.Parsed | undefined;
	if (text !== undefined) {
		const parsed = parseServiceDocument(text);
		if (parsed.errors.length === 0) document = parsed;
	}
	const lineOf = (offset: number): number => text!.slice(0, offset).split('\n').length;
	const find = (segments: readonly string[], atKey = false): number | undefined => {
		if (document === undefined) return undefined;
		if (atKey && segments.length > 0) {
			const parent = document.getIn(segments.slice(0, -1), true);
			if (isMap(parent)) {
				const pair = parent.items.find(item => isPair(item) && isScalar(item.key) && String(item.key.value) === segments.at(-1));
				const range = (pair?.key as Node | undefined)?.range;
				if (range) return lineOf(range[0]);
			}
		}
		for (let length = segments.length; length >= 0; length--) {
			const node = document.getIn(segments.slice(0, length), true) as Node | undefined;
			if (node?.range) return lineOf(node.range[0]);
		}
		return undefined;
	};
	const source = (segments: readonly string[]): string | undefined => {
		const node = document?.getIn(segments, true);
		if (!isScalar(node) || !node.range) return undefined;
		return text!.slice(node.range[0], node.range[1]).trim();
	};
	return Object.assign(find, {source});
}

/** The nearest name by edit distance, when it is near enough to be a typo. */
function closest(word: string, options: readonly string[]): string | undefined {
	let best: string | undefined;
	let bestDistance = Infinity;
	for (const option of options) {
		const distance = editDistance(word.toLowerCase(), option.toLowerCase());
		if (distance < bestDistance) {
			best = option;
			bestDistance = distance;
		}
	}
	return best !== undefined && bestDistance <= Math.max(1, Math.min(3, Math.floor(word.length / 3))) ? best : undefined;
}

/** Edits between two words, a swap of neighbours counting as one (the usual typo: "prdo", "dve"). */
function editDistance(left: string, right: string): number {
	const rows: number[][] = Array.from({length: left.length + 1}, (_, row) => Array.from({length: right.length + 1}, (_, column) => (row === 0 ? column : column === 0 ? row : 0)));
	for (let row = 1; row <= left.length; row++) {
		for (let column = 1; column <= right.length; column++) {
			const cost = left[row - 1] === right[column - 1] ? 0 : 1;
			let best = Math.min(rows[row - 1]![column]! + 1, rows[row]![column - 1]! + 1, rows[row - 1]![column - 1]! + cost);
			if (row > 1 && column > 1 && left[row - 1] === right[column - 2] && left[row - 2] === right[column - 1]) best = Math.min(best, rows[row - 2]![column - 2]! + 1);
			rows[row]![column] = best;
		}
	}
	return rows[left.length]![right.length]!;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function compact<T extends object>(value: T): T {
	return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}
