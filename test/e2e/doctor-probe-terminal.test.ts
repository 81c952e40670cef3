/**
 * The full screen with the STS check on: the first frame comes before the probe, the answer replaces
 * "asking AWS" in place, and nothing else (such as the SDK's Node-version warning) is written over the screen.
 * AWS is a moto server on 127.0.0.1.
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {startMoto, type Moto} from '../support/moto.js';
import {temporaryHome} from '../support/cli-process.js';
import {spawnCli} from '../support/pty.js';

const home = temporaryHome();
let moto: Moto;

beforeAll(async () => {
	moto = await startMoto();
	mkdirSync(path.join(home.home, '.aws'));
	writeFileSync(
		path.join(home.home, '.aws', 'credentials'),
		'[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n',
		{mode: 0o600},
	);
});
afterAll(async () => {
	await moto.stop();
	home.remove();
});

test('doctor asks STS after the first frame and shows the account', async () => {
	const run = spawnCli(['doctor', '--framework', 'v3', '--region', 'us-east-1'], {
		home: home.home,
		env: {AWS_ENDPOINT_URL: moto.endpoint},
	});
	const screen = await run.waitFor('✔ account 123456789012', 20_000);
	expect(screen).toContain('AWS says');
	expect(screen).not.toMatch(/NodeVersionSupportWarning|Warning:/);
	await run.press('q');
	const {exitCode} = await run.exited();
	expect([0, 1]).toContain(exitCode);
	expect(await run.bufferType()).toBe('normal');
	const raw = run.raw();
	// The first frame is painted before the probe starts, so it says the check is running.
	expect(raw).toContain('asking AWS STS who this is');
	expect(raw).not.toContain('NodeVersionSupportWarning');
	expect(raw).not.toContain('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
});
