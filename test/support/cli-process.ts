/** Runs the built CLI (dist/cli.js) as a child process with an environment built from scratch. */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** The built entry; SLS_CREDS_WIZARD_CLI points the process tests at another build (e.g. a bundle). */
export const CLI = process.env.SLS_CREDS_WIZARD_CLI ?? path.join(ROOT, 'dist/cli.js');

/** A fresh HOME; the developer's real ~/.aws is never visible to the CLI under test. */
export function temporaryHome(): {home: string; remove(): void} {
	const home = mkdtempSync(path.join(tmpdir(), 'sls-creds-wizard-home-'));
	return {home, remove: () => rmSync(home, {recursive: true, force: true})};
}

export function cleanEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
	return {
		PATH: process.env.PATH ?? '/usr/bin:/bin',
		HOME: home,
		CI: 'false',
		FORCE_COLOR: '0',
		NODE_ENV: 'production',
		AWS_EC2_METADATA_DISABLED: 'true',
		...extra,
	};
}

export interface Run {
	status: number | null;
	stdout: string;
	stderr: string;
}

export function runCli(args: string[], options: {home: string; cwd?: string; input?: string; env?: Record<string, string>; nodeArgs?: string[]}): Run {
	const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], {
		cwd: options.cwd ?? options.home,
		env: cleanEnv(options.home, options.env),
		input: options.input ?? '',
		encoding: 'utf8',
		timeout: 30_000,
	});
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}
