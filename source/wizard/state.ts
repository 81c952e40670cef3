/**
 * The onboarding wizard as data: which screen is showing (a step and a phase inside it), what the earlier screens
 * gathered, and every event a screen or an effect runner can send. Secrets are `Secret`s only, so any printed or
 * serialised form of the state is masked.
 */
import type {AccessKeySummary} from '../aws/iam-access-keys.js';
import type {FrameworkMajor} from '../gather/snapshot.js';
import type {CredentialKind, Winner} from '../credentials/verdict.js';
import type {Identity} from '../aws/identity.js';
import type {Secret} from '../secret.js';
import type {StageAccount, TeamSettingsProblem} from '../service/team-settings.js';

/** Step 3's five ways to get keys (issue #4: a–e). */
export type KeysPath = 'create-user' | 'console' | 'paste' | 'dashboard' | 'env';

export interface AccessKeys {
	accessKeyId: Secret;
	secretAccessKey: Secret;
	sessionToken?: Secret;
}

/** A user-facing failure: message, cause, fix (one line each). */
export interface Failure {
	code?: string;
	message: string;
	cause?: string;
	fix?: string;
}

/** Credentials the scan found that might be allowed to use IAM (path a), shaped as the Winner the IAM calls take. */
export interface IamCandidate {
	/** In the user's words: `AWS_ACCESS_KEY_ID in the environment`, `profile "admin"`. */
	label: string;
	winner: Winner;
}

/** Credentials used for this run only to create the deploy user: never stored. */
export type AdminCredentials = {kind: 'found'; candidate: IamCandidate} | {kind: 'pasted'; keys: AccessKeys};

export interface ProfileSummary {
	name: string;
	kind: CredentialKind;
	/** Which files define it. */
	files: Array<'credentials' | 'config'>;
	accessKeyId?: Secret;
	region?: string;
}

/** What step 1 shows: what exists now, every secret masked. Built by `summarizeScan` from a Snapshot. */
export interface ScanSummary {
	profiles: ProfileSummary[];
	/** `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` (+ token) set in the environment Serverless sees. */
	environmentKeys?: {accessKeyId: Secret; sessionToken: boolean; from: string[]};
	/** Other credential-selecting variables that are set (`AWS_PROFILE=dev`, `AWS_DEV_PROFILE=x`), values are names, not secrets. */
	environmentProfiles: Array<{variable: string; value: string}>;
	service: {
		path?: string;
		format: 'yml' | 'json' | 'ts' | 'js' | 'none';
		name?: string;
		region?: string;
		stages: string[];
		providerProfile?: string;
		stageProfiles: Record<string, string>;
		error?: string;
	};
	/** CA-related variables that are set (names only). */
	caVariables: string[];
	framework: {major: FrameworkMajor; source: string; detail?: string};
	/** What the doctor would say now for the default stage. */
	doctor: {stage: string; winner?: string; account?: string; error?: string; traps: number};
	iamCandidates: IamCandidate[];
	/** The team settings block (`custom.deployAccounts`), when serverless.yml has one. */
	team?: TeamSummary;
}

/** The team settings as the scan read them (see service/team-settings.ts). */
export type TeamSummary =
	| {status: 'ok'; path: string; stages: StageAccount[]; providerProfileFromBlock: boolean}
	| {status: 'invalid'; path: string; problems: TeamSettingsProblem[]};

/** How one team stage ended: STS says it lands in the expected account, or the user skipped it. */
export type TeamStageResult = {status: 'verified'; account: string; arn: string} | {status: 'skipped'};

/** The newcomer flow (issue #5): every stage of the team settings, and how far each one got. */
export interface TeamRun {
	path: string;
	stages: StageAccount[];
	providerProfileFromBlock: boolean;
	/** stage → result; a stage without one is still to do. */
	results: Record<string, TeamStageResult>;
	/** The base profile the user named for role stages without `source_profile` (asked once). */
	baseProfile?: string;
}

/** The team stage a detour through steps 3–6 is for, and which of its profiles gets the keys. */
export interface TeamTarget {
	stage: string;
	/** `stage`: the profile the team expects for the stage; `base`: the source profile its role is assumed from. */
	profile: 'stage' | 'base';
}

