import {isDeepStrictEqual} from 'node:util';
import {MAX_ALIAS_COUNT, parseServiceDocument, parseYaml} from './parse-service-file.js';
import type {ServiceInfo} from './service-info.js';
import {PROFILE_BY_STAGE, type StageMapping, stageMappingSnippet} from './stage-mapping-snippet.js';
import {type Blocked, type ExistingLeaf, type LeafDecision, planInPlaceEdit} from './yaml-in-place-edit.js';

export {PROFILE_BY_STAGE, type StageMapping, stageMappingSnippet} from './stage-mapping-snippet.js';

export type StageMappingRefusalCode =
	| 'INVALID_MAPPING'
	| 'NOT_YAML'
	| 'UNPARSABLE'
	| 'PROVIDER_PROFILE_SET'
	| 'NOT_A_MAP'
	| 'CUSTOM_PROFILES_NOT_A_MAP'
	| 'NOT_A_PROFILE_NAME'
	| 'EDIT_CHECK_FAILED';

export interface StageMappingRefusal {
	code: StageMappingRefusalCode;
	message: string;
	fix: string;
	/** The user may agree to go ahead anyway (`replaceProfile: true`); only for PROVIDER_PROFILE_SET. */
	canOverride: boolean;
}

export interface StageMappingInput {
	/** The service file as on disk (BOM, CRLF and all). */
	text: string;
	/** Stage → AWS profile name. */
	mapping: StageMapping;
	/** The file's kind (`ServiceInfo.format`); default yml. JSON and code are never rewritten: snippet only. */
	format?: ServiceInfo['format'];
	/** For messages; default serverless.yml. */
	fileName?: string;
	/** The user agreed to replace a `provider.profile` that holds something else. */
	replaceProfile?: boolean;
}

/** The edit to show as a diff and, once confirmed, to write (`writeStageMapping`). */
export interface StageMappingEdit {
	before: string;
	after: string;
	/** False when the file already holds exactly this mapping. */
	changed: boolean;
	snippet: string;
	warnings: string[];
	refusal?: undefined;
}

/** The file is left alone; `snippet` is what the user can paste instead. */
export interface StageMappingRefused {
	refusal: StageMappingRefusal;
	snippet: string;
	warnings: string[];
	after?: undefined;
}

export type StageMappingPlan = StageMappingEdit | StageMappingRefused;

/**
 * Plans writing `custom.profiles.<stage>` and `provider.profile: ${self:custom.profiles.${sls:stage}}` into a
 * serverless.yml. Pure. Only the edited values and the added lines change; the result is parsed again and must
 * equal the old file plus exactly these settings, or the plan is refused — an anchor or merge key that would carry
 * the change elsewhere is caught there.
 */
