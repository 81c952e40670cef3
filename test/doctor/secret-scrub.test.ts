import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {knownSecrets, scrubSecrets} from '../../source/doctor/secret-scrub.js';
import {makeSnapshot, serviceFile} from './snapshot-builder.js';

describe('knownSecrets', () => {
	it('collects secrets from the environment, .env, resolvers and both AWS files', () => {
		const snapshot = makeSnapshot({
			env: {AWS_ACCESS_KEY_ID: 'AKIAENVKEYENVKEY0001', AWS_PROFILE: 'not-a-secret-profile', SERVERLESS_ACCESS_KEY: 'AKslsaccesskey123'},
			processEnv: {AWS_UAT_SECRET_ACCESS_KEY: 'uat-secret-uat-secret'},
			credentials: '[a]\nAWS_SECRET_ACCESS_KEY: "quoted-secret-value"\n',
			config: '[profile b]\naws_session_token = config-token-value\n',
			service: serviceFile({
				dotenv: [{path: '.env', values: {AWS_SESSION_TOKEN: 'dotenv-token-value', REGION: 'eu-west-1-not-secret'}, applied: []}],
				resolvers: [{name: 'r', from: 'default', secretAccessKey: 'resolver-secret-value'}],
			}),
		});
		const secrets = knownSecrets(snapshot);
		for (const value of ['AKIAENVKEYENVKEY0001', 'AKslsaccesskey123', 'uat-secret-uat-secret', 'quoted-secret-value', 'config-token-value', 'dotenv-token-value', 'resolver-secret-value']) {
			expect(secrets).toContain(value);
		}
		expect(secrets).not.toContain('not-a-secret-profile');
		expect(secrets).not.toContain('eu-west-1-not-secret');
	});

	it('ignores short values and the literal "undefined"', () => {
		expect(knownSecrets(makeSnapshot({env: {AWS_ACCESS_KEY_ID: 'undefined', AWS_SECRET_ACCESS_KEY: 'short'}}))).toEqual([]);
	});
});

describe('scrubSecrets', () => {
	it('masks every occurrence in nested strings and leaves other values alone', () => {
		const value = {a: 'x AKIAENVKEYENVKEY0001 y', b: [1, 'AKIAENVKEYENVKEY0001', {c: true, d: null}], e: undefined};
		expect(scrubSecrets(value, ['AKIAENVKEYENVKEY0001'])).toEqual({a: 'x AKIA…0001 y', b: [1, 'AKIA…0001', {c: true, d: null}], e: undefined});
	});

	it('never leaves a secret behind, whatever text it is embedded in', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^[A-Za-z0-9/+]{8,60}$/), fc.string(), fc.string(), (secret, before, after) => {
				const text = scrubSecrets(`${before}${secret}${after}`, [secret]);
				expect(text.includes(secret)).toBe(false);
			}),
		);
	});
});
