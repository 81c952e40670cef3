/**
 * The exact change that makes each non-winning Serverless v3 source win. Candidate change lists are replayed
 * through `evaluateV3`; the shortest one that works is rendered.
 */
import type {Snapshot} from '../gather/snapshot.js';
import type {Assessment} from './assessment.js';
import {applyChanges, deployCommand, isReplayable, renderFix, type Change} from './fix-change.js';
import {meetsGoal, pickFix, type Assume, type FixGoal} from './fix-plan.js';
import {evaluateV3, type V3Evaluation} from './precedence-v3.js';
import {isSet, loadsConfigFile} from './environment.js';
import {sdkFiles} from './sdk-chain.js';
import {judgeV2Profile, v2ProfileSet, v2StartupCrash} from './sdk-v2-profiles.js';
import {regionV3} from './region.js';
import {isSsoProfile} from './profile-kind.js';
import type {Candidate, SourceId} from './verdict.js';

export function v3Fixes(snapshot: Snapshot, evaluation: V3Evaluation): Candidate[] {
	const context = {engine: 'serverless-v3' as const, stage: evaluation.stage, options: snapshot.options};
	return evaluation.candidates.map((candidate) => {
		if (candidate.status === 'winner' || candidate.status === 'absent') return candidate;
		if (candidate.source === 'dashboard-provider') return withFix(candidate, dashboardFix(snapshot, evaluation, candidate));
		if (candidate.source === 'sdk-default-chain') return candidate;
		const step = evaluation.steps.find((entry) => entry.source === candidate.source);
		if (!step) return candidate;
		const changes = planStepFix(snapshot, evaluation, step);
		return withFix(candidate, changes ? renderFix(changes, context) : undefined);
	});
}

function withFix(candidate: Candidate, fix: string | undefined): Candidate {
	return fix ? {...candidate, fix} : candidate;
}

function dashboardFix(snapshot: Snapshot, evaluation: V3Evaluation, candidate: Candidate): string | undefined {
	const {org, app} = evaluation.dashboard;
	if (candidate.status === 'not-evaluated') return `add an AWS provider for app "${app}" in org "${org}" in the Serverless Dashboard (org settings → Providers)`;
	if (snapshot.options.useLocalCredentials) {
		const {useLocalCredentials: _drop, ...options} = snapshot.options;
		return deployCommand(evaluation.stage, options);
	}
	return 'serverless login';
}

/** How to take one step out of the way. */
export function neutraliseV3(step: Assessment, snapshot: Snapshot, stagePrefix: string): Change[] | undefined {
	const env = snapshot.env;
	const keys = (prefix: string): Change => ({
		type: 'unset-env',
		names: [`${prefix}_ACCESS_KEY_ID`, `${prefix}_SECRET_ACCESS_KEY`, `${prefix}_SESSION_TOKEN`].filter((name) => env[name] !== undefined),
	});
	switch (step.source) {
		case 'cli-aws-profile':
			return [{type: 'drop-aws-profile'}];
		case 'env-stage-profile':
			return [{type: 'unset-env', names: [`${stagePrefix}_PROFILE`]}];
		case 'env-stage-keys':
			return [keys(stagePrefix)];
		case 'env-profile':
			return [{type: 'unset-env', names: ['AWS_PROFILE']}];
		case 'env-keys':
			return [keys('AWS')];
		case 'provider-profile':
			return [{type: 'remove-provider-profile'}];
		case 'default-profile':
			return isSet(env, 'AWS_DEFAULT_PROFILE') ? [{type: 'unset-env', names: ['AWS_DEFAULT_PROFILE']}] : undefined;
		default:
			return undefined;
	}
}

