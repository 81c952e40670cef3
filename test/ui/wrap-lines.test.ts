import {describe, expect, test} from 'vitest';
import fc from 'fast-check';
import {wrapLabelled, wrapLines} from '../../source/ui/wrap-lines.js';

describe('wrapLines', () => {
	test.each([
		['', 10, []],
		['one two three', 20, ['one two three']],
		['one two three', 7, ['one two', 'three']],
		['abcdefghij', 4, ['abcd', 'efgh', 'ij']],
		['a\n\nb', 10, ['a', '', 'b']],
		['path:5  key: value', 40, ['path:5  key: value']],
		['  indented text', 40, ['  indented text']],
		['word  ', 10, ['word']],
		['x y', 0, ['x', 'y']],
	])('%j at %i', (text, width, expected) => {
		expect(wrapLines(text, width)).toEqual(expected);
	});

	test('no line is wider than the width, and no character other than a break space is lost', () => {
		fc.assert(
			fc.property(fc.string({unit: fc.constantFrom('a', 'b', ' ', '\n', 'é', '…')}), fc.integer({min: 1, max: 30}), (text, width) => {
				const lines = wrapLines(text, width);
				for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
				const squeeze = (value: string) => value.replace(/[ \n]/g, '');
				expect(squeeze(lines.join(''))).toBe(squeeze(text));
			}),
		);
	});
});

test('wrapLabelled indents the continuation under the text', () => {
	expect(wrapLabelled('Fix  ', 'run this command now', 14)).toEqual(['Fix  run this', '     command', '     now']);
});
