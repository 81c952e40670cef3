import {describe, expect, test} from 'vitest';
import {closingText, doneSummary} from '../../source/wizard/done-summary.js';
import {line} from '../../source/wizard/screen-line.js';
import {startWizard} from '../../source/wizard/reducer.js';
import type {StageCheck} from '../../source/wizard/state.js';

const context = () => ({...startWizard().state.context, defaults: {...startWizard().state.context.defaults, stage: 'dev'}, mapping: {dev: 'orders-dev'}});

describe('doneSummary', () => {
	test('each stage with its verdict, then the deploy command', () => {
		const checks: StageCheck[] = [
			{stage: 'dev', profile: 'orders-dev', ok: true, winner: 'provider.profile "orders-dev"', account: '111111111111'},
			{stage: 'prod', profile: 'orders-prod', ok: false, winner: 'AWS_PROFILE=orders-dev', problem: 'AWS_PROFILE=orders-dev beats provider.profile'},
		];
		const lines = doneSummary({step: 'done', phase: 'summary', checks}, context());
		const texts = lines.map(entry => entry.text);
		expect(texts[0]).toBe('✔ dev → orders-dev: provider.profile "orders-dev" (account 111111111111)');
		expect(lines[0]?.tone).toBe('ok');
		expect(texts[1]).toBe('✖ prod → orders-prod: AWS_PROFILE=orders-dev');
		expect(texts[2]).toBe('   AWS_PROFILE=orders-dev beats provider.profile');
		expect(texts).toContain('  $ serverless deploy --stage dev');
	});

	test('a failure of the check comes first, with its cause and fix', () => {
		const lines = doneSummary({step: 'done', phase: 'summary', checks: [], failure: {message: 'Could not check', cause: 'timeout', fix: 'press r'}}, context());
		expect(lines.slice(0, 3).map(entry => entry.text)).toEqual(['✖ Could not check', '  Cause: timeout', '  Fix: press r']);
	});
});

describe('closingText', () => {
	const lines = [line('✔ dev', 'ok'), line('✖ prod', 'fail'), line('Deploy with:', 'heading'), line('plain')];
	test('plain without colour', () => {
		expect(closingText(lines, {color: false})).toBe('✔ dev\n✖ prod\nDeploy with:\nplain\n');
	});
	test('coloured by tone', () => {
		const text = closingText(lines, {color: true});
		expect(text).toContain('\u001B[32m✔ dev\u001B[39m');
		expect(text).toContain('\u001B[31m✖ prod\u001B[39m');
		expect(text).toContain('\u001B[1mDeploy with:\u001B[22m');
		expect(text).toContain('\nplain\n');
	});
});
