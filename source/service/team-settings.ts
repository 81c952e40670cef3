/**
 * Team settings: which AWS account each stage must deploy to, checked into the repo as a block of serverless.yml.
 *
 * ```yaml
 * custom:
 *   deployAccounts:            # read by sls-creds-wizard (doctor guard, newcomer onboarding)
 *     dev:
 *       profile: acme-dev
 *       account: '111111111111'
 *       region: eu-west-1
 *     prod:
 *       profile: acme-prod
 *       account: '222222222222'
 *       role_arn: arn:aws:iam::222222222222:role/deployer
 *       source_profile: acme-base
 *       mfa_serial: arn:aws:iam::111111111111:mfa/alice   # optional
 *       external_id: acme-deploy                            # optional
 * provider:
 *   profile: ${self:custom.deployAccounts.${sls:stage}.profile}
 * ```
 *
 * Why a block in serverless.yml and not a file beside it: Serverless itself reads the profile from the same block
 * (`provider.profile` above), so the mapping the tool checks is the mapping the deploy uses and cannot drift; the stages
 * live next to the service they belong to; there is no second file to forget to commit.
 */

/** Where the block lives in the service file. */
export const TEAM_SETTINGS_PATH = ['custom', 'deployAccounts'] as const;
/** `provider.profile` that makes Serverless read each stage's profile from the block. */
export const PROFILE_FROM_TEAM_SETTINGS = '${self:custom.deployAccounts.${sls:stage}.profile}';

/** The role a stage's profile assumes (written to `~/.aws/config` as `role_arn`, `source_profile`, …). */
export interface StageRole {
	/** `arn:<partition>:iam::<12 digits>:role/<path/name>` */
	arn: string;
	/** The profile holding the person's own keys that the role is assumed from. */
	sourceProfile?: string;
	/** An MFA device ARN (`arn:…:iam::<account>:mfa/<name>`) or a hardware token serial number. */
	mfaSerial?: string;
	externalId?: string;
}

export interface StageAccount {
	stage: string;
	/** The profile name everybody on the team uses for this stage. */
	profile: string;
	/** The 12-digit AWS account id the stage must deploy to. */
	account: string;
	region?: string;
	role?: StageRole;
}

export interface TeamSettings {
	/** The service file the block was read from (absolute). */
	path: string;
	/** In the order of the file. */
	stages: StageAccount[];
	/** True when `provider.profile` reads the profile from the block (PROFILE_FROM_TEAM_SETTINGS or equivalent). */
	providerProfileFromBlock: boolean;
}

/** One thing wrong with the block: where (a dotted path, e.g. `custom.deployAccounts.prod.account`), what, and the fix. */
export interface TeamSettingsProblem {
	where: string;
	/** 1-based line in the service file, when known. */
	line?: number;
	message: string;
	fix: string;
}

export type TeamSettingsRead =
	| {status: 'absent'}
	| {status: 'ok'; settings: TeamSettings}
	| {status: 'invalid'; path: string; problems: TeamSettingsProblem[]};

/** The expected account of one stage, if the team settings name it. */
export function stageAccount(read: TeamSettingsRead | undefined, stage: string): StageAccount | undefined {
	return read?.status === 'ok' ? read.settings.stages.find((entry) => entry.stage === stage) : undefined;
}
