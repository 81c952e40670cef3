/**
 * Reducer states for every screen kind, reached by driving `startWizard()` + `step()` with events (no state is built
 * by hand), so the screens are tested against what the flow can really show.
 */
import type {WizardState} from '../../../source/wizard/state.js';
import {
	existingKeys,
	keys,
	reply,
	run,
	toCreating,
	toKeysPath,
	toProfileForm,
	toProfileReview,
	toScanSummary,
	toStageReview,
	toStages,
	toUserForm,
	toVerifying,
	verifiedIdentity,
	DEV_ACCOUNT,
	identityIn,
	OTHER_ACCOUNT,
	PROD_ACCOUNT,
	teamDev,
	teamProd,
	teamScanned,
	teamScannedInvalid,
	toDevDone,
	toDevVerifying,
	toProdChecking,
	toProdRoleReview,
	toSaveAdmin,
	toTeam,
	type Input,
} from '../../wizard/wizard-fixtures.js';

const toPolicy: Input[] = [
	...toUserForm,
	{type: 'choose-policy', policy: 'custom'},
	{type: 'submit'},
	reply({
		type: 'policy-generated',
		policy: {
			name: 'orders-deploy',
			document: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: ['cloudformation:*'], Resource: '*'}]}, null, 2),
			warnings: ['ssm:GetParameter is included because serverless.yml uses ${ssm:}'],
		},
	}),
];
const toUserExists: Input[] = [...toCreating, reply({type: 'iam-failed', failure: {kind: 'user-exists', userName: 'orders-deployer'}})];
const toTooManyKeys: Input[] = [...toCreating, reply({type: 'iam-failed', failure: {kind: 'too-many-keys', userName: 'orders-deployer', keys: existingKeys()}})];
const toDoneChecking: Input[] = [...toStageReview, {type: 'decline'}, {type: 'submit'}];
const failure = {message: 'Could not read ~/.aws/config', cause: 'EACCES: permission denied', fix: 'chmod 600 ~/.aws/config'};

export const SCREENS: Array<[name: string, inputs: Input[]]> = [
	['scan-scanning', []],
	['scan-summary', toScanSummary],
	['scan-failed', [reply({type: 'scan-failed', failure})]],
	['account-ask', [...toScanSummary, {type: 'start', choice: 'set-up'}]],
	['account-sign-up', [...toScanSummary, {type: 'start', choice: 'set-up'}, {type: 'account', hasAccount: false}]],
	['keys-path-choose', toKeysPath],
	['keys-path-admin-credentials', [...toKeysPath, {type: 'choose-path', path: 'create-user'}]],
	['keys-path-admin-credentials-error', [...toKeysPath, {type: 'choose-path', path: 'create-user'}, {type: 'choose-admin', choice: {kind: 'found', index: 9}}]],
	['keys-path-console-guide-access-denied', [...toCreating, reply({type: 'iam-failed', failure: {kind: 'access-denied', deniedAction: 'iam:CreateUser', message: 'not authorized'}})]],
	['keys-path-paste', [...toKeysPath, {type: 'choose-path', path: 'paste'}]],
	['keys-path-paste-error', [...toKeysPath, {type: 'choose-path', path: 'paste'}, {type: 'keys-entered', keys: keys('', '')}]],
	['keys-path-dashboard', [...toKeysPath, {type: 'choose-path', path: 'dashboard'}]],
	['keys-path-env-exports', [...toKeysPath, {type: 'choose-path', path: 'env'}, {type: 'keys-entered', keys: keys()}]],
	['user-form', toUserForm],
	['user-form-error', [...toUserForm, {type: 'edit', field: 'userName', value: 'bad name!'}, {type: 'submit'}]],
	['user-generating-policy', toPolicy.slice(0, -1)],
	['user-policy', toPolicy],
	['user-confirm-save-policy', [...toPolicy, {type: 'save-policy', path: 'orders-deploy.json'}]],
	['user-saving-policy', [...toPolicy, {type: 'save-policy', path: 'orders-deploy.json'}, {type: 'confirm'}]],
	['user-confirm-create', [...toUserForm, {type: 'submit'}]],
	['user-creating', toCreating],
	['user-exists', toUserExists],
	['user-confirm-new-key', [...toUserExists, {type: 'user-exists-choice', choice: 'new-key'}]],
	['user-too-many-keys', toTooManyKeys],
	['user-confirm-delete-key', [...toTooManyKeys, {type: 'pick-key', index: 0}]],
	['profile-form', toProfileForm],
	['profile-planning', [...toProfileForm, {type: 'submit'}]],
	['profile-review', toProfileReview],
	[
		'profile-review-refusal',
		[
			...toProfileForm,
			{type: 'submit'},
			reply({type: 'profile-planned', diff: [], warnings: [], refusal: {code: 'profile-exists', message: 'Profile "orders-dev" is already configured', fix: 'Choose another name, or replace it', canOverride: true}}),
		],
	],
	['profile-writing', [...toProfileReview, {type: 'confirm'}]],
	['verify-verifying', [...toVerifying, reply({type: 'verify-progress', attempt: 3, elapsedMs: 4200})]],
	['verify-verified', [...toVerifying, reply({type: 'verified', identity: verifiedIdentity})]],
	['verify-failed', [...toVerifying, reply({type: 'verify-failed', failure: {message: 'AWS does not know this key yet', fix: 'Wait a minute and try again'}, timedOut: true})]],
	['stages-pick', toStages],
	['stages-planning', [...toStages, {type: 'submit'}]],
	['stages-review', toStageReview],
	['stages-writing', [...toStageReview, {type: 'confirm'}]],
	['stages-snippet', [...toStageReview, {type: 'decline'}]],
	['done-checking', toDoneChecking],
	[
		'done-summary',
		[
			...toDoneChecking,
			reply({
				type: 'doctor-done',
				checks: [
					{stage: 'dev', profile: 'orders-dev', winner: 'provider.profile "orders-dev"', account: '123456789012', ok: true},
					{stage: 'prod', ok: false, problem: 'no profile mapped for prod'},
				],
			}),
		],
	],
	['exit-cancelled', [...toScanSummary, {type: 'cancel'}]],
];

