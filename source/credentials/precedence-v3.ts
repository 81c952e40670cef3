/**
 * Serverless Framework v3: which credentials `AwsProvider.getCredentials()` picks (credential-resolution.md §2).
 * Steps 1–7 all run, lowest priority first; each valid one replaces the previous result; a named profile that does
 * not exist throws (except at step 1) and ends the run. Only if nothing valid was found does SDK v2's own chain pick
 * (step 8). The Dashboard provider sits above everything (see dashboard.ts for how "may override" is reported).
 */
import type {Snapshot} from '../gather/snapshot.js';
import {Secret} from '../secret.js';
import {decideStatuses, toWinner, type Assessment, type Decision, type Outcome} from './assessment.js';
import {dashboardV3} from './dashboard.js';
import {isV3Valid, loadsConfigFile} from './environment.js';
import type {Assume} from './fix-plan.js';
import {classifyProfile} from './profile-kind.js';
import {regionV3} from './region.js';
import {sdkFiles} from './sdk-chain.js';
import {sdkV2Fallback} from './sdk-v2-chain.js';
import {judgeV2Profile, v2ProfileSet, v2StartupCrash, type V2ProfileSet} from './sdk-v2-profiles.js';
import {v3Fixes} from './v3-fixes.js';
import {v3Traps} from './v3-traps.js';
import type {Candidate, SourceId, Verdict} from './verdict.js';

export interface V3Evaluation {
	stage: string;
	/** `AWS_` + stage upper-cased (no other character replaced). */
	stagePrefix: string;
	/** Steps 7 … 1 (highest first), as judged on their own. */
	steps: Assessment[];
	dashboard: ReturnType<typeof dashboardV3>;
	fallback?: ReturnType<typeof sdkV2Fallback>;
	decision: Decision;
	candidates: Candidate[];
}

export function precedenceV3(snapshot: Snapshot): Verdict {
	const evaluation = evaluateV3(snapshot);
	const candidates = v3Fixes(snapshot, evaluation);
	const verdict: Verdict = {
		engine: 'serverless-v3',
		stage: evaluation.stage,
		region: regionV3(snapshot),
		candidates,
		traps: v3Traps(snapshot, evaluation),
	};
	if (evaluation.decision.winner) verdict.winner = evaluation.decision.winner;
	if (evaluation.decision.error) verdict.error = evaluation.decision.error;
	return verdict;
}

export function v3Stage(snapshot: Snapshot): string {
	return snapshot.options.stage || snapshot.service.stage.value || 'dev';
}

