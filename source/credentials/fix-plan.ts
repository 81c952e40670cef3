/**
 * Choosing a fix: try candidate change lists, replay each through the engine's own model, keep the shortest one
 * that makes the target source win. Fixes are therefore never guesses about precedence; only the user-side edits
 * (adding a missing key) are taken on trust, by asking the model to assume the target works.
 */
import type {Change} from './fix-change.js';
import type {SourceId, Winner} from './verdict.js';

/** What the target must look like after the fix: the same source, or (for profiles) the same profile by any route. */
export interface FixGoal {
	source: SourceId;
	profile?: string;
	/** Profile-based targets may win through another source that names the same profile (`--aws-profile`). */
	anySourceForProfile?: boolean;
}

/** Ask the model to treat the target as usable (after an edit it cannot replay). */
export interface Assume {
	source?: SourceId;
	profile?: string;
}

export function meetsGoal(winner: Winner | undefined, goal: FixGoal): boolean {
	if (!winner) return false;
	if (goal.profile !== undefined && goal.anySourceForProfile) return winner.profile === goal.profile;
	if (winner.source !== goal.source) return false;
	return goal.profile === undefined || winner.profile === goal.profile;
}

export function pickFix(attempts: ReadonlyArray<readonly Change[]>, works: (changes: readonly Change[]) => boolean): Change[] | undefined {
	const seen = new Set<string>();
	const working: Change[][] = [];
	for (const attempt of attempts) {
		const changes = dedupe(attempt);
		const key = JSON.stringify(changes);
		if (seen.has(key)) continue;
		seen.add(key);
		if (works(changes)) working.push(changes);
	}
	// Fewest changes first; ties keep the order the engine module listed them in.
	return working.sort((a, b) => weight(a) - weight(b))[0];
}

/** Edits cost more than commands; unsetting a key pair counts once (the secret and token go with the key id). */
function weight(changes: readonly Change[]): number {
	return changes.reduce((sum, change) => {
		if (change.type === 'edit') return sum + 2;
		if (change.type === 'unset-env') return sum + change.names.filter((name) => !/_(SECRET_ACCESS_KEY|SESSION_TOKEN|ROLE_ARN)$/.test(name)).length;
		return sum + 1;
	}, 0);
}

function dedupe(changes: readonly Change[]): Change[] {
	const out: Change[] = [];
	const seen = new Set<string>();
	for (const change of changes) {
		const key = JSON.stringify(change);
		if (seen.has(key)) continue;
		seen.add(key);
		out.push(change);
	}
	// Merge unsets so the command reads `unset A B`.
	const names = out.flatMap((change) => (change.type === 'unset-env' ? change.names : []));
	const rest = out.filter((change) => change.type !== 'unset-env');
	return names.length > 0 ? [{type: 'unset-env', names: [...new Set(names)]}, ...rest] : rest;
}
