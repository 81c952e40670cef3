/**
 * Performs the wizard's effects (effect.ts) with the modules that already do the work — the doctor's gather and
 * analyse, the IAM calls, the profile store's plan and write path, the stage-mapping edit — and turns each outcome
 * into the event the reducer expects, with the effect's id. Nothing here throws for an expected failure: a failed
 * AWS call or file write comes back as an event, so the reducer decides what the user sees. Side effects the tests
 * must observe (the browser, the clipboard, progress) go through `RunnerDeps`.
 */
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import type {IamFailure as AwsIamFailure} from '../aws/iam-failure.js';
import type {AdminCredentials as AwsAdminCredentials} from '../aws/iam-session.js';
import type {AccessKeySummary} from '../aws/iam-access-keys.js';
import type {ProfilePlan} from '../aws-files/profile-edits.js';
import type {ProfileFiles} from '../commands/profile-files.js';
import type {Verdict, Winner} from '../credentials/verdict.js';
import type {Env, Snapshot} from '../gather/snapshot.js';
import type {StageMappingEdit} from '../service/stage-mapping.js';
import type {Effect, ProfileRequest, StageMappingRequest} from './effect.js';
import type {AccessKeys, AdminCredentials, Event, Failure, IamFailure, PlanRefusal, StageCheck} from './state.js';

export interface RunnerDeps {
	cwd: string;
	/** The environment the wizard runs in (HOME, AWS_* file paths, endpoints). */
	env: Env;
	/** The world as the last scan read it; the scan effect replaces it, the other effects read it. */
	snapshot?: Snapshot;
	/** Best effort, never throws: a link is always printed on screen too. */
	openUrl: (url: string) => Promise<void> | void;
	/** Best effort, never throws; false when no clipboard could be reached. */
	copyToClipboard: (text: string) => Promise<boolean> | boolean;
	/** Events sent while an effect is still running (verify progress). */
	onProgress?: (event: Event) => void;
	/** The verify wait (default: waitForKey's 20 s). */
	verifyTimeoutMs?: number;
	/** Aborted when the user quits (Ctrl-C): a running verify wait stops at once, its STS request included. */
	signal?: AbortSignal;
}

export async function runEffect(effect: Effect, deps: RunnerDeps): Promise<Event | undefined> {
	switch (effect.type) {
		case 'open-url':
			await bestEffort(() => deps.openUrl(effect.url));
			return undefined;
		case 'copy-exports':
			await copyExports(effect.credentials, effect.region, deps);
			return undefined;
		case 'exit':
			return undefined;
		default:
	}
	try {
		return await runWithResult(effect, deps);
	} catch (error) {
		const failure = failureFrom(error);
		return effect.type === 'scan' ? {type: 'scan-failed', id: effect.id, failure} : {type: 'effect-failed', id: effect.id, failure};
	}
}

type ResultEffect = Exclude<Effect, {type: 'open-url'} | {type: 'copy-exports'} | {type: 'exit'}>;

