/**
 * The wizard flow: `step(state, event)` → the next state and the effects to run. Pure: no I/O, no clock, no
 * environment. Every file or AWS change is an effect returned only in answer to `confirm` on a screen that showed
 * what would change; results come back as events carrying the effect's id, and a result for any other id (the user
 * went back meanwhile) is ignored.
 */
import {fallbackDefaults, iamName, profileName} from './defaults.js';
import type {Effect} from './effect.js';
import {keysProblem, profileNameProblem, regionProblem, stageProblem, userNameProblem} from './form-checks.js';
import {back, cancel, go, isBusy, startEffect, unchanged, type Transition} from './navigation.js';
import type {AccessKeys, Event, Failure, IamFailure, KeysPath, Screen, WizardContext, WizardDefaults, WizardState} from './state.js';

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
		case 'done':
			return doneStep(state, state.screen, event);
	}
}

/** Esc back onto the stages screen abandons the detour for one stage's profile. */
function leaveDetour(transition: Transition): Transition {
	const {screen, context} = transition.state;
	if (context.forStage === undefined || screen.step !== 'stages' || screen.phase !== 'pick') return transition;
	return {...transition, state: {...transition.state, context: {...context, forStage: undefined, historyFloor: 0}}};
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
	return go(state, {step: 'account', phase: 'ask'});
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
			return go(state, {step: 'user-and-policy', phase: 'form'}, {...context, admin: {kind: 'pasted', keys: choice.keys}});
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
			const policy = context.policyChoice === 'custom' && context.policy
				? {type: 'custom' as const, name: context.policy.name, document: context.policy.document}
				: {type: 'admin' as const};
			return creating(state, (id) => ({type: 'create-user', id, admin, userName: context.userName, policy, service: context.defaults.service}));
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
			return creating(state, (id) => ({type: 'create-access-key', id, admin, userName: screen.userName}));
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
	const keys = context.keys;
	if (keys === undefined) return unchanged(state);
	const request = {profile: context.profileName, credentials: keys, settings: {region: context.region}, overwrite: context.overwrite};
	const plan = (planContext: WizardContext) =>
		startEffect(
			state,
			planContext,
			(id) => ({step: 'profile', phase: 'planning', id}),
			(id) => ({type: 'plan-profile', id, request: {...request, overwrite: planContext.overwrite}}),
		);
	switch (screen.phase) {
		case 'form': {
			if (event.type === 'edit' && event.field === 'profileName') {
				// Agreeing to overwrite was about one profile: a new name asks again.
				return go(state, {step: 'profile', phase: 'form'}, {...context, profileName: event.value, overwrite: false});
			}
			if (event.type === 'edit' && event.field === 'region') return go(state, {step: 'profile', phase: 'form'}, {...context, region: event.value});
			if (event.type !== 'submit') return unchanged(state);
			const problem = profileNameProblem(context.profileName) ?? regionProblem(context.region);
			if (problem) return go(state, {step: 'profile', phase: 'form', error: {message: problem}});
			return plan(context);
		}
		case 'planning':
			if (event.type === 'profile-planned') {
				const review: Screen = {step: 'profile', phase: 'review', diff: event.diff, warnings: event.warnings};
				return go(state, event.refusal ? {...review, refusal: event.refusal} : review);
			}
			if (event.type === 'effect-failed') return go(state, {step: 'profile', phase: 'form', error: event.failure});
			return unchanged(state);
		case 'review':
			if (event.type === 'decline') return back(state);
			if (event.type === 'overwrite' && screen.refusal?.canOverride) return plan({...context, overwrite: true});
			if (event.type !== 'confirm' || screen.refusal) return unchanged(state);
			return startEffect(
				state,
				context,
				(id) => ({step: 'profile', phase: 'writing', id}),
				(id) => ({type: 'write-profile', id, plan: {...request, shownDiff: screen.diff}}),
			);
		case 'writing':
			if (event.type === 'profile-written') {
				const stage = context.forStage ?? context.defaults.stage;
				const written: WizardContext = {
					...context,
					writtenProfiles: [...new Set([...context.writtenProfiles, context.profileName])],
					mapping: {...context.mapping, [stage]: context.profileName},
				};
				return verify(state, written, keys);
			}
			if (event.type === 'effect-failed') return go(state, {step: 'profile', phase: 'form', error: event.failure});
			return unchanged(state);
	}
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
			if (event.type === 'verified') return go(state, {step: 'verify', phase: 'verified', identity: event.identity}, {...context, identity: event.identity});
			if (event.type === 'verify-failed') return go(state, {step: 'verify', phase: 'failed', failure: event.failure, timedOut: event.timedOut});
			if (event.type === 'effect-failed') return go(state, {step: 'verify', phase: 'failed', failure: event.failure, timedOut: false});
			return unchanged(state);
		case 'verified':
			return event.type === 'submit' ? stagesPick(state, context) : unchanged(state);
		case 'failed':
			if (event.type === 'retry' && context.keys) return verify(state, context, context.keys);
			if (event.type === 'skip') return stagesPick(state, {...context, identity: undefined});
			return unchanged(state);
	}
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

/** Step 8: the doctor's verdict for every stage. */
function checkStages(state: WizardState, context: WizardContext): Transition {
	return startEffect(
		state,
		context,
		(id) => ({step: 'done', phase: 'checking', id}),
		(id) => ({type: 'doctor', id, stages: context.stages, mapping: context.mapping}),
	);
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
