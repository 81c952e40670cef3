import stripAnsi from 'strip-ansi';
import {describe, expect, it} from 'vitest';
import {renderPlain} from '../../source/render/plain.js';
import {brokenReport, readyReport, rejectedReport} from './report-fixtures.js';

describe('renderPlain', () => {
	it.each([
		['ready', readyReport],
		['broken', brokenReport],
		['rejected', rejectedReport],
	])('%s report at 80 columns', (_name, build) => {
		expect(renderPlain(build())).toMatchSnapshot();
	});

	it('wraps to the given width', () => {
		const text = renderPlain(readyReport(), {width: 60});
		for (const line of text.split('\n')) {
			// Long unbreakable words (paths, ARNs) may overflow; ordinary prose may not.
			if (line.length > 60) expect(line.trim().split(' ').some(word => word.length > 30)).toBe(true);
		}
		expect(text).toMatchSnapshot();
	});

	it('colours only when asked, and the colours carry no extra text', () => {
		const plain = renderPlain(readyReport());
		const coloured = renderPlain(readyReport(), {color: true});
		expect(plain).not.toContain('\u001B[');
		expect(coloured).toContain('\u001B[32m✓\u001B[39m');
		expect(stripAnsi(coloured)).toBe(plain);
	});

	it('shows the ladder markers, fixes of non-winners and the next step', () => {
		const text = renderPlain(readyReport());
		expect(text).toMatch(/ 4 ✓ AWS_PROFILE=dev — used/);
		expect(text).toMatch(/ 5 ↓ AWS_ACCESS_KEY_ID — shadowed by AWS_PROFILE=dev/);
		expect(text).toMatch(/ 7 – \[default\] — skipped/);
		expect(text).toMatch(/ 1 · --aws-profile — not set/);
		expect(text).toContain('fix: unset AWS_PROFILE');
		expect(text.replaceAll(/\s+/g, ' ')).toContain('Ready: `serverless deploy --stage dev` will use AWS_PROFILE=dev in account 123456789012.');
	});

	it('ends a failed report with the first fix', () => {
		const text = renderPlain(brokenReport());
		expect(text).toMatch(/Deploy stops +UNRECOGNIZED_AWS_PROFILE/);
		expect(text).toMatch(/Next: Create it with `aws configure --profile staging`/);
		expect(text).toMatch(/Then check again with `sls-creds-wizard doctor`\.\n$/);
	});

	it('never prints a secret, only masks', () => {
		for (const build of [readyReport, brokenReport, rejectedReport]) {
			const text = renderPlain(build());
			expect(text).not.toContain('wJalrXUtnFEMI');
			expect(text).not.toMatch(/A[KS]IA[A-Z2-7]{16}/);
		}
	});
});
