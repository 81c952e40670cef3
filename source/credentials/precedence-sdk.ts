/**
 * A plain AWS SDK for JavaScript v3 client (`fromNodeProviderChain`): what the AWS SDK, CDK and most scripts pick
 * (credential-resolution.md §4). `init.profile` is the client's `profile` option.
 */
import type {Snapshot} from '../gather/snapshot.js';
import {decideStatuses, type Assessment, type Decision} from './assessment.js';
import {firstWinsFixes, neutraliseEnvSource, repairChainSource} from './chain-fixes.js';
import {isSet} from './environment.js';
import type {Assume} from './fix-plan.js';
import {regionSdk} from './region.js';
import {SDK_NOT_FOUND, sdkChain, sdkFiles, type ProfileNamer, type SdkChain} from './sdk-chain.js';
import type {Verdict} from './verdict.js';

export interface SdkEvaluation {
	chain: SdkChain;
	decision: Decision;
}

export function precedenceSdk(snapshot: Snapshot, init?: {profile?: string}): Verdict {
	const evaluation = evaluateSdk(snapshot, init);
	const {chain, decision} = evaluation;
	const stage = snapshot.options.stage || snapshot.service.stage.value || 'dev';
	const candidates = firstWinsFixes(
		snapshot,
		{
			context: {engine: 'aws-sdk-v3', stage, options: snapshot.options},
			evaluate: (changed, assume) => {
				const result = evaluateSdk(changed, init, assume);
				return {assessments: result.chain.assessments, ...(result.decision.winner ? {winner: result.decision.winner} : {})};
			},
			neutralise: neutraliseEnvSource,
			nameProfile: (_snapshot, name) => (init?.profile ? undefined : {change: {type: 'set-env', name: 'AWS_PROFILE', value: name}, source: 'env-profile'}),
			repair: (entry, changed) => repairChainSource(entry, changed, changed.credentialsFile.path),
		},
		decision.candidates,
	);
	const traps = [...chain.traps];
	if (isSet(snapshot.env, 'AWS_DEFAULT_PROFILE')) traps.push('AWS_DEFAULT_PROFILE is ignored by the AWS SDK for JavaScript v3 (only AWS_PROFILE counts).');
	const region = regionSdk(snapshot, sdkFiles(snapshot).merged[chain.profile]?.['region'], chain.profile);
	const verdict: Verdict = {engine: 'aws-sdk-v3', stage, region, candidates, traps};
	if (decision.winner) verdict.winner = decision.winner;
	if (decision.error) verdict.error = decision.error;
	else if (!decision.winner) verdict.error = {...SDK_NOT_FOUND};
	return verdict;
}

export function evaluateSdk(snapshot: Snapshot, init?: {profile?: string}, assume?: Assume): SdkEvaluation {
	const namers: ProfileNamer[] =
		init?.profile === undefined ? [] : [{source: 'ini-profile', title: `profile option "${init.profile}"`, profile: init.profile}];
	const chain = sdkChain(snapshot, namers, {mfaPrompt: false});
	if (assume) assumeUsable(chain.assessments, assume);
	return {chain, decision: decideStatuses(chain.assessments, 'first-wins')};
}

/** Treat the target as fixed (after a user edit the model cannot replay). */
export function assumeUsable(assessments: Assessment[], assume: Assume): void {
	for (const [index, entry] of assessments.entries()) {
		const matches = assume.source !== undefined ? entry.source === assume.source : assume.profile !== undefined && entry.profile === assume.profile;
		if (!matches || entry.outcome.type === 'absent' || entry.outcome.type === 'hidden' || entry.outcome.type === 'usable') continue;
		if (entry.outcome.type === 'unusable' && /ignored because a profile is named/i.test(entry.outcome.reason)) continue;
		assessments[index] = {
			...entry,
			outcome: {
				type: 'usable',
				reason: 'Assumed fixed.',
				use: {kind: entry.kind ?? 'static', ...(entry.profile ? {profile: entry.profile} : {}), credentials: entry.profile ? {type: 'profile', profile: entry.profile} : {type: 'chain'}},
			},
		};
	}
}
