/**
 * The wizard flow: `step(state, event)` → the next state and the effects to run. Pure: no I/O, no clock, no
 * environment. Every file or AWS change is an effect returned only in answer to `confirm` on a screen that showed
 * what would change; results come back as events carrying the effect's id, and a result for any other id (the user
 * went back meanwhile) is ignored.
 */
import {fallbackDefaults, iamName, profileName} from './defaults.js';
import type {Effect, UserPolicy} from './effect.js';
import {keysProblem, profileNameProblem, regionProblem, stageProblem, userNameProblem} from './form-checks.js';
import {back, cancel, go, isBusy, isDetourStart, isResting, startEffect, unchanged, withoutError, type Transition} from './navigation.js';
import {profileRequest} from './profile-request.js';
import type {
	AccessKeys,
	Event,
	Failure,
	IamFailure,
	KeysPath,
	Screen,
	TeamStageResult,
	VerifiedIdentity,
	WizardContext,
	WizardDefaults,
	WizardState,
} from './state.js';
import {baseProfileOf, nextTeamStage, profileExists, stageRegion, teamMapping, teamRun, teamStage} from './team-stages.js';
import type {StageAccount} from '../service/team-settings.js';

export type {Transition} from './navigation.js';

type ScreenOf<S extends Screen['step']> = Extract<Screen, {step: S}>;

export function initialContext(defaults: WizardDefaults, nextId = 1): WizardContext {
	return {
		nextId,
		defaults,
		userName: defaults.userName,
		// AdministratorAccess is what Serverless' own onboarding uses: the path that works first time.
		policyChoice: 'admin',
		profileName: defaults.profileName,
		region: defaults.region,
		overwrite: false,
		writtenProfiles: [],
		stages: defaults.stages,
		mapping: {...defaults.stageProfiles},
		replaceProviderProfile: false,
		stageMappingWritten: false,
		historyFloor: 0,
		baseProfileName: profileName(`${defaults.service}-base`),
		adminProfileName: profileName(`${defaults.service}-admin`),
	};
}

/** The first state: scanning, with the scan effect. */
export function startWizard(): Transition {
	const context = initialContext(fallbackDefaults());
	return {
		state: {screen: {step: 'scan', phase: 'scanning', id: context.nextId}, history: [], context: {...context, nextId: context.nextId + 1}},
		effects: [{type: 'scan', id: context.nextId}],
	};
}

export function step(state: WizardState, event: Event): Transition {
	if (state.screen.step === 'exit') return unchanged(state);
	switch (event.type) {
		case 'back':
			return leaveDetour(back(state));
		case 'cancel':
			return cancel(state);
		case 'open-link':
			return {state, effects: [{type: 'open-url', url: event.url}]};
		default:
	}
	// A result for an effect this screen is not waiting for is stale.
	if ('id' in event && !(isBusy(state.screen) && state.screen.id === event.id)) return unchanged(state);
	switch (state.screen.step) {
		case 'scan':
			return scanStep(state, state.screen, event);
		case 'account':
			return accountStep(state, state.screen, event);
		case 'keys-path':
			return keysPathStep(state, state.screen, event);
		case 'user-and-policy':
			return userAndPolicyStep(state, state.screen, event);
		case 'profile':
			return profileStep(state, state.screen, event);
		case 'verify':
			return verifyStep(state, state.screen, event);
		case 'stages':
			return stagesStep(state, state.screen, event);
		case 'team':
			return teamStep(state, state.screen, event);
		case 'done':
			return doneStep(state, state.screen, event);
	}
}

/**
 * Esc back onto the stages screen, or onto any team screen (the overview, or the mismatch or failure the detour was
 * started from), abandons the detour for one stage's profile: its history floor would otherwise hide the overview
 * below it, and the next way back to the overview would add it a second time.
 */
function leaveDetour(transition: Transition): Transition {
	const {screen, context} = transition.state;
	if (context.forStage === undefined || !(isDetourStart(screen) || screen.step === 'team')) return transition;
	return {...transition, state: {...transition.state, context: withoutDetour(context)}};
}

function withoutDetour(context: WizardContext): WizardContext {
	return {...context, forStage: undefined, teamTarget: undefined, profileTarget: undefined, historyFloor: 0};
}

function scan(state: WizardState, context: WizardContext): Transition {
	return startEffect(state, context, (id) => ({step: 'scan', phase: 'scanning', id}), (id) => ({type: 'scan', id}));
}