/**
 * What the profile step plans and writes besides the keys of this run under `profileName` (no target): the pasted
 * admin keys the user asked to keep, or a team stage's assume-role profile (no keys: `role_arn`, `source_profile`, …).
 */
export type ProfileTarget = {kind: 'admin'; profile: string} | {kind: 'role'; stage: string};

/** Values the forms start with (see defaults.ts). */
export interface WizardDefaults {
	service: string;
	userName: string;
	policyName: string;
	/** The profile for the stage being set up. */
	profileName: string;
	region: string;
	regionSource: 'serverless.yml' | '--region' | 'AWS_REGION' | 'default';
	/** The stage a deploy runs for now (`--stage` → provider.stage → dev). */
	stage: string;
	stages: string[];
	/** stage → profile already in `custom.profiles`. */
	stageProfiles: Record<string, string>;
	/** Profile names that exist on disk, for the stage picker. */
	existingProfiles: string[];
	framework: FrameworkMajor;
	serviceFile?: {path: string; format: 'yml' | 'json' | 'ts' | 'js'};
}

export interface GeneratedPolicy {
	name: string;
	/** Pretty-printed JSON. Not a secret. */
	document: string;
	warnings: string[];
	/** Where it was saved, when the user asked. */
	savedTo?: string;
}

/** An access key already on a user (IAM allows two), for the "delete one" choice. */
export type ExistingKey = AccessKeySummary;

/** How an IAM change failed, classified (issue #4 step 4 error branches; the kinds of `aws/iam-failure.ts`). */
export type IamFailure =
	| {kind: 'user-exists'; userName: string}
	| {kind: 'too-many-keys'; userName: string; keys: ExistingKey[]}
	| {kind: 'access-denied'; deniedAction?: string; message: string}
	| {kind: 'malformed-policy'; message: string}
	| {kind: 'no-such-entity'; message: string}
	| {kind: 'policy-exists'; policyName?: string; message: string}
	/** AWS does not accept the admin credentials themselves (unknown key, wrong secret, expired token). */
	| {kind: 'credentials-rejected'; failure: Failure}
	| {kind: 'other'; failure: Failure};

/** The masked diff of one planned edit, and why it cannot be written as it is. */
export interface PlanRefusal {
	code: string;
	message: string;
	fix?: string;
	/** The user may agree to replace what is there (`overwrite` event). */
	canOverride: boolean;
}

export interface StageCheck {
	stage: string;
	profile?: string;
	/** The winning source in the user's words, or the engine's error. */
	winner?: string;
	account?: string;
	ok: boolean;
	problem?: string;
	/** The winner is a role that asks for an MFA code: not checked with STS here (a code is used once). */
	mfa?: boolean;
}

export type VerifiedIdentity = Pick<Identity, 'account' | 'arn' | 'userId' | 'principal'>;

