import {describe, expect, test} from 'vitest';
import {failureText} from '../../source/commands/failure-text.js';
import {UsageError} from '../../source/commands/usage-error.js';
import {UserInputError} from '../../source/service/user-input-error.js';

describe('failureText', () => {
	test('a usage error: one line, the fix, exit 2, no stack', () => {
		const failure = failureText(new UsageError('unknown option --x.', 'Run `sls-creds-wizard doctor --help`.'), false);
		expect(failure).toEqual({text: 'sls-creds-wizard: unknown option --x. Run `sls-creds-wizard doctor --help`.\n', exitCode: 2});
	});

	test('any error with a fix (e.g. from reading the service) reads the same, with its cause', () => {
		const error = new UserInputError({code: 'CONFIG_NOT_FOUND', message: 'no such file infra/sls.yml.', fix: 'Check the --config path.', cause: 'ENOENT'});
		expect(failureText(error, false).text).toBe('sls-creds-wizard: no such file infra/sls.yml. (ENOENT) Check the --config path.\n');
	});

	test('a bug: message and a hint, the stack only with --debug', () => {
		const bug = new TypeError('cannot read properties of undefined.');
		const plain = failureText(bug, false);
		expect(plain.exitCode).toBe(1);
		expect(plain.text).toBe(
			'sls-creds-wizard: unexpected error: cannot read properties of undefined. Run again with --debug for the stack trace, and report it as a bug.\n',
		);
		expect(failureText(bug, true).text).toContain('\n    at ');
	});

	test('a fixable error shows its stack under --debug too', () => {
		expect(failureText(new UsageError('bad.', 'Fix it.'), true).text).toMatch(/^sls-creds-wizard: bad\. Fix it\.\nUsageError: bad\.\n {4}at /);
	});
});
