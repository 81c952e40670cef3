import {describe, expect, it} from 'vitest';
import {credentialOutcomeChecks} from '../../../source/doctor/checks/credential-outcome.js';
import {makeSnapshot} from '../snapshot-builder.js';
import {candidate, makeVerdict, staticWinner} from '../verdict-builder.js';
import {expectFixes, only, outcomes} from './finding-lookup.js';

describe('credentialOutcomeChecks', () => {
	it('is ok and names the winner with its masked key', () => {
		const findings = credentialOutcomeChecks(makeSnapshot(), makeVerdict({winner: staticWinner()}));
		const finding = only(findings, 'credentials-resolved');
		expect(finding.status).toBe('ok');
		expect(finding.title).toBe('Serverless v3 uses AWS_PROFILE=dev');
		expect(finding.why).toContain('AKIA…MPLE');
		expect(finding.why).not.toContain('AKIAIOSFODNN7EXAMPLE');
	});

	it('fails with the engine error and takes the fix from the candidate that caused it', () => {
		const verdict = makeVerdict({
			candidates: [
				candidate({source: 'env-profile', status: 'error', title: 'AWS_PROFILE=nosuch', profile: 'nosuch', fix: 'Run `aws configure --profile nosuch`.'}),
			],
			error: {code: 'UNRECOGNIZED_AWS_PROFILE', message: 'AWS profile "nosuch" doesn\'t seem to be configured', source: 'env-profile'},
		});
		const finding = only(credentialOutcomeChecks(makeSnapshot(), verdict), 'credentials-error');
		expect(finding.status).toBe('fail');
		expect(finding.title).toContain('UNRECOGNIZED_AWS_PROFILE');
		expect(finding.why).toContain('AWS_PROFILE=nosuch');
		expect(finding.fix).toBe('Run `aws configure --profile nosuch`.');
	});

	it('fails when no source supplies credentials, with a setup command for the stage', () => {
		const snapshot = makeSnapshot({service: {stage: {value: 'prod', source: 'option'}}});
		const findings = credentialOutcomeChecks(snapshot, makeVerdict({engine: 'serverless-v4', stage: 'prod'}));
		expect(outcomes(findings)).toEqual(['credentials-not-found:fail']);
		expect(findings[0]!.fix).toContain('--stage prod');
		expectFixes(findings);
	});
});