export function evaluateV3(snapshot: Snapshot, assume?: Assume): V3Evaluation {
	const env = snapshot.env;
	const stage = v3Stage(snapshot);
	const stagePrefix = `AWS_${stage.toUpperCase()}`;
	const set = v2ProfileSet(snapshot, 'serverless-step');
	const context: StepContext = {snapshot, set, configOnly: configOnlyProfiles(snapshot)};

	const steps: Assessment[] = [];
	// 7: --aws-profile
	const cliProfile = snapshot.options.awsProfile;
	steps.push(
		cliProfile
			? profileStep(context, 'cli-aws-profile', `--aws-profile ${cliProfile}`, cliProfile, true, ['--aws-profile'])
			: {source: 'cli-aws-profile', title: '--aws-profile', outcome: {type: 'absent', reason: 'No --aws-profile option.'}},
	);
	// 6: AWS_<STAGE>_PROFILE
	steps.push(envProfileStep(context, 'env-stage-profile', `${stagePrefix}_PROFILE`));
	// 5: AWS_<STAGE>_ACCESS_KEY_ID + _SECRET_ACCESS_KEY
	steps.push(envKeysStep(snapshot, 'env-stage-keys', stagePrefix));
	// 4: AWS_PROFILE
	steps.push(envProfileStep(context, 'env-profile', 'AWS_PROFILE'));
	// 3: AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY
	steps.push(envKeysStep(snapshot, 'env-keys', 'AWS'));
	// 2: provider.profile
	steps.push(providerProfileStep(context));
	// 1: AWS_DEFAULT_PROFILE or default
	const defaultName = env['AWS_DEFAULT_PROFILE'] || 'default';
	const defaultTitle = env['AWS_DEFAULT_PROFILE'] ? `AWS_DEFAULT_PROFILE=${defaultName}` : '[default] profile';
	steps.push(profileStep(context, 'default-profile', defaultTitle, defaultName, false, env['AWS_DEFAULT_PROFILE'] ? ['AWS_DEFAULT_PROFILE'] : []));

	if (assume) applyAssumption(steps, assume);
	const crash = v2StartupCrash(snapshot);
	const stepDecision = crash ? crashed(steps, crash) : decideStatuses(steps, 'all-lowest-first');
	const dashboard = dashboardV3(snapshot);

	let decision: Decision = stepDecision;
	let fallback: ReturnType<typeof sdkV2Fallback> | undefined;
	let chainCandidate: Candidate;
	const chainTitle = 'SDK v2 default chain (fallback)';
	if (!stepDecision.winner && !stepDecision.error && !crash) {
		fallback = sdkV2Fallback(snapshot);
		const outcome: Outcome = fallback.outcome;
		const title = fallback.link ? `${chainTitle}: ${fallback.link}` : chainTitle;
		const entry: Assessment = {source: 'sdk-default-chain', title, profile: fallback.profile, origin: fallback.files, outcome};
		chainCandidate = {
			source: 'sdk-default-chain',
			rank: 9,
			title,
			status: outcome.type === 'usable' ? 'winner' : 'error',
			reason: outcome.reason,
			profile: fallback.profile,
			origin: fallback.files,
			...(outcome.type === 'usable' ? {kind: outcome.use.kind, ...(outcome.use.accessKeyId ? {accessKeyId: outcome.use.accessKeyId} : {})} : {}),
		};
		decision = {
			candidates: stepDecision.candidates,
			...(outcome.type === 'usable' ? {winner: toWinner(entry, outcome.use)} : {}),
			...(outcome.type === 'fails' ? {error: outcome.error} : {}),
		};
	} else {
		chainCandidate = {
			source: 'sdk-default-chain',
			rank: 9,
			title: chainTitle,
			status: 'not-evaluated',
			reason: stepDecision.winner ? 'Used only when steps 1–7 give nothing.' : 'Not reached: the run fails before the first AWS request.',
		};
	}

	const dashboardCandidate: Candidate = {
		source: 'dashboard-provider',
		rank: 1,
		title: dashboard.assessment.title,
		status: dashboard.assessment.outcome.type === 'absent' ? 'absent' : dashboard.assessment.outcome.type === 'hidden' ? 'not-evaluated' : 'skipped',
		reason: dashboard.assessment.outcome.reason,
		kind: 'dashboard',
		...(dashboard.assessment.origin ? {origin: dashboard.assessment.origin} : {}),
	};
	const candidates = [dashboardCandidate, ...decision.candidates.map((candidate) => ({...candidate, rank: candidate.rank + 1})), chainCandidate];
	return {stage, stagePrefix, steps, dashboard, ...(fallback ? {fallback} : {}), decision, candidates};
}

/** Serverless v3 dies while loading SDK v2: no step runs. */
function crashed(steps: Assessment[], crash: {code: string; message: string}): Decision {
	const decision = decideStatuses(steps, 'all-lowest-first');
	return {
		candidates: decision.candidates.map((candidate) =>
			candidate.status === 'absent' ? candidate : {...candidate, status: 'not-evaluated', reason: `Not reached: Serverless v3 stops while loading AWS SDK v2 (${crash.message}).`},
		),
		error: {...crash, source: 'sdk-default-chain'},
	};
}

interface StepContext {
	snapshot: Snapshot;
	set: V2ProfileSet;
	/** Profiles SDK v2 would see only with AWS_SDK_LOAD_CONFIG (they exist in the config file). */
	configOnly: ReadonlySet<string>;
}

