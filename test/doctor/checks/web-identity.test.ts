import {describe, expect, it} from 'vitest';
import {webIdentityChecks} from '../../../source/doctor/checks/web-identity.js';
import type {FileRead} from '../../../source/gather/snapshot.js';
import {makeSnapshot} from '../snapshot-builder.js';
import {makeVerdict} from '../verdict-builder.js';
import {expectFixes, outcomes} from './finding-lookup.js';

const role = 'arn:aws:iam::123456789012:role/ci';
const tokenPath = '/var/run/secrets/token';
const webWinner = makeVerdict({
	winner: {source: 'web-identity-env', title: 'AWS_WEB_IDENTITY_TOKEN_FILE', kind: 'web-identity', credentials: {type: 'chain'}},
});

describe('webIdentityChecks', () => {
	const table: Array<{name: string; env: Record<string, string>; tokenFiles?: Record<string, FileRead>; used?: boolean; expected: string[]}> = [
		{name: 'nothing set', env: {}, expected: []},
		{name: 'role without token file', env: {AWS_ROLE_ARN: role}, expected: ['web-identity-env:warn']},
		{name: 'token file without role', env: {AWS_WEB_IDENTITY_TOKEN_FILE: tokenPath}, tokenFiles: {[tokenPath]: {path: tokenPath, exists: true}}, expected: ['web-identity-env:warn']},
		{
			name: 'both, readable',
			env: {AWS_ROLE_ARN: role, AWS_WEB_IDENTITY_TOKEN_FILE: tokenPath},
			tokenFiles: {[tokenPath]: {path: tokenPath, exists: true}},
			expected: ['web-identity-env:ok'],
		},
		{
			name: 'both, token file missing and used',
			env: {AWS_ROLE_ARN: role, AWS_WEB_IDENTITY_TOKEN_FILE: tokenPath},
			tokenFiles: {[tokenPath]: {path: tokenPath, exists: false}},
			used: true,
			expected: ['web-identity-token-file:fail'],
		},
		{
			name: 'token file unreadable but another source wins',
			env: {AWS_ROLE_ARN: role, AWS_WEB_IDENTITY_TOKEN_FILE: tokenPath},
			tokenFiles: {[tokenPath]: {path: tokenPath, exists: true, error: {code: 'EACCES', message: 'permission denied'}}},
			expected: ['web-identity-token-file:warn'],
		},
		{
			name: 'profile web_identity_token_file missing',
			env: {},
			tokenFiles: {'/tokens/p': {path: '/tokens/p', exists: false}},
			expected: ['web-identity-token-file:warn'],
		},
	];
	it.each(table)('$name', ({env, tokenFiles, used, expected}) => {
		const findings = webIdentityChecks(makeSnapshot({env, tokenFiles}), used ? webWinner : makeVerdict());
		expect(outcomes(findings)).toEqual(expected);
		expectFixes(findings);
	});
});
