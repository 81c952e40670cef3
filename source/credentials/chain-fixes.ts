/**
 * Fixes for engines that stop at the first usable source (the AWS SDK v3 chain and Serverless v4): clear what is
 * above the target, or name the target's profile directly; every candidate change list is replayed through the
 * engine's model and the shortest that works is kept.
 */
import type {Snapshot} from '../gather/snapshot.js';
import type {Assessment} from './assessment.js';
import {applyChanges, isReplayable, renderFix, type Change, type FixContext} from './fix-change.js';
import {meetsGoal, pickFix, type Assume, type FixGoal} from './fix-plan.js';
import type {Candidate, SourceId, Winner} from './verdict.js';

export interface FirstWinsModel {
	context: FixContext;
	evaluate(snapshot: Snapshot, assume?: Assume): {assessments: Assessment[]; winner?: Winner};
	/** Changes that take one source out of the way; undefined when there is no such change. */
	neutralise(entry: Assessment, snapshot: Snapshot): Change[] | undefined;
	/** A change that makes the engine read profile `name` first, and the source that then names it. */
	nameProfile(snapshot: Snapshot, name: string): {change: Change; source: SourceId} | undefined;
	/** What makes the target itself usable. */
	repair(entry: Assessment, snapshot: Snapshot): Change[] | undefined;
}

export function firstWinsFixes(snapshot: Snapshot, model: FirstWinsModel, candidates: Candidate[]): Candidate[] {
	const {assessments} = model.evaluate(snapshot);
	return candidates.map((candidate) => {
		if (candidate.status === 'winner' || candidate.status === 'absent') return candidate;
		const entry = assessments.find((item) => item.source === candidate.source);
		if (!entry) return candidate;
		const changes = planFix(snapshot, model, entry);
		return changes ? {...candidate, fix: renderFix(changes, model.context)} : candidate;
	});
}

function planFix(snapshot: Snapshot, model: FirstWinsModel, target: Assessment): Change[] | undefined {
	const repair = model.repair(target, snapshot) ?? [];
	const needsAssumption = repair.some((change) => !isReplayable(change));
	const attempts: Array<{changes: Change[]; goal: FixGoal; assume?: Assume}> = [];
	const profile = target.profile;

	// Naming the profile outright is tried first, so it wins a tie.
	const naming = profile === undefined ? undefined : model.nameProfile(snapshot, profile);
	if (naming && naming.source !== target.source && profile !== undefined) {
		const base = [...repair, naming.change];
		const assumeA: Assume | undefined = needsAssumption ? {profile} : undefined;
		const clearing = clearAbove(snapshot, model, base, naming.source, assumeA, true);
		if (clearing) attempts.push({changes: [...base, ...clearing], goal: {source: naming.source, profile, anySourceForProfile: true}, ...(assumeA ? {assume: assumeA} : {})});
	}

	const goalB: FixGoal = {source: target.source, ...(profile === undefined ? {} : {profile})};
	const assumeB: Assume | undefined = needsAssumption ? {source: target.source} : undefined;
	for (const strict of [true, false]) {
		const clearing = clearAbove(snapshot, model, repair, target.source, assumeB, strict);
		if (clearing) attempts.push({changes: [...repair, ...clearing], goal: goalB, ...(assumeB ? {assume: assumeB} : {})});
	}

	const byKey = new Map(attempts.map((attempt) => [JSON.stringify(attempt.changes), attempt]));
	return pickFix(
		attempts.map((attempt) => attempt.changes),
		(changes) => {
			const attempt = byKey.get(JSON.stringify(changes)) ?? attempts.find((item) => sameChanges(item.changes, changes));
			if (!attempt) return false;
			const result = model.evaluate(applyChanges(snapshot, changes), attempt.assume);
			return meetsGoal(result.winner, attempt.goal);
		},
	);
}

function sameChanges(a: readonly Change[], b: readonly Change[]): boolean {
	const key = (list: readonly Change[]) =>
		JSON.stringify(
			list.flatMap((change): string[] => (change.type === 'unset-env' ? change.names.map((name) => `unset ${name}`) : [JSON.stringify(change)])).sort(),
		);
	return key(a) === key(b);
}

/**
 * Clear the sources ranked above `target`: `strict` clears only those that win or fail; otherwise everything
 * configured that can be cleared (a named-but-broken profile also blocks env keys in the SDK).
 */
function clearAbove(snapshot: Snapshot, model: FirstWinsModel, base: readonly Change[], target: SourceId, assume: Assume | undefined, strict: boolean): Change[] | undefined {
	const out: Change[] = [];
	const cleared = new Set<string>();
	// Repeated until nothing new is in the way: clearing one source can bring another into play.
	for (let pass = 0; pass < 4; pass++) {
		const changed = applyChanges(snapshot, [...base, ...out]);
		const {assessments} = model.evaluate(changed, assume);
		const index = assessments.findIndex((entry) => entry.source === target);
		const more: Change[] = [];
		for (const entry of assessments.slice(0, index < 0 ? 0 : index)) {
			const blocking = entry.outcome.type === 'usable' || entry.outcome.type === 'fails';
			if (entry.outcome.type === 'absent' || (strict && !blocking) || cleared.has(entry.source)) continue;
			const clear = model.neutralise(entry, changed);
			if (!clear) {
				if (blocking) return undefined;
				continue;
			}
			cleared.add(entry.source);
			more.push(...clear);
		}
		if (more.length === 0) return out;
		out.push(...more);
	}
	return out;
}

/** Shared "take it out of the way" changes for sources that live in the environment. */
export function neutraliseEnvSource(entry: Assessment, snapshot: Snapshot): Change[] | undefined {
	const env = snapshot.env;
	const present = (names: string[]) => names.filter((name) => env[name] !== undefined);
	switch (entry.source) {
		case 'env-profile':
			return [{type: 'unset-env', names: ['AWS_PROFILE']}];
		case 'env-keys':
			return [{type: 'unset-env', names: present(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'])}];
		case 'web-identity-env':
			return [{type: 'unset-env', names: present(['AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_ROLE_ARN'])}];
		case 'container':
			return [{type: 'unset-env', names: present(['AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_CREDENTIALS_FULL_URI'])}];
		default:
			return undefined;
	}
}

/** What makes a chain source usable itself; edits the model cannot replay are assumed to work. */
export function repairChainSource(entry: Assessment, snapshot: Snapshot, credentialsPath: string): Change[] | undefined {
	const outcome = entry.outcome;
	if (outcome.type !== 'unusable' && outcome.type !== 'fails') return undefined;
	if (entry.source === 'env-keys') {
		const id = snapshot.env['AWS_ACCESS_KEY_ID'];
		const secret = snapshot.env['AWS_SECRET_ACCESS_KEY'];
		if (id && secret) return undefined; // only the profile guard is in the way
		return [{type: 'edit', text: `set ${id ? 'AWS_SECRET_ACCESS_KEY' : 'AWS_ACCESS_KEY_ID'} as well`}];
	}
	if (entry.source === 'web-identity-env') return [{type: 'edit', text: outcome.reason}];
	if (entry.profile === undefined || outcome.type === 'unusable' && /ignored|reads only|empty/i.test(outcome.reason)) return undefined;
	if (entry.kind === 'sso') return [{type: 'edit', text: `run "aws sso login --profile ${entry.profile}"`}];
	if (/does not exist/.test(outcome.reason)) {
		return [{type: 'edit', text: `add [${entry.profile}] with aws_access_key_id and aws_secret_access_key to ${credentialsPath}`}];
	}
	return [{type: 'edit', text: `fix profile "${entry.profile}": ${outcome.reason}`}];
}