async function runWithResult(effect: ResultEffect, deps: RunnerDeps): Promise<Event> {
	switch (effect.type) {
		case 'scan':
			return scan(effect.id, deps);
		case 'generate-policy':
			return generatePolicy(effect, deps);
		case 'save-policy-file': {
			const {safeWrite} = await import('../aws-files/safe-write.js');
			const target = path.resolve(deps.cwd, effect.path);
			await safeWrite({path: target, build: () => effect.document});
			return {type: 'policy-saved', id: effect.id, path: target};
		}
		case 'create-user': {
			const {createDeployUser} = await import('../aws/iam-user.js');
			const result = await createDeployUser({
				snapshot: await snapshotOf(deps),
				credentials: adminCredentials(effect.admin),
				userName: effect.userName,
				policy: effect.policy,
				...(effect.reuseExistingUser ? {reuseExistingUser: true} : {}),
			});
			if (result.status === 'failed') return {type: 'iam-failed', id: effect.id, failure: iamFailure(result.failure, effect.userName)};
			const key = result.user.accessKey;
			return {type: 'keys-created', id: effect.id, userName: result.user.userName, keys: {accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey}};
		}
		case 'replace-access-key': {
			const {deleteAccessKey} = await import('../aws/iam-access-keys.js');
			const deleted = await deleteAccessKey({
				snapshot: await snapshotOf(deps),
				credentials: adminCredentials(effect.admin),
				userName: effect.userName,
				accessKeyId: effect.deleteAccessKeyId,
			});
			if (deleted.status === 'failed') return {type: 'iam-failed', id: effect.id, failure: iamFailure(deleted.failure, effect.userName)};
			return newAccessKey(effect.id, effect.admin, effect.userName, deps);
		}
		case 'plan-profile': {
			const {plan, diff} = await planProfile(effect.request, deps);
			return {type: 'profile-planned', id: effect.id, diff, warnings: plan.warnings, ...(plan.refusal ? {refusal: profileRefusal(plan.refusal)} : {})};
		}
		case 'write-profile':
			return writeProfile(effect, deps);
		case 'verify':
			return verify(effect, deps);
		case 'verify-profile':
			return verifyProfile(effect, deps);
		case 'plan-stage-mapping': {
			const planned = await planMapping(effect.request, deps);
			if ('refusal' in planned) return {type: 'stage-mapping-planned', id: effect.id, diff: [], snippet: planned.snippet, warnings: planned.warnings, refusal: planned.refusal};
			return {type: 'stage-mapping-planned', id: effect.id, diff: planned.diff, snippet: planned.plan.snippet, warnings: planned.plan.warnings};
		}
		case 'write-stage-mapping':
			return writeMapping(effect, deps);
		case 'doctor':
			return {type: 'doctor-done', id: effect.id, checks: await checkStages(effect.stages, effect.mapping, deps)};
	}
}

async function gatherFor(deps: RunnerDeps, stage?: string): Promise<Snapshot> {
	const {gather} = await import('../gather/gather.js');
	return gather({cwd: deps.cwd, options: stage === undefined ? {} : {stage}, processEnv: deps.env});
}

async function snapshotOf(deps: RunnerDeps): Promise<Snapshot> {
	deps.snapshot ??= await gatherFor(deps);
	return deps.snapshot;
}

async function scan(id: number, deps: RunnerDeps): Promise<Event> {
	const [{analyse}, {summarizeScan}, {wizardDefaults}] = await Promise.all([
		import('../credentials/analyse.js'),
		import('./scan-summary.js'),
		import('./defaults.js'),
	]);
	const snapshot = await gatherFor(deps);
	deps.snapshot = snapshot;
	const {primary} = analyse(snapshot);
	return {type: 'scanned', id, scan: summarizeScan(snapshot, primary), defaults: wizardDefaults(snapshot)};
}

async function generatePolicy(effect: Extract<Effect, {type: 'generate-policy'}>, deps: RunnerDeps): Promise<Event> {
	const [{deployPolicy, formatPolicy}, {parseServiceText}, {probeIdentity}, {adminWinner}] = await Promise.all([
		import('../aws/deploy-policy.js'),
		import('../service/parse-service-file.js'),
		import('../aws/probe-identity.js'),
		import('../aws/iam-session.js'),
	]);
	const snapshot = await snapshotOf(deps);
	const service = snapshot.service;
	let document: unknown;
	if (service.path && (service.format === 'yml' || service.format === 'json')) {
		const text = await readFile(service.path, 'utf8').catch(() => undefined);
		if (text !== undefined) document = parseServiceText(text, service.format, path.basename(service.path)).document;
	}
	// The account id narrows every ARN; without it the policy still works, with `*` for the account.
	const probe = await probeIdentity({snapshot, winner: adminWinner(adminCredentials(effect.admin)), region: effect.region});
	const accountId = probe.status === 'ok' ? probe.identity.account : undefined;
	const policy = deployPolicy({
		service: {...service, service: effect.service},
		document,
		stages: effect.stages,
		regions: [effect.region],
		...(accountId ? {accountId} : {}),
		framework: snapshot.framework.major,
	});
	const warnings = [...policy.notes];
	if (!policy.fits) warnings.push(`The policy is ${policy.size} characters; IAM allows ${policy.limit} for a managed policy.`);
	return {type: 'policy-generated', id: effect.id, policy: {name: effect.policyName, document: formatPolicy(policy.document), warnings}};
}

