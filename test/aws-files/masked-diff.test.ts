import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {maskedDiff, maskLine} from '../../source/aws-files/masked-diff.js';

const KEY = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe('maskedDiff', () => {
	it('shows a changed key with context, credentials masked', () => {
		const before = `[default]\naws_access_key_id = ${KEY}\naws_secret_access_key = ${SECRET}\nregion = eu-west-1\n`;
		const after = before.replace(KEY, 'AKIAQAAAAAAAGMKEM7X5');
		expect(maskedDiff('~/.aws/credentials', before, after)).toEqual([
			'--- ~/.aws/credentials',
			'+++ ~/.aws/credentials',
			'@@ -1,4 +1,4 @@',
			' [default]',
			'-aws_access_key_id = AKIA…MPLE',
			'+aws_access_key_id = AKIA…M7X5',
			' aws_secret_access_key = wJal…EKEY',
			' region = eu-west-1',
		]);
	});

	it('shows a new file against /dev/null', () => {
		expect(maskedDiff('/h/.aws/config', undefined, '[default]\nregion = a\n')).toEqual([
			'--- /dev/null',
			'+++ /h/.aws/config',
			'@@ -0,0 +1,2 @@',
			'+[default]',
			'+region = a',
		]);
	});

	it('gives nothing when nothing changes', () => {
		expect(maskedDiff('x', 'a\n', 'a\n')).toEqual([]);
	});

	it('marks a missing final newline', () => {
		expect(maskedDiff('x', '[a]\nb = 1', '[a]\nb = 1\nc = 2')).toEqual([
			'--- x',
			'+++ x',
			'@@ -1,2 +1,3 @@',
			' [a]',
			'-b = 1',
			'\\ No newline at end of file',
			'+b = 1',
			'+c = 2',
			'\\ No newline at end of file',
		]);
	});

	it('splits distant changes into hunks and numbers them', () => {
		const before = Array.from({length: 20}, (_, index) => `k${index} = ${index}`).join('\n') + '\n';
		const after = before.replace('k2 = 2', 'k2 = two').replace('k17 = 17', 'k17 = seventeen');
		const diff = maskedDiff('x', before, after);
		expect(diff.filter((line) => line.startsWith('@@'))).toEqual(['@@ -1,6 +1,6 @@', '@@ -15,6 +15,6 @@']);
	});

	it('masks credentials in any case and with a colon, keeps their comments, and masks pasted keys elsewhere', () => {
		expect(maskLine(`\tAWS_SECRET_ACCESS_KEY : ${SECRET} ; rotated`)).toBe('\tAWS_SECRET_ACCESS_KEY : wJal…EKEY ; rotated');
		expect(maskLine(`aws_session_token=${'A'.repeat(200)}==`)).toBe('aws_session_token=AAAA…AA==');
		expect(maskLine(`credential_process = get --key ${KEY}`)).toBe('credential_process = get --key AKIA…MPLE');
		expect(maskLine(SECRET)).toBe('wJal…EKEY');
		expect(maskLine('region = eu-west-1')).toBe('region = eu-west-1');
	});

	it('shows control characters escaped', () => {
		expect(maskLine('\u001b[31mred\r')).toBe('\\x1b[31mred\\x0d');
		expect(maskLine('\uFEFF[default]')).toBe('\\ufeff[default]');
	});

	it('handles CRLF files without showing the CR', () => {
		expect(maskedDiff('x', '[a]\r\nb = 1\r\n', '[a]\r\nb = 2\r\n')).toEqual(['--- x', '+++ x', '@@ -1,2 +1,2 @@', ' [a]', '-b = 1', '+b = 2']);
	});

	it('never shows a whole secret of a generated file (1,000 files)', () => {
		const secret = fc.stringMatching(/^[A-Za-z0-9/+]{40}$/);
		const keyId = fc.stringMatching(/^A[KS]IA[A-Z2-7]{16}$/);
		const name = fc.constantFrom('aws_secret_access_key', 'aws_session_token', 'AWS_SECRET_ACCESS_KEY', 'aws_access_key_id');
		const separator = fc.constantFrom(' = ', '=', ': ', '\t=\t');
		fc.assert(
			fc.property(fc.array(fc.tuple(name, separator, fc.oneof(secret, keyId)), {minLength: 1, maxLength: 6}), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
				const before = `[x]${eol}${lines.map(([key, sep, value]) => `${key}${sep}${value}`).join(eol)}${eol}`;
				const after = `${before}region = a${eol}`;
				const shown = [...maskedDiff('p', before, after), ...maskedDiff('p', undefined, before), ...maskedDiff('p', before, '')].join('\n');
				for (const [, , value] of lines) {
					if (shown.includes(value)) throw new Error(`secret shown in ${shown}`);
				}
			}),
			{numRuns: 1000},
		);
	});
});
