import {describe, expect, it} from 'vitest';
import {regionChecks} from '../../../source/doctor/checks/region.js';
import type {Verdict} from '../../../source/credentials/verdict.js';
import {makeSnapshot} from '../snapshot-builder.js';
import {makeVerdict} from '../verdict-builder.js';
import {expectFixes, outcomes} from './finding-lookup.js';

describe('regionChecks', () => {
	const table: Array<{name: string; verdict: Partial<Verdict>; env?: Record<string, string>; expected: string[]; says?: RegExp}> = [
		{name: 'provider.region set', verdict: {region: {value: 'eu-west-1', source: 'provider.region'}}, expected: ['region:ok']},
		{
			name: 'v3 default us-east-1',
			verdict: {region: {value: 'us-east-1', source: 'default'}},
			expected: ['region:warn'],
			says: /falls back to us-east-1/,
		},
		{
			name: 'v3 default while AWS_REGION is set: v3 never reads it',
			verdict: {region: {value: 'us-east-1', source: 'default'}},
			env: {AWS_REGION: 'eu-central-1'},
			expected: ['region:warn'],
			says: /AWS_REGION=eu-central-1 is set, but Serverless v3 never reads it/,
		},
		{
			name: 'v3 with no value at all',
			verdict: {region: {source: 'default'}},
			expected: ['region:warn'],
		},
		{
			name: 'v4 names AWS_REGION in its order',
			verdict: {engine: 'serverless-v4', region: {value: 'us-east-1', source: 'default'}},
			expected: ['region:warn'],
			says: /then AWS_REGION/,
		},
		{
			name: 'plain SDK without region: "Region is missing"',
			verdict: {engine: 'aws-sdk-v3', region: {source: 'none'}},
			expected: ['region:warn'],
			says: /Region is missing/,
		},
		{
			name: 'v3 with provider.region and a different AWS_REGION',
			verdict: {region: {value: 'eu-west-1', source: 'provider.region'}},
			env: {AWS_REGION: 'us-west-2'},
			expected: ['region:ok', 'region-env-ignored:info'],
		},
	];
	it.each(table)('$name', ({verdict, env, expected, says}) => {
		const findings = regionChecks(makeSnapshot({env}), makeVerdict(verdict));
		expect(outcomes(findings)).toEqual(expected);
		if (says) expect(findings[0]!.why).toMatch(says);
		expectFixes(findings);
	});
});

describe('regionChecks with a deploy-time provider.region', () => {
	it('leaves it to the service-file check', () => {
		const snapshot = makeSnapshot({service: {region: {kind: 'deploy-time', raw: '${ssm:/region}', sources: ['ssm']}}});
		expect(regionChecks(snapshot, makeVerdict({region: {source: 'provider.region (${ssm:/region}, resolved at deploy time)'}}))).toEqual([]);
	});
});
