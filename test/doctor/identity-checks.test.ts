import {describe, expect, it} from 'vitest';
import type {Identity, ProbeResult} from '../../source/aws/identity.js';
import {explainError} from '../../source/aws/error-catalogue.js';
import {identityFindings} from '../support/real-parsers.js';
import {makeSnapshot} from './snapshot-builder.js';
import {makeVerdict, staticWinner} from './verdict-builder.js';
import {expectFixes, outcomes} from './checks/finding-lookup.js';

const identity = (overrides: Partial<Identity> = {}): ProbeResult => ({
	status: 'ok',
	identity: {
		account: '123456789012',
		arn: 'arn:aws:iam::123456789012:user/deployer',
		userId: 'AIDAY34FZKBOKMUTVV7A',
		principal: 'user',
		endpoint: 'https://sts.eu-west-1.amazonaws.com',
		...overrides,
	},
});
const verdict = makeVerdict({winner: staticWinner()});

describe('identityFindings', () => {
	const table: Array<{name: string; probe: ProbeResult; expected: string[]}> = [
		{name: 'accepted, no skew measured', probe: identity(), expected: ['identity:ok']},
		{name: 'accepted, clock in sync', probe: identity({clockSkewMs: 1200}), expected: ['identity:ok', 'clock-skew:ok']},
		{name: 'skew of 59 s is fine', probe: identity({clockSkewMs: -59_000}), expected: ['identity:ok', 'clock-skew:ok']},
		{name: 'skew of 60 s warns', probe: identity({clockSkewMs: 60_000}), expected: ['identity:ok', 'clock-skew:warn']},
		{name: 'skew of 4 min 59 s warns', probe: identity({clockSkewMs: -299_000}), expected: ['identity:ok', 'clock-skew:warn']},
		{name: 'skew of 5 min fails', probe: identity({clockSkewMs: 300_000}), expected: ['identity:ok', 'clock-skew:fail']},
		{
			name: 'root keys',
			probe: identity({arn: 'arn:aws:iam::123456789012:root', principal: 'root'}),
			expected: ['identity:ok', 'root-keys:warn'],
		},
		{name: 'skipped', probe: {status: 'skipped', reason: '--offline'}, expected: ['identity:info']},
		{
			name: 'rejected',
			probe: {status: 'failed', failure: {code: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.', httpStatus: 403}},
			expected: ['identity:fail'],
		},
		{
			name: 'rejected for clock skew',
			probe: {
				status: 'failed',
				failure: {code: 'SignatureDoesNotMatch', message: 'Signature expired: 20300101T000000Z is now earlier than 20300101T001500Z', clockSkewMs: 900_000},
			},
			expected: ['identity:fail', 'clock-skew:fail'],
		},
		{name: 'unknown failure still has a fix', probe: {status: 'failed', failure: {code: 'WeirdThing', message: 'something odd'}}, expected: ['identity:fail']},
	];
	it.each(table)('$name', ({probe, expected}) => {
		const findings = identityFindings(probe, verdict, makeSnapshot());
		expect(outcomes(findings)).toEqual(expected);
		expectFixes(findings);
	});

	it('says which way the clock is off', () => {
		const [, skew] = identityFindings(identity({clockSkewMs: 420_000}), verdict);
		expect(skew!.why).toContain('7 min behind');
		expect(skew!.why).toContain('Serverless v3 does not');
	});

	it('takes the fix from the error catalogue', () => {
		const failure = {code: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.', httpStatus: 403};
		const [finding] = identityFindings({status: 'failed', failure}, verdict, makeSnapshot());
		const explanation = explainError({...failure, name: failure.code}, {verdict, snapshot: makeSnapshot()});
		expect(explanation).toBeDefined();
		expect(finding!.title).toBe(`The check with AWS failed: ${explanation!.title}`);
		expect(finding!.fix).toBe(explanation!.fix.join('\n'));
		expect(finding!.why).toContain('InvalidClientTokenId: The security token included in the request is invalid.');
	});

	it('masks key ids quoted in an AWS message', () => {
		const failure = {code: 'SignatureDoesNotMatch', message: "Credential=ASIAY34FZKBOKMUTVV7A/20300101/us-east-1/sts/aws4_request'"};
		const text = JSON.stringify(identityFindings({status: 'failed', failure}, verdict));
		expect(text).not.toContain('ASIAY34FZKBOKMUTVV7A');
	});
});