function exit(state: WizardState, code: 0 | 1, next?: 'doctor'): Transition {
	const screen: Screen = next ? {step: 'exit', phase: 'leaving', code, next} : {step: 'exit', phase: 'leaving', code};
	const effect: Effect = next ? {type: 'exit', code, next} : {type: 'exit', code};
	return {state: {screen, history: [], context: {...state.context, historyFloor: 0}}, effects: [effect]};
}

function scanStep(state: WizardState, screen: ScreenOf<'scan'>, event: Event): Transition {
	if (screen.phase === 'scanning') {
		if (event.type === 'scanned') {
			const context = {...initialContext(event.defaults, state.context.nextId), scan: event.scan};
			return go(state, {step: 'scan', phase: 'summary'}, context);
		}
		if (event.type === 'scan-failed' || event.type === 'effect-failed') return go(state, {step: 'scan', phase: 'failed', failure: event.failure});
		return unchanged(state);
	}
	if (event.type === 'retry' && screen.phase === 'failed') return scan(state, state.context);
	if (event.type !== 'start') return unchanged(state);
	if (event.choice === 'doctor') return exit(state, 0, 'doctor');
	if (event.choice === 'quit') return exit(state, 0);
	if (event.choice === 'team') {
		// The team settings name the accounts: no need to ask whether there is one.
		const team = teamRun(state.context.scan?.team);
		return team ? go(state, {step: 'team', phase: 'overview'}, {...state.context, team}) : unchanged(state);
	}
	return go(state, {step: 'account', phase: 'ask'}, {...state.context, team: undefined});
}

function accountStep(state: WizardState, screen: ScreenOf<'account'>, event: Event): Transition {
	if (event.type === 'account') return go(state, event.hasAccount ? {step: 'keys-path', phase: 'choose'} : {step: 'account', phase: 'sign-up'});
	if (screen.phase === 'sign-up' && event.type === 'submit') return go(state, {step: 'keys-path', phase: 'choose'});
	return unchanged(state);
}

function keysPathStep(state: WizardState, screen: ScreenOf<'keys-path'>, event: Event): Transition {
	const context = state.context;
	switch (screen.phase) {
		case 'choose':
			return event.type === 'choose-path' ? choosePath(state, event.path) : unchanged(state);
		case 'admin-credentials': {
			if (event.type !== 'choose-admin') return unchanged(state);
			const choice = event.choice;
			if (choice.kind === 'found') {
				const candidate = context.scan?.iamCandidates[choice.index];
				if (!candidate) return go(state, {...screen, error: 'Pick one of the listed credentials, or paste admin keys.'});
				return go(state, {step: 'user-and-policy', phase: 'form'}, {...context, admin: {kind: 'found', candidate}});
			}
			const problem = keysProblem(choice.keys);
			if (problem) return go(state, {...screen, error: problem});
			// Pasted keys are used for this run only, unless the user asks to keep them (issue #4: default no).
			return go(state, {step: 'keys-path', phase: 'save-admin', naming: false}, {...context, admin: {kind: 'pasted', keys: choice.keys}});
		}
		case 'save-admin': {
			if (event.type === 'decline' || (event.type === 'submit' && !screen.naming)) return go(state, {step: 'user-and-policy', phase: 'form'});
			if (!screen.naming) return event.type === 'confirm' ? go(state, {step: 'keys-path', phase: 'save-admin', naming: true}) : unchanged(state);
			if (event.type === 'edit' && event.field === 'adminProfileName') {
				return go(state, {step: 'keys-path', phase: 'save-admin', naming: true}, {...context, adminProfileName: event.value});
			}
			if (event.type !== 'submit' && event.type !== 'confirm') return unchanged(state);
			const name = context.adminProfileName.trim();
			const problem = profileNameProblem(name);
			if (problem) return go(state, {step: 'keys-path', phase: 'save-admin', naming: true, error: problem});
			return planProfile(state, {...context, adminProfileName: name, profileTarget: {kind: 'admin', profile: name}, overwrite: false});
		}
		case 'console-guide':
			return event.type === 'submit' ? go(state, {step: 'keys-path', phase: 'paste', path: 'console'}, {...context, path: 'console'}) : unchanged(state);
		case 'paste': {
			if (event.type !== 'keys-entered') return unchanged(state);
			const problem = keysProblem(event.keys);
			if (problem) return go(state, {...screen, error: problem});
			const withKeys: WizardContext = {...context, keys: event.keys, keysUser: undefined};
			if (screen.path === 'env') return go(state, {step: 'keys-path', phase: 'env-exports'}, withKeys);
			return go(state, {step: 'profile', phase: 'form'}, withKeys);
		}
		case 'dashboard':
			return event.type === 'submit' ? checkStages(state, context) : unchanged(state);
		case 'env-exports':
			if (event.type === 'copy-exports' && context.keys) {
				return {state, effects: [{type: 'copy-exports', credentials: context.keys, region: context.region}]};
			}
			return event.type === 'submit' ? checkStages(state, context) : unchanged(state);
	}
}

