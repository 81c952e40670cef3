import {profileNameProblem as awsProfileNameProblem} from '../aws-files/profile-name.js';
import {isDeepStrictEqual} from 'node:util';
import {MAX_ALIAS_COUNT, parseServiceDocument, parseYaml} from './parse-service-file.js';
import type {ServiceInfo} from './service-info.js';
import {type Blocked, type ExistingLeaf, type LeafDecision, planInPlaceEdit, type YamlSettings} from './yaml-in-place-edit.js';

/**
 * One edit of a serverless.yml planned for a person to review: the stage mapping (`custom.profiles`) and the team
 * settings (`custom.deployAccounts`) both go through here. Pure. Only the edited values and the added lines change;
 * the result is parsed again and must read as the old file merged with exactly `settings`, or the edit is refused —
 * an anchor or merge key that would carry the change elsewhere is caught there.
 */

/** Why the file is left alone, in the user's words. `NOT_A_VALUE`: a block or a map where one value must be. */
export interface ServiceEditRefusal {
	code: 'NOT_YAML' | 'UNPARSABLE' | 'NOT_A_MAP' | 'BLOCK_NOT_A_MAP' | 'NOT_A_VALUE' | 'EDIT_CHECK_FAILED';
	message: string;
	fix: string;
}

export interface ServiceEditInput {
	/** The service file as on disk (BOM, CRLF and all). */
	text: string;
	/** JSON and code are never rewritten. */
	format: ServiceInfo['format'];
	/** For messages, e.g. serverless.yml. */
	fileName: string;
	/** Who is editing, for messages: `the wizard`, `init-team`. */
	editor: string;
	/** What is being added, for messages: `the stage mapping`. */
	what: string;
	settings: YamlSettings;
	/** Which map the edit is about (`['custom', 'profiles']`): when that one is not a map, the code is BLOCK_NOT_A_MAP. */
	block: readonly string[];
	/** How to mend that map when it is not one (`Make custom.profiles a map of stage: profile lines, …`). */
	blockFix: string;
	/** What a leaf must be, for `… is a map, not a profile name`. */
	leafNoun: string;
	decide: (path: string[], existing: ExistingLeaf) => LeafDecision;
	placeAfter?: (mapPath: string[]) => readonly string[];
}

/** A planned change of the service file, to show as a diff and, once confirmed, to write (`writeStageMapping`). */
export interface ServiceFileChange {
	before: string;
	after: string;
	/** False when the file already holds exactly these settings. */
	changed: boolean;
	/** The same settings to paste by hand. */
	snippet: string;
	warnings: string[];
	refusal?: undefined;
}

/** `resolved`: the file as Serverless reads it before the edit (for the caller's warnings). */
export type ServiceEdit =
	| {after: string; resolved: unknown; refusal?: undefined; blocked?: undefined}
	| {refusal: ServiceEditRefusal; blocked?: Blocked; after?: undefined};

export function planServiceFileEdit(input: ServiceEditInput): ServiceEdit {
	const {fileName, editor, format} = input;
	const byHand = `Add the settings below to ${fileName} by hand.`;
	if (format === 'json' || format === 'js' || format === 'ts') {
		return refuse(
			'NOT_YAML',
			`${fileName} is ${format === 'json' ? 'JSON' : 'code'}: ${editor} edits only YAML service files, so it leaves this one as it is.`,
			byHand,
		);
	}
	const again = `Fix ${fileName} first and run ${editor} again, or add the settings below by hand.`;
	const document = parseServiceDocument(input.text);
	if (document.errors.some(error => error.code === 'MULTIPLE_DOCS')) {
		return refuse(
			'UNPARSABLE',
			`${fileName} holds more than one YAML document (a second "---" line); Serverless expects exactly one and stops on this file.`,
			`Keep one document in ${fileName} and run ${editor} again, or add the settings below by hand.`,
		);
	}
	if (document.errors.length > 0) {
		const error = parseYaml(input.text, fileName).error ?? document.errors[0]?.message ?? 'YAML error';
		return refuse('UNPARSABLE', `${error} (Serverless cannot read it either), so ${editor} does not edit it.`, again);
	}
	let resolved: unknown;
	try {
		resolved = document.toJS({maxAliasCount: MAX_ALIAS_COUNT});
	} catch (error) {
		return refuse('UNPARSABLE', `${fileName}: ${(error as Error).message}`, again);
	}
	const edit = planInPlaceEdit({
		text: input.text,
		document,
		resolved,
		settings: input.settings,
		decide: input.decide,
		...(input.placeAfter ? {placeAfter: input.placeAfter} : {}),
	});
	if (edit.blocked) return {refusal: blockedRefusal(input, edit.blocked), blocked: edit.blocked};
	const check = editCheck(edit.after, resolved, input.settings);
	if (check) {
		return refuse('EDIT_CHECK_FAILED', `Adding ${input.what} to ${fileName} ${check}, so ${editor} leaves the file as it is.`, byHand);
	}
	return {after: edit.after, resolved};
}

function refuse(code: ServiceEditRefusal['code'], message: string, fix: string): ServiceEdit {
	return {refusal: {code, message, fix}};
}

