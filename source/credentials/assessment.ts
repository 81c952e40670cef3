/**
 * One source as an engine judges it on its own, before precedence is applied. The precedence models build a list of
 * these (highest priority first) and `decideStatuses` turns it into the Verdict's candidates, winner and error.
 */
import type {Candidate, CredentialKind, EngineError, ResolvedCredentials, SourceId, Winner} from './verdict.js';
import type {Secret} from '../secret.js';

export interface UsableCredentials {
	kind: CredentialKind;
	profile?: string;
	accessKeyId?: Secret;
	roleArn?: string;
	credentials: ResolvedCredentials;
	dashboard?: Winner['dashboard'];
}

export type Outcome =
	/** Not configured at all. */
	| {type: 'absent'; reason: string}
	/** The engine would take credentials from it. */
	| {type: 'usable'; reason: string; use: UsableCredentials}
	/** Configured, but the engine passes over it silently. */
	| {type: 'unusable'; reason: string}
	/** The engine raises this error when it reaches the source. */
	| {type: 'fails'; reason: string; error: EngineError}
	/** A rule keeps the engine from looking at it at all (e.g. provider.profile under --aws-profile in v3). */
	| {type: 'hidden'; reason: string};

export interface Assessment {
	source: SourceId;
	title: string;
	profile?: string;
	kind?: CredentialKind;
	/** The key id a source holds even when it is not used (e.g. env keys ignored under a profile). */
	accessKeyId?: Secret;
	origin?: string[];
	outcome: Outcome;
}

export type EvaluationOrder =
	/** Serverless v3: every step runs, lowest priority first; a later valid step replaces the winner; a throw stops all. */
	| 'all-lowest-first'
	/** SDK chains: highest priority first; the first usable source wins; a hard error stops the chain. */
	| 'first-wins';

export interface Decision {
	candidates: Candidate[];
	winner?: Winner;
	error?: EngineError;
}

export function decideStatuses(assessments: readonly Assessment[], order: EvaluationOrder): Decision {
	const failing = order === 'all-lowest-first' ? lowestFailing(assessments) : firstFailingBeforeWinner(assessments);
	const winnerIndex = failing === undefined ? assessments.findIndex((entry) => entry.outcome.type === 'usable') : -1;
	const winnerEntry = winnerIndex >= 0 ? assessments[winnerIndex] : undefined;
	const failingEntry = failing === undefined ? undefined : assessments[failing];

	const candidates = assessments.map((entry, index): Candidate => {
		const base: Candidate = {
			source: entry.source,
			rank: index + 1,
			title: entry.title,
			status: 'absent',
			reason: entry.outcome.reason,
			...(entry.profile === undefined ? {} : {profile: entry.profile}),
			...(entry.kind === undefined ? {} : {kind: entry.kind}),
			...(entry.origin === undefined ? {} : {origin: entry.origin}),
		};
		const outcome = entry.outcome;
		const accessKeyId = outcome.type === 'usable' ? (outcome.use.accessKeyId ?? entry.accessKeyId) : entry.accessKeyId;
		if (accessKeyId) base.accessKeyId = accessKeyId;
		if (outcome.type === 'usable' && base.kind === undefined) base.kind = outcome.use.kind;

		if (failingEntry && index === failing) return {...base, status: 'error'};
		if (failingEntry && failing !== undefined && notReached(order, index, failing)) {
			if (outcome.type === 'absent') return base;
			return {...base, status: 'not-evaluated', reason: `Not reached: ${failingEntry.title} stops the run first. On its own: ${outcome.reason}`};
		}
		if (index === winnerIndex) return {...base, status: 'winner'};
		switch (outcome.type) {
			case 'absent':
				return base;
			case 'unusable':
				return {...base, status: 'skipped'};
			case 'hidden':
				return {...base, status: 'not-evaluated'};
			case 'fails':
				// Only reachable for 'first-wins' below a winner: the chain never gets there.
				return {...base, status: 'not-evaluated', reason: `Not reached: ${winnerEntry?.title ?? 'a higher source'} is used first. On its own: ${outcome.reason}`};
			case 'usable': {
				const by = winnerEntry ?? failingEntry;
				if (!by) return {...base, status: 'shadowed'};
				const because = winnerEntry ? `${by.title} takes precedence` : `${by.title} fails the run first`;
				return {...base, status: 'shadowed', shadowedBy: by.source, reason: `Usable, but ${because}.`};
			}
		}
	});

	const decision: Decision = {candidates};
	if (failingEntry && failingEntry.outcome.type === 'fails') decision.error = failingEntry.outcome.error;
	if (winnerEntry && winnerEntry.outcome.type === 'usable') decision.winner = toWinner(winnerEntry, winnerEntry.outcome.use);
	return decision;
}

export function toWinner(entry: Assessment, use: UsableCredentials): Winner {
	const winner: Winner = {source: entry.source, title: entry.title, kind: use.kind, credentials: use.credentials};
	const profile = use.profile ?? entry.profile;
	if (profile !== undefined) winner.profile = profile;
	if (use.accessKeyId) winner.accessKeyId = use.accessKeyId;
	if (use.roleArn) winner.roleArn = use.roleArn;
	if (use.dashboard) winner.dashboard = use.dashboard;
	return winner;
}

/** v3 runs the lowest-priority step first, so the lowest failing step is the one that throws. */
function lowestFailing(assessments: readonly Assessment[]): number | undefined {
	for (let index = assessments.length - 1; index >= 0; index--) {
		if (assessments[index]?.outcome.type === 'fails') return index;
	}
	return undefined;
}

function firstFailingBeforeWinner(assessments: readonly Assessment[]): number | undefined {
	for (const [index, entry] of assessments.entries()) {
		if (entry.outcome.type === 'usable') return undefined;
		if (entry.outcome.type === 'fails') return index;
	}
	return undefined;
}

function notReached(order: EvaluationOrder, index: number, failing: number): boolean {
	return order === 'all-lowest-first' ? index < failing : index > failing;
}
