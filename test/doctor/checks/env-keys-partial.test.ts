import {describe, expect, it} from 'vitest';
import {envKeysPartialChecks} from '../../../source/doctor/checks/env-keys-partial.js';
import type {Verdict} from '../../../source/credentials/verdict.js';
import {makeSnapshot} from '../snapshot-builder.js';
import {makeVerdict, staticWinner} from '../verdict-builder.js';
import {expectFixes, outcomes} from './finding-lookup.js';

const key = 'AKIAIOSFODNN7EXAMPLE';
const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe('envKeysPartialChecks', () => {
	const table: Array<{name: string; env: Record<string, string>; verdict?: Partial<Verdict>; expected: string[]}> = [
		{name: 'complete pair', env: {AWS_ACCESS_KEY_ID: key, AWS_SECRET_ACCESS_KEY: secret}, expected: []},
		{name: 'key without secret', env: {AWS_ACCESS_KEY_ID: key}, expected: ['env-keys-partial:warn']},
		{name: 'secret without key', env: {AWS_SECRET_ACCESS_KEY: secret}, expected: ['env-keys-partial:warn']},
		{name: 'empty secret counts as missing', env: {AWS_ACCESS_KEY_ID: key, AWS_SECRET_ACCESS_KEY: ''}, expected: ['env-keys-partial:warn']},
		{
			name: 'literal "undefined" under v3 is skipped silently',
			env: {AWS_ACCESS_KEY_ID: 'undefined', AWS_SECRET_ACCESS_KEY: secret},
			expected: ['env-keys-undefined:warn'],
		},
		{
			name: 'literal "undefined" under v4 is sent to AWS',
			env: {AWS_ACCESS_KEY_ID: key, AWS_SECRET_ACCESS_KEY: 'undefined'},
			verdict: {engine: 'serverless-v4', winner: staticWinner({source: 'env-keys', title: 'AWS_ACCESS_KEY_ID', profile: undefined})},
			expected: ['env-keys-undefined:fail'],
		},
		{name: 'v3 stage pair half set', env: {AWS_DEV_ACCESS_KEY_ID: key}, expected: ['stage-keys-partial:warn']},
		{
			name: 'stage pair of another stage is not read',
			env: {AWS_PROD_ACCESS_KEY_ID: key},
			expected: [],
		},
		{
			name: 'stage pairs are not a v4 source',
			env: {AWS_DEV_ACCESS_KEY_ID: key},
			verdict: {engine: 'serverless-v4'},
			expected: [],
		},
	];
	it.each(table)('$name', ({env, verdict, expected}) => {
		const findings = envKeysPartialChecks(makeSnapshot({env}), makeVerdict(verdict));
		expect(outcomes(findings)).toEqual(expected);
		expectFixes(findings);
		expect(JSON.stringify(findings)).not.toContain(secret);
		expect(JSON.stringify(findings)).not.toContain(key);
	});

	it('names the source that is used instead', () => {
		const [finding] = envKeysPartialChecks(makeSnapshot({env: {AWS_ACCESS_KEY_ID: key}}), makeVerdict({winner: staticWinner()}));
		expect(finding!.why).toContain('AWS_PROFILE=dev is used instead');
	});
});
