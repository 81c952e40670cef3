import {describe, expect, it} from 'vitest';
import {stageVariableChecks} from '../../../source/doctor/checks/stage-variables.js';
import type {Verdict} from '../../../source/credentials/verdict.js';
import {makeSnapshot} from '../snapshot-builder.js';
import {makeVerdict, staticWinner} from '../verdict-builder.js';
import {expectFixes, outcomes} from './finding-lookup.js';

describe('stageVariableChecks', () => {
	const table: Array<{name: string; verdict: Partial<Verdict>; env?: Record<string, string>; expected: string[]; says?: RegExp}> = [
		{name: 'plain stage, nothing set', verdict: {stage: 'dev'}, expected: []},
		{
			name: 'v3 stage with a dash: POSIX shells cannot export the name (S25)',
			verdict: {stage: 'my-stage'},
			expected: ['stage-variable-names:info'],
			says: /AWS_MY-STAGE_PROFILE/,
		},
		{
			name: 'v3 stage with a dash and the shell-safe lookalike set',
			verdict: {stage: 'my-stage'},
			env: {AWS_MY_STAGE_PROFILE: 'dev'},
			expected: ['stage-variable-names:warn'],
			says: /AWS_MY_STAGE_PROFILE is set, but it is ignored/,
		},
		{
			name: 'v3 stage variables decide the deploy (#6481)',
			verdict: {stage: 'uat', winner: staticWinner({source: 'env-stage-profile', title: 'AWS_UAT_PROFILE=old'})},
			env: {AWS_UAT_PROFILE: 'old'},
			expected: ['stage-variables-in-use:info'],
		},
		{
			name: 'v4 ignores AWS_<STAGE>_* (F6)',
			verdict: {engine: 'serverless-v4', stage: 'prod'},
			env: {AWS_PROD_PROFILE: 'prod'},
			expected: ['stage-variables-ignored:warn'],
		},
		{
			name: 'v4 ignores AWS_DEFAULT_PROFILE (N7)',
			verdict: {engine: 'serverless-v4'},
			env: {AWS_DEFAULT_PROFILE: 'dev'},
			expected: ['default-profile-ignored:warn'],
		},
		{name: 'v4 other stages are not this deploy’s business', verdict: {engine: 'serverless-v4', stage: 'dev'}, env: {AWS_PROD_PROFILE: 'prod'}, expected: []},
	];
	it.each(table)('$name', ({verdict, env, expected, says}) => {
		const findings = stageVariableChecks(makeSnapshot({env}), makeVerdict(verdict));
		expect(outcomes(findings)).toEqual(expected);
		if (says) expect(findings[0]!.why).toMatch(says);
		expectFixes(findings);
	});
});