function choosePath(state: WizardState, path: KeysPath): Transition {
	const context = {...state.context, path};
	switch (path) {
		case 'create-user':
			return go(state, {step: 'keys-path', phase: 'admin-credentials'}, context);
		case 'console':
			return go(state, {step: 'keys-path', phase: 'console-guide'}, context);
		case 'paste':
		case 'env':
			return go(state, {step: 'keys-path', phase: 'paste', path}, context);
		case 'dashboard':
			return go(state, {step: 'keys-path', phase: 'dashboard'}, context);
	}
}

function userAndPolicyStep(state: WizardState, screen: ScreenOf<'user-and-policy'>, event: Event): Transition {
	const context = state.context;
	const admin = context.admin;
	// Only path a reaches this step, and it always picks the credentials first.
	if (admin === undefined) return unchanged(state);
	const form = (error?: Failure): Screen =>
		error ? {step: 'user-and-policy', phase: 'form', error} : {step: 'user-and-policy', phase: 'form'};
	switch (screen.phase) {
		case 'form': {
			if (event.type === 'edit' && event.field === 'userName') return go(state, form(), {...context, userName: event.value});
			if (event.type === 'choose-policy') return go(state, form(), {...context, policyChoice: event.policy});
			if (event.type !== 'submit') return unchanged(state);
			const problem = userNameProblem(context.userName);
			if (problem) return go(state, form({message: problem}));
			if (context.policyChoice === 'admin') return go(state, {step: 'user-and-policy', phase: 'confirm-create'});
			if (context.policy) return go(state, {step: 'user-and-policy', phase: 'policy'});
			return startEffect(
				state,
				context,
				(id) => ({step: 'user-and-policy', phase: 'generating-policy', id}),
				(id) => ({
					type: 'generate-policy',
					id,
					admin,
					service: context.defaults.service,
					stages: context.stages,
					region: context.region,
					policyName: context.defaults.policyName,
				}),
			);
		}
		case 'generating-policy':
			if (event.type === 'policy-generated') return go(state, {step: 'user-and-policy', phase: 'policy'}, {...context, policy: event.policy});
			if (event.type === 'policy-failed' || event.type === 'effect-failed') {
				return go(state, form({...event.failure, fix: event.failure.fix ?? 'Choose AdministratorAccess instead, or try again.'}));
			}
			return unchanged(state);
		case 'policy':
			if (event.type === 'submit') return go(state, {step: 'user-and-policy', phase: 'confirm-create'});
			if (event.type === 'save-policy' && event.path.trim() !== '') {
				return go(state, {step: 'user-and-policy', phase: 'confirm-save-policy', path: event.path.trim()});
			}
			return unchanged(state);
		case 'confirm-save-policy': {
			const policy = context.policy;
			if (event.type === 'decline') return back(state);
			if (event.type !== 'confirm' || !policy) return unchanged(state);
			return startEffect(
				state,
				context,
				(id) => ({step: 'user-and-policy', phase: 'saving-policy', id, path: screen.path}),
				(id) => ({type: 'save-policy-file', id, path: screen.path, document: policy.document}),
			);
		}
		case 'saving-policy':
			if (event.type === 'policy-saved' && context.policy) {
				return go(state, {step: 'user-and-policy', phase: 'policy'}, {...context, policy: {...context.policy, savedTo: event.path}});
			}
			if (event.type === 'effect-failed') return go(state, {step: 'user-and-policy', phase: 'policy', error: event.failure});
			return unchanged(state);
		case 'confirm-create': {
			if (event.type === 'decline') return back(state);
			if (event.type !== 'confirm') return unchanged(state);
			return creating(state, (id) => ({type: 'create-user', id, admin, userName: context.userName, policy: chosenPolicy(context), service: context.defaults.service}));
		}
		case 'creating':
			if (event.type === 'keys-created') {
				return go(state, {step: 'profile', phase: 'form'}, {...context, keys: event.keys, keysUser: event.userName, userName: event.userName});
			}
			if (event.type === 'iam-failed') return iamFailed(state, event.failure, form);
			if (event.type === 'effect-failed') return go(state, form(event.failure));
			return unchanged(state);
		case 'user-exists':
			if (event.type !== 'user-exists-choice') return unchanged(state);
			if (event.choice === 'new-key') return go(state, {step: 'user-and-policy', phase: 'confirm-new-key', userName: screen.userName});
			return go(state, form({message: `An IAM user named "${screen.userName}" already exists.`, fix: 'Type another name, or go back and give that user a new key.'}));
		case 'confirm-new-key':
			if (event.type === 'decline') return back(state);
			if (event.type !== 'confirm') return unchanged(state);
			return creating(state, (id) => ({
				type: 'create-user',
				id,
				admin,
				userName: screen.userName,
				policy: chosenPolicy(context),
				service: context.defaults.service,
				reuseExistingUser: true,
			}));
		case 'too-many-keys': {
			if (event.type !== 'pick-key') return unchanged(state);
			const key = screen.keys[event.index];
			return key ? go(state, {step: 'user-and-policy', phase: 'confirm-delete-key', userName: screen.userName, key}) : unchanged(state);
		}
		case 'confirm-delete-key':
			if (event.type === 'decline') return back(state);
			if (event.type !== 'confirm') return unchanged(state);
			return creating(state, (id) => ({type: 'replace-access-key', id, admin, userName: screen.userName, deleteAccessKeyId: screen.key.accessKeyId}));
	}
}

