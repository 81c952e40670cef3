/**
 * What the wizard asks the outside world to do. The reducer only returns these as data; an effect runner performs
 * them and sends the outcome back as an event carrying the same `id`.
 */
import type {AccessKeys, AdminCredentials} from './state.js';
import type {Secret} from '../secret.js';

/** Everything the profile store needs to plan (and later re-plan, from what is on disk then) one profile edit. */
export interface ProfileRequest {
	profile: string;
	/** Absent for an assume-role profile, which holds no keys of its own. */
	credentials?: AccessKeys;
	/** `region`, and for a role profile `role_arn`, `source_profile`, `mfa_serial`, `external_id` (config file unless `roleSettingsIn`). */
	settings: Record<string, string>;
	overwrite: boolean;
	/** The role settings go to the credentials file (Serverless v3: see `roleSettingsPlacement`); default config. */
	roleSettingsIn?: 'credentials';
}

/**
 * A profile write the user confirmed. The runner re-plans from the files as they are at write time and refuses when
 * the masked diff differs from `shownDiff` (a file changed after the user saw it).
 */
export interface ProfileWritePlan extends ProfileRequest {
	shownDiff: string[];
}

export interface StageMappingRequest {
	/** The service file; undefined when there is none (the runner answers with the snippet only). */
	path?: string;
	mapping: Record<string, string>;
	replaceProviderProfile: boolean;
}

export interface StageMappingWritePlan extends StageMappingRequest {
	path: string;
	shownDiff: string[];
}

/** The policy the new user gets; a subset of `DeployUserPolicy` in aws/iam-policy.ts, so it passes straight through. */
export type UserPolicy = {type: 'admin'} | {type: 'custom'; name: string; document: string};

export type Effect =
	| {type: 'scan'; id: number}
	| {type: 'generate-policy'; id: number; admin: AdminCredentials; service: string; stages: string[]; region: string; policyName: string}
	| {type: 'save-policy-file'; id: number; path: string; document: string}
	/**
	 * Create the user (or, with `reuseExistingUser`, find the one that exists), attach the policy, create a key. Reusing
	 * still attaches the policy: a first run that stopped after CreateUser left a user with no rights.
	 */
	| {type: 'create-user'; id: number; admin: AdminCredentials; userName: string; policy: UserPolicy; service: string; reuseExistingUser?: boolean}
	/** Delete one of the user's two keys, then create a new one (one confirmation covers both). */
	| {type: 'replace-access-key'; id: number; admin: AdminCredentials; userName: string; deleteAccessKeyId: Secret}
	| {type: 'plan-profile'; id: number; request: ProfileRequest}
	| {type: 'write-profile'; id: number; plan: ProfileWritePlan}
	| {type: 'verify'; id: number; credentials: AccessKeys; region: string}
	/** STS through a profile as the SDK resolves it (AssumeRole for a role profile): a team stage's account. */
	| {type: 'verify-profile'; id: number; profile: string; region: string; /** The MFA device's one-time code, for a role with mfa_serial. */ mfaCode?: string}
	| {type: 'plan-stage-mapping'; id: number; request: StageMappingRequest}
	| {type: 'write-stage-mapping'; id: number; plan: StageMappingWritePlan}
	| {type: 'doctor'; id: number; stages: string[]; mapping: Record<string, string>}
	| {type: 'open-url'; url: string}
	/** Copy the real export lines (the screen shows them masked). */
	| {type: 'copy-exports'; credentials: AccessKeys; region: string}
	| {type: 'exit'; code: 0 | 1 | 130; next?: 'doctor'};

export type EffectType = Effect['type'];

/** Effects that change a file or the AWS account: each needs the user's `confirm` first. */
export const CHANGING_EFFECTS: ReadonlySet<EffectType> = new Set<EffectType>([
	'save-policy-file',
	'create-user',
	'replace-access-key',
	'write-profile',
	'write-stage-mapping',
]);

export function changesSomething(effect: Effect): boolean {
	return CHANGING_EFFECTS.has(effect.type);
}