const toTeamDone: Input[] = [...toProdChecking, reply({type: 'verified', identity: identityIn(PROD_ACCOUNT)}), {type: 'submit'}];

/** The screens of the newcomer flow (issue #5) and the offer to keep pasted admin keys (issue #4). */
export const NEW_SCREENS: Array<[name: string, inputs: Input[]]> = [
	['scan-summary-team', [reply(teamScanned())]],
	['scan-summary-team-invalid', [reply(teamScannedInvalid())]],
	['keys-path-save-admin', toSaveAdmin],
	['keys-path-save-admin-naming', [...toSaveAdmin, {type: 'confirm'}]],
	['profile-review-admin', [...toSaveAdmin, {type: 'confirm'}, {type: 'submit'}, reply({type: 'profile-planned', diff: ['--- ~/.aws/credentials', '+++ ~/.aws/credentials', '+[orders-admin]', '+aws_access_key_id = AKIA…0XYZ', '+aws_secret_access_key = ****'], warnings: []})]],
	['team-overview', toTeam()],
	['team-overview-no-provider-profile', toTeam({providerProfileFromBlock: false})],
	['team-keys-path-choose', [...toTeam(), {type: 'submit'}]],
	['team-verify-verified', [...toDevVerifying(), reply({type: 'verified', identity: identityIn(DEV_ACCOUNT)})]],
	['team-overview-dev-done', toDevDone],
	['team-profile-review-role', toProdRoleReview],
	['team-checking', toProdChecking],
	[
		'team-mfa-code',
		[
			...toTeam({stages: [{...teamProd, role: {...teamProd.role!, mfaSerial: `arn:aws:iam::${DEV_ACCOUNT}:mfa/alice`}}], credentials: '[orders-dev]\naws_access_key_id = AKIAEXISTINGKEY00000\naws_secret_access_key = s\n'}),
			{type: 'submit'},
			reply({type: 'profile-planned', diff: ['+role_arn = …'], warnings: []}),
			{type: 'confirm'},
			reply({type: 'profile-written', files: [], backups: [], warnings: []}),
			{type: 'edit', field: 'mfaCode', value: '12345'},
			{type: 'submit'},
		],
	],
	['team-mismatch', [...toProdChecking, reply({type: 'verified', identity: identityIn(OTHER_ACCOUNT, `arn:aws:sts::${OTHER_ACCOUNT}:assumed-role/deployer/s`)})]],
	['team-failed', [...toProdChecking, reply({type: 'verify-failed', failure: {code: 'AccessDenied', message: 'User is not authorized to perform: sts:AssumeRole', fix: 'Ask an admin to let you assume the role.'}, timedOut: false})]],
	['team-base-profile', [...toTeam({stages: [{...teamProd, role: {arn: teamProd.role!.arn}}, teamDev]}), {type: 'submit'}]],
	['team-keys-path-choose-base', [...toTeam({stages: [{...teamProd, role: {arn: teamProd.role!.arn}}, teamDev]}), {type: 'submit'}, {type: 'submit'}]],
	[
		'team-done-summary',
		[
			...toTeamDone,
			reply({
				type: 'doctor-done',
				checks: [
					{stage: 'dev', profile: 'orders-dev', winner: 'provider.profile "orders-dev"', account: DEV_ACCOUNT, ok: true},
					{stage: 'prod', profile: 'orders-prod', winner: 'provider.profile "orders-prod"', account: PROD_ACCOUNT, ok: true},
				],
			}),
		],
	],
	[
		'team-done-summary-v3-role-profile',
		[
			...toTeamDone,
			reply({
				type: 'doctor-done',
				checks: [
					{stage: 'dev', profile: 'orders-dev', winner: 'provider.profile "orders-dev"', account: DEV_ACCOUNT, ok: true},
					{stage: 'prod', profile: 'orders-prod', winner: 'AWS profile "orders-prod" doesn\'t seem to be configured', ok: false, problem: 'AWS profile "orders-prod" doesn\'t seem to be configured'},
				],
			}),
		],
	],
	[
		// The role profile was on disk before, in ~/.aws/config only: v3 still needs AWS_SDK_LOAD_CONFIG for it.
		'team-done-summary-v3-role-in-config',
		[
			...toTeam({
				credentials: '[orders-dev]\naws_access_key_id = AKIAEXISTINGKEY00000\naws_secret_access_key = s\n',
				config: `[profile orders-prod]\nrole_arn = arn:aws:iam::${PROD_ACCOUNT}:role/deployer\nsource_profile = orders-dev\n`,
			}),
			{type: 'submit'},
			reply({type: 'verified', identity: identityIn(DEV_ACCOUNT)}),
			{type: 'submit'},
			reply({type: 'verified', identity: identityIn(PROD_ACCOUNT, `arn:aws:sts::${PROD_ACCOUNT}:assumed-role/deployer/s`)}),
			{type: 'submit'},
			reply({
				type: 'doctor-done',
				checks: [
					{stage: 'dev', profile: 'orders-dev', winner: 'provider.profile "orders-dev"', account: DEV_ACCOUNT, ok: true},
					{stage: 'prod', profile: 'orders-prod', winner: 'AWS profile "orders-prod" doesn\'t seem to be configured', ok: false, problem: 'AWS profile "orders-prod" doesn\'t seem to be configured'},
				],
			}),
		],
	],
	[
		// prod's role asks for MFA: verified with the code in this run, not assumed again by the last check.
		'team-done-summary-mfa-role',
		[
			...toTeam({stages: [teamDev, {...teamProd, role: {...teamProd.role!, mfaSerial: `arn:aws:iam::${DEV_ACCOUNT}:mfa/alice`}}], credentials: '[orders-dev]\naws_access_key_id = AKIAEXISTINGKEY00000\naws_secret_access_key = s\n'}),
			{type: 'submit'},
			reply({type: 'verified', identity: identityIn(DEV_ACCOUNT)}),
			{type: 'submit'},
			reply({type: 'profile-planned', diff: ['+role_arn = …'], warnings: []}),
			{type: 'confirm'},
			reply({type: 'profile-written', files: [], backups: [], warnings: []}),
			{type: 'edit', field: 'mfaCode', value: '123456'},
			{type: 'submit'},
			reply({type: 'verified', identity: identityIn(PROD_ACCOUNT, `arn:aws:sts::${PROD_ACCOUNT}:assumed-role/deployer/s`)}),
			{type: 'submit'},
			reply({
				type: 'doctor-done',
				checks: [
					{stage: 'dev', profile: 'orders-dev', winner: 'provider.profile "orders-dev"', account: DEV_ACCOUNT, ok: true},
					{stage: 'prod', profile: 'orders-prod', winner: 'provider.profile "orders-prod"', ok: false, mfa: true, problem: 'Its role asks for an MFA code each time, so it is not checked again here.'},
				],
			}),
		],
	],
	[
		'team-done-summary-wrong-account',
		[
			...toTeamDone,
			reply({
				type: 'doctor-done',
				checks: [
					{stage: 'dev', profile: 'orders-dev', winner: 'AWS_ACCESS_KEY_ID in the environment', account: OTHER_ACCOUNT, ok: true},
					{stage: 'prod', profile: 'orders-prod', winner: 'provider.profile "orders-prod"', account: PROD_ACCOUNT, ok: true},
				],
			}),
		],
	],
];

SCREENS.push(...NEW_SCREENS);

export function stateAfter(inputs: Input[]): WizardState {
	return run(inputs).state;
}