function chosenPolicy(context: WizardState['context']): UserPolicy {
	return context.policyChoice === 'custom' && context.policy
		? {type: 'custom', name: context.policy.name, document: context.policy.document}
		: {type: 'admin'};
}

function creating(state: WizardState, effect: (id: number) => Effect): Transition {
	return startEffect(state, state.context, (id) => ({step: 'user-and-policy', phase: 'creating', id}), effect);
}

function iamFailed(state: WizardState, failure: IamFailure, form: (error?: Failure) => Screen): Transition {
	switch (failure.kind) {
		case 'user-exists':
			return go(state, {step: 'user-and-policy', phase: 'user-exists', userName: failure.userName});
		case 'too-many-keys':
			return go(state, {step: 'user-and-policy', phase: 'too-many-keys', userName: failure.userName, keys: failure.keys});
		case 'access-denied': {
			// Without IAM rights path a cannot work: the console steps (path b) can, with someone else's login.
			const reason = failure.deniedAction === undefined ? {message: failure.message} : {action: failure.deniedAction, message: failure.message};
			return go(state, {step: 'keys-path', phase: 'console-guide', reason}, {...state.context, path: 'console'});
		}
		case 'malformed-policy':
			return go(state, form({message: `IAM rejected the policy: ${failure.message}`, fix: 'Choose AdministratorAccess, or save the policy, fix it and create the user in the console.'}));
		case 'no-such-entity':
			return go(state, form({message: failure.message, fix: 'The user may have been deleted meanwhile: submit again to create it.'}));
		case 'policy-exists':
			return go(state, form({message: failure.message, fix: 'Choose AdministratorAccess, or delete or rename the existing policy in the IAM console.'}));
		case 'credentials-rejected': {
			// The credentials, not the request, are the problem: pick or paste other ones.
			const {message, fix} = failure.failure;
			return go(state, {step: 'keys-path', phase: 'admin-credentials', error: fix ? `${message} ${fix}` : message});
		}
		case 'other':
			return go(state, form(failure.failure));
	}
}

function profileStep(state: WizardState, screen: ScreenOf<'profile'>, event: Event): Transition {
	const context = state.context;
	switch (screen.phase) {
		case 'form': {
			if (context.keys === undefined) return unchanged(state);
			if (event.type === 'edit' && event.field === 'profileName') {
				// Agreeing to overwrite was about one profile: a new name asks again.
				return go(state, {step: 'profile', phase: 'form'}, {...context, profileName: event.value, overwrite: false});
			}
			if (event.type === 'edit' && event.field === 'region') return go(state, {step: 'profile', phase: 'form'}, {...context, region: event.value});
			if (event.type !== 'submit') return unchanged(state);
			const problem = profileNameProblem(context.profileName) ?? regionProblem(context.region);
			if (problem) return go(state, {step: 'profile', phase: 'form', error: {message: problem}});
			return planProfile(state, {...context, profileTarget: undefined});
		}
		case 'planning':
			if (event.type === 'profile-planned') {
				const review: Screen = {step: 'profile', phase: 'review', diff: event.diff, warnings: event.warnings};
				return go(state, event.refusal ? {...review, refusal: event.refusal} : review);
			}
			if (event.type === 'effect-failed') return profileFailed(state, event.failure);
			return unchanged(state);
		case 'review': {
			if (event.type === 'decline') return back(state);
			if (event.type === 'overwrite' && screen.refusal?.canOverride) return planProfile(state, {...context, overwrite: true});
			const request = profileRequest(context);
			if (event.type !== 'confirm' || screen.refusal || !request) return unchanged(state);
			return startEffect(
				state,
				context,
				(id) => ({step: 'profile', phase: 'writing', id}),
				(id) => ({type: 'write-profile', id, plan: {...request, shownDiff: screen.diff}}),
			);
		}
		case 'writing':
			if (event.type === 'profile-written') return profileWritten(state);
			if (event.type === 'effect-failed') return profileFailed(state, event.failure);
			return unchanged(state);
	}
}