export function planStageMapping(input: StageMappingInput): StageMappingPlan {
	const format = input.format ?? 'yml';
	const fileName = input.fileName ?? 'serverless.yml';
	const snippet = stageMappingSnippet(input.mapping, format === 'none' ? 'yml' : format);
	const warnings: string[] = [];
	const refuse = (refusal: Omit<StageMappingRefusal, 'canOverride'>): StageMappingPlan => ({
		refusal: {...refusal, canOverride: refusal.code === 'PROVIDER_PROFILE_SET'},
		snippet,
		warnings,
	});

	const invalid = mappingProblem(input.mapping);
	if (invalid) return refuse(invalid);
	if (format === 'json' || format === 'js' || format === 'ts') {
		return refuse({
			code: 'NOT_YAML',
			message: `${fileName} is ${format === 'json' ? 'JSON' : 'code'}: the wizard edits only YAML service files, so it leaves this one as it is.`,
			fix: `Add the settings below to ${fileName} by hand.`,
		});
	}

	const document = parseServiceDocument(input.text);
	if (document.errors.some(error => error.code === 'MULTIPLE_DOCS')) {
		return refuse({
			code: 'UNPARSABLE',
			message: `${fileName} holds more than one YAML document (a second "---" line); Serverless expects exactly one and stops on this file.`,
			fix: `Keep one document in ${fileName} and run the wizard again, or add the settings below by hand.`,
		});
	}
	if (document.errors.length > 0) {
		const error = parseYaml(input.text, fileName).error ?? document.errors[0]?.message ?? 'YAML error';
		return refuse({
			code: 'UNPARSABLE',
			message: `${error} (Serverless cannot read it either), so the wizard does not edit it.`,
			fix: `Fix ${fileName} first and run the wizard again, or add the settings below by hand.`,
		});
	}
	let before: unknown;
	try {
		before = document.toJS({maxAliasCount: MAX_ALIAS_COUNT});
	} catch (error) {
		return refuse({
			code: 'UNPARSABLE',
			message: `${fileName}: ${(error as Error).message}`,
			fix: `Fix ${fileName} first and run the wizard again, or add the settings below by hand.`,
		});
	}

	let stopped: Omit<StageMappingRefusal, 'canOverride'> | undefined;
	const decide = (path: string[], existing: ExistingLeaf): LeafDecision => {
		const current = existing.kind === 'other' ? existing.description : JSON.stringify(existing.value);
		if (existing.kind === 'scalar' && existing.value === '') return 'replace';
		if (path[0] === 'provider') {
			if (!input.replaceProfile) {
				stopped = providerProfileSet(fileName, existing);
				return {stop: stopped.message};
			}
			warnings.push(`provider.profile was ${current}; now ${PROFILE_BY_STAGE}.`);
			return 'replace';
		}
		warnings.push(`custom.profiles.${path[2]} was ${current}; now ${JSON.stringify(input.mapping[path[2] ?? ''])}.`);
		return 'replace';
	};
	const edit = planInPlaceEdit({
		text: input.text,
		document,
		resolved: before,
		settings: {provider: {profile: PROFILE_BY_STAGE}, custom: {profiles: input.mapping}},
		decide,
		placeAfter: path => (path.length === 1 && path[0] === 'provider' ? ['name', 'runtime', 'stage', 'region'] : []),
	});
	if (edit.blocked) return refuse(stopped ?? blockedRefusal(fileName, edit.blocked));

	const check = editCheck(edit.after, before, input.mapping);
	if (check) {
		return refuse({
			code: 'EDIT_CHECK_FAILED',
			message: `Adding the stage mapping to ${fileName} ${check}, so the wizard leaves the file as it is.`,
			fix: `Add the settings below to ${fileName} by hand.`,
		});
	}
	warnings.push(...unmappedStages(before, input.mapping));
	return {before: input.text, after: edit.after, changed: edit.after !== input.text, snippet, warnings};
}

/** Names that would break `${self:custom.profiles.${sls:stage}}` or a profile lookup are refused, not written. */
function mappingProblem(mapping: StageMapping): Omit<StageMappingRefusal, 'canOverride'> | undefined {
	const entries = Object.entries(mapping);
	if (entries.length === 0) {
		return {code: 'INVALID_MAPPING', message: 'No stage was given a profile.', fix: 'Pick a profile for at least one stage.'};
	}
	for (const [stage, profile] of entries) {
		if (!/^[\w-]+$/.test(stage)) {
			return {
				code: 'INVALID_MAPPING',
				message: `Stage name ${JSON.stringify(stage)} cannot be used: in \${self:custom.profiles.\${sls:stage}} a dot splits the path, and CloudFormation stack names allow only letters, digits and hyphens.`,
				fix: 'Use a stage name made of letters, digits, hyphens or underscores (e.g. dev, prod, staging-eu).',
			};
		}
		if (stage in Object.prototype) {
			return {
				code: 'INVALID_MAPPING',
				message: `Stage name ${JSON.stringify(stage)} is a built-in JavaScript name: Serverless' lookup of custom.profiles.${stage} would find that instead of the profile.`,
				fix: 'Use another stage name (e.g. dev, prod, staging-eu).',
			};
		}
		if (!/^[\w\-@+.%:/]+$/.test(profile)) {
			return {
				code: 'INVALID_MAPPING',
				message: `Profile name ${JSON.stringify(profile)} for stage ${stage} cannot be used in the AWS files.`,
				fix: 'Use a profile name made of letters, digits and - _ @ + . % : / (e.g. my-service-dev).',
			};
		}
	}
	return undefined;
}

function providerProfileSet(fileName: string, existing: ExistingLeaf): Omit<StageMappingRefusal, 'canOverride'> {
	const value = existing.kind === 'other' ? existing.description : JSON.stringify(existing.value);
	const where = existing.kind === 'inherited' ? ' (through a <<: merge key)' : '';
	const trap =
		existing.kind !== 'other' && typeof existing.value === 'string' && existing.value.includes('${opt:stage')
			? ` It uses \${opt:stage…}, which ignores provider.stage: a plain "serverless deploy" can pick one stage's profile for another.`
			: '';
	return {
		code: 'PROVIDER_PROFILE_SET',
		message: `provider.profile in ${fileName} is already ${value}${where}; the stage mapping needs ${PROFILE_BY_STAGE} there.${trap}`,
		fix: `Agree to replace it, or keep it and add the custom.profiles settings below by hand.`,
	};
}

