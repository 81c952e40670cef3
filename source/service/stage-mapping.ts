import {planServiceFileEdit, profileNameProblem, type ServiceFileChange, stageNameProblem, stagesWithoutEntry} from './service-file-edit.js';
import type {ServiceInfo} from './service-info.js';
import {PROFILE_BY_STAGE, type StageMapping, stageMappingSnippet} from './stage-mapping-snippet.js';
import type {ExistingLeaf, LeafDecision} from './yaml-in-place-edit.js';

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
export type StageMappingEdit = ServiceFileChange;

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

	let stopped: Omit<StageMappingRefusal, 'canOverride'> | undefined;
	const decide = (path: string[], existing: ExistingLeaf): LeafDecision => {
		const current = existing.kind === 'other' ? existing.description : JSON.stringify(existing.value);
		const wanted = path[0] === 'provider' ? PROFILE_BY_STAGE : input.mapping[path[2] ?? ''];
		// Empty, or the same name written as a number or a boolean (`dev: 123`): rewritten as text, nothing to say.
		if (existing.kind === 'scalar' && (existing.value === '' || existing.value === wanted)) return 'replace';
		if (path[0] === 'provider') {
			if (!input.replaceProfile) {
				stopped = providerProfileSet(fileName, existing);
				return {stop: stopped.message};
			}
			warnings.push(`provider.profile was ${current}; now ${PROFILE_BY_STAGE}.`);
			return 'replace';
		}
		warnings.push(`custom.profiles.${path[2]} was ${current}; now ${JSON.stringify(wanted)}.`);
		return 'replace';
	};
	const edit = planServiceFileEdit({
		text: input.text,
		format,
		fileName,
		editor: 'the wizard',
		what: 'the stage mapping',
		settings: {provider: {profile: PROFILE_BY_STAGE}, custom: {profiles: input.mapping}},
		block: ['custom', 'profiles'],
		blockFix: 'Make custom.profiles a map of stage: profile lines, or add the settings below where it points to.',
		leafNoun: 'a profile name',
		decide,
		placeAfter: path => (path.length === 1 && path[0] === 'provider' ? PROVIDER_KEYS_BEFORE_PROFILE : []),
	});
	if (edit.refusal) {
		if (stopped && edit.blocked?.reason === 'stopped') return refuse(stopped);
		const {code, ...rest} = edit.refusal;
		return refuse({...rest, code: code === 'BLOCK_NOT_A_MAP' ? 'CUSTOM_PROFILES_NOT_A_MAP' : code === 'NOT_A_VALUE' ? 'NOT_A_PROFILE_NAME' : code});
	}
	warnings.push(
		...stagesWithoutEntry(edit.resolved, ['custom', 'profiles'], Object.keys(input.mapping)).map(
			name =>
				`Stage ${name} has no entry in custom.profiles: "serverless deploy --stage ${name}" would stop because provider.profile cannot be resolved. Pick a profile for it too.`,
		),
	);
	return {before: input.text, after: edit.after, changed: edit.after !== input.text, snippet, warnings};
}

/** Where a new `provider.profile` line reads best: after these keys of `provider`. */
export const PROVIDER_KEYS_BEFORE_PROFILE = ['name', 'runtime', 'stage', 'region'] as const;

/** Names that would break `${self:custom.profiles.${sls:stage}}` or a profile lookup are refused, not written. */
function mappingProblem(mapping: StageMapping): Omit<StageMappingRefusal, 'canOverride'> | undefined {
	const entries = Object.entries(mapping);
	if (entries.length === 0) {
		return {code: 'INVALID_MAPPING', message: 'No stage was given a profile.', fix: 'Pick a profile for at least one stage.'};
	}
	for (const [stage, profile] of entries) {
		const problem = stageNameProblem(stage, 'profiles') ?? profileNameProblem(profile, stage);
		if (problem) return {code: 'INVALID_MAPPING', ...problem};
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