/** Plans the profile edit the context describes (profileRequest) and shows it as a masked diff. */
function planProfile(state: WizardState, context: WizardContext): Transition {
	const request = profileRequest(context);
	if (!request) return unchanged(state);
	return startEffect(
		state,
		context,
		(id) => ({step: 'profile', phase: 'planning', id}),
		(id) => ({type: 'plan-profile', id, request}),
	);
}

/** A plan or write failed: back to the screen that asked for it, with the failure. */
function profileFailed(state: WizardState, failure: Failure): Transition {
	const target = state.context.profileTarget;
	if (target?.kind === 'admin') return go(state, {step: 'keys-path', phase: 'save-admin', naming: true, error: failure.fix ? `${failure.message} ${failure.fix}` : failure.message});
	if (target?.kind === 'role') return teamScreen(state, state.context, {step: 'team', phase: 'failed', stage: target.stage, failure});
	return go(state, {step: 'profile', phase: 'form', error: failure});
}

function profileWritten(state: WizardState): Transition {
	const context = state.context;
	const request = profileRequest(context);
	if (!request) return unchanged(state);
	const writtenProfiles = [...new Set([...context.writtenProfiles, request.profile])];
	const target = context.profileTarget;
	if (target?.kind === 'admin') {
		return go(state, {step: 'user-and-policy', phase: 'form'}, {...context, writtenProfiles, profileTarget: undefined, overwrite: false});
	}
	if (target?.kind === 'role') {
		const entry = teamStage(context.team, target.stage);
		const written = {...context, writtenProfiles, profileTarget: undefined, overwrite: false};
		return entry ? checkTeamStage(state, written, entry) : teamScreen(state, written, {step: 'team', phase: 'overview'});
	}
	const keys = context.keys;
	if (!keys) return unchanged(state);
	// A team's base profile belongs to no stage: only a stage's own profile is mapped.
	const teamTarget = context.teamTarget;
	const stage = teamTarget ? (teamTarget.profile === 'stage' ? teamTarget.stage : undefined) : (context.forStage ?? context.defaults.stage);
	const mapping = stage === undefined ? context.mapping : {...context.mapping, [stage]: context.profileName};
	return verify(state, {...context, writtenProfiles, mapping}, keys);
}

function verify(state: WizardState, context: WizardContext, keys: AccessKeys): Transition {
	return startEffect(
		state,
		context,
		(id) => ({step: 'verify', phase: 'verifying', id, attempt: 0, elapsedMs: 0}),
		(id) => ({type: 'verify', id, credentials: keys, region: context.region}),
	);
}

function verifyStep(state: WizardState, screen: ScreenOf<'verify'>, event: Event): Transition {
	const context = state.context;
	switch (screen.phase) {
		case 'verifying':
			if (event.type === 'verify-progress') return go(state, {...screen, attempt: event.attempt, elapsedMs: event.elapsedMs});
			if (event.type === 'verified') return keysVerified(state, event.identity);
			if (event.type === 'verify-failed') return go(state, {step: 'verify', phase: 'failed', failure: event.failure, timedOut: event.timedOut});
			if (event.type === 'effect-failed') return go(state, {step: 'verify', phase: 'failed', failure: event.failure, timedOut: false});
			return unchanged(state);
		case 'verified':
			if (event.type !== 'submit') return unchanged(state);
			return context.teamTarget ? teamKeysDone(state) : stagesPick(state, context);
		case 'failed':
			if (event.type === 'retry' && context.keys) return verify(state, context, context.keys);
			if (event.type !== 'skip') return unchanged(state);
			if (context.teamTarget) return teamScreen(state, withResult(context, context.teamTarget.stage, {status: 'skipped'}), {step: 'team', phase: 'overview'});
			return stagesPick(state, {...context, identity: undefined});
	}
}

