/**
 * `profile set` in a real pseudo-terminal: the key and the secret are asked for with `*` echo, Backspace works,
 * the masked diff is shown and confirmed with y/N, and Ctrl-C at a prompt exits 130 with the terminal back in
 * its normal mode and nothing written.
 */
import pty from '@lydell/node-pty';
import {afterEach, expect, test} from 'vitest';
import {CLI, cleanEnv} from '../support/cli-process.js';
import {spawnCli, KEYS} from '../support/pty.js';
import {CANARY_SECRET, KEY, leaks, profileHome, type ProfileHome} from './profile-home.js';

const homes: ProfileHome[] = [];
function home(files: {credentials?: string; config?: string} = {}): ProfileHome {
	const made = profileHome(files);
	homes.push(made);
	return made;
}
afterEach(() => {
	for (const made of homes.splice(0)) made.remove();
});

test('asks for key and secret masked, shows the masked diff, writes after y', async () => {
	const h = home({credentials: '[base]\nregion = eu-west-1\n'});
	const run = spawnCli(['profile', 'set', 'dev', '--region', 'eu-west-1'], {home: h.home});
	await run.waitFor('AWS access key ID:');
	await run.press(KEY, KEYS.enter);
	await run.waitFor('AWS secret access key:');
	// A wrong last character, erased with Backspace, then the right one.
	await run.press(CANARY_SECRET.slice(0, -1), 'X', '\u007F', CANARY_SECRET.slice(-1));
	const typed = await run.waitFor(`AWS secret access key: ${'*'.repeat(CANARY_SECRET.length)}`);
	expect(typed).not.toContain(CANARY_SECRET.slice(0, 8));
	await run.press(KEYS.enter);
	const diff = await run.waitFor('Write these changes? [y/N]');
	expect(diff).toContain('+[dev]');
	expect(diff).toContain('+aws_access_key_id = AKIA…LM7Y');
	expect(diff).toContain(`+aws_secret_access_key = ${CANARY_SECRET.slice(0, 4)}…${CANARY_SECRET.slice(-4)}`);
	expect(diff).toContain('+[profile dev]');
	expect(h.read('credentials')).toBe('[base]\nregion = eu-west-1\n');
	await run.press('y', KEYS.enter);
	await run.waitFor('Profile "dev" has been configured');
	expect((await run.exited()).exitCode).toBe(0);
	expect(h.read('credentials')).toContain(`[dev]\naws_access_key_id = ${KEY}\naws_secret_access_key = ${CANARY_SECRET}\n`);
	expect(h.read('config')).toBe('[profile dev]\nregion = eu-west-1\n');
	expect(leaks(run.raw(), CANARY_SECRET)).toBe(false);
	expect(leaks(run.raw(), KEY)).toBe(false);
});

test('answering no (or Enter) writes nothing, exit 1', async () => {
	const h = home();
	const run = spawnCli(['profile', 'set', 'dev', '-k', KEY], {home: h.home});
	await run.waitFor('AWS secret access key:');
	await run.press(CANARY_SECRET, KEYS.enter);
	await run.waitFor('[y/N]');
	await run.press(KEYS.enter);
	await run.waitFor('Nothing was written.');
	expect((await run.exited()).exitCode).toBe(1);
	expect(h.read('credentials')).toBeUndefined();
	expect(leaks(run.raw(), CANARY_SECRET)).toBe(false);
});

test('Ctrl-C at the secret prompt: exit 130, a message, nothing written', async () => {
	const h = home();
	const run = spawnCli(['profile', 'set', 'dev', '-k', KEY], {home: h.home});
	await run.waitFor('AWS secret access key:');
	await run.press('abc', KEYS.ctrlC);
	await run.waitFor('Interrupted: nothing was written.');
	expect((await run.exited()).exitCode).toBe(130);
	expect(h.read('credentials')).toBeUndefined();
	expect(await run.bufferType()).toBe('normal');
});

test('--secret-stdin in a terminal asks with the masked prompt instead of waiting for stdin to end', async () => {
	const h = home();
	const run = spawnCli(['profile', 'set', 'dev', '-k', KEY, '--secret-stdin', '--yes'], {home: h.home});
	await run.waitFor('AWS secret access key:');
	await run.press(CANARY_SECRET, KEYS.enter);
	await run.waitFor('has been configured');
	expect((await run.exited()).exitCode).toBe(0);
	expect(h.read('credentials')).toContain(CANARY_SECRET);
	expect(leaks(run.raw(), CANARY_SECRET)).toBe(false);
});

test('profile restore in a terminal: a numbered list, the diff, then y', async () => {
	const before = '[base]\nregion = eu-west-1\n';
	const h = home({credentials: before});
	const setup = h.run(['profile', 'remove', 'base', '--yes']);
	expect(setup.status).toBe(0);
	const run = spawnCli(['profile', 'restore'], {home: h.home});
	await run.waitFor('Restore which backup? [1-1');
	expect(await run.screen()).toMatch(/1 {2}credentials/);
	await run.press('1', KEYS.enter);
	await run.waitFor('from this backup? [y/N]');
	expect(await run.screen()).toContain('+[base]');
	await run.press('y', KEYS.enter);
	await run.waitFor('Restored');
	expect((await run.exited()).exitCode).toBe(0);
	expect(h.read('credentials')).toBe(before);
});

test('after Ctrl-C the terminal is back in cooked mode with echo on (stty, in the same terminal)', async () => {
	const h = home();
	// A shell runs the CLI, then asks the terminal for its mode: raw mode left on would show as -icanon -echo.
	const child = pty.spawn('/bin/sh', ['-c', `"${process.execPath}" "${CLI}" profile set dev -k ${KEY}; echo "exit=$?"; stty -a`], {
		cols: 200,
		rows: 30,
		cwd: h.home,
		env: cleanEnv(h.home, {TERM: 'xterm-256color'}),
	});
	let output = '';
	child.onData((data) => (output += data));
	const exited = new Promise<void>((resolve) => child.onExit(() => resolve()));
	const deadline = Date.now() + 10_000;
	while (!output.includes('AWS secret access key:') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
	child.write('abc');
	await new Promise((resolve) => setTimeout(resolve, 60));
	child.write(KEYS.ctrlC);
	await exited;
	expect(output).toContain('exit=130');
	const modes = output.slice(output.indexOf('exit=130')).split(/\s+/);
	expect(modes).toContain('icanon');
	expect(modes).toContain('echo');
	expect(h.read('credentials')).toBeUndefined();
});
