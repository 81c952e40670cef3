import {describe, expect, it} from 'vitest';
import {accessKeyShapeChecks} from '../../../source/doctor/checks/access-key-shape.js';
import type {Verdict} from '../../../source/credentials/verdict.js';
import {makeSnapshot, type SnapshotSpec} from '../snapshot-builder.js';
import {makeVerdict, staticWinner} from '../verdict-builder.js';
import {expectFixes, outcomes} from './finding-lookup.js';

const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const envWinner: Partial<Verdict> = {winner: staticWinner({source: 'env-keys', title: 'AWS_ACCESS_KEY_ID', profile: undefined})};
const env = (keyId: string, extra: Record<string, string> = {}) => ({env: {AWS_ACCESS_KEY_ID: keyId, AWS_SECRET_ACCESS_KEY: secret, ...extra}});

describe('accessKeyShapeChecks', () => {
	const table: Array<{name: string; spec: SnapshotSpec; verdict?: Partial<Verdict>; expected: string[]}> = [
		{name: 'long-term key', spec: env('AKIAIOSFODNN7EXAMPLE'), verdict: envWinner, expected: ['access-key-shape:ok']},
		{
			name: 'temporary key with token',
			spec: env('ASIAY34FZKBOKMUTVV7A', {AWS_SESSION_TOKEN: 'FwoGZXIvYXdzEJr'}),
			verdict: envWinner,
			expected: ['access-key-shape:ok'],
		},
		{
			name: 'ASIA key without session token, used',
			spec: env('ASIAY34FZKBOKMUTVV7A'),
			verdict: envWinner,
			expected: ['access-key-shape:ok', 'session-token-missing:fail'],
		},
		{name: 'ASIA key without session token, not used', spec: env('ASIAY34FZKBOKMUTVV7A'), expected: ['access-key-shape:ok', 'session-token-missing:warn']},
		{
			name: 'AKIA key with a stale session token',
			spec: env('AKIAIOSFODNN7EXAMPLE', {AWS_SESSION_TOKEN: 'FwoGZXIvYXdzEJr'}),
			verdict: envWinner,
			expected: ['access-key-shape:ok', 'session-token-stale:fail'],
		},
		{name: 'role id pasted as key', spec: env('AROAY34FZKBOKMUTVV7A'), verdict: envWinner, expected: ['access-key-shape:fail']},
		{name: 'user id pasted as key, not used', spec: env('AIDAY34FZKBOKMUTVV7A'), expected: ['access-key-shape:warn']},
		{name: 'unknown prefix', spec: env('XKIAIOSFODNN7EXAMPLE'), expected: ['access-key-shape:warn']},
		{name: 'too short', spec: env('AKIAIOSFODNN7EXAMPL'), expected: ['access-key-shape:warn']},
		{name: 'digits 0/1/8/9 are not base32', spec: env('AKIAIOSFODNN0EXAMPLE'), expected: ['access-key-shape:warn']},
		{name: 'quoted value', spec: env('"AKIAIOSFODNN7EXAMPLE"'), verdict: envWinner, expected: ['access-key-shape:fail']},
		{name: 'trailing space', spec: env('AKIAIOSFODNN7EXAMPLE '), expected: ['access-key-shape:warn']},
		{
			name: 'short secret',
			spec: {env: {AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG'}},
			expected: ['access-key-shape:ok', 'secret-key-shape:warn'],
		},
		{name: 'literal "undefined" is the partial-keys check’s business', spec: env('undefined'), expected: []},
		{
			name: 'the winning profile’s keys from the credentials file',
			spec: {credentials: `[dev]\naws_access_key_id = ASIAY34FZKBOKMUTVV7A\naws_secret_access_key = ${secret}\n`},
			verdict: {winner: staticWinner()},
			expected: ['access-key-shape:ok', 'session-token-missing:fail'],
		},
		{
			name: 'v3 stage keys',
			spec: {env: {AWS_DEV_ACCESS_KEY_ID: 'AROAY34FZKBOKMUTVV7A', AWS_DEV_SECRET_ACCESS_KEY: secret}},
			verdict: {winner: staticWinner({source: 'env-stage-keys', profile: undefined})},
			expected: ['access-key-shape:fail'],
		},
	];
	it.each(table)('$name', ({spec, verdict, expected}) => {
		const findings = accessKeyShapeChecks(makeSnapshot(spec), makeVerdict(verdict));
		expect(outcomes(findings)).toEqual(expected);
		expectFixes(findings);
		const text = JSON.stringify(findings);
		expect(text).not.toContain(secret);
		expect(text).not.toMatch(/A[KSRI][IO]A[A-Z2-7]{16}/);
	});

	it('names the kind of ID that was pasted', () => {
		const [finding] = accessKeyShapeChecks(makeSnapshot(env('AROAY34FZKBOKMUTVV7A')), makeVerdict(envWinner));
		expect(finding!.title).toBe('AWS_ACCESS_KEY_ID holds an IAM role ID (AROA…VV7A), not an access key');
	});
});