/** STS accepted the new keys. For a team stage's own profile they must land in the account the team expects. */
function keysVerified(state: WizardState, identity: VerifiedIdentity): Transition {
	const context = {...state.context, identity};
	const target = context.teamTarget;
	const entry = target?.profile === 'stage' ? teamStage(context.team, target.stage) : undefined;
	if (!entry) return go(state, {step: 'verify', phase: 'verified', identity}, context);
	if (identity.account !== entry.account) return teamScreen(state, context, {step: 'team', phase: 'mismatch', stage: entry.stage, identity});
	return go(state, {step: 'verify', phase: 'verified', identity}, withResult(context, entry.stage, verifiedResult(identity)));
}

function stagesPick(state: WizardState, context: WizardContext): Transition {
	const stage = context.forStage;
	const stages = stage === undefined || context.stages.includes(stage) ? context.stages : [...context.stages, stage];
	// Floor 0 again: the stages screen below the detour is found, and the history is what it was before the detour.
	return go(state, {step: 'stages', phase: 'pick'}, {...context, stages, forStage: undefined, historyFloor: 0});
}

function stagesStep(state: WizardState, screen: ScreenOf<'stages'>, event: Event): Transition {
	const context = state.context;
	const request = {
		mapping: context.mapping,
		replaceProviderProfile: context.replaceProviderProfile,
		...(context.defaults.serviceFile ? {path: context.defaults.serviceFile.path} : {}),
	};
	const plan = (planContext: WizardContext) =>
		startEffect(
			state,
			planContext,
			(id) => ({step: 'stages', phase: 'planning', id}),
			(id) => ({type: 'plan-stage-mapping', id, request: {...request, replaceProviderProfile: planContext.replaceProviderProfile}}),
		);
	const pick = (error: string): Screen => ({step: 'stages', phase: 'pick', error});
	switch (screen.phase) {
		case 'pick':
			switch (event.type) {
				case 'stage-profile': {
					if (!context.stages.includes(event.stage)) return unchanged(state);
					const problem = profileNameProblem(event.profile);
					if (problem) return go(state, pick(problem));
					return go(state, {step: 'stages', phase: 'pick'}, {...context, mapping: {...context.mapping, [event.stage]: event.profile}});
				}
				case 'add-stage': {
					const problem = stageProblem(event.stage);
					if (problem) return go(state, pick(problem));
					if (context.stages.includes(event.stage)) return go(state, {step: 'stages', phase: 'pick'});
					return go(state, {step: 'stages', phase: 'pick'}, {...context, stages: [...context.stages, event.stage]});
				}
				case 'create-profile-for-stage': {
					if (stageProblem(event.stage)) return unchanged(state);
					// Back through steps 3–6 for this stage; the admin credentials of this run stay usable.
					const service = context.defaults.service;
					return go(state, {step: 'keys-path', phase: 'choose'}, {
						...context,
						forStage: event.stage,
						// The stages screen is pushed at history.length; the detour's own screens come after it.
						historyFloor: state.history.length + 1,
						path: undefined,
						identity: undefined,
						overwrite: false,
						userName: event.stage === context.defaults.stage ? context.defaults.userName : iamName(`${service}-${event.stage}-deployer`),
						profileName: profileName(`${service}-${event.stage}`),
					});
				}
				case 'submit':
					if (Object.keys(context.mapping).length === 0) return go(state, pick('Pick or create a profile for at least one stage.'));
					return plan(context);
				default:
					return unchanged(state);
			}
		case 'planning':
			if (event.type === 'stage-mapping-planned') {
				if (event.refusal && !event.refusal.canOverride) {
					const reason = context.defaults.serviceFile ? 'refused' : 'no-service-file';
					const failure = {message: event.refusal.message, ...(event.refusal.fix ? {fix: event.refusal.fix} : {})};
					return go(state, {step: 'stages', phase: 'snippet', snippet: event.snippet, reason, failure});
				}
				// The file already maps every stage this way: nothing to confirm.
				if (!event.refusal && event.diff.length === 0) return checkStages(state, context);
				const review: Screen = {step: 'stages', phase: 'review', diff: event.diff, snippet: event.snippet, warnings: event.warnings};
				return go(state, event.refusal ? {...review, refusal: event.refusal} : review);
			}
			if (event.type === 'effect-failed') return go(state, pick(event.failure.message));
			return unchanged(state);
		case 'review': {
			const path = context.defaults.serviceFile?.path;
			if (event.type === 'decline') {
				return go(state, {step: 'stages', phase: 'snippet', snippet: screen.snippet, reason: screen.refusal ? 'refused' : 'declined'});
			}
			if (event.type === 'overwrite' && screen.refusal?.canOverride) return plan({...context, replaceProviderProfile: true});
			if (event.type !== 'confirm' || screen.refusal || path === undefined) return unchanged(state);
			return startEffect(
				state,
				context,
				(id) => ({step: 'stages', phase: 'writing', id, snippet: screen.snippet}),
				(id) => ({type: 'write-stage-mapping', id, plan: {...request, path, shownDiff: screen.diff}}),
			);
		}
		case 'writing':
			if (event.type === 'stage-mapping-written') return checkStages(state, {...context, stageMappingWritten: true});
			if (event.type === 'effect-failed') {
				return go(state, {step: 'stages', phase: 'snippet', snippet: screen.snippet, reason: 'write-failed', failure: event.failure});
			}
			return unchanged(state);
		case 'snippet':
			return event.type === 'submit' ? checkStages(state, context) : unchanged(state);
	}
}

