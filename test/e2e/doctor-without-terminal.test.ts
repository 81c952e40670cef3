/** The doctor with pipes instead of a terminal (CI, scripts): no TTY needed, no Ink, no escape codes. */
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {runCli, temporaryHome} from '../support/cli-process.js';

const CANARY_SECRET = 'pipeCanarySecretDoNotPrint0123456789abcd';
const home = temporaryHome();

beforeAll(() => {
	mkdirSync(path.join(home.home, '.aws'));
	writeFileSync(
		path.join(home.home, '.aws', 'credentials'),
		`[default]\naws_access_key_id = AKIAPIPEDEFAULT00001\naws_secret_access_key = ${CANARY_SECRET}\n`,
		{mode: 0o600},
	);
});
afterAll(() => home.remove());

describe('doctor without a terminal', () => {
	test('--json --offline prints the report as JSON', () => {
		const run = runCli(['doctor', '--json', '--offline'], {home: home.home});
		expect(run.stderr).toBe('');
		expect([0, 1]).toContain(run.status);
		const report = JSON.parse(run.stdout) as {$schema: string; exitCode: number; identity: {status: string}; winner?: {accessKeyId?: string}};
		expect(report.$schema).toMatch(/doctor-report/);
		expect(report.exitCode).toBe(run.status);
		expect(report.identity.status).toBe('skipped');
		expect(run.stdout).not.toContain(CANARY_SECRET);
		expect(run.stdout).not.toContain('AKIAPIPEDEFAULT00001');
	});

	test('piped: plain text, no escape codes, exit code from the report', () => {
		const run = runCli(['doctor', '--offline'], {home: home.home});
		expect([0, 1]).toContain(run.status);
		expect(run.stdout.length).toBeGreaterThan(0);
		expect(run.stdout).not.toContain('\u001B');
		expect(run.stdout).not.toContain(CANARY_SECRET);
	});

	test('--explain reads the error text from stdin', () => {
		const run = runCli(['doctor', '--explain', '--offline'], {
			home: home.home,
			input: 'Error: The security token included in the request is invalid.\n',
		});
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		expect(run.stdout.length).toBeGreaterThan(0);
	});
});