function profileStep(context: StepContext, source: SourceId, title: string, name: string, throws: boolean, origin: string[]): Assessment {
	const judgement = judgeV2Profile(name, context.set);
	const sdkKeys = sdkFiles(context.snapshot).merged[name];
	const kind = sdkKeys ? classifyProfile(sdkKeys) : undefined;
	const base = {source, title, profile: name, ...(kind ? {kind} : {}), origin: [...origin, ...context.set.files.map((file) => `${file} [${name}]`)]};
	if (judgement.exists && judgement.valid) {
		if (judgement.kind === 'role') {
			const mfa = judgement.mfaSerial ? ` It asks for an MFA code for ${judgement.mfaSerial} on every run.` : '';
			return {
				...base,
				kind: 'role',
				outcome: {
					type: 'usable',
					reason: `Profile "${name}" assumes ${judgement.roleArn} with source profile "${judgement.sourceProfile}" at the first AWS request.${mfa}`,
					use: {kind: 'role', profile: name, roleArn: judgement.roleArn!, credentials: {type: 'profile', profile: name}},
				},
			};
		}
		const id = new Secret(judgement.accessKeyId!);
		return {
			...base,
			kind: judgement.kind,
			outcome: {
				type: 'usable',
				reason: `Profile "${name}" has an access key and secret.`,
				use: {
					kind: judgement.kind,
					profile: name,
					accessKeyId: id,
					credentials: {
						type: 'static',
						accessKeyId: id,
						secretAccessKey: new Secret(judgement.secretAccessKey!),
						...(judgement.sessionToken ? {sessionToken: new Secret(judgement.sessionToken)} : {}),
					},
				},
			},
		};
	}
	if (judgement.exists) {
		return {...base, outcome: {type: 'unusable', reason: `${judgement.reason} Serverless v3 skips it silently.`}};
	}
	const hint = context.configOnly.has(name)
		? ` It is only in ${context.snapshot.configFile.path}, which Serverless v3 reads only with AWS_SDK_LOAD_CONFIG=1.`
		: '';
	if (!throws) {
		const absentEverywhere = !sdkKeys && !context.set.unreadable && !context.configOnly.has(name);
		if (absentEverywhere) return {...base, outcome: {type: 'absent', reason: `${judgement.reason}${hint}`}};
		return {...base, outcome: {type: 'unusable', reason: `${judgement.reason}${hint} Step 1 swallows this.`}};
	}
	return {
		...base,
		outcome: {
			type: 'fails',
			reason: `${judgement.reason}${hint}`,
			error: {code: 'UNRECOGNIZED_AWS_PROFILE', message: `AWS profile "${name}" doesn't seem to be configured`, source},
		},
	};
}

function envProfileStep(context: StepContext, source: SourceId, variable: string): Assessment {
	const value = context.snapshot.env[variable];
	if (value === undefined) return {source, title: variable, outcome: {type: 'absent', reason: `${variable} is not set.`}};
	if (value === '') return {source, title: variable, origin: [variable], outcome: {type: 'unusable', reason: `${variable} is set but empty, which Serverless treats as unset.`}};
	return profileStep(context, source, `${variable}=${value}`, value, true, [variable]);
}