function planStepFix(snapshot: Snapshot, evaluation: V3Evaluation, target: Assessment): Change[] | undefined {
	const repair = ownRepair(snapshot, target);
	const attempts: Change[][] = [];
	const mayOverride = evaluation.dashboard.mayOverride;
	// AWS_REGION keeps SDK v2 from reading the missing config file while it loads (see v2StartupCrash).
	const region = regionV3(snapshot).value ?? 'us-east-1';
	const local: Change[] = [
		...(v2StartupCrash(snapshot) ? [{type: 'set-env' as const, name: 'AWS_REGION', value: region}] : []),
		...(mayOverride ? [{type: 'use-local-credentials' as const}] : []),
	];

	if (repair?.route === 'export') {
		// v3 cannot use this profile by name: put its temporary keys into the environment instead.
		const base: Change[] = [...repair.changes, ...(neutraliseV3(target, snapshot, evaluation.stagePrefix) ?? []), ...local];
		const goal: FixGoal = {source: 'env-keys'};
		const clearing = clearAround(snapshot, base, 'env-keys', undefined);
		if (clearing) attempts.push([...base, ...clearing]);
		return pickFix(attempts, (changes) => works(snapshot, changes, goal, undefined));
	}

	const repairChanges = repair?.changes ?? [];
	const needsAssumption = repairChanges.some((change) => !isReplayable(change));
	const profile = target.profile;

	// A (preferred on a tie: it names the profile outright): --aws-profile, the highest local step; only failing
	// steps still need clearing.
	if (profile !== undefined && target.source !== 'cli-aws-profile') {
		const baseA: Change[] = [...repairChanges, {type: 'aws-profile', profile}, ...local];
		const assumeA: Assume | undefined = needsAssumption ? {profile} : undefined;
		const clearingA = clearFailing(snapshot, baseA, assumeA);
		if (clearingA) attempts.push([...baseA, ...clearingA]);
	}

	// B: clear every source that is in the way.
	const assumeTarget: Assume | undefined = needsAssumption ? {source: target.source} : undefined;
	const goalB: FixGoal = {source: target.source, ...(profile === undefined ? {} : {profile})};
	const base = [...repairChanges, ...local];
	const clearing = clearAround(snapshot, base, target.source, assumeTarget);
	if (clearing) attempts.push([...base, ...clearing]);

	const goalA: FixGoal = {source: 'cli-aws-profile', ...(profile === undefined ? {} : {profile}), anySourceForProfile: true};
	// Setting AWS_REGION is needless when the fix stops reading the config file anyway: offer both, keep the shorter.
	const withoutRegion = attempts.map((attempt) => attempt.filter((change) => !(change.type === 'set-env' && change.name === 'AWS_REGION')));
	return pickFix([...attempts, ...withoutRegion], (changes) => {
		const viaOption = changes.some((change) => change.type === 'aws-profile') && target.source !== 'cli-aws-profile';
		const assume = needsAssumption ? (viaOption ? {profile: profile!} : {source: target.source}) : undefined;
		return works(snapshot, changes, viaOption ? goalA : goalB, assume);
	});
}

function works(snapshot: Snapshot, changes: readonly Change[], goal: FixGoal, assume: Assume | undefined): boolean {
	const evaluation = evaluateV3(applyChanges(snapshot, changes), assume);
	return meetsGoal(evaluation.decision.winner, goal);
}

/**
 * Changes that clear every usable-or-failing step above `target` and every failing step below it. Repeated until
 * nothing new is in the way: dropping --aws-profile, for one, brings provider.profile back into play.
 */
function clearAround(snapshot: Snapshot, base: readonly Change[], target: SourceId, assume: Assume | undefined): Change[] | undefined {
	const out: Change[] = [];
	for (let pass = 0; pass < 4; pass++) {
		const changed = applyChanges(snapshot, [...base, ...out]);
		const evaluation = evaluateV3(changed, assume);
		const targetIndex = evaluation.steps.findIndex((step) => step.source === target);
		const more: Change[] = [];
		for (const [index, step] of evaluation.steps.entries()) {
			if (step.source === target) continue;
			const inTheWay = (index < targetIndex && step.outcome.type === 'usable') || step.outcome.type === 'fails';
			if (!inTheWay) continue;
			const clear = neutraliseV3(step, changed, evaluation.stagePrefix);
			if (!clear) return undefined;
			more.push(...clear);
		}
		if (more.length === 0) return out;
		out.push(...more);
	}
	return out;
}

function clearFailing(snapshot: Snapshot, base: readonly Change[], assume: Assume | undefined): Change[] | undefined {
	const out: Change[] = [];
	for (let pass = 0; pass < 4; pass++) {
		const changed = applyChanges(snapshot, [...base, ...out]);
		const evaluation = evaluateV3(changed, assume);
		const more: Change[] = [];
		for (const step of evaluation.steps) {
			if (step.outcome.type !== 'fails' || step.source === 'cli-aws-profile') continue;
			const clear = neutraliseV3(step, changed, evaluation.stagePrefix);
			if (!clear) return undefined;
			more.push(...clear);
		}
		if (more.length === 0) return out;
		out.push(...more);
	}
	return out;
}

