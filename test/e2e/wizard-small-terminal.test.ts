/**
 * The wizard in the smallest terminal it supports (60×20) in a real pseudo-terminal against moto: the Enter-everywhere
 * path still ends with a verified profile and the stage mapping, every screen keeps its question and key hints in
 * view, and resizing mid-flow (larger, smaller than supported, back) neither crashes nor loses the flow.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, beforeEach, expect, test} from 'vitest';
import {startMoto, type Moto} from '../support/moto.js';
import {KEYS, spawnCli, type PtyRun} from '../support/pty.js';
import {ACCOUNT, ADMIN_SECRET, exitCode, flowed, pressSettled, walk, wizardWorld} from './wizard-world.js';

const SERVICE = ['# Orders service', 'service: orders', 'frameworkVersion: "3"', '', 'provider:', '  name: aws', '  region: eu-west-1 # keep', ''].join('\n');

let moto: Moto;
beforeAll(async () => {
	moto = await startMoto({managedPolicies: true});
}, 30_000);
afterAll(async () => moto.stop());
beforeEach(async () => moto.reset());

/** Every row fits the width and the frame is closed: nothing drawn past the edge or below the last row. */
async function fitsScreen(run: PtyRun, columns: number, rows: number): Promise<string> {
	const screen = await run.screen();
	const lines = screen.split('\n');
	expect(lines.length).toBeLessThanOrEqual(rows);
	for (const row of lines) expect([...row].length).toBeLessThanOrEqual(columns);
	expect(screen).toContain('╰');
	return screen;
}

test('60×20: the Enter-everywhere path works, with every question and its keys on screen', async () => {
	const world = wizardWorld(moto, {serviceFile: SERVICE});
	const run = spawnCli([], {home: world.home, cwd: world.service, env: world.env, columns: 60, rows: 20});
	const steps: Array<string | RegExp> = [
		'Set up deploy credentials',
		'Do you have an AWS account?',
		'How should the deploy get its AWS keys?',
		'Which credentials may create the IAM user?',
		'IAM user name: orders-deployer',
		'Create this user in AWS? [Y/n]',
		'Profile name: orders-dev',
		'Write these changes? [Y/n]',
		'AWS accepts the key',
		'Which profile should each stage deploy with?',
		// The question wraps at this width (the service file's full path).
		/Write[\s\S]*serverless\.yml\?[\s\S]*\[Y\/n\]/,
		/✖ dev → orders-dev/,
	];
	for (const expected of steps) {
		await walk(run, [[expected]]);
		const screen = await fitsScreen(run, 60, 20);
		// The key hints (the frame's last line inside) are never pushed off screen.
		expect(screen).toMatch(/(Enter|y) /);
		await pressSettled(run, KEYS.enter);
	}
	expect(await exitCode(run)).toBe(0);
	expect(await run.bufferType()).toBe('normal');
	expect(readFileSync(path.join(world.home, '.aws', 'config'), 'utf8')).toBe('[profile orders-dev]\nregion = eu-west-1\n');
	expect(readFileSync(path.join(world.service, 'serverless.yml'), 'utf8')).toContain('  profile: ${self:custom.profiles.${sls:stage}}\n');
	expect(run.raw()).not.toContain(ADMIN_SECRET);
}, 90_000);

test('resizing mid-flow (larger, below 60×20, back) does not crash and the flow goes on', async () => {
	const world = wizardWorld(moto, {serviceFile: SERVICE});
	const run = spawnCli([], {home: world.home, cwd: world.service, env: world.env, columns: 60, rows: 20});
	await walk(run, [
		['Set up deploy credentials', KEYS.enter],
		['Do you have an AWS account?', KEYS.enter],
		['How should the deploy get its AWS keys?'],
	]);
	run.resize(120, 40);
	await run.waitFor(/How should the deploy get its AWS keys\?/);
	await fitsScreen(run, 120, 40);
	// Smaller than supported: the screen may be cramped, but the program lives on.
	run.resize(40, 12);
	await new Promise(resolve => setTimeout(resolve, 300));
	run.resize(60, 20);
	await run.waitFor('How should the deploy get its AWS keys?');
	await fitsScreen(run, 60, 20);
	await walk(run, [
		['How should the deploy get its AWS keys?', KEYS.enter],
		['Which credentials may create the IAM user?', KEYS.enter],
		['IAM user name: orders-deployer', KEYS.enter],
		['Create this user in AWS? [Y/n]', KEYS.enter],
		['Profile name: orders-dev'],
	]);
	// During the verify wait too.
	run.resize(80, 24);
	await walk(run, [['Profile name: orders-dev', KEYS.enter], ['Write these changes? [Y/n]', KEYS.enter]]);
	run.resize(60, 20);
	await run.waitFor('AWS accepts the key');
	expect(flowed(await fitsScreen(run, 60, 20))).toContain(`arn:aws:iam::${ACCOUNT}:user/orders-deployer`);
	await run.press(KEYS.ctrlC);
	expect(await exitCode(run)).toBe(130);
	expect(await run.bufferType()).toBe('normal');
}, 90_000);
