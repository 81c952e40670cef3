import {describe, expect, it} from 'vitest';
import {explainText} from '../../source/aws/explain-text.js';
import type {Explanation} from '../../source/aws/error-catalogue.js';
import {renderExplanationsPlain} from '../../source/render/explanations.js';

const sample: Explanation = {
	id: 'opt-in-required',
	title: 'The account is not signed up for this service',
	what: 'AWS answered OptInRequired: the account cannot use the service yet.',
	likelyCause: ['Sign-up is not finished or no payment method is on file.', 'The region is an opt-in region.'],
	fix: ['Finish sign-up and add a payment method in the Billing console.', 'Enable the region under Account settings, or deploy to another region.'],
};

describe('renderExplanationsPlain', () => {
	it('lists what happened, the causes and numbered fixes', () => {
		expect(renderExplanationsPlain([sample])).toMatchSnapshot();
	});

	it('separates several explanations with a blank line', () => {
		const text = renderExplanationsPlain([sample, {...sample, id: 'b', title: 'Second', likelyCause: [], fix: []}]);
		expect(text).toContain('\n\nSecond\n');
	});

	it('says so when nothing was recognised', () => {
		expect(renderExplanationsPlain([])).toMatch(/^No known AWS, Serverless or network error found/);
	});

	it('renders what the catalogue finds in a pasted error', () => {
		const text = renderExplanationsPlain(explainText('The AWS Access Key Id needs a subscription for the service'));
		expect(text.length).toBeGreaterThan(0);
		expect(text).not.toMatch(/^No known/);
	});

	it('wraps to the width', () => {
		for (const line of renderExplanationsPlain([sample], {width: 50}).split('\n')) expect(line.length).toBeLessThanOrEqual(50);
	});
});