function blockedRefusal(fileName: string, blocked: Blocked): Omit<StageMappingRefusal, 'canOverride'> {
	const path = blocked.path.join('.') || 'The top level';
	const fix = `Add the settings below to ${fileName} by hand.`;
	const isProfiles = blocked.path.length === 2 && blocked.path[1] === 'profiles';
	switch (blocked.reason) {
		case 'not-a-map':
			return {
				code: isProfiles ? 'CUSTOM_PROFILES_NOT_A_MAP' : 'NOT_A_MAP',
				message: `${path} in ${fileName} is ${blocked.detail ?? 'not a map'}, not a map of settings, so the wizard cannot add to it.`,
				fix: isProfiles ? `Make custom.profiles a map of stage: profile lines, or add the settings below where it points to.` : fix,
			};
		case 'flow-map':
			return {
				code: isProfiles ? 'CUSTOM_PROFILES_NOT_A_MAP' : 'NOT_A_MAP',
				message: `${path} in ${fileName} is written on one line ({…}); the wizard adds settings only to maps written one key per line.`,
				fix,
			};
		case 'inherited':
			return {
				code: isProfiles ? 'CUSTOM_PROFILES_NOT_A_MAP' : 'NOT_A_MAP',
				message: `${path} in ${fileName} comes from a <<: merge key; writing it here would hide the merged entries.`,
				fix: `Add the stage profiles where the merged block is defined, or add the settings below by hand.`,
			};
		case 'not-text':
			return {
				code: 'NOT_A_PROFILE_NAME',
				message: `${path} in ${fileName} is ${blocked.detail ?? 'not a single value'}, not a profile name.`,
				fix,
			};
		case 'odd-key':
			return {code: 'NOT_A_MAP', message: `${path} in ${fileName} is written in a form the wizard does not edit (a key over several lines).`, fix};
		case 'stopped':
			return {code: 'EDIT_CHECK_FAILED', message: blocked.detail ?? `${path} in ${fileName} cannot be changed.`, fix};
	}
}

/** The edited file must read as the old one plus exactly the mapping; otherwise says what else moved. */
function editCheck(after: string, before: unknown, mapping: StageMapping): string | undefined {
	const document = parseServiceDocument(after);
	if (document.errors.length > 0) return 'would leave it unreadable (not valid YAML)';
	let actual: unknown;
	try {
		actual = document.toJS({maxAliasCount: MAX_ALIAS_COUNT});
	} catch {
		return 'would leave it unreadable (not valid YAML)';
	}
	const expected = (isRecord(before) ? unshared(before) : {}) as Record<string, unknown>;
	const provider = (expected['provider'] = isRecord(expected['provider']) ? expected['provider'] : {});
	provider['profile'] = PROFILE_BY_STAGE;
	const custom = (expected['custom'] = isRecord(expected['custom']) ? expected['custom'] : {});
	const profiles = (custom['profiles'] = isRecord(custom['profiles']) ? custom['profiles'] : {});
	Object.assign(profiles, mapping);
	if (isDeepStrictEqual(actual, expected)) return undefined;
	const changed = isRecord(actual) ? Object.keys({...actual, ...expected}).filter(key => !isDeepStrictEqual(actual[key], expected[key])) : [];
	return changed.length > 0
		? `would also change ${changed.join(', ')} (the settings are shared through an anchor, alias or merge key)`
		: 'would also change other settings';
}

/** Stages the file names (params, stages, provider.stage or the default dev) that would have no profile after the edit. */
function unmappedStages(before: unknown, mapping: StageMapping): string[] {
	const document = isRecord(before) ? before : {};
	const custom = isRecord(document['custom']) ? document['custom'] : {};
	const mapped = new Set([...Object.keys(isRecord(custom['profiles']) ? custom['profiles'] : {}), ...Object.keys(mapping)]);
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
	return [...named]
		.filter(name => !mapped.has(name))
		.map(
			name =>
				`Stage ${name} has no entry in custom.profiles: "serverless deploy --stage ${name}" would stop because provider.profile cannot be resolved. Pick a profile for it too.`,
		);
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

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
