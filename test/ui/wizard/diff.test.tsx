import {afterEach, describe, expect, test} from 'vitest';
import {Diff, diffLineKind} from '../../../source/ui/wizard/Diff.js';
import {ThemeContext, colourTheme} from '../../../source/ui/theme.js';
import {cleanupSized, renderSized, tidy} from '../../support/ink.js';

afterEach(() => {
	cleanupSized();
});

describe('diff lines', () => {
	test.each([
		['--- ~/.aws/credentials', 'file'],
		['+++ ~/.aws/credentials', 'file'],
		['@@ -1,3 +1,6 @@', 'hunk'],
		['+aws_access_key_id = AKIA…WXYZ', 'added'],
		['-region = us-east-1', 'removed'],
		[' [default]', 'context'],
		['', 'context'],
	] as const)('%j is %s', (line, kind) => {
		expect(diffLineKind(line)).toBe(kind);
	});

	test('renders the lines as given (already masked), from the scrolled-to line on', async () => {
		const lines = ['--- credentials', '+++ credentials', '@@ -1 +1,3 @@', '+[orders-dev]', '+aws_access_key_id = AKIA…WXYZ', '-old'];
		const app = await renderSized(
			<ThemeContext.Provider value={colourTheme}>
				<Diff lines={lines} skip={2} />
			</ThemeContext.Provider>,
			{columns: 60, rows: 20},
		);
		expect(tidy(app.lastFrame()).split('\n')).toEqual(lines.slice(2));
	});

	test('an empty plan says so', async () => {
		const app = await renderSized(<Diff lines={[]} />, {columns: 60, rows: 20});
		expect(tidy(app.lastFrame())).toBe('(no changes)');
	});
});
