/**
 * The raw-mode line reader behind the masked prompt, fed key bytes the way a terminal sends them. The streams are
 * stand-ins for a TTY (a PassThrough with `setRawMode`); the real terminal is covered by masked-prompt.test.ts.
 */
import {PassThrough, Writable} from 'node:stream';
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {chooseNumber, confirm, PromptInterrupted, readLine, type PromptTerminal} from '../../source/commands/profile-prompt.js';

function fakeTerminal(): {terminal: PromptTerminal; input: PassThrough & {isRaw: boolean; rawChanges: boolean[]}; echoed(): string} {
	const input = Object.assign(new PassThrough(), {isTTY: true, isRaw: false, rawChanges: [] as boolean[]});
	Object.assign(input, {
		setRawMode(mode: boolean) {
			input.isRaw = mode;
			input.rawChanges.push(mode);
			return input;
		},
	});
	let written = '';
	const output = new Writable({
		write(chunk, _encoding, done) {
			written += String(chunk);
			done();
		},
	});
	return {
		terminal: {input: input as unknown as NodeJS.ReadStream, output: output as unknown as NodeJS.WriteStream},
		input,
		echoed: () => written,
	};
}

async function typeInto(chunks: string[], mask = true): Promise<{value: string; echoed: string; raw: boolean[]}> {
	const {terminal, input, echoed} = fakeTerminal();
	const answer = readLine(terminal, 'Secret: ', {mask});
	for (const chunk of chunks) input.write(chunk);
	const value = await answer;
	return {value, echoed: echoed(), raw: input.rawChanges};
}

describe('readLine (masked)', () => {
	test.each<[string, string[], string, string]>([
		['typed then Enter', ['a', 'b', 'c', '\r'], 'abc', 'Secret: ***\n'],
		['a paste in one chunk', ['abc/+=\r'], 'abc/+=', 'Secret: ******\n'],
		['Backspace (DEL) erases one', ['abc', '\u007F', 'd\r'], 'abd', 'Secret: ***\b \b*\n'],
		['Backspace (^H) erases one', ['ab\bc\r'], 'ac', 'Secret: **\b \b*\n'],
		['Backspace on nothing does nothing', ['\u007F\u007Fa\r'], 'a', 'Secret: *\n'],
		['Ctrl-U erases the line', ['abc\u0015xy\r'], 'xy', 'Secret: ***\b \b\b \b\b \b**\n'],
		['arrow keys and bracketed-paste markers are ignored', ['\u001B[200~ab\u001B[201~\u001B[D\u001BOAc\r'], 'abc', 'Secret: ***\n'],
		['LF ends the line too', ['xy\n'], 'xy', 'Secret: **\n'],
		['Ctrl-D on an empty line ends it', ['\u0004'], '', 'Secret: \n'],
		['a character outside the BMP is one character', ['a😀\u007F\r'], 'a', 'Secret: **\b \b\n'],
		['what follows Enter in the chunk is not read', ['ab\rcd'], 'ab', 'Secret: **\n'],
	])('%s', async (_name, chunks, value, echoed) => {
		const result = await typeInto(chunks);
		expect(result.value).toBe(value);
		expect(result.echoed).toBe(echoed);
		expect(result.raw).toEqual([true, false]);
	});

	test('the typed text is never echoed, whatever it is (property)', async () => {
		await fc.assert(
			fc.asyncProperty(fc.string({unit: 'grapheme-ascii', minLength: 1, maxLength: 60}), async (secret) => {
				const clean = secret.replace(/[\u0000-\u001f\u007f]/g, '');
				fc.pre(clean.length >= 3);
				const result = await typeInto([clean, '\r']);
				expect(result.value).toBe(clean);
				expect(result.echoed).toBe(`Secret: ${'*'.repeat(clean.length)}\n`);
			}),
			{numRuns: 200},
		);
	});

	test('Ctrl-C rejects with PromptInterrupted after raw mode is switched off', async () => {
		const {terminal, input} = fakeTerminal();
		const answer = readLine(terminal, 'Secret: ', {mask: true});
		input.write('ab\u0003');
		await expect(answer).rejects.toBeInstanceOf(PromptInterrupted);
		expect(input.isRaw).toBe(false);
	});
});

describe('confirm and chooseNumber', () => {
	test.each([
		['y\r', true],
		['YES\r', true],
		['n\r', false],
		['\r', false],
		['yep\r', false],
	])('confirm %j → %s', async (typed, expected) => {
		const {terminal, input, echoed} = fakeTerminal();
		const answer = confirm(terminal, 'Write?');
		input.write(typed);
		expect(await answer).toBe(expected);
		expect(echoed()).toBe(`Write? [y/N] ${typed.slice(0, -1)}\n`);
	});

	test('chooseNumber asks again after an answer out of range, and Enter alone chooses nothing', async () => {
		const {terminal, input, echoed} = fakeTerminal();
		const first = chooseNumber(terminal, 'Which? ', 3);
		input.write('7\r');
		await new Promise((resolve) => setTimeout(resolve, 10));
		input.write('2\r');
		expect(await first).toBe(2);
		expect(echoed()).toContain('Type a number from 1 to 3');
		const second = chooseNumber(terminal, 'Which? ', 3);
		input.write('\r');
		expect(await second).toBeUndefined();
	});
});
