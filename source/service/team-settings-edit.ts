import {readTeamSettings} from './read-team-settings.js';
import {isRecord, planServiceFileEdit, type ServiceFileChange, stageNameProblem, stagesWithoutEntry} from './service-file-edit.js';
import type {ServiceInfo} from './service-info.js';
import {PROVIDER_KEYS_BEFORE_PROFILE} from './stage-mapping.js';
import {PROFILE_BY_STAGE, settingsSnippet} from './stage-mapping-snippet.js';
import {PROFILE_FROM_TEAM_SETTINGS, type StageAccount, TEAM_SETTINGS_PATH, type TeamSettingsProblem} from './team-settings.js';
import type {ExistingLeaf, LeafDecision, YamlSettings} from './yaml-in-place-edit.js';

/**
 * Plans writing the team settings block (`custom.deployAccounts.<stage>`, see team-settings.ts) and, when asked,
 * `provider.profile: ${self:custom.deployAccounts.${sls:stage}.profile}` into a serverless.yml, for
 * `sls-creds-wizard init-team`. Pure. Same in-place editing as the wizard's stage mapping: only the edited values
 * and the added lines change; comments, order, quoting and CloudFormation tags elsewhere stay byte for byte.
 */

export type TeamSettingsRefusalCode =
	| 'INVALID_STAGES'
	| 'NOT_YAML'
	| 'UNPARSABLE'
	| 'PROVIDER_PROFILE_SET'
	| 'NOT_A_MAP'
	| 'DEPLOY_ACCOUNTS_NOT_A_MAP'
	| 'NOT_A_VALUE'
	| 'EDIT_CHECK_FAILED';

export interface TeamSettingsRefusal {
	code: TeamSettingsRefusalCode;
	message: string;
	fix: string;
	/** What the user can paste by hand instead. */
	snippet: string;
	/** The user may agree to go ahead anyway (`replaceProfile: true`); only for PROVIDER_PROFILE_SET. */
	canOverride: boolean;
	/** For PROVIDER_PROFILE_SET: what provider.profile holds now. */
	currentProfile?: string;
}

export interface TeamSettingsInput {
	/** The service file as on disk (BOM, CRLF and all). */
	text: string;
	/** `ServiceInfo.format`; JSON and code are never rewritten: snippet only. */
	format: ServiceInfo['format'];
	/** In the order to write them. */
	stages: StageAccount[];
	/** Also make `provider.profile` read each stage's profile from the block. */
	setProviderProfile: boolean;
	/** The user agreed to replace a `provider.profile` that holds something else. */
	replaceProfile?: boolean;
	/** For messages; default serverless.yml. */
	fileName?: string;
}

/** The edit to show as a diff and, once confirmed, to write (with the stage-mapping writer). */
export type TeamSettingsEdit = ServiceFileChange;

export type TeamSettingsPlan = TeamSettingsEdit | {refusal: TeamSettingsRefusal; warnings: string[]; after?: undefined};

const BLOCK = TEAM_SETTINGS_PATH.join('.');

