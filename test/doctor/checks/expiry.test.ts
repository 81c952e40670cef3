import {describe, expect, it} from 'vitest';
import {credentialExpirationChecks} from '../../../source/doctor/checks/credential-expiration.js';
import {ssoTokenChecks} from '../../../source/doctor/checks/sso-token.js';
import type {SsoCacheEntry} from '../../../source/gather/snapshot.js';
import {makeSnapshot, TEST_NOW} from '../snapshot-builder.js';
import {candidate, makeVerdict, staticWinner} from '../verdict-builder.js';
import {expectFixes, outcomes} from './finding-lookup.js';

const keys = {AWS_ACCESS_KEY_ID: 'ASIAY34FZKBOKMUTVV7A', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', AWS_SESSION_TOKEN: 'token-token-token'};
const iso = (offsetMs: number) => new Date(TEST_NOW + offsetMs).toISOString();
const envWinner = staticWinner({source: 'env-keys', title: 'AWS_ACCESS_KEY_ID', profile: undefined, kind: 'temporary'});

describe('credentialExpirationChecks', () => {
	const table: Array<{name: string; expiration?: string; winner?: boolean; expected: string[]; title?: RegExp}> = [
		{name: 'no expiration variable', expected: []},
		{name: 'in the future', expiration: iso(90 * 60_000), winner: true, expected: ['env-credential-expiration:ok'], title: /valid for 1 h 30 min/},
		{name: 'in the past, used by the deploy', expiration: iso(-5 * 60_000), winner: true, expected: ['env-credential-expiration:fail'], title: /expired 5 min ago/},
		{name: 'in the past, not used', expiration: iso(-5 * 60_000), expected: ['env-credential-expiration:warn']},
		{name: 'unparseable', expiration: 'tomorrow-ish', winner: true, expected: ['env-credential-expiration:warn'], title: /not a date/},
	];
	it.each(table)('$name', ({expiration, winner, expected, title}) => {
		const env = expiration === undefined ? keys : {...keys, AWS_CREDENTIAL_EXPIRATION: expiration};
		const findings = credentialExpirationChecks(makeSnapshot({env}), makeVerdict({winner: winner ? envWinner : undefined}));
		expect(outcomes(findings)).toEqual(expected);
		if (title) expect(findings[0]!.title).toMatch(title);
		expectFixes(findings);
	});

	it('ignores an expiration without keys', () => {
		expect(credentialExpirationChecks(makeSnapshot({env: {AWS_CREDENTIAL_EXPIRATION: iso(-1)}}), makeVerdict())).toEqual([]);
	});
});

describe('ssoTokenChecks', () => {
	const config =
		'[profile corp]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Deploy\n\n' +
		'[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n\n' +
		'[profile legacy]\nsso_start_url = https://legacy.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 1\nsso_role_name = R\n';
	const ssoWinner = (profile: string) =>
		makeVerdict({engine: 'serverless-v4', winner: {source: 'env-profile', title: `AWS_PROFILE=${profile}`, kind: 'sso', profile, credentials: {type: 'profile', profile}}});
	const entry = (key: string, extra: Partial<SsoCacheEntry>): SsoCacheEntry => ({path: `/home/dev/.aws/sso/cache/${key.length}.json`, key, exists: true, ...extra});

	const table: Array<{name: string; profile: string; cache: SsoCacheEntry[]; expected: string[]}> = [
		{name: 'valid session token', profile: 'corp', cache: [entry('corp', {expiresAt: iso(3_600_000)})], expected: ['sso-token:ok']},
		{name: 'expired session token', profile: 'corp', cache: [entry('corp', {expiresAt: iso(-60_000)})], expected: ['sso-token:fail']},
		{name: 'no cache file', profile: 'corp', cache: [entry('corp', {exists: false})], expected: ['sso-token:fail']},
		{name: 'no entry at all', profile: 'corp', cache: [], expected: ['sso-token:fail']},
		{name: 'legacy profile keyed by start URL', profile: 'legacy', cache: [entry('https://legacy.awsapps.com/start', {expiresAt: iso(60_000)})], expected: ['sso-token:ok']},
		{name: 'unreadable cache', profile: 'corp', cache: [entry('corp', {error: 'Unexpected token'})], expected: ['sso-token:warn']},
		{name: 'no expiry field', profile: 'corp', cache: [entry('corp', {})], expected: ['sso-token:info']},
	];
	it.each(table)('$name', ({profile, cache, expected}) => {
		const findings = ssoTokenChecks(makeSnapshot({config, ssoCache: cache}), ssoWinner(profile));
		expect(outcomes(findings)).toEqual(expected);
		expectFixes(findings);
		for (const finding of findings.filter(f => f.status === 'fail')) expect(finding.fix).toBe(`Run \`aws sso login --profile ${profile}\`.`);
	});

	it('speaks about the SSO profile whose token stops a v4 run, not a v3 one', () => {
		const failing = candidate({source: 'env-profile', status: 'error', kind: 'sso', profile: 'corp'});
		const snapshot = makeSnapshot({config, ssoCache: []});
		expect(outcomes(ssoTokenChecks(snapshot, makeVerdict({engine: 'serverless-v4', candidates: [failing]})))).toEqual(['sso-token:fail']);
		expect(ssoTokenChecks(snapshot, makeVerdict({engine: 'serverless-v3', candidates: [failing]}))).toEqual([]);
	});

	it('says nothing when the winner is not SSO', () => {
		expect(ssoTokenChecks(makeSnapshot({config}), makeVerdict({winner: staticWinner()}))).toEqual([]);
	});
});
