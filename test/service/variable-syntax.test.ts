import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseCandidates, splitVariables} from '../../source/service/variable-syntax.js';

describe('splitVariables', () => {
	it.each([
		['plain text', [{kind: 'text', text: 'plain text'}]],
		['${sls:stage}', [{kind: 'variable', raw: '${sls:stage}', inner: 'sls:stage'}]],
		[
			'team-${sls:stage}-admin',
			[
				{kind: 'text', text: 'team-'},
				{kind: 'variable', raw: '${sls:stage}', inner: 'sls:stage'},
				{kind: 'text', text: '-admin'},
			],
		],
		['${self:custom.profiles.${sls:stage}}', [{kind: 'variable', raw: '${self:custom.profiles.${sls:stage}}', inner: 'self:custom.profiles.${sls:stage}'}]],
		["${opt:stage, 'a}b'}", [{kind: 'variable', raw: "${opt:stage, 'a}b'}", inner: "opt:stage, 'a}b'"}]],
		['unclosed ${sls:stage', [{kind: 'text', text: 'unclosed ${sls:stage'}]],
	])('%s', (text, expected) => {
		expect(splitVariables(text)).toEqual(expected);
	});

	it('never throws and always reassembles the input', () => {
		fc.assert(
			fc.property(fc.string({unit: fc.constantFrom('$', '{', '}', "'", '"', ',', ':', 'a', ' ', '(', ')')}), text => {
				const parts = splitVariables(text);
				expect(parts.map(part => (part.kind === 'text' ? part.text : part.raw)).join('')).toBe(text);
			}),
		);
	});
});

describe('parseCandidates', () => {
	it.each([
		['sls:stage', [{kind: 'reference', source: 'sls', address: 'stage', params: undefined, raw: 'sls:stage'}]],
		[
			"opt:stage, 'dev'",
			[
				{kind: 'reference', source: 'opt', address: 'stage', params: undefined, raw: 'opt:stage'},
				{kind: 'literal', value: 'dev'},
			],
		],
		[
			'env:A, env:B, "x"',
			[
				{kind: 'reference', source: 'env', address: 'A', params: undefined, raw: 'env:A'},
				{kind: 'reference', source: 'env', address: 'B', params: undefined, raw: 'env:B'},
				{kind: 'literal', value: 'x'},
			],
		],
		['file(./a.yml):b.c', [{kind: 'reference', source: 'file', params: './a.yml', address: 'b.c', raw: 'file(./a.yml):b.c'}]],
		['strToBool(${env:X})', [{kind: 'reference', source: 'strToBool', params: '${env:X}', raw: 'strToBool(${env:X})'}]],
		['self:a, ${env:B}', [{kind: 'reference', source: 'self', address: 'a', params: undefined, raw: 'self:a'}, {kind: 'nested', text: '${env:B}'}]],
		['env:X, 5', [{kind: 'reference', source: 'env', address: 'X', params: undefined, raw: 'env:X'}, {kind: 'literal', value: 5}]],
		['bare', [{kind: 'invalid', raw: 'bare'}]],
	])('%s', (inner, expected) => {
		expect(parseCandidates(inner)).toEqual(expected);
	});
});
