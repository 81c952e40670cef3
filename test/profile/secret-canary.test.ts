/**
 * One canary key, secret and session token pushed through every `profile` command and failure path: no stdout,
 * stderr or JSON may hold them (or any 12-character stretch of them). The files hold them, as they must.
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, expect, test} from 'vitest';
import type {Run} from '../support/cli-process.js';
import {CANARY_SECRET, CANARY_TOKEN, KEY, TEMPORARY_KEY, leaks, profileHome} from './profile-home.js';

const h = profileHome();
afterAll(() => h.remove());

const outputs: Array<{args: string[]; run: Run}> = [];
function run(args: string[], options: {input?: string; env?: Record<string, string>} = {}): Run {
	const result = h.run(args, options);
	outputs.push({args, run: result});
	return result;
}

test('the canary goes through every command; no output holds it', () => {
	expect(run(['profile', 'set', 'dev', '-k', KEY, '--secret-stdin', '-y', '-r', 'eu-west-1'], {input: CANARY_SECRET}).status).toBe(0);
	expect(run(['profile', 'set', 'dev', '-k', KEY, '-s', CANARY_SECRET, '-o', '-y', '--json']).status).toBe(0);
	expect(run(['profile', 'set', 'tmp', '-k', TEMPORARY_KEY, '-s', CANARY_SECRET, '--session-token', CANARY_TOKEN, '-y']).status).toBe(0);
	expect(run(['profile', 'set', 'tmp', '-k', KEY, '--secret-stdin', '-o', '--dry-run'], {input: CANARY_SECRET}).status).toBe(0);
	expect(run(['profile', 'set', 'tmp', '-k', KEY, '--secret-stdin', '-o', '--dry-run', '--json'], {input: CANARY_SECRET}).status).toBe(0);
	expect(run(['profile', 'set', 'dev', '-k', KEY, '--secret-stdin', '-y', '--json'], {input: CANARY_SECRET}).status).toBe(1);
	expect(run(['profile', 'list']).status).toBe(0);
	expect(run(['profile', 'list', '--json']).status).toBe(0);
	expect(run(['profile', 'remove', 'tmp', '--dry-run']).status).toBe(0);
	expect(run(['profile', 'remove', 'tmp', '--yes', '--json']).status).toBe(0);
	expect(run(['profile', 'restore']).status).toBe(2);
	expect(run(['profile', 'restore', '--json']).status).toBe(2);
	const backup = h.backups().find((name) => name.startsWith('credentials.'))!;
	expect(run(['profile', 'restore', '--backup', path.join(h.aws, backup), '--yes', '--json']).status).toBe(0);
	expect(run(['profile', 'restore', '--backup', path.join(h.aws, backup), '--dry-run']).status).toBe(0);
	expect(h.read('credentials')).toContain(CANARY_SECRET);
});

test('and through the failure paths', () => {
	// The secret given as a word instead of with -s, or glued to a flag that takes none.
	expect(run(['profile', 'set', 'x', '-k', KEY, CANARY_SECRET]).status).toBe(2);
	expect(run(['profile', 'set', '-k', KEY, CANARY_SECRET, '-y']).status).toBe(2);
	expect(run(['profile', 'remove', CANARY_SECRET, '-y']).status).toBe(2);
	expect(run(['profile', 'set', 'x', '-k', KEY, `--secret-stdin=${CANARY_SECRET}`]).status).toBe(2);
	expect(run(['profile', 'set', 'bad name', '-k', KEY, '-s', CANARY_SECRET, '-y']).status).toBe(1);
	expect(run(['profile', 'set', 'x', '-k', KEY, '-s', `${CANARY_SECRET} #note`, '-y']).status).toBe(1);
	// A directory where the credentials file should be: the write fails with message, cause and fix.
	const directory = path.join(h.home, 'not-a-file');
	mkdirSync(directory);
	const failed = run(['profile', 'set', 'x', '-k', KEY, '--secret-stdin', '-y', '--json'], {input: CANARY_SECRET, env: {AWS_SHARED_CREDENTIALS_FILE: directory}});
	expect(failed.status).toBe(1);
	expect(failed.stderr).toMatch(/Could not read .*not-a-file|directory/);
	// A file the AWS CLI rejects (a duplicate section): refused.
	const broken = path.join(h.home, 'broken');
	writeFileSync(broken, `[a]\nregion = x\n[a]\nregion = y\n`);
	const refused = run(['profile', 'set', 'x', '-k', KEY, '-s', CANARY_SECRET, '-y'], {env: {AWS_SHARED_CREDENTIALS_FILE: broken}});
	expect(refused.status).toBe(1);
	expect(run(['profile', 'set', 'x', '-k', KEY, '-s', CANARY_SECRET, '-y', '--debug'], {env: {AWS_SHARED_CREDENTIALS_FILE: directory}}).status).toBe(1);
});

test('no output of any run above holds the key, the secret or the token', () => {
	expect(outputs.length).toBeGreaterThan(15);
	for (const {args, run: result} of outputs) {
		const text = `${result.stdout}\n${result.stderr}`;
		for (const secret of [CANARY_SECRET, CANARY_TOKEN, KEY, TEMPORARY_KEY]) {
			expect(leaks(text, secret), `${args.join(' ')} printed part of ${secret.slice(0, 4)}…`).toBe(false);
		}
	}
});
