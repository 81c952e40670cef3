import {describe, expect, test} from 'vitest';
import {maskSecretsInText, scrubKnownSecrets} from '../../source/aws/mask-text.js';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe('maskSecretsInText', () => {
	test.each([
		[`aws_secret_access_key = ${SECRET}`, 'aws_secret_access_key = wJal…EKEY'],
		[`secretAccessKey: '${SECRET}'`, "secretAccessKey: 'wJal…EKEY'"],
		[`"SecretAccessKey": "${SECRET}"`, '"SecretAccessKey": "wJal…EKEY"'],
		[`AWS_SESSION_TOKEN=short`, 'AWS_SESSION_TOKEN=****'],
		[`key AKIAIOSFODNN7EXAMPLE used`, 'key AKIA…MPLE used'],
		[`glued user/${SECRET}`, 'glued user…EKEY'],
		[`proxy http://me:pa55word@proxy:8080 down`, 'proxy http://me:****@proxy:8080 down'],
		['commit 0123456789abcdef0123456789abcdef01234567 kept', 'commit 0123456789abcdef0123456789abcdef01234567 kept'],
		['arn:aws:iam::123456789012:user/deployer', 'arn:aws:iam::123456789012:user/deployer'],
		['The security token included in the request is invalid.', 'The security token included in the request is invalid.'],
	])('%s', (input, expected) => {
		expect(maskSecretsInText(input)).toBe(expected);
	});

	test('scrubKnownSecrets replaces exact values of any shape', () => {
		expect(scrubKnownSecrets('token=abc-def_123! and abc-def_123!', ['abc-def_123!'])).toBe('token=abc-…123! and abc-…123!');
	});
});