function envKeysStep(snapshot: Snapshot, source: SourceId, prefix: string): Assessment {
	const names = {id: `${prefix}_ACCESS_KEY_ID`, secret: `${prefix}_SECRET_ACCESS_KEY`, token: `${prefix}_SESSION_TOKEN`};
	const id = snapshot.env[names.id];
	const secret = snapshot.env[names.secret];
	const token = snapshot.env[names.token];
	const title = `${names.id} + ${names.secret}`;
	const origin = [names.id, names.secret, names.token].filter((name) => snapshot.env[name] !== undefined);
	if (!id && !secret) return {source, title, outcome: {type: 'absent', reason: `${names.id} is not set.`}};
	const kind = token ? 'temporary' : 'static';
	if (!isV3Valid(id) || !isV3Valid(secret)) {
		const literal = id === 'undefined' || secret === 'undefined';
		const missing = !id ? names.id : names.secret;
		return {
			source,
			title,
			origin,
			kind,
			...(id && id !== 'undefined' ? {accessKeyId: new Secret(id)} : {}),
			outcome: {
				type: 'unusable',
				reason: literal
					? `${id === 'undefined' ? names.id : names.secret} holds the literal text "undefined" (usually an unset CI secret); Serverless ignores the pair.`
					: `${missing} is missing, so Serverless ignores ${missing === names.id ? names.secret : names.id}.`,
			},
		};
	}
	const accessKeyId = new Secret(id!);
	const noToken = id!.startsWith('ASIA') && !token ? ` ${names.id} is a temporary (ASIA…) key but ${names.token} is not set: AWS will answer InvalidClientTokenId.` : '';
	return {
		source,
		title,
		origin,
		kind,
		outcome: {
			type: 'usable',
			reason: `Both keys are set.${noToken}`,
			use: {
				kind,
				accessKeyId,
				credentials: {type: 'static', accessKeyId, secretAccessKey: new Secret(secret!), ...(token ? {sessionToken: new Secret(token)} : {})},
			},
		},
	};
}

function providerProfileStep(context: StepContext): Assessment {
	const {snapshot} = context;
	const value = snapshot.service.profile;
	const source: SourceId = 'provider-profile';
	if (!value) return {source, title: 'provider.profile', outcome: {type: 'absent', reason: 'serverless.yml sets no provider.profile.'}};
	if (value.kind === 'deploy-time') {
		return {
			source,
			title: `provider.profile "${value.raw}" (serverless.yml)`,
			outcome: {
				type: 'fails',
				reason: `provider.profile uses ${value.sources.join(', ')}, which Serverless v3 cannot resolve before it picks credentials.`,
				error: {
					code: 'INACCESSIBLE_CONFIGURATION_PROPERTY',
					message: 'Cannot resolve serverless.yml: "provider.profile" property is not accessible (configured behind variables which cannot be resolved at this stage)',
					source,
				},
			},
		};
	}
	if (value.kind === 'unresolved') {
		return {
			source,
			title: `provider.profile "${value.raw}" (serverless.yml)`,
			outcome: {type: 'fails', reason: value.message, error: {code: 'VARIABLES_RESOLUTION_ERROR', message: value.message, source}},
		};
	}
	const name = value.value;
	const title = `provider.profile "${name}" (serverless.yml)`;
	if (!name) return {source, title: 'provider.profile', outcome: {type: 'absent', reason: 'provider.profile is empty.'}};
	if (snapshot.options.awsProfile) {
		return {source, title, profile: name, origin: ['serverless.yml provider.profile'], outcome: {type: 'hidden', reason: `--aws-profile is given, so Serverless v3 never reads provider.profile (not even to check that "${name}" exists).`}};
	}
	return profileStep(context, source, title, name, true, ['serverless.yml provider.profile']);
}

function configOnlyProfiles(snapshot: Snapshot): ReadonlySet<string> {
	if (loadsConfigFile(snapshot.env)) return new Set();
	const files = sdkFiles(snapshot);
	return new Set(Object.keys(files.config).filter((name) => !Object.hasOwn(files.credentials, name)));
}

function applyAssumption(steps: Assessment[], assume: Assume): void {
	for (const [index, step] of steps.entries()) {
		const matches = assume.source !== undefined ? step.source === assume.source : assume.profile !== undefined && step.profile === assume.profile;
		if (!matches || step.outcome.type === 'absent' || step.outcome.type === 'hidden') continue;
		steps[index] = {
			...step,
			outcome: {
				type: 'usable',
				reason: 'Assumed fixed.',
				use: {kind: step.kind ?? 'static', ...(step.profile ? {profile: step.profile} : {}), credentials: step.profile ? {type: 'profile', profile: step.profile} : {type: 'chain'}},
			},
		};
	}
}
