/**
 * Ctrl-C while the wizard waits for a new key to work (the STS retries through IAM propagation), in a real
 * pseudo-terminal against moto with auth on: a key STS does not know yet keeps the wait going, and Ctrl-C must end
 * it at once — exit 130, the normal screen back, nothing drawn or written afterwards.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, beforeEach, expect, test} from 'vitest';
import {startMoto, type Moto} from '../support/moto.js';
import {KEYS, spawnCli} from '../support/pty.js';
import {exitCode, walk, wizardWorld} from './wizard-world.js';
import {LEAVE_ALTERNATE_SCREEN} from '../../source/ui/full-screen.js';

const SERVICE = ['service: orders', 'frameworkVersion: "3"', '', 'provider:', '  name: aws', '  region: eu-west-1', ''].join('\n');
/** A key IAM has not propagated to STS yet (as moto sees it: unknown, so InvalidClientTokenId). */
const NEW_KEY_ID = 'AKIAQYLPMN5HNEWKEY77';
const NEW_SECRET = 'NotYetPropagatedSecret0123456789abcdefgh';

let moto: Moto;
beforeAll(async () => {
	moto = await startMoto();
}, 30_000);
afterAll(async () => moto.stop());
beforeEach(async () => moto.reset());

test('Ctrl-C during the verify wait exits 130 at once and writes nothing more', async () => {
	await moto.authOn();
	const world = wizardWorld(moto, {serviceFile: SERVICE, adminKeys: false});
	const run = spawnCli([], {home: world.home, cwd: world.service, env: world.env});
	await walk(run, [
		['Set up deploy credentials', KEYS.enter],
		['Do you have an AWS account?', KEYS.enter],
		['How should the deploy get its AWS keys?', KEYS.down, KEYS.down, KEYS.enter],
		['Paste the access key to save as a profile.', NEW_KEY_ID, KEYS.enter],
		['› Secret access key:', NEW_SECRET],
		['*'.repeat(40), KEYS.enter],
		['Profile name: orders-dev', KEYS.enter],
		['Write these changes? [Y/n]', KEYS.enter],
		// STS answered InvalidClientTokenId once: the wait goes on for up to 20 s.
		[/attempt 1, \d+ s: new keys take a few seconds to work/],
	]);
	const credentials = readFileSync(path.join(world.home, '.aws', 'credentials'), 'utf8');
	const config = readFileSync(path.join(world.home, '.aws', 'config'), 'utf8');
	const started = Date.now();
	await run.press(KEYS.ctrlC);
	expect(await exitCode(run, 10_000)).toBe(130);
	expect(Date.now() - started).toBeLessThan(1500);
	expect(await run.bufferType()).toBe('normal');
	// After leaving the full screen nothing else reaches the terminal (at most Ink showing the cursor again).
	const raw = run.raw();
	const left = raw.lastIndexOf(LEAVE_ALTERNATE_SCREEN);
	expect(left).toBeGreaterThan(-1);
	expect(raw.slice(left + LEAVE_ALTERNATE_SCREEN.length).replaceAll('\u001B[?25h', '')).toBe('');
	expect(raw).not.toContain(NEW_SECRET);
	expect(readFileSync(path.join(world.home, '.aws', 'credentials'), 'utf8')).toBe(credentials);
	expect(readFileSync(path.join(world.home, '.aws', 'config'), 'utf8')).toBe(config);
	expect(readFileSync(path.join(world.service, 'serverless.yml'), 'utf8')).toBe(SERVICE);
}, 60_000);
