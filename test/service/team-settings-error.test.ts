import {describe, expect, test} from 'vitest';
import {failureText} from '../../source/commands/failure-text.js';
import {teamSettingsError} from '../../source/service/team-settings-error.js';
import type {TeamSettingsRead} from '../../source/service/team-settings.js';

const PATH = '/repo/serverless.yml';

describe('teamSettingsError', () => {
	test.each<[string, TeamSettingsRead | undefined]>([
		['no block', undefined],
		['absent', {status: 'absent'}],
		['valid', {status: 'ok', settings: {path: PATH, stages: [], providerProfileFromBlock: false}}],
	])('%s: no error', (_name, read) => {
		expect(teamSettingsError(read)).toBeUndefined();
	});

	test('one problem: one line with place, message and fix; exit 2, no stack', () => {
		const error = teamSettingsError({status: 'invalid', path: PATH, problems: [{where: 'custom.deployAccounts.prod.account', line: 9, message: 'account 12345 is not 12 digits.', fix: "Quote it: account: '000000012345'."}]});
		expect(failureText(error, false)).toEqual({
			text: "sls-creds-wizard: serverless.yml:9 custom.deployAccounts.prod.account: account 12345 is not 12 digits. Quote it: account: '000000012345'.\n",
			exitCode: 2,
		});
	});

	test('several problems: a heading, then one line per problem, each ending with its own fix', () => {
		const error = teamSettingsError({
			status: 'invalid',
			path: PATH,
			problems: [
				{where: 'custom.deployAccounts.dev.account', line: 5, message: 'Bad account.', fix: 'Quote it.'},
				{where: 'custom.deployAccounts', message: 'Empty.', fix: 'List stages, e.g.\n  dev:\n    profile: x'},
				{where: 'custom.deployAccounts.prd', line: 8, message: 'Unknown stage prd.', fix: 'Did you mean prod?'},
			],
		});
		const lines = failureText(error, false).text.trimEnd().split('\n');
		expect(lines).toEqual([
			'sls-creds-wizard: the team settings (custom.deployAccounts) in serverless.yml have 3 problems; fix them, then run the doctor again:',
			'  serverless.yml:5 custom.deployAccounts.dev.account: Bad account. Quote it.',
			'  serverless.yml custom.deployAccounts: Empty. List stages, e.g. ↵ dev: ↵ profile: x',
			'  serverless.yml:8 custom.deployAccounts.prd: Unknown stage prd. Did you mean prod?',
		]);
	});

	test('a syntax error names its own place', () => {
		const error = teamSettingsError({status: 'invalid', path: PATH, problems: [{where: 'serverless.yml', line: 5, message: 'serverless.yml: YAML syntax error at line 5, column 6: bad indentation; the team settings (custom.deployAccounts) cannot be read.', fix: 'Fix the syntax at line 5 of serverless.yml.'}]});
		expect(failureText(error, false).text).toBe(
			'sls-creds-wizard: serverless.yml: YAML syntax error at line 5, column 6: bad indentation; the team settings (custom.deployAccounts) cannot be read. Fix the syntax at line 5 of serverless.yml.\n',
		);
	});
});