async function newAccessKey(id: number, admin: AdminCredentials, userName: string, deps: RunnerDeps): Promise<Event> {
	const {createAccessKey} = await import('../aws/iam-access-keys.js');
	const created = await createAccessKey({snapshot: await snapshotOf(deps), credentials: adminCredentials(admin), userName});
	if (created.status === 'failed') return {type: 'iam-failed', id, failure: iamFailure(created.failure, userName)};
	return {type: 'keys-created', id, userName, keys: {accessKeyId: created.key.accessKeyId, secretAccessKey: created.key.secretAccessKey}};
}

function adminCredentials(admin: AdminCredentials): AwsAdminCredentials {
	return admin.kind === 'found' ? admin.candidate.winner : admin.keys;
}

/** The IAM module's classified failure, in the reducer's terms (one user-facing message, cause and fix). */
export function iamFailure(failure: AwsIamFailure, userName: string): IamFailure {
	switch (failure.kind) {
		case 'user-exists':
			return {kind: 'user-exists', userName: failure.userName ?? userName};
		case 'too-many-keys':
			return {kind: 'too-many-keys', userName: failure.userName ?? userName, keys: failure.keys as AccessKeySummary[]};
		case 'access-denied':
			return {kind: 'access-denied', deniedAction: failure.deniedAction, message: failure.message};
		case 'malformed-policy':
			return {kind: 'malformed-policy', message: failure.message};
		case 'no-such-entity':
			return {kind: 'no-such-entity', message: failure.message};
		case 'policy-exists':
			return {kind: 'policy-exists', message: failure.message, ...(failure.policyName ? {policyName: failure.policyName} : {})};
		case 'credentials-rejected':
			return {kind: 'credentials-rejected', failure: iamFailureText(failure)};
		case 'other':
			return {kind: 'other', failure: iamFailureText(failure)};
	}
}

function iamFailureText(failure: AwsIamFailure): Failure {
	const explanation = failure.explanation;
	const cause = explanation?.likelyCause[0];
	const fix = explanation?.fix[0];
	return {code: failure.code, message: failure.message, ...(cause ? {cause} : {}), ...(fix ? {fix} : {})};
}

// Profiles: the same read → plan → diff → applyPlan path as `profile set`.

async function planProfile(request: ProfileRequest, deps: RunnerDeps): Promise<{files: ProfileFiles; plan: ProfilePlan; diff: string[]}> {
	const [{readProfileFiles}, {planDiff}] = await Promise.all([import('../commands/profile-files.js'), import('../commands/profile-write.js')]);
	const files = await readProfileFiles(deps.env);
	const plan = await planProfileIn(request, files);
	return {files, plan, diff: planDiff(files, plan)};
}

async function planProfileIn(request: ProfileRequest, files: ProfileFiles): Promise<ProfilePlan> {
	const {planSetProfile} = await import('../aws-files/profile-edits.js');
	return planSetProfile({
		...(files.credentials.text === undefined ? {} : {credentialsText: files.credentials.text}),
		...(files.config.text === undefined ? {} : {configText: files.config.text}),
		credentialsPath: files.credentials.path,
		configPath: files.config.path,
		profile: request.profile,
		...(request.credentials ? {credentials: request.credentials} : {}),
		settings: request.settings,
		overwrite: request.overwrite,
		...(request.roleSettingsIn ? {roleSettingsIn: request.roleSettingsIn} : {}),
	});
}

function profileRefusal(refusal: NonNullable<ProfilePlan['refusal']>): PlanRefusal {
	return {code: refusal.code, message: refusal.message, fix: refusal.fix, canOverride: refusal.code === 'profile-exists'};
}

