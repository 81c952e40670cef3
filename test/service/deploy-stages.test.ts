/** Which stages `doctor --all-stages` checks: the team settings, else what the service file names. */
import {describe, expect, test} from 'vitest';
import {deployStages} from '../../source/service/deploy-stages.js';
import {NO_SERVICE, type ServiceInfo} from '../../source/service/service-info.js';
import type {StageAccount, TeamSettingsRead} from '../../source/service/team-settings.js';

const entry = (stage: string, account: string): StageAccount => ({stage, profile: `acme-${stage}`, account});
const team = (...stages: StageAccount[]): TeamSettingsRead => ({
	status: 'ok',
	settings: {path: '/repo/serverless.yml', stages, providerProfileFromBlock: true},
});
const service = (info: Partial<ServiceInfo>): ServiceInfo => ({...NO_SERVICE, path: '/repo/serverless.yml', format: 'yml', ...info});

describe('deployStages', () => {
	test.each<[string, Partial<ServiceInfo>, ReturnType<typeof deployStages>]>([
		[
			'team settings win, in their order',
			{team: team(entry('prod', '222222222222'), entry('dev', '111111111111')), knownStages: ['dev', 'qa']},
			{stages: ['prod', 'dev'], from: 'team settings'},
		],
		['the stages the file names', {knownStages: ['dev', 'prod']}, {stages: ['dev', 'prod'], from: 'service file'}],
		[
			'provider.stage is added when the file names it',
			{knownStages: ['dev'], stage: {value: 'staging', source: 'provider.stage'}},
			{stages: ['dev', 'staging'], from: 'service file'},
		],
		['provider.stage alone', {stage: {value: 'prod', source: 'provider.stage'}}, {stages: ['prod'], from: 'service file'}],
		['provider.stage already listed', {knownStages: ['prod', 'dev'], stage: {value: 'prod', source: 'provider.stage'}}, {stages: ['prod', 'dev'], from: 'service file'}],
		['the dev default is not a stage anybody chose', {stage: {value: 'dev', source: 'default'}}, undefined],
		['--stage is not a stage of the file', {stage: {value: 'qa', source: 'option'}}, undefined],
		['absent team settings fall back', {team: {status: 'absent'}, knownStages: ['dev']}, {stages: ['dev'], from: 'service file'}],
		[
			'invalid team settings fall back (the doctor reports them)',
			{team: {status: 'invalid', path: '/repo/serverless.yml', problems: []}, knownStages: ['dev']},
			{stages: ['dev'], from: 'service file'},
		],
		['an empty team block falls back', {team: team(), knownStages: ['dev']}, {stages: ['dev'], from: 'service file'}],
		['blank and repeated names are dropped', {knownStages: ['dev', ' ', '', 'dev']}, {stages: ['dev'], from: 'service file'}],
		['nothing at all', {}, undefined],
	])('%s', (_name, info, expected) => {
		expect(deployStages(service(info))).toEqual(expected);
	});

	test('no service file: nothing', () => {
		expect(deployStages(NO_SERVICE)).toBeUndefined();
	});
});
