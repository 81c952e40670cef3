/** `doctor --all-stages` asks AWS about several stages at once, but never more than the limit. */
import fc from 'fast-check';
import {expect, test} from 'vitest';
import {boundedAll, PROBE_CONCURRENCY} from '../../source/commands/doctor-all-stages.js';

test('results keep the order of the stages; at most `limit` run at once', async () => {
	await fc.assert(
		fc.asyncProperty(fc.array(fc.nat({max: 5}), {maxLength: 12}), fc.integer({min: 1, max: 6}), async (delays, limit) => {
			let running = 0;
			let most = 0;
			const results = await boundedAll(delays, limit, async delay => {
				running += 1;
				most = Math.max(most, running);
				await new Promise(resolve => setTimeout(resolve, delay));
				running -= 1;
				return delay * 2;
			});
			expect(results).toEqual(delays.map(delay => delay * 2));
			expect(most).toBeLessThanOrEqual(limit);
			if (delays.length >= limit) expect(most).toBe(limit);
		}),
		{numRuns: 40},
	);
	expect(PROBE_CONCURRENCY).toBe(4);
});