/** One screen. A phase with an `id` waits for the result of the effect with that id. */
export type Screen =
	| {step: 'scan'; phase: 'scanning'; id: number}
	| {step: 'scan'; phase: 'summary'}
	| {step: 'scan'; phase: 'failed'; failure: Failure}
	| {step: 'account'; phase: 'ask'}
	| {step: 'account'; phase: 'sign-up'}
	| {step: 'keys-path'; phase: 'choose'}
	/** a: whose credentials create the user. */
	| {step: 'keys-path'; phase: 'admin-credentials'; error?: string}
	/** a, with pasted admin keys: keep them as a profile? (default no); `naming` once the user said yes. */
	| {step: 'keys-path'; phase: 'save-admin'; naming: boolean; error?: string}
	/** b: the console steps; `reason` when path a failed for lack of IAM rights. */
	| {step: 'keys-path'; phase: 'console-guide'; reason?: {action?: string; message: string}}
	/** b, c, e: masked input of a key id and secret. */
	| {step: 'keys-path'; phase: 'paste'; path: 'console' | 'paste' | 'env'; error?: string}
	/** d */
	| {step: 'keys-path'; phase: 'dashboard'}
	/** e: export lines (masked on screen, real on copy). */
	| {step: 'keys-path'; phase: 'env-exports'}
	| {step: 'user-and-policy'; phase: 'form'; error?: Failure}
	| {step: 'user-and-policy'; phase: 'generating-policy'; id: number}
	| {step: 'user-and-policy'; phase: 'policy'; error?: Failure}
	| {step: 'user-and-policy'; phase: 'confirm-save-policy'; path: string}
	| {step: 'user-and-policy'; phase: 'saving-policy'; id: number; path: string}
	| {step: 'user-and-policy'; phase: 'confirm-create'}
	| {step: 'user-and-policy'; phase: 'creating'; id: number}
	| {step: 'user-and-policy'; phase: 'user-exists'; userName: string}
	| {step: 'user-and-policy'; phase: 'confirm-new-key'; userName: string}
	| {step: 'user-and-policy'; phase: 'too-many-keys'; userName: string; keys: ExistingKey[]}
	| {step: 'user-and-policy'; phase: 'confirm-delete-key'; userName: string; key: ExistingKey}
	| {step: 'profile'; phase: 'form'; error?: Failure}
	| {step: 'profile'; phase: 'planning'; id: number}
	| {step: 'profile'; phase: 'review'; diff: string[]; warnings: string[]; refusal?: PlanRefusal}
	| {step: 'profile'; phase: 'writing'; id: number}
	| {step: 'verify'; phase: 'verifying'; id: number; attempt: number; elapsedMs: number}
	| {step: 'verify'; phase: 'verified'; identity: VerifiedIdentity}
	| {step: 'verify'; phase: 'failed'; failure: Failure; timedOut: boolean}
	| {step: 'stages'; phase: 'pick'; error?: string}
	| {step: 'stages'; phase: 'planning'; id: number}
	| {step: 'stages'; phase: 'review'; diff: string[]; snippet: string; warnings: string[]; refusal?: PlanRefusal}
	| {step: 'stages'; phase: 'writing'; id: number; snippet: string}
	/** The snippet to paste: no serverless.yml, a refusal, or the user declined the edit. */
	| {step: 'stages'; phase: 'snippet'; snippet: string; reason: 'no-service-file' | 'declined' | 'refused' | 'write-failed'; failure?: Failure}
	/** The team's stages and how far each got; Enter sets up the next one. */
	| {step: 'team'; phase: 'overview'}
	/** A role stage names no `source_profile`: which profile holds the newcomer's own keys. */
	| {step: 'team'; phase: 'base-profile'; stage: string; newKeys: boolean; error?: string}
	/**
	 * The role names an `mfa_serial`: AssumeRole needs the code the MFA device shows now. It is used once, for this
	 * check, and kept nowhere else (leaving the screen empties it).
	 */
	| {step: 'team'; phase: 'mfa-code'; stage: string; code: string; error?: string}
	/** STS through the stage's profile (AssumeRole for a role profile). */
	| {step: 'team'; phase: 'checking'; id: number; stage: string}
	/** The stage's credentials land in another account than the team expects. */
	| {step: 'team'; phase: 'mismatch'; stage: string; identity: VerifiedIdentity}
	| {step: 'team'; phase: 'failed'; stage: string; failure: Failure}
	| {step: 'done'; phase: 'checking'; id: number}
	| {step: 'done'; phase: 'summary'; checks: StageCheck[]; failure?: Failure}
	| {step: 'exit'; phase: 'leaving'; code: 0 | 1 | 130; next?: 'doctor'};

export type Step = Screen['step'];

/** What the screens gathered so far; survives going back. */
export interface WizardContext {
	/** Id of the next effect that expects a result: results with another id are stale and ignored. */
	nextId: number;
	scan?: ScanSummary;
	defaults: WizardDefaults;
	path?: KeysPath;
	admin?: AdminCredentials;
	userName: string;
	policyChoice: 'admin' | 'custom';
	policy?: GeneratedPolicy;
	/** The keys this run created or the user pasted. */
	keys?: AccessKeys;
	/** The IAM user the keys belong to (path a). */
	keysUser?: string;
	profileName: string;
	region: string;
	overwrite: boolean;
	/** Profiles written in this run. */
	writtenProfiles: string[];
	identity?: VerifiedIdentity;
	stages: string[];
	/** stage → profile, as it will be written to `custom.profiles`. */
	mapping: Record<string, string>;
	/** The stage whose profile is being created through steps 3–6 from the stages screen. */
	forStage?: string;
	/**
	 * Where that detour's screens start in the history: they repeat screens already below it, and going to a screen
	 * returns to an earlier copy only at or above this index. 0 outside the detour.
	 */
	historyFloor: number;
	/** The user agreed to replace a different `provider.profile`. */
	replaceProviderProfile: boolean;
	stageMappingWritten: boolean;
	/** Set when the user chose to set up the team's stages (newcomer flow). */
	team?: TeamRun;
	/** The team stage the current detour through steps 3–6 is for. */
	teamTarget?: TeamTarget;
	/** What the profile step's plan and write are about; undefined = the keys of this run. */
	profileTarget?: ProfileTarget;
	/** The base profile for role stages that name no `source_profile` (default `<service>-base`). */
	baseProfileName: string;
	/** The name pasted admin keys are saved under, when the user asks (default `<service>-admin`). */
	adminProfileName: string;
}