export function planTeamSettings(input: TeamSettingsInput): TeamSettingsPlan {
	const fileName = input.fileName ?? 'serverless.yml';
	const settings = teamSettings(input.stages, input.setProviderProfile);
	const snippet = settingsSnippet(settings, input.format === 'none' ? 'yml' : input.format);
	const warnings: string[] = [];
	const refuse = (refusal: Omit<TeamSettingsRefusal, 'snippet' | 'canOverride'>): TeamSettingsPlan => ({
		refusal: {...refusal, snippet, canOverride: refusal.code === 'PROVIDER_PROFILE_SET'},
		warnings,
	});

	if (input.stages.length === 0) return refuse({code: 'INVALID_STAGES', message: 'No stage was given.', fix: 'Give at least one stage with its profile and account.'});
	const [problem] = stageAccountProblems(input.stages);
	if (problem) return refuse({code: 'INVALID_STAGES', message: problem.message, fix: problem.fix});

	let stopped: Omit<TeamSettingsRefusal, 'snippet' | 'canOverride'> | undefined;
	const decide = (path: string[], existing: ExistingLeaf): LeafDecision => {
		const wanted = valueAt(settings, path);
		if (existing.kind === 'scalar' && (existing.value === '' || existing.value === wanted)) return 'replace';
		const current = existing.kind === 'other' ? existing.description : JSON.stringify(existing.value);
		if (path[0] === 'provider') {
			if (!input.replaceProfile) {
				stopped = providerProfileSet(fileName, existing);
				return {stop: stopped.message};
			}
			warnings.push(`provider.profile was ${current}; now ${PROFILE_FROM_TEAM_SETTINGS}.`);
			return 'replace';
		}
		warnings.push(`${path.join('.')} was ${current}; now ${JSON.stringify(wanted)}.`);
		return 'replace';
	};
	const edit = planServiceFileEdit({
		text: input.text,
		format: input.format,
		fileName,
		editor: 'init-team',
		what: 'the team settings',
		settings,
		block: TEAM_SETTINGS_PATH,
		blockFix: `Make ${BLOCK} a map of stage: settings blocks, or add the settings below where it points to.`,
		leafNoun: 'a single value',
		decide,
		placeAfter: path => (path.length === 1 && path[0] === 'provider' ? PROVIDER_KEYS_BEFORE_PROFILE : []),
	});
	if (edit.refusal) {
		if (stopped && edit.blocked?.reason === 'stopped') return refuse(stopped);
		const {code, ...rest} = edit.refusal;
		return refuse({...rest, code: code === 'BLOCK_NOT_A_MAP' ? 'DEPLOY_ACCOUNTS_NOT_A_MAP' : code});
	}
	warnings.push(...leftAlone(edit.resolved, input.stages));
	const readsBlock = input.setProviderProfile || providerProfileOf(edit.resolved) === PROFILE_FROM_TEAM_SETTINGS;
	for (const stage of stagesWithoutEntry(edit.resolved, TEAM_SETTINGS_PATH, input.stages.map(entry => entry.stage))) {
		warnings.push(
			readsBlock
				? `Stage ${stage} has no entry in ${BLOCK}: "serverless deploy --stage ${stage}" would stop because provider.profile cannot be resolved. Give it a profile and account too.`
				: `Stage ${stage} has no entry in ${BLOCK}: the doctor cannot check which account it deploys to.`,
		);
	}
	if (!input.setProviderProfile && !readsBlock) {
		warnings.push(
			`provider.profile does not read ${BLOCK}: Serverless keeps picking profiles its own way, and only the doctor compares accounts. Set provider.profile: ${PROFILE_FROM_TEAM_SETTINGS} to make the block the one mapping.`,
		);
	}
	return {before: input.text, after: edit.after, changed: edit.after !== input.text, snippet, warnings};
}

/** `custom.deployAccounts` (+ `provider.profile`) as YAML settings, keys in the documented order. */
export function teamSettings(stages: readonly StageAccount[], setProviderProfile: boolean): YamlSettings {
	const block = Object.fromEntries(stages.map(entry => [entry.stage, stageSettings(entry)]));
	return {
		...(setProviderProfile ? {provider: {profile: PROFILE_FROM_TEAM_SETTINGS}} : {}),
		custom: {deployAccounts: block},
	};
}

function stageSettings(entry: StageAccount): Record<string, string> {
	const settings: Record<string, string> = {profile: entry.profile, account: entry.account};
	if (entry.region !== undefined) settings['region'] = entry.region;
	if (entry.role) {
		settings['role_arn'] = entry.role.arn;
		if (entry.role.sourceProfile !== undefined) settings['source_profile'] = entry.role.sourceProfile;
		if (entry.role.mfaSerial !== undefined) settings['mfa_serial'] = entry.role.mfaSerial;
		if (entry.role.externalId !== undefined) settings['external_id'] = entry.role.externalId;
	}
	return settings;
}

/** The block's settings this tool writes; anything else in a stage entry is the team's own and is left alone. */
const STAGE_KEYS = ['profile', 'account', 'region', 'role_arn', 'source_profile', 'mfa_serial', 'external_id'] as const;

