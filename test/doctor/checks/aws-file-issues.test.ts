import {describe, expect, it} from 'vitest';
import {awsFileIssueChecks} from '../../../source/doctor/checks/aws-file-issues.js';
import {makeSnapshot} from '../snapshot-builder.js';
import {makeVerdict} from '../verdict-builder.js';
import {expectFixes, outcomes} from './finding-lookup.js';

const clean = '[default]\naws_access_key_id = AKIAY34FZKBOKDEFDEF1\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n';

describe('awsFileIssueChecks', () => {
	it('says ok for clean files', () => {
		const findings = awsFileIssueChecks(makeSnapshot({credentials: clean, config: '[default]\nregion = eu-west-1\n'}), makeVerdict());
		expect(outcomes(findings)).toEqual(['credentials-file:ok', 'config-file:ok']);
	});

	it('says nothing about files that do not exist', () => {
		expect(awsFileIssueChecks(makeSnapshot(), makeVerdict())).toEqual([]);
	});

	it('reports a duplicate section with the file and line', () => {
		const text = `${clean}\n[default]\nregion = eu-west-1\n`;
		const findings = awsFileIssueChecks(makeSnapshot({credentials: text}), makeVerdict());
		const duplicate = findings.find(finding => finding.id === 'credentials-file:duplicate-section');
		expect(duplicate, JSON.stringify(outcomes(findings))).toBeDefined();
		expect(duplicate!.title).toBe('The credentials file has a duplicate section (line 5)');
		expect(duplicate!.why).toContain('the AWS CLI rejects the whole file');
		expect(duplicate!.fix).toMatch(/^In \/home\/dev\/\.aws\/credentials: /);
		expect(duplicate!.details).toEqual(['/home/dev/.aws/credentials:5']);
		expectFixes(findings);
	});

	it('reports [profile x] in the credentials file and [x] in the config file', () => {
		const snapshot = makeSnapshot({credentials: '[profile dev]\naws_access_key_id = A\n', config: '[dev]\nregion = eu-west-1\n'});
		const findings = awsFileIssueChecks(snapshot, makeVerdict());
		expect(outcomes(findings)).toContain('credentials-file:profile-prefix-in-credentials:warn');
		expect(outcomes(findings)).toContain('config-file:missing-profile-prefix:warn');
		expectFixes(findings);
	});

	it('never repeats a secret from the file', () => {
		const text = `${clean}aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n`;
		const findings = awsFileIssueChecks(makeSnapshot({credentials: text}), makeVerdict());
		expect(JSON.stringify(findings)).not.toContain('wJalrXUtnFEMI');
	});
});