/** Step 8: the doctor's verdict for every stage (the team's stages and profiles in the newcomer flow). */
function checkStages(state: WizardState, context: WizardContext): Transition {
	const team = context.team;
	const stages = team ? team.stages.map((entry) => entry.stage) : context.stages;
	const mapping = team ? teamMapping(team) : context.mapping;
	return startEffect(
		state,
		context,
		(id) => ({step: 'done', phase: 'checking', id}),
		(id) => ({type: 'doctor', id, stages, mapping}),
	);
}

// The newcomer flow (issue #5): each stage of the team settings, one after the other, from the overview.

function teamStep(state: WizardState, screen: ScreenOf<'team'>, event: Event): Transition {
	const context = state.context;
	const team = context.team;
	if (!team) return unchanged(state);
	const entryOf = (stage: string) => teamStage(team, stage);
	switch (screen.phase) {
		case 'overview': {
			if (event.type !== 'submit') return unchanged(state);
			const next = nextTeamStage(team);
			return next ? startTeamStage(state, context, next) : checkStages(state, context);
		}
		case 'base-profile': {
			const entry = entryOf(screen.stage);
			if (!entry) return unchanged(state);
			if (event.type === 'edit' && event.field === 'baseProfileName') {
				return go(state, {step: 'team', phase: 'base-profile', stage: screen.stage, newKeys: screen.newKeys}, {...context, baseProfileName: event.value});
			}
			if (event.type !== 'submit') return unchanged(state);
			const name = context.baseProfileName.trim();
			const problem =
				profileNameProblem(name) ??
				(team.stages.some((other) => other.profile === name && other.role) ? `Profile "${name}" is a role profile of the team; the base profile holds your own keys.` : undefined);
			if (problem) return go(state, {...screen, error: problem});
			const named = {...context, baseProfileName: name, team: {...team, baseProfile: name}};
			return startTeamStage(state, named, entry, screen.newKeys);
		}
		case 'mfa-code': {
			const entry = entryOf(screen.stage);
			if (!entry) return unchanged(state);
			if (event.type === 'edit' && event.field === 'mfaCode') return go(state, {...screen, code: event.value});
			if (event.type !== 'submit') return unchanged(state);
			const code = screen.code.trim();
			if (!/^\d{6}$/.test(code)) return go(state, {...screen, error: 'Type the 6 digits your MFA device shows now.'});
			// The code leaves with the check: the screen Esc returns to starts empty.
			return checkTeamStage({...state, screen: {...screen, code: ''}}, context, entry, code);
		}
		case 'checking': {
			const entry = entryOf(screen.stage);
			if (!entry) return unchanged(state);
			if (event.type === 'verified') {
				if (event.identity.account !== entry.account) return go(state, {step: 'team', phase: 'mismatch', stage: entry.stage, identity: event.identity});
				return go(state, {step: 'team', phase: 'overview'}, withResult(context, entry.stage, verifiedResult(event.identity)));
			}
			if (event.type === 'verify-failed' || event.type === 'effect-failed') return go(state, {step: 'team', phase: 'failed', stage: entry.stage, failure: event.failure});
			return unchanged(state);
		}
		case 'mismatch':
		case 'failed': {
			const entry = entryOf(screen.stage);
			if (!entry) return unchanged(state);
			if (event.type === 'other-keys') return startTeamStage(state, context, entry, true);
			if (event.type === 'skip') return go(state, {step: 'team', phase: 'overview'}, withResult(context, entry.stage, {status: 'skipped'}));
			if (event.type === 'retry' && screen.phase === 'failed') return startTeamStage(state, context, entry);
			return unchanged(state);
		}
	}
}

/**
 * One team stage: a profile that exists is checked with STS (no writes); a role stage gets an assume-role profile on
 * top of the base profile (whose keys come through steps 3–6 first when it does not exist); any other stage gets its
 * keys through steps 3–6. `newKeys`: the user asked for other keys after a mismatch or failure.
 */