/** Settings of a rewritten stage entry that the new entry does not name: they stay (the planner never deletes). */
function leftAlone(resolved: unknown, stages: readonly StageAccount[]): string[] {
	const block = deployAccountsOf(resolved);
	return stages.flatMap(entry => {
		const old = block[entry.stage];
		if (!isRecord(old)) return [];
		const written = stageSettings(entry);
		const stale = STAGE_KEYS.filter(key => old[key] !== undefined && old[key] !== null && written[key] === undefined);
		return stale.map(
			key => `${BLOCK}.${entry.stage}.${key} stays ${JSON.stringify(old[key])} (init-team adds and changes settings, it never removes one); delete the line by hand if it no longer applies.`,
		);
	});
}

function providerProfileSet(fileName: string, existing: ExistingLeaf): Omit<TeamSettingsRefusal, 'snippet' | 'canOverride'> {
	const value = existing.kind === 'other' ? existing.description : JSON.stringify(existing.value);
	const where = existing.kind === 'inherited' ? ' (through a <<: merge key)' : '';
	const current = existing.kind !== 'other' && typeof existing.value === 'string' ? existing.value : undefined;
	const reason =
		current === PROFILE_BY_STAGE
			? ` It reads the profile from custom.profiles; the team settings carry the same profile names, so it can read them from ${BLOCK} instead (custom.profiles stays).`
			: '';
	return {
		code: 'PROVIDER_PROFILE_SET',
		message: `provider.profile in ${fileName} is already ${value}${where}; the team settings need ${PROFILE_FROM_TEAM_SETTINGS} there.${reason}`,
		fix: `Agree to replace it (--replace-profile), or keep it (--keep-profile) and write only ${BLOCK}.`,
		...(current === undefined ? {} : {currentProfile: current}),
	};
}

function valueAt(settings: YamlSettings, path: readonly string[]): string | undefined {
	let node: YamlSettings | string | undefined = settings;
	for (const key of path) node = typeof node === 'object' ? node[key] : undefined;
	return typeof node === 'string' ? node : undefined;
}

function deployAccountsOf(resolved: unknown): Record<string, unknown> {
	const custom = isRecord(resolved) ? resolved['custom'] : undefined;
	const block = isRecord(custom) ? custom['deployAccounts'] : undefined;
	return isRecord(block) ? block : {};
}

function providerProfileOf(resolved: unknown): unknown {
	const provider = isRecord(resolved) ? resolved['provider'] : undefined;
	return isRecord(provider) ? provider['profile'] : undefined;
}

/** The account a role ARN belongs to (`arn:aws:iam::123456789012:role/x` → `123456789012`); undefined when it does not parse. */
export function roleArnAccount(arn: string): string | undefined {
	return /^arn:aws(?:-[a-z]+)*:iam::(\d{12}):role\/[\w+=,.@/-]+$/.exec(arn)?.[1];
}

/**
 * What is wrong with the stages to write, judged by the same reader the doctor uses (read-team-settings), so what
 * init-team writes is what the guard accepts; plus the stage names `${self:custom.deployAccounts.${sls:stage}…}`
 * cannot look up, and a stage given twice. `where` is the setting's path (`custom.deployAccounts.dev.account`).
 */
export function stageAccountProblems(stages: readonly StageAccount[]): TeamSettingsProblem[] {
	const problems: TeamSettingsProblem[] = [];
	const seen = new Set<string>();
	for (const {stage} of stages) {
		const where = `${BLOCK}.${stage}`;
		if (seen.has(stage)) problems.push({where, message: `Stage ${stage} is given twice.`, fix: 'Give each stage once.'});
		seen.add(stage);
		const problem = stageNameProblem(stage, 'deployAccounts');
		if (problem) problems.push({where, ...problem});
	}
	if (problems.length > 0) return problems;
	const block = Object.fromEntries(stages.map(entry => [entry.stage, stageSettings(entry)]));
	const read = readTeamSettings({document: {custom: {deployAccounts: block}}, path: 'serverless.yml', declaredStages: []});
	return read.status === 'invalid' ? read.problems : [];
}