export interface WizardState {
	screen: Screen;
	/** Screens to return to with Esc, oldest first. Only screens that wait for a choice; never a busy or confirm screen. */
	history: Screen[];
	context: WizardContext;
}

/** Form fields typed as plain text (secrets come as `Secret`s in `keys-entered`). */
export type TextField = 'userName' | 'profileName' | 'region' | 'baseProfileName' | 'adminProfileName' | 'mfaCode';

export type Event =
	// keys the app maps for every screen
	| {type: 'back'}
	| {type: 'cancel'}
	/** Yes on a confirmation (a diff, or an AWS change): the only event that may start a write. */
	| {type: 'confirm'}
	/** No on a confirmation. */
	| {type: 'decline'}
	/** Enter on a form or an information screen: accept what is shown. */
	| {type: 'submit'}
	| {type: 'open-link'; url: string}
	// user choices
	| {type: 'start'; choice: 'team' | 'set-up' | 'doctor' | 'quit'}
	| {type: 'account'; hasAccount: boolean}
	| {type: 'choose-path'; path: KeysPath}
	| {type: 'choose-admin'; choice: {kind: 'found'; index: number} | {kind: 'pasted'; keys: AccessKeys}}
	| {type: 'edit'; field: TextField; value: string}
	| {type: 'choose-policy'; policy: 'admin' | 'custom'}
	| {type: 'save-policy'; path: string}
	| {type: 'user-exists-choice'; choice: 'new-key' | 'other-name'}
	| {type: 'pick-key'; index: number}
	| {type: 'keys-entered'; keys: AccessKeys}
	/** Agree to replace what a plan refused to touch (an existing profile, a different provider.profile). */
	| {type: 'overwrite'}
	| {type: 'retry'}
	/** Continue without a verified key (after a verify failure). */
	| {type: 'skip'}
	| {type: 'copy-exports'}
	| {type: 'stage-profile'; stage: string; profile: string}
	| {type: 'add-stage'; stage: string}
	| {type: 'create-profile-for-stage'; stage: string}
	/** Team stage whose credentials failed or landed elsewhere: get other keys for it. */
	| {type: 'other-keys'}
	// effect results (id = the effect's id)
	| {type: 'scanned'; id: number; scan: ScanSummary; defaults: WizardDefaults}
	| {type: 'scan-failed'; id: number; failure: Failure}
	| {type: 'policy-generated'; id: number; policy: GeneratedPolicy}
	| {type: 'policy-failed'; id: number; failure: Failure}
	| {type: 'policy-saved'; id: number; path: string}
	| {type: 'keys-created'; id: number; userName: string; keys: AccessKeys}
	| {type: 'iam-failed'; id: number; failure: IamFailure}
	| {type: 'profile-planned'; id: number; diff: string[]; warnings: string[]; refusal?: PlanRefusal}
	| {type: 'profile-written'; id: number; files: string[]; backups: string[]; warnings: string[]}
	| {type: 'verify-progress'; id: number; attempt: number; elapsedMs: number}
	| {type: 'verified'; id: number; identity: VerifiedIdentity}
	| {type: 'verify-failed'; id: number; failure: Failure; timedOut: boolean}
	| {type: 'stage-mapping-planned'; id: number; diff: string[]; snippet: string; warnings: string[]; refusal?: PlanRefusal}
	| {type: 'stage-mapping-written'; id: number; path: string; backup?: string}
	| {type: 'doctor-done'; id: number; checks: StageCheck[]}
	/** A write or plan effect failed (file system, lock, …). */
	| {type: 'effect-failed'; id: number; failure: Failure};

export type EventType = Event['type'];