async function writeProfile(effect: Extract<Effect, {type: 'write-profile'}>, deps: RunnerDeps): Promise<Event> {
	const {applyPlan} = await import('../commands/profile-write.js');
	const {shownDiff, ...request} = effect.plan;
	// Planned again from the files as they are now: what is written must be exactly what the user confirmed.
	const {files, plan, diff} = await planProfile(request, deps);
	if (plan.refusal) return {type: 'effect-failed', id: effect.id, failure: {code: plan.refusal.code, message: plan.refusal.message, fix: plan.refusal.fix}};
	if (!sameLines(diff, shownDiff)) return {type: 'effect-failed', id: effect.id, failure: changedSinceShown('Your AWS files')};
	const {planSetProfile} = await import('../aws-files/profile-edits.js');
	const replan = (current: ProfileFiles): ProfilePlan =>
		planSetProfile({
			...(current.credentials.text === undefined ? {} : {credentialsText: current.credentials.text}),
			...(current.config.text === undefined ? {} : {configText: current.config.text}),
			credentialsPath: current.credentials.path,
			configPath: current.config.path,
			...request,
		});
	const applied = await applyPlan(files, plan, replan);
	const written = applied.files.filter((file) => file.result.changed).map((file) => file.result);
	const warnings = [...plan.warnings, ...applied.files.flatMap((file) => (file.result.looseModeWarning ? [file.result.looseModeWarning] : []))];
	return {
		type: 'profile-written',
		id: effect.id,
		files: written.map((result) => result.path),
		backups: written.flatMap((result) => (result.backup ? [result.backup] : [])),
		warnings,
	};
}

function changedSinceShown(what: string): Failure {
	return {
		code: 'CHANGED_SINCE_SHOWN',
		message: `${what} changed after the change was shown; nothing was written.`,
		cause: 'Another program or editor saved the file meanwhile.',
		fix: 'Go back, look at the new diff and confirm again.',
	};
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((line, index) => line === b[index]);
}

async function verify(effect: Extract<Effect, {type: 'verify'}>, deps: RunnerDeps): Promise<Event> {
	const {waitForKey} = await import('../aws/wait-for-key.js');
	const result = await waitForKey({
		snapshot: await snapshotOf(deps),
		key: {accessKeyId: effect.credentials.accessKeyId, secretAccessKey: effect.credentials.secretAccessKey},
		region: effect.region,
		...(deps.verifyTimeoutMs === undefined ? {} : {timeoutMs: deps.verifyTimeoutMs}),
		...(deps.signal ? {signal: deps.signal} : {}),
		onProgress: (progress) => deps.onProgress?.({type: 'verify-progress', id: effect.id, attempt: progress.attempt, elapsedMs: progress.elapsedMs}),
	});
	switch (result.status) {
		case 'verified': {
			const {account, arn, userId, principal} = result.identity;
			return {type: 'verified', id: effect.id, identity: {account, arn, userId, principal}};
		}
		case 'failed':
			return {type: 'verify-failed', id: effect.id, timedOut: false, failure: {code: result.failure.code, message: result.failure.message}};
		case 'timed-out':
			return {
				type: 'verify-failed',
				id: effect.id,
				timedOut: true,
				failure: {
					code: 'Timeout',
					message: `AWS did not accept the new key within ${Math.round(result.timeoutMs / 1000)} s.`,
					cause: 'IAM sometimes takes longer to make a new key known to STS.',
					fix: 'Retry in a few seconds, or continue and run `sls-creds-wizard doctor` later.',
				},
			};
		case 'cancelled':
			return {type: 'verify-failed', id: effect.id, timedOut: false, failure: {code: 'Cancelled', message: 'The check of the new key was cancelled.'}};
	}
}

/**
 * A team stage's account: STS through the profile as the SDK resolves it from the files as they are now (a role
 * profile is assumed from its source profile's keys), never from the scan's copy of the files.
 */
async function verifyProfile(effect: Extract<Effect, {type: 'verify-profile'}>, deps: RunnerDeps): Promise<Event> {
	const [{probeIdentity}, {explainError}, {profileWinner}] = await Promise.all([
		import('../aws/probe-identity.js'),
		import('../aws/error-catalogue.js'),
		import('../credentials/profile-winner.js'),
	]);
	const snapshot = await gatherFor(deps);
	const probe = await probeIdentity({
		snapshot,
		winner: profileWinner(effect.profile),
		region: effect.region,
		...(effect.mfaCode === undefined ? {} : {mfaCode: effect.mfaCode}),
		...(deps.signal ? {signal: deps.signal} : {}),
	});
	if (probe.status === 'ok') {
		const {account, arn, userId, principal} = probe.identity;
		return {type: 'verified', id: effect.id, identity: {account, arn, userId, principal}};
	}
	if (probe.status === 'skipped') return {type: 'verify-failed', id: effect.id, timedOut: false, failure: {message: probe.reason}};
	const explanation = explainError({code: probe.failure.code, message: probe.failure.message, ...(probe.failure.httpStatus ? {httpStatus: probe.failure.httpStatus} : {})});
	const cause = explanation?.likelyCause[0];
	const fix = explanation?.fix[0];
	return {
		type: 'verify-failed',
		id: effect.id,
		timedOut: false,
		failure: {code: probe.failure.code, message: probe.failure.message, ...(cause ? {cause} : {}), ...(fix ? {fix} : {})},
	};
}

