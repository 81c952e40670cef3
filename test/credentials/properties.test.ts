/** Property tests over generated configurations (the conformance generator, evaluated in memory). */
import {inspect} from 'node:util';
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {analyse} from '../../source/credentials/analyse.js';
import {precedenceSdk} from '../../source/credentials/precedence-sdk.js';
import {precedenceV3} from '../../source/credentials/precedence-v3.js';
import {precedenceV4} from '../../source/credentials/precedence-v4.js';
import type {SourceId, Verdict} from '../../source/credentials/verdict.js';
import type {Snapshot} from '../../source/gather/snapshot.js';
import {scenarioSnapshot} from '../conformance/run-scenario.js';
import {KNOWN_KEYS, TAGS, scenarioArbitrary, type Scenario} from '../conformance/scenarios.js';
import {keyId, secretFor} from './snapshot-for.js';

const HOME = '/home/prop';
const NOW = Date.parse('2026-07-01T12:00:00Z');
const RUNS = 150;

const engines = {
	'serverless-v3': (snapshot: Snapshot) => precedenceV3(snapshot),
	'serverless-v4': (snapshot: Snapshot) => precedenceV4({...snapshot, framework: {major: 4, source: 'flag'}}),
	'aws-sdk-v3': (snapshot: Snapshot) => precedenceSdk(snapshot),
} as const;

const snapshots = (engine: 'serverless-v3' | 'aws-sdk-v3') =>
	scenarioArbitrary({engine}).map((scenario) => scenarioSnapshot({...scenario, id: 'property'} as Scenario, HOME, NOW).snapshot);

const rankOf = (verdict: Verdict, source: SourceId | undefined) => verdict.candidates.find((candidate) => candidate.source === source)?.rank;

describe.each(Object.entries(engines))('%s', (name, precedence) => {
	const arbitrary = snapshots(name === 'serverless-v3' ? 'serverless-v3' : 'aws-sdk-v3');

	test('the winner is the highest-ranked usable candidate, and the verdict is consistent', () => {
		fc.assert(
			fc.property(arbitrary, (snapshot) => {
				const verdict = precedence(snapshot);
				const winners = verdict.candidates.filter((candidate) => candidate.status === 'winner');
				expect(winners.length).toBe(verdict.winner ? 1 : 0);
				expect(Boolean(verdict.winner) && Boolean(verdict.error)).toBe(false);
				expect(Boolean(verdict.winner) || Boolean(verdict.error)).toBe(true);
				expect(verdict.candidates.map((candidate) => candidate.rank)).toEqual(verdict.candidates.map((_, index) => index + 1));
				const top = verdict.winner ? winners[0]!.rank : (rankOf(verdict, verdict.error?.source) ?? 0);
				for (const candidate of verdict.candidates) {
					if (candidate.status === 'shadowed') expect(candidate.rank).toBeGreaterThan(top);
					if (verdict.winner && candidate.rank < top) expect(['absent', 'skipped', 'not-evaluated']).toContain(candidate.status);
				}
				if (verdict.winner) expect(winners[0]?.source).toBe(verdict.winner.source);
			}),
			{numRuns: RUNS},
		);
	});

	test('adding a lower-priority working source never changes the winner', () => {
		const additions: Array<{source: SourceId; add: (snapshot: Snapshot) => Snapshot}> =
			name === 'serverless-v3'
				? [
						{source: 'env-keys', add: (snapshot) => ({...snapshot, env: {...snapshot.env, AWS_ACCESS_KEY_ID: keyId('NEW1'), AWS_SECRET_ACCESS_KEY: secretFor('NEW1')}})},
						{source: 'default-profile', add: (snapshot) => ({...snapshot, env: {...snapshot.env, AWS_DEFAULT_PROFILE: 'dev'}})},
					]
				: [
						{
							source: 'web-identity-env',
							add: (snapshot) => ({
								...snapshot,
								env: {...snapshot.env, AWS_WEB_IDENTITY_TOKEN_FILE: '/tmp/new-token', AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/new'},
								tokenFiles: {...snapshot.tokenFiles, '/tmp/new-token': {path: '/tmp/new-token', exists: true}},
							}),
						},
						{source: 'container', add: (snapshot) => ({...snapshot, env: {...snapshot.env, AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2/credentials/x'}})},
					];
		fc.assert(
			fc.property(arbitrary, fc.constantFrom(...additions), (snapshot, addition) => {
				const before = precedence(snapshot);
				const slot = before.candidates.find((candidate) => candidate.source === addition.source);
				fc.pre(before.winner !== undefined && slot !== undefined && slot.status === 'absent');
				const winnerRank = rankOf(before, before.winner!.source)!;
				fc.pre(winnerRank < slot!.rank && !(addition.source === 'default-profile' && before.winner!.source === 'sdk-default-chain'));
				const after = precedence(addition.add(snapshot));
				expect(after.winner?.source).toBe(before.winner?.source);
				expect(after.winner?.profile).toBe(before.winner?.profile);
				expect(after.winner?.accessKeyId?.reveal()).toBe(before.winner?.accessKeyId?.reveal());
			}),
			{numRuns: RUNS},
		);
	});

	test('pure: a frozen snapshot is not touched and gives the same verdict twice', () => {
		fc.assert(
			fc.property(arbitrary, (snapshot) => {
				const frozen = deepFreeze(structuredCloneSnapshot(snapshot));
				expect(JSON.stringify(precedence(frozen))).toBe(JSON.stringify(precedence(frozen)));
			}),
			{numRuns: 40},
		);
	});
});

test('Serverless v3: every shadowed source gets a fix', () => {
	fc.assert(
		fc.property(snapshots('serverless-v3'), (snapshot) => {
			const verdict = precedenceV3(snapshot);
			for (const candidate of verdict.candidates) {
				if (candidate.status === 'shadowed' && candidate.source !== 'dashboard-provider') expect(candidate.fix, `${candidate.source}: ${candidate.reason}`).toBeTruthy();
			}
		}),
		{numRuns: RUNS},
	);
});

const SECRETS = [...TAGS.map((tag) => secretFor(tag)), secretFor('UND0'), secretFor('NEW1'), ...KNOWN_KEYS.filter((key) => key !== 'undefined'), 'FQoGZXIvYXdzEXAMPLETOKEN', 'FQoGZXIvYXdzENVTOKEN'];

test('no verdict ever contains an unmasked secret (JSON, inspect, text)', () => {
	fc.assert(
		fc.property(fc.oneof(snapshots('serverless-v3'), snapshots('aws-sdk-v3')), (snapshot) => {
			const result = analyse(snapshot);
			const forms = [JSON.stringify(result), inspect(result, {depth: 20}), [result.primary, ...result.others].flatMap((verdict) => [...verdict.traps, ...verdict.candidates.flatMap((candidate) => [candidate.title, candidate.reason, candidate.fix ?? ''])]).join('\n')];
			for (const form of forms) {
				for (const secret of SECRETS) expect(form.includes(secret), `leaked ${secret.slice(0, 4)}…`).toBe(false);
			}
		}),
		{numRuns: RUNS},
	);
});

function structuredCloneSnapshot(snapshot: Snapshot): Snapshot {
	return JSON.parse(JSON.stringify(snapshot)) as Snapshot;
}

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object') {
		for (const inner of Object.values(value)) deepFreeze(inner);
		Object.freeze(value);
	}
	return value;
}
