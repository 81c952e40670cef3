/** Pure parts of IAM failure handling, and the lazy-SDK rule for the wizard's AWS modules. */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {actionFor, parseAccessDenied, wireCode} from '../../source/aws/iam-failure.js';
import {accountOf, administratorAccessArn, customerPolicyArn, partitionOf} from '../../source/aws/iam-policy.js';
import {adminWinner, isPastedKeys} from '../../source/aws/iam-session.js';
import {Secret} from '../../source/secret.js';

describe('AccessDenied messages', () => {
	test.each([
		[
			'User: arn:aws:iam::123456789012:user/x is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::123456789012:user/y because no identity-based policy allows the iam:CreateUser action',
			{action: 'iam:CreateUser', identityArn: 'arn:aws:iam::123456789012:user/x', resource: 'arn:aws:iam::123456789012:user/y'},
		],
		['User: arn:aws:iam::123456789012:user/weak is not authorized to perform: iam:CreatePolicy', {action: 'iam:CreatePolicy', identityArn: 'arn:aws:iam::123456789012:user/weak'}],
		[
			'User: arn:aws-cn:sts::123456789012:assumed-role/r/s is not authorized to perform: iam:AttachUserPolicy on resource: arn:aws-cn:iam::123456789012:user/z with an explicit deny in a service control policy',
			{action: 'iam:AttachUserPolicy', identityArn: 'arn:aws-cn:sts::123456789012:assumed-role/r/s', resource: 'arn:aws-cn:iam::123456789012:user/z'},
		],
		['Access Denied', {}],
	])('parseAccessDenied(%j)', (message, expected) => {
		expect(parseAccessDenied(message)).toEqual(expected);
	});

	test('when AWS names no action, the failure names the one the call needs', () => {
		expect(actionFor('CreateAccessKey')).toBe('iam:CreateAccessKey');
	});
});

describe('codes, ARNs and credentials', () => {
	test.each([
		['EntityAlreadyExistsException', 'EntityAlreadyExists'],
		['LimitExceededException', 'LimitExceeded'],
		['MalformedPolicyDocumentException', 'MalformedPolicyDocument'],
		['EntityAlreadyExists', 'EntityAlreadyExists'],
		['ExpiredTokenException', 'ExpiredTokenException'],
		['AccessDenied', 'AccessDenied'],
	])('wireCode(%s) = %s', (name, code) => {
		expect(wireCode(name)).toBe(code);
	});

	test.each([
		['arn:aws:iam::123456789012:user/a', 'aws', '123456789012'],
		['arn:aws-cn:iam::210987654321:user/a', 'aws-cn', '210987654321'],
		['arn:aws-us-gov:sts::111122223333:assumed-role/r/s', 'aws-us-gov', '111122223333'],
		['not an arn', 'aws', undefined],
	])('%s → partition %s, account %s', (arn, partition, account) => {
		expect(partitionOf(arn)).toBe(partition);
		expect(accountOf(arn)).toBe(account);
	});

	test('managed policy ARNs', () => {
		expect(administratorAccessArn()).toBe('arn:aws:iam::aws:policy/AdministratorAccess');
		expect(administratorAccessArn('aws-us-gov')).toBe('arn:aws-us-gov:iam::aws:policy/AdministratorAccess');
		expect(customerPolicyArn('aws', '123456789012', 'orders-deploy')).toBe('arn:aws:iam::123456789012:policy/orders-deploy');
	});

	test('pasted keys become a static winner that never says "environment"; a Verdict winner passes through', () => {
		const keys = {accessKeyId: new Secret('AKIAEXAMPLEKEY000001'), secretAccessKey: new Secret('CanarySecretDoNotPrint0123456789abcdefgh')};
		expect(isPastedKeys(keys)).toBe(true);
		const winner = adminWinner(keys);
		expect(winner).toMatchObject({kind: 'static', title: 'the admin keys entered in the wizard', credentials: {type: 'static'}});
		expect(winner.source).not.toMatch(/^env-/);
		expect(JSON.stringify(winner)).not.toContain('CanarySecretDoNotPrint');
		const found = {source: 'env-profile' as const, title: 'AWS_PROFILE=admin', kind: 'static' as const, profile: 'admin', credentials: {type: 'profile' as const, profile: 'admin'}};
		expect(isPastedKeys(found)).toBe(false);
		expect(adminWinner(found)).toBe(found);
	});
});

describe('lazy SDK', () => {
	const root = path.resolve(import.meta.dirname, '../..');
	test.each(['iam-session.ts', 'iam-failure.ts', 'iam-access-keys.ts', 'iam-policy.ts', 'iam-user.ts', 'wait-for-key.ts', 'deploy-policy.ts', 'deploy-policy-uses.ts'])(
		'source/aws/%s has no static import of @aws-sdk/* or @smithy/*',
		file => {
			const text = readFileSync(path.join(root, 'source/aws', file), 'utf8');
			const specifiers = [...text.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)].map(match => match[1]!);
			expect(specifiers.filter(specifier => /^@aws-sdk\/|^@smithy\//.test(specifier))).toEqual([]);
		},
	);
});
