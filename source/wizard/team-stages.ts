/**
 * The newcomer flow's data (issue #5): the team's stages from the scan, which one is next, the assume-role settings
 * a role stage's profile gets, and the sentences the screens show about them. Pure: the reducer and the screens
 * derive everything from the state through these.
 */
import {PROFILE_FROM_TEAM_SETTINGS, type StageAccount} from '../service/team-settings.js';
import type {TeamRun, TeamSummary, WizardContext} from './state.js';

export function teamRun(summary: TeamSummary | undefined): TeamRun | undefined {
	if (summary?.status !== 'ok' || summary.stages.length === 0) return undefined;
	return {path: summary.path, stages: summary.stages, providerProfileFromBlock: summary.providerProfileFromBlock, results: {}};
}

/** The scan screen's first choice: `Set up this team's stages (dev → 111111111111, prod → 222222222222)`. */
export function teamOffer(team: TeamRun): string {
	return `Set up this team's stages (${team.stages.map((entry) => `${entry.stage} → ${entry.account}`).join(', ')})`;
}

/** The first stage without a result, in the order of the file. */
export function nextTeamStage(team: TeamRun): StageAccount | undefined {
	return team.stages.find((entry) => !Object.hasOwn(team.results, entry.stage));
}

export function teamStage(team: TeamRun | undefined, stage: string): StageAccount | undefined {
	return team?.stages.find((entry) => entry.stage === stage);
}

/** stage → the profile the team expects, as the doctor's last check reads it. */
export function teamMapping(team: TeamRun): Record<string, string> {
	return Object.fromEntries(team.stages.map((entry) => [entry.stage, entry.profile]));
}

/** A profile exists when the scan found it or this run wrote it. */
export function profileExists(context: WizardContext, profile: string): boolean {
	return context.defaults.existingProfiles.includes(profile) || context.writtenProfiles.includes(profile);
}

/** The profile holding the newcomer's own keys for a role stage: the team's `source_profile`, else the one typed. */
export function baseProfileOf(entry: StageAccount, context: WizardContext): string | undefined {
	return entry.role?.sourceProfile ?? context.team?.baseProfile;
}

/** The region a team stage's profile gets: the team's, else the service's default. */
export function stageRegion(entry: StageAccount, context: WizardContext): string {
	return entry.region ?? context.defaults.region;
}

/**
 * The settings of a role stage's profile: the SDK assumes the role from the base profile's keys. Where they go is
 * `roleSettingsPlacement`'s choice; `region` always goes to `~/.aws/config`.
 */
export function roleSettings(entry: StageAccount, baseProfile: string, region: string): Record<string, string> {
	const role = entry.role;
	if (!role) return {region};
	return {
		role_arn: role.arn,
		source_profile: baseProfile,
		...(role.mfaSerial ? {mfa_serial: role.mfaSerial} : {}),
		...(role.externalId ? {external_id: role.externalId} : {}),
		region,
	};
}

/**
 * Where a role stage's role settings are written. Serverless v3 signs with aws-sdk v2, which reads `~/.aws/config` only
 * with AWS_SDK_LOAD_CONFIG but assumes a role from `~/.aws/credentials` (conformance-checked against serverless@3's
 * own getCredentials()); the AWS CLI and v4 read it there too. v4 keeps the usual place, the config file.
 */
export function roleSettingsPlacement(context: WizardContext): 'credentials' | undefined {
	return context.defaults.framework === 3 ? 'credentials' : undefined;
}

/**
 * The AWS_SDK_LOAD_CONFIG hint for a v3 role stage, only where it is true: its profile was found on disk in
 * `~/.aws/config` alone, and this run did not write it (it would have gone to the credentials file).
 */
export function v3ConfigFileHint(entry: StageAccount, context: WizardContext): string | undefined {
	if (!entry.role || context.defaults.framework !== 3 || context.writtenProfiles.includes(entry.profile)) return undefined;
	const found = context.scan?.profiles.find((profile) => profile.name === entry.profile);
	if (!found || found.files.includes('credentials')) return undefined;
	return `Profile ${entry.profile} is only in ~/.aws/config, which Serverless v3 reads only with AWS_SDK_LOAD_CONFIG=1: export AWS_SDK_LOAD_CONFIG=1 before deploying (v4 always reads it).`;
}

/** The mismatch in one sentence: `These credentials belong to 333333333333; the team expects 222222222222 for prod.` */
export function mismatchText(stage: string, actual: string, expected: string): string {
	return `These credentials belong to account ${actual}; the team expects ${expected} for ${stage}.`;
}

/** The line serverless.yml needs so that Serverless reads each stage's profile from the team settings. */
export const PROVIDER_PROFILE_LINE = `provider:\n  profile: ${PROFILE_FROM_TEAM_SETTINGS}`;