// Stage mapping: planned from serverless.yml as on disk, written only if it still gives the diff the user saw.

type PlannedMapping =
	| {plan: StageMappingEdit; diff: string[]; path: string}
	| {refusal: PlanRefusal; snippet: string; warnings: string[]};

async function planMapping(request: StageMappingRequest, deps: RunnerDeps): Promise<PlannedMapping> {
	const [{planStageMapping, stageMappingSnippet}, {maskedDiff}] = await Promise.all([
		import('../service/stage-mapping.js'),
		import('../aws-files/masked-diff.js'),
	]);
	if (request.path === undefined) {
		return {
			snippet: stageMappingSnippet(request.mapping, 'yml'),
			warnings: [],
			refusal: {code: 'NO_SERVICE_FILE', message: 'There is no serverless.yml here to write the mapping into.', fix: 'Paste the snippet into your serverless.yml.', canOverride: false},
		};
	}
	const file = path.resolve(deps.cwd, request.path);
	const text = await readFile(file, 'utf8');
	const plan = planStageMapping({
		text,
		mapping: request.mapping,
		format: formatOf(file),
		fileName: path.basename(file),
		replaceProfile: request.replaceProviderProfile,
	});
	if (plan.refusal) {
		const {code, message, fix, canOverride} = plan.refusal;
		return {snippet: plan.snippet, warnings: plan.warnings, refusal: {code, message, fix, canOverride}};
	}
	return {plan, path: file, diff: plan.changed ? maskedDiff(file, plan.before, plan.after) : []};
}

function formatOf(file: string): 'yml' | 'json' | 'ts' | 'js' {
	const extension = path.extname(file).toLowerCase();
	if (extension === '.json') return 'json';
	if (extension === '.ts') return 'ts';
	if (extension === '.js' || extension === '.cjs' || extension === '.mjs') return 'js';
	return 'yml';
}

async function writeMapping(effect: Extract<Effect, {type: 'write-stage-mapping'}>, deps: RunnerDeps): Promise<Event> {
	const {writeStageMapping} = await import('./write-stage-mapping.js');
	const {shownDiff, ...request} = effect.plan;
	const planned = await planMapping(request, deps);
	if ('refusal' in planned) {
		const {code, message, fix} = planned.refusal;
		return {type: 'effect-failed', id: effect.id, failure: {code, message, ...(fix ? {fix} : {})}};
	}
	if (!sameLines(planned.diff, shownDiff)) return {type: 'effect-failed', id: effect.id, failure: changedSinceShown(path.basename(planned.path))};
	// writeStageMapping refuses, under the lock, if the file changed again since this plan.
	const written = await writeStageMapping(planned.path, planned.plan);
	return {type: 'stage-mapping-written', id: effect.id, path: written.path, ...(written.backup ? {backup: written.backup} : {})};
}

/** Step 8: what the doctor says for each stage now (the files as written), with the credentials checked by STS. */
async function checkStages(stages: readonly string[], mapping: Record<string, string>, deps: RunnerDeps): Promise<StageCheck[]> {
	const [{analyse}, {probeIdentity}] = await Promise.all([import('../credentials/analyse.js'), import('../aws/probe-identity.js')]);
	return Promise.all(
		stages.map(async (stage): Promise<StageCheck> => {
			const base = {stage, ...(mapping[stage] ? {profile: mapping[stage]} : {})};
			try {
				const snapshot = await gatherFor(deps, stage);
				const {primary} = analyse(snapshot);
				const shadowed = await shadowingProblem(snapshot, primary, mapping[stage]);
				const verdict = await stageVerdict(snapshot, primary, probeIdentity);
				if (shadowed && (verdict.ok || verdict.mfa)) {
					const {mfa: _mfa, ...rest} = verdict;
					return {...base, ...rest, ok: false, problem: shadowed};
				}
				return {...base, ...verdict};
			} catch (error) {
				return {...base, ok: false, problem: failureFrom(error).message};
			}
		}),
	);
}

