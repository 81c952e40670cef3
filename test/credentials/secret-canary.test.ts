/** A canary secret pushed through every path of the credential models must never come out unmasked. */
import {inspect} from 'node:util';
import {expect, test} from 'vitest';
import {analyse} from '../../source/credentials/analyse.js';
import {snapshotFor} from './snapshot-for.js';
import {CONFIG, CREDENTIALS} from './spec-fixture.js';

const CANARY_KEY = 'AKIACANARYKEYID0WXYZ';
const CANARY_SECRET = 'canary/SECRET+value0123456789abcdefCANARY';
const CANARY_TOKEN = 'canaryTOKENvalue0123456789abcdef';

test.each([3, 4] as const)('framework v%s: canary keys in env, files, stage variables and resolvers stay masked', (major) => {
	const files = {
		[CREDENTIALS]: `[default]\naws_access_key_id = ${CANARY_KEY}\naws_secret_access_key = ${CANARY_SECRET}\naws_session_token = ${CANARY_TOKEN}\n[half]\naws_access_key_id = ${CANARY_KEY}\n`,
		[CONFIG]: `[profile cfg]\naws_access_key_id = ${CANARY_KEY}\naws_secret_access_key = ${CANARY_SECRET}\n`,
	};
	const env = {
		AWS_ACCESS_KEY_ID: CANARY_KEY,
		AWS_SECRET_ACCESS_KEY: CANARY_SECRET,
		AWS_SESSION_TOKEN: CANARY_TOKEN,
		AWS_DEV_ACCESS_KEY_ID: CANARY_KEY,
		AWS_DEV_SECRET_ACCESS_KEY: 'undefined',
		AMAZON_ACCESS_KEY_ID: CANARY_KEY,
		AMAZON_SECRET_ACCESS_KEY: CANARY_SECRET,
		AWS_PROFILE: 'half',
	};
	for (const input of [
		{files, env, framework: major},
		{files, env: {...env, AWS_PROFILE: 'cfg'}, framework: major, yml: {profile: 'half', resolvers: [{name: 'r', from: 'default', accessKeyId: CANARY_KEY, secretAccessKey: CANARY_SECRET, sessionToken: CANARY_TOKEN}]}},
		{files: {}, env: {AWS_ACCESS_KEY_ID: CANARY_KEY, AWS_SECRET_ACCESS_KEY: CANARY_SECRET}, framework: major},
	]) {
		const result = analyse(snapshotFor(input));
		for (const form of [JSON.stringify(result), inspect(result, {depth: 30}), String(result.primary.winner?.accessKeyId ?? '')]) {
			expect(form).not.toContain(CANARY_KEY);
			expect(form).not.toContain(CANARY_SECRET);
			expect(form).not.toContain(CANARY_TOKEN);
		}
	}
});