function blockedRefusal(input: ServiceEditInput, blocked: Blocked): ServiceEditRefusal {
	const {fileName, editor} = input;
	const path = blocked.path.join('.') || 'The top level';
	const fix = `Add the settings below to ${fileName} by hand.`;
	const isBlock = isDeepStrictEqual(blocked.path, [...input.block]);
	const notAMap = isBlock ? 'BLOCK_NOT_A_MAP' : 'NOT_A_MAP';
	switch (blocked.reason) {
		case 'not-a-map':
			return {
				code: notAMap,
				message: `${path} in ${fileName} is ${blocked.detail ?? 'not a map'}, not a map of settings, so ${editor} cannot add to it.`,
				fix: isBlock ? input.blockFix : fix,
			};
		case 'flow-map':
			return {
				code: notAMap,
				message: `${path} in ${fileName} is written on one line ({…}); ${editor} adds settings only to maps written one key per line.`,
				fix,
			};
		case 'inherited':
			return {
				code: notAMap,
				message: `${path} in ${fileName} comes from a <<: merge key; writing it here would hide the merged entries.`,
				fix: `Add the settings where the merged block is defined, or add the settings below by hand.`,
			};
		case 'not-text':
			return {code: 'NOT_A_VALUE', message: `${path} in ${fileName} is ${blocked.detail ?? 'not a single value'}, not ${input.leafNoun}.`, fix};
		case 'odd-key':
			return {code: 'NOT_A_MAP', message: `${path} in ${fileName} is written in a form ${editor} does not edit (a key over several lines).`, fix};
		case 'stopped':
			return {code: 'EDIT_CHECK_FAILED', message: blocked.detail ?? `${path} in ${fileName} cannot be changed.`, fix};
	}
}

/** The edited file must read as the old one merged with exactly the settings; otherwise says what else moved. */
function editCheck(after: string, before: unknown, settings: YamlSettings): string | undefined {
	const document = parseServiceDocument(after);
	if (document.errors.length > 0) return 'would leave it unreadable (not valid YAML)';
	let actual: unknown;
	try {
		actual = document.toJS({maxAliasCount: MAX_ALIAS_COUNT});
	} catch {
		return 'would leave it unreadable (not valid YAML)';
	}
	const expected = mergeSettings(isRecord(before) ? unshared(before) : {}, settings);
	if (isDeepStrictEqual(actual, expected)) return undefined;
	const changed = isRecord(actual) ? Object.keys({...actual, ...expected}).filter(key => !isDeepStrictEqual(actual[key], expected[key])) : [];
	return changed.length > 0
		? `would also change ${changed.join(', ')} (the settings are shared through an anchor, alias or merge key)`
		: 'would also change other settings';
}

function mergeSettings(target: unknown, settings: YamlSettings): Record<string, unknown> {
	const result = (isRecord(target) ? target : {}) as Record<string, unknown>;
	for (const [key, value] of Object.entries(settings)) {
		result[key] = typeof value === 'string' ? value : mergeSettings(result[key], value);
	}
	return result;
}

/**
 * A deep copy in which an alias's value is no longer the anchor's object (toJS and structuredClone keep them
 * shared): setting the mapping in the copy must not also set it where the anchor is reused.
 */
function unshared(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(unshared);
	if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, unshared(child)]));
	return value;
}

/**
 * Stages the file names (params, stages, provider.stage or the default dev) that have no entry in the block at
 * `block` (e.g. custom.profiles), counting `adding` as entries.
 */
export function stagesWithoutEntry(resolved: unknown, block: readonly string[], adding: readonly string[]): string[] {
	const document = isRecord(resolved) ? resolved : {};
	let map: unknown = document;
	for (const key of block) map = isRecord(map) ? map[key] : undefined;
	const mapped = new Set([...Object.keys(isRecord(map) ? map : {}), ...adding]);
	return namedStages(document).filter(name => !mapped.has(name));
}

/** The stages a service file names: params and stages blocks (not `default`), provider.stage or the default dev. */
export function namedStages(resolved: unknown): string[] {
	const document = isRecord(resolved) ? resolved : {};
	const named = new Set<string>();
	for (const block of ['stages', 'params']) {
		const value = document[block];
		if (isRecord(value)) Object.keys(value).forEach(stage => named.add(stage));
	}
	named.delete('default');
	const provider = isRecord(document['provider']) ? document['provider'] : {};
	const stage = provider['stage'];
	if (stage === undefined || stage === null) named.add('dev');
	else if (typeof stage === 'string' && !stage.includes('${')) named.add(stage);
	return [...named];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Stage names that `${self:custom.<block>.${sls:stage}}` can look up; undefined when fine. */
export function stageNameProblem(stage: string, block: string): {message: string; fix: string} | undefined {
	if (!/^[\w-]+$/.test(stage)) {
		return {
			message: `Stage name ${JSON.stringify(stage)} cannot be used: in \${self:custom.${block}.\${sls:stage}} a dot splits the path, and CloudFormation stack names allow only letters, digits and hyphens.`,
			fix: 'Use a stage name made of letters, digits, hyphens or underscores (e.g. dev, prod, staging-eu).',
		};
	}
	if (stage in Object.prototype) {
		return {
			message: `Stage name ${JSON.stringify(stage)} is a built-in JavaScript name: Serverless' lookup of custom.${block}.${stage} would find that instead of the profile.`,
			fix: 'Use another stage name (e.g. dev, prod, staging-eu).',
		};
	}
	return undefined;
}

/** Profile names the AWS files and a `${self:…}` lookup both take; undefined when fine. */
export function profileNameProblem(profile: string, stage: string): {message: string; fix: string} | undefined {
	const problem = awsProfileNameProblem(profile);
	return problem && {message: `Stage ${stage}: ${problem.message}`, fix: problem.fix};
}