/**
 * The mapped profile is written, but something above it in the precedence (leftover env keys, AWS_PROFILE, a stage
 * variable) still wins: the doctor's own findings say so, with the fix.
 */
async function shadowingProblem(snapshot: Snapshot, verdict: Verdict, profile: string | undefined): Promise<string | undefined> {
	if (!profile || !verdict.winner || verdict.winner.profile === profile) return undefined;
	const {runChecks} = await import('../doctor/checks/index.js');
	const finding = runChecks(snapshot, verdict).find(
		entry => (entry.id === 'provider-profile-shadowed' || entry.id === 'profile-with-env-keys') && entry.status !== 'ok',
	);
	return finding ? `${finding.title}. ${finding.fix ?? ''}`.trim() : `${verdict.winner.title} wins over profile ${profile}.`;
}

async function stageVerdict(
	snapshot: Snapshot,
	verdict: Verdict,
	probeIdentity: typeof import('../aws/probe-identity.js').probeIdentity,
): Promise<Omit<StageCheck, 'stage' | 'profile'>> {
	if (!verdict.winner) return {ok: false, ...(verdict.error ? {winner: verdict.error.message, problem: verdict.error.message} : {problem: 'No credentials found.'})};
	const winner = verdict.winner.title;
	if (verdict.winner.kind === 'role' && (await asksForMfa(snapshot, verdict.winner.profile))) {
		return {winner, ok: false, mfa: true, problem: 'Its role asks for an MFA code each time, so it is not checked again here.'};
	}
	const probe = await probeIdentity({snapshot, winner: verdict.winner, region: verdict.region.value, verdict});
	if (probe.status === 'ok') return {winner, account: probe.identity.account, ok: true};
	if (probe.status === 'skipped') return {winner, ok: false, problem: probe.reason};
	return {winner, ok: false, problem: probe.failure.message};
}

/** The profile's role names an `mfa_serial`: AssumeRole would need a fresh code, which this check cannot ask for. */
async function asksForMfa(snapshot: Snapshot, profile: string | undefined): Promise<boolean> {
	if (profile === undefined) return false;
	const {sdkProfiles} = await import('../aws-files/sdk-profiles.js');
	const merged = sdkProfiles({credentials: snapshot.credentialsFile.text ?? '', config: snapshot.configFile.text ?? ''}).merged;
	return Object.hasOwn(merged, profile) && merged[profile]?.['mfa_serial'] !== undefined;
}

async function copyExports(credentials: AccessKeys, region: string, deps: RunnerDeps): Promise<void> {
	const {detectShell, exportLines} = await import('./shell-exports.js');
	const lines = exportLines(detectShell(deps.env), {...credentials, region});
	await bestEffort(() => deps.copyToClipboard(lines.copy.reveal()));
}

async function bestEffort(work: () => unknown): Promise<void> {
	try {
		await work();
	} catch {
		// The screen shows the link or the masked lines anyway; a missing browser or clipboard is not a failure.
	}
}

/** Any thrown error as message + cause + fix, one line each; the store's and the parser's errors carry all three. */
export function failureFrom(error: unknown): Failure {
	if (!(error instanceof Error)) return {message: String(error)};
	const {code, fix, cause} = error as Error & {code?: unknown; fix?: unknown; cause?: unknown};
	return {
		...(typeof code === 'string' ? {code} : {}),
		message: oneLine(error.message),
		...(typeof cause === 'string' ? {cause: oneLine(cause)} : {}),
		...(typeof fix === 'string' ? {fix: oneLine(fix)} : {}),
	};
}

function oneLine(text: string): string {
	return text.replace(/\s*\n\s*/g, ' ').trim();
}
