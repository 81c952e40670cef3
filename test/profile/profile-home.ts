/**
 * A temporary HOME with ~/.aws files for the `profile` process tests, and the canary values that must never be
 * printed. The CLI runs with a clean environment (test/support/cli-process.ts): the real ~/.aws is never seen.
 */
import {existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {runCli, temporaryHome, type Run} from '../support/cli-process.js';

/** Access key IDs are 20 characters of A-Z and 2-7; secrets 40 of base64. Made up, shaped like real ones. */
export const KEY = 'AKIAQ3EGBNTZ5XKWLM7Y';
export const OTHER_KEY = 'AKIAR4FHCOUA6YLXMN2Z';
export const TEMPORARY_KEY = 'ASIAQ3EGBNTZ5XKWLM7Q';
export const CANARY_SECRET = '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';
export const CANARY_TOKEN = `IQoJb3JpZ2luX2VjEC4aCXVzLWVhc3QtMSJHMEUCIQDcanaryTokenCanaryToken${'Zx9'.repeat(20)}==`;
export const OLD_SECRET = 'OldSecretValue/Aa1Bb2Cc3Dd4Ee5Ff6Gg7Hh8I';

export interface ProfileHome {
	home: string;
	aws: string;
	credentials: string;
	config: string;
	read(file: 'credentials' | 'config'): string | undefined;
	backups(): string[];
	run(args: string[], options?: {input?: string; env?: Record<string, string>}): Run;
	remove(): void;
}

export function profileHome(files: {credentials?: string; config?: string} = {}): ProfileHome {
	const {home, remove} = temporaryHome();
	const aws = path.join(home, '.aws');
	const credentials = path.join(aws, 'credentials');
	const config = path.join(aws, 'config');
	if (files.credentials !== undefined || files.config !== undefined) mkdirSync(aws, {mode: 0o700});
	if (files.credentials !== undefined) writeFileSync(credentials, files.credentials, {mode: 0o600});
	if (files.config !== undefined) writeFileSync(config, files.config, {mode: 0o600});
	return {
		home,
		aws,
		credentials,
		config,
		read: (file) => {
			const target = file === 'credentials' ? credentials : config;
			return existsSync(target) ? readFileSync(target, 'utf8') : undefined;
		},
		backups: () => (existsSync(aws) ? readdirSync(aws).filter((name) => name.endsWith('.bak')).sort() : []),
		run: (args, options = {}) => runCli(args, {home, ...options}),
		remove,
	};
}

/**
 * Whether any 12-character stretch of a secret shows in the text: catches the whole value and any slice of it
 * longer than the 4 + 4 characters the masked form `wJal…EKEY` keeps.
 */
export function leaks(text: string, secret: string): boolean {
	for (let start = 0; start + 12 <= secret.length; start++) if (text.includes(secret.slice(start, start + 12))) return true;
	return false;
}