function startTeamStage(state: WizardState, context: WizardContext, entry: StageAccount, newKeys = false): Transition {
	if (!newKeys && profileExists(context, entry.profile)) return checkTeamStage(state, context, entry);
	if (!entry.role) return teamKeysDetour(state, context, entry, 'stage');
	const base = baseProfileOf(entry, context);
	if (base === undefined) return go(state, {step: 'team', phase: 'base-profile', stage: entry.stage, newKeys}, context);
	if (!newKeys && profileExists(context, base)) return planProfile(state, {...context, profileTarget: {kind: 'role', stage: entry.stage}, overwrite: false});
	return teamKeysDetour(state, context, entry, 'base');
}

/** STS through the stage's profile; a role with `mfa_serial` first asks for the code its AssumeRole needs. */
function checkTeamStage(state: WizardState, context: WizardContext, entry: StageAccount, mfaCode?: string): Transition {
	if (entry.role?.mfaSerial && mfaCode === undefined) return go(state, {step: 'team', phase: 'mfa-code', stage: entry.stage, code: ''}, context);
	return startEffect(
		state,
		context,
		(id) => ({step: 'team', phase: 'checking', id, stage: entry.stage}),
		(id) => ({type: 'verify-profile', id, profile: entry.profile, region: stageRegion(entry, context), ...(mfaCode === undefined ? {} : {mfaCode})}),
	);
}

/** Back through steps 3–6 for one team stage's profile (or its base profile), like the stages screen's detour. */
function teamKeysDetour(state: WizardState, context: WizardContext, entry: StageAccount, profile: 'stage' | 'base'): Transition {
	const name = profile === 'stage' ? entry.profile : (baseProfileOf(entry, context) ?? context.baseProfileName);
	const service = context.defaults.service;
	// The detour starts above the overview, wherever the user left for it (overview, base profile, mismatch).
	const history = isResting(state.screen) ? [...state.history, withoutError(state.screen)] : state.history;
	const floor = history.findLastIndex((screen) => isDetourStart(screen)) + 1;
	return go(state, {step: 'keys-path', phase: 'choose'}, {
		...context,
		forStage: entry.stage,
		teamTarget: {stage: entry.stage, profile},
		profileTarget: undefined,
		historyFloor: floor,
		path: undefined,
		identity: undefined,
		overwrite: false,
		userName: profile === 'stage' ? iamName(`${service}-${entry.stage}-deployer`) : context.defaults.userName,
		profileName: name,
		region: stageRegion(entry, context),
	});
}

/** The keys of a detour are written and verified: the stage is done, or its role profile comes next. */
function teamKeysDone(state: WizardState): Transition {
	const context = state.context;
	const target = context.teamTarget;
	const entry = target ? teamStage(context.team, target.stage) : undefined;
	if (!target || !entry || target.profile === 'stage') return teamScreen(state, context, {step: 'team', phase: 'overview'});
	const ended = endDetour(state, context);
	return startTeamStage(ended, ended.context, entry);
}

/**
 * Shows a team screen after a detour: the detour's screens leave the history, so Esc returns to the overview and
 * never to a form whose profile is already written.
 */
function teamScreen(state: WizardState, context: WizardContext, screen: Screen): Transition {
	const ended = endDetour(state, context);
	return go(ended, screen, ended.context);
}

/** The state as if the user were back on the overview the detour started from (the state itself when no detour). */
function endDetour(state: WizardState, context: WizardContext): WizardState {
	const floor = context.historyFloor;
	const start = floor > 0 ? state.history[floor - 1] : undefined;
	if (start === undefined) return {...state, context: withoutDetour(context)};
	return {screen: start, history: state.history.slice(0, floor - 1), context: withoutDetour(context)};
}

function withResult(context: WizardContext, stage: string, result: TeamStageResult): WizardContext {
	const team = context.team;
	return team ? {...context, team: {...team, results: {...team.results, [stage]: result}}} : context;
}

function verifiedResult(identity: VerifiedIdentity): TeamStageResult {
	return {status: 'verified', account: identity.account, arn: identity.arn};
}

function doneStep(state: WizardState, screen: ScreenOf<'done'>, event: Event): Transition {
	if (screen.phase === 'checking') {
		if (event.type === 'doctor-done') return go(state, {step: 'done', phase: 'summary', checks: event.checks});
		if (event.type === 'effect-failed') return go(state, {step: 'done', phase: 'summary', checks: [], failure: event.failure});
		return unchanged(state);
	}
	if (event.type === 'retry') return checkStages(state, state.context);
	return event.type === 'submit' ? exit(state, 0) : unchanged(state);
}
