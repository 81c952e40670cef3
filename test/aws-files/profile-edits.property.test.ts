/**
 * 10,000 generated pairs of files × random `profile set` / `profile remove` plans. Every accepted plan keeps the
 * bytes outside the profile's sections, gives the JS SDK (and, unless overridden, the AWS CLI) the intended values,
 * leaves every other profile reading as before, and keeps a file the AWS CLI accepted acceptable. Every refusal is
 * one the input justifies.
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {acceptedPlanProblem, planCase, refusalProblem, runCase} from './profile-plans.js';

describe('profile plans on generated files', () => {
	it('accept or refuse 10,000 cases correctly', () => {
		const counts = {accepted: 0, changed: 0, refused: new Map<string, number>()};
		fc.assert(
			fc.property(planCase, (input) => {
				const plan = runCase(input);
				if (plan.refusal) {
					counts.refused.set(plan.refusal.code, (counts.refused.get(plan.refusal.code) ?? 0) + 1);
					const problem = refusalProblem(input, plan);
					if (problem) expect({problem, input}).toBeUndefined();
					return;
				}
				counts.accepted++;
				if (plan.credentials || plan.config) counts.changed++;
				const problem = acceptedPlanProblem(input, plan);
				if (problem) expect({problem, input, plan}).toBeUndefined();
			}),
			{numRuns: 10_000},
		);
		// The generator must exercise edits, not only refusals.
		expect(counts.changed).toBeGreaterThan(3_000);
	});
});