interface Repair {
	route: 'in-place' | 'export';
	changes: Change[];
}

/** What makes the target itself usable, when it is not. */
function ownRepair(snapshot: Snapshot, target: Assessment): Repair | undefined {
	const outcome = target.outcome;
	if (outcome.type === 'usable' || outcome.type === 'absent') return undefined;
	if (outcome.type === 'hidden') return undefined;
	if (target.source === 'env-keys' || target.source === 'env-stage-keys') return envKeysRepair(snapshot, target);
	if (target.profile === undefined) return undefined;
	return profileRepair(snapshot, target.profile);
}

function envKeysRepair(snapshot: Snapshot, target: Assessment): Repair | undefined {
	const prefix = target.title.split('_ACCESS_KEY_ID')[0]!;
	const idName = `${prefix}_ACCESS_KEY_ID`;
	const secretName = `${prefix}_SECRET_ACCESS_KEY`;
	const id = snapshot.env[idName];
	const secret = snapshot.env[secretName];
	if (id === 'undefined' || secret === 'undefined') {
		const name = id === 'undefined' ? idName : secretName;
		return {route: 'in-place', changes: [{type: 'edit', text: `set ${name} to the real value (it holds the literal text "undefined", usually an unset CI secret)`}]};
	}
	const missing = !id ? idName : secretName;
	return {route: 'in-place', changes: [{type: 'edit', text: `set ${missing} as well (export ${missing}=…)`}]};
}

function profileRepair(snapshot: Snapshot, name: string): Repair | undefined {
	const set = v2ProfileSet(snapshot, 'serverless-step');
	const judgement = judgeV2Profile(name, set);
	const credentialsPath = snapshot.credentialsFile.path;
	if (judgement.exists && !judgement.valid) {
		const keys = set.profiles[name] ?? {};
		const literal = keys['aws_access_key_id'] === 'undefined' || keys['aws_secret_access_key'] === 'undefined';
		if (literal) return {route: 'in-place', changes: [{type: 'edit', text: `replace the literal "undefined" in [${name}] in ${credentialsPath} with the real key`}]};
		const missing = ['aws_access_key_id', 'aws_secret_access_key'].filter((key) => !keys[key]);
		return {route: 'in-place', changes: [{type: 'edit', text: `add ${missing.join(' and ')} to [${name}] in ${credentialsPath}`}]};
	}
	if (judgement.exists) return undefined;
	if (set.unreadable && loadsConfigFile(snapshot.env) && !snapshot.configFile.exists) {
		return {route: 'in-place', changes: [{type: 'unset-env', names: ['AWS_SDK_LOAD_CONFIG']}]};
	}
	const files = sdkFiles(snapshot);
	const sdkKeys = files.merged[name];
	if (sdkKeys && !loadsConfigFile(snapshot.env) && !Object.hasOwn(files.credentials, name) && Object.hasOwn(files.config, name)) {
		// Reading the config file may be all it takes (a static-key or role profile only in ~/.aws/config).
		const withConfig = applyChanges(snapshot, [{type: 'set-env', name: 'AWS_SDK_LOAD_CONFIG', value: '1'}]);
		if (judgeV2Profile(name, v2ProfileSet(withConfig, 'serverless-step')).exists) {
			return {route: 'in-place', changes: [{type: 'set-env', name: 'AWS_SDK_LOAD_CONFIG', value: '1'}]};
		}
	}
	const viaCredentialSource = Boolean(sdkKeys?.['role_arn'] && sdkKeys['credential_source'] && !sdkKeys['source_profile']);
	if (sdkKeys && (sdkKeys['credential_process'] !== undefined || isSsoProfile(sdkKeys) || sdkKeys['web_identity_token_file'] !== undefined || viaCredentialSource)) {
		return {route: 'export', changes: [{type: 'export-credentials', profile: name}]};
	}
	if (sdkKeys?.['role_arn'] && !sdkKeys['source_profile']) {
		return {route: 'in-place', changes: [{type: 'edit', text: `add source_profile = <a profile with keys> to [${name}] (Serverless v3 cannot use credential_source)`}]};
	}
	return {route: 'in-place', changes: [{type: 'edit', text: `add [${name}] with aws_access_key_id and aws_secret_access_key to ${credentialsPath}`}]};
}
