/**
 * The built CLI in a real pseudo-terminal: the doctor's full screen on the alternate buffer, keys, and the terminal
 * given back on every way out. HOME is a temp dir with its own ~/.aws; nothing talks to AWS (--offline).
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {temporaryHome} from '../support/cli-process.js';
import {KEYS, spawnCli} from '../support/pty.js';

const ENTER_ALT = '\u001B[?1049h';
const LEAVE_ALT = '\u001B[?1049l';
/** Fake keys that must never appear in any output (only masked forms may). */
const CANARY_KEY_ID = 'AKIAE2ECANARY7DEVXYZ';
const CANARY_SECRET = 'e2eCanarySecretDoNotPrint0123456789abcdef';

const home = temporaryHome();
const project = path.join(home.home, 'orders-api');

beforeAll(() => {
	mkdirSync(path.join(home.home, '.aws'));
	writeFileSync(
		path.join(home.home, '.aws', 'credentials'),
		`[default]\naws_access_key_id = AKIAE2EDEFAULT000001\naws_secret_access_key = ${CANARY_SECRET}x\n\n[dev]\naws_access_key_id = ${CANARY_KEY_ID}\naws_secret_access_key = ${CANARY_SECRET}\n`,
		{mode: 0o600},
	);
	mkdirSync(project);
	writeFileSync(
		path.join(project, 'serverless.yml'),
		"service: orders-api\nframeworkVersion: '3'\nprovider:\n  name: aws\n  region: eu-west-1\n  profile: dev\n",
	);
});
afterAll(() => home.remove());

function startDoctor(extra: string[] = []) {
	return spawnCli(['doctor', '--offline', '--framework', 'v3', ...extra], {home: home.home, cwd: project});
}

function expectNoSecrets(raw: string) {
	expect(raw).not.toContain(CANARY_SECRET);
	expect(raw).not.toContain(CANARY_KEY_ID);
}

describe('doctor in a terminal', () => {
	test('shows the winner full screen; ↓ + Enter opens a finding; q leaves and restores the screen', async () => {
		const run = startDoctor();
		const first = await run.waitFor('↑↓ move');
		expect(await run.bufferType()).toBe('alternate');
		expect(first).toContain('sls-creds-wizard doctor');
		expect(first).toContain('orders-api');
		expect(first).toMatch(/Deploy uses ★ .*dev/);
		expect(first).toContain('not checked: --offline');
		expect(first).toContain('AKIA…');

		await run.press(KEYS.down, KEYS.enter);
		const details = await run.waitFor('⏎/esc back');
		expect(details).toMatch(/Why {2}\S/);

		await run.press(KEYS.escape);
		await run.waitFor('↑↓ move');
		await run.press('q');
		const {exitCode} = await run.exited();
		expect([0, 1]).toContain(exitCode);
		const raw = run.raw();
		expect(raw).toContain(ENTER_ALT);
		expect(raw).toContain(LEAVE_ALT);
		expect(raw.lastIndexOf(LEAVE_ALT)).toBeGreaterThan(raw.lastIndexOf(ENTER_ALT));
		expect(await run.bufferType()).toBe('normal');
		expect(await run.screen()).not.toContain('↑↓ move');
		expectNoSecrets(raw);
	});

	test('Ctrl-C exits 130 with the screen restored', async () => {
		const run = startDoctor();
		await run.waitFor('↑↓ move');
		await run.press(KEYS.ctrlC);
		const {exitCode} = await run.exited();
		expect(exitCode).toBe(130);
		expect(run.raw()).toContain(LEAVE_ALT);
		expect(await run.bufferType()).toBe('normal');
	});

	test('SIGTERM exits 143 with the screen restored', async () => {
		const run = startDoctor();
		await run.waitFor('↑↓ move');
		run.kill('SIGTERM');
		const {exitCode} = await run.exited();
		expect(exitCode).toBe(143);
		expect(run.raw()).toContain(LEAVE_ALT);
		expect(await run.bufferType()).toBe('normal');
	});

	test('follows a resize down to 60×20 without overflowing', async () => {
		const run = startDoctor();
		await run.waitFor('↑↓ move');
		run.resize(60, 20);
		const screen = await run.waitFor(/^╭─{58}╮$/m);
		const lines = screen.split('\n');
		expect(lines.findIndex(line => line.startsWith('╰'))).toBe(18);
		expect(lines.every(line => [...line].length <= 60)).toBe(true);
		await run.press('q');
		await run.exited();
		expect(await run.bufferType()).toBe('normal');
	});

	test('--plain in a terminal prints text and never enters the alternate screen', async () => {
		const run = startDoctor(['--plain']);
		const {exitCode} = await run.exited();
		expect([0, 1]).toContain(exitCode);
		expect(run.raw()).not.toContain(ENTER_ALT);
		expect(await run.screen()).toContain('dev');
		expectNoSecrets(run.raw());
	});
});

describe('other commands in a terminal', () => {
	test('no subcommand in a terminal opens the wizard; Quit leaves it with exit 0 and the screen restored', async () => {
		const run = spawnCli([], {home: home.home});
		await run.waitFor('Set up deploy credentials', 20_000);
		await run.press(KEYS.down, KEYS.down, KEYS.enter);
		const {exitCode} = await run.exited();
		expect(exitCode).toBe(0);
		expect(await run.bufferType()).toBe('normal');
	});

	test('--explain without text and nothing piped in: says how to pass it, exit 2', async () => {
		const run = spawnCli(['doctor', '--explain'], {home: home.home});
		const {exitCode} = await run.exited();
		expect(exitCode).toBe(2);
		expect(await run.screen()).toContain('--explain needs the error text');
	});
});
