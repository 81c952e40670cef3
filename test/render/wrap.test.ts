import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {wrapText} from '../../source/render/wrap.js';

describe('wrapText', () => {
	it('wraps at word boundaries with a hanging indent', () => {
		expect(wrapText('one two three four five', 12, '- ', '  ')).toEqual(['- one two', '  three four', '  five']);
	});

	it('keeps a long word whole', () => {
		expect(wrapText('see /a/very/long/path/that/does/not/fit ok', 10)).toEqual(['see', '/a/very/long/path/that/does/not/fit', 'ok']);
	});

	it('keeps explicit line breaks as paragraphs', () => {
		expect(wrapText('first\nsecond', 40, '> ', '  ')).toEqual(['> first', '  second']);
	});

	it('never loses or reorders words, and respects the width when words fit', () => {
		const word = fc.stringMatching(/^[a-z]{1,12}$/);
		fc.assert(
			fc.property(fc.array(word, {maxLength: 40}), fc.integer({min: 16, max: 100}), (words, width) => {
				const lines = wrapText(words.join(' '), width, '  ');
				expect(lines.join(' ').split(' ').filter(Boolean)).toEqual(words);
				for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
			}),
		);
	});
});
