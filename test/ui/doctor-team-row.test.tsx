/** The doctor screen's third identity line when the service has team settings: the account the stage must reach. */
import {afterEach, describe, expect, test} from 'vitest';
import {cleanup, render} from 'ink-testing-library';
import type {Report} from '../../source/doctor/report.js';
import {Doctor} from '../../source/ui/screens/Doctor.js';
import {settle, tidy} from '../support/ink.js';
import {winnerWithShadowed} from './fixtures.js';

afterEach(() => cleanup());

async function frame(report: Report, checking = false): Promise<string> {
	const app = render(<Doctor report={report} checking={checking} onExit={() => {}} />);
	await settle();
	return tidy(app.lastFrame());
}

const withExpected = (expectedAccount: Report['expectedAccount']): Report => ({
	...winnerWithShadowed,
	service: {...winnerWithShadowed.service, stage: expectedAccount?.stage ?? 'dev'},
	expectedAccount,
});

describe('doctor screen: the team settings line', () => {
	test('no team settings: the identity box keeps its two lines', async () => {
		expect(await frame(winnerWithShadowed)).not.toContain('Team wants');
	});

	test.each<[string, Report['expectedAccount'], string]>([
		['match with STS', {stage: 'prod', status: 'match', account: '222222222222', profile: 'acme-prod', actual: '222222222222', basis: 'sts'}, '✔ account 222222222222 for prod · matches (AWS says)'],
		['probable mismatch offline', {stage: 'prod', status: 'mismatch', account: '222222222222', actual: '111111111111', basis: 'access-key-id', probable: true}, '✖ account 222222222222 for prod · the credentials reach 111111111111 (probably'],
		['exact match offline from role_arn', {stage: 'prod', status: 'match', account: '222222222222', actual: '222222222222', basis: 'role-arn'}, '(offline, from role_arn)'],
		['unknown offline', {stage: 'prod', status: 'unknown', account: '222222222222'}, '– account 222222222222 for prod · not known offline'],
		['unlisted stage', {stage: 'qa', status: 'unlisted'}, '⚠ nothing for stage qa (not in custom.deployAccounts)'],
	])('%s', async (_name, expected, text) => {
		const shown = await frame(withExpected(expected));
		expect(shown).toContain('Team wants');
		expect(shown).toContain(text);
	});

	test('the screen still fits the terminal with the extra line', async () => {
		const plain = (await frame(winnerWithShadowed)).split('\n');
		const team = (await frame(withExpected({stage: 'prod', status: 'unknown', account: '222222222222'}))).split('\n');
		expect(team.length).toBe(plain.length);
		expect(team.at(-1)).toBe(plain.at(-1));
	});

	test('snapshot', async () => {
		expect(await frame(withExpected({stage: 'prod', status: 'mismatch', account: '222222222222', actual: '111111111111', basis: 'sts'}))).toMatchSnapshot();
	});
});
