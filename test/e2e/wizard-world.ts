/**
 * What the wizard's pty tests share: a fresh HOME with a service folder, the environment that points the CLI at the
 * file's moto server, a bootstrap IAM client to arrange users and keys beforehand (auth off), and a walk through the
 * screens that fails with the screen it was on.
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand} from '@aws-sdk/client-iam';
import {afterEach, beforeEach, onTestFinished, vi} from 'vitest';
import {stubIsolatedAwsEnv} from '../support/aws-test-env.js';
import type {Moto} from '../support/moto.js';
import {temporaryHome} from '../support/cli-process.js';
import type {PtyRun} from '../support/pty.js';

export const ADMIN_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
export const ADMIN_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
export const ACCOUNT = '123456789012';
/** Long enough for moto's first IAM call after a reset, which loads the managed policies. */
export const SCREEN_MS = 20_000;

export interface WizardWorld {
	home: string;
	service: string;
	/** The CLI's environment: moto, test mode, and (unless asked otherwise) admin keys. */
	env: Record<string, string>;
	remove(): void;
}

export function wizardWorld(moto: Moto, options: {serviceFile?: string; adminKeys?: boolean} = {}): WizardWorld {
	const home = temporaryHome();
	// Removed even when the test fails half-way.
	onTestFinished(() => home.remove());
	const service = path.join(home.home, 'orders');
	mkdirSync(service);
	if (options.serviceFile !== undefined) writeFileSync(path.join(service, 'serverless.yml'), options.serviceFile);
	const env: Record<string, string> = {AWS_ENDPOINT_URL: moto.endpoint, SLS_CREDS_WIZARD_TEST: '1'};
	if (options.adminKeys ?? true) Object.assign(env, {AWS_ACCESS_KEY_ID: ADMIN_KEY_ID, AWS_SECRET_ACCESS_KEY: ADMIN_SECRET});
	return {home: home.home, service, env, remove: home.remove};
}

/** The test process's own SDK clients (arranging IAM in moto) never see the developer's ~/.aws or AWS_* variables. */
export function isolateTestProcess(): void {
	let home = '';
	beforeEach(() => {
		home = mkdtempSync(path.join(tmpdir(), 'sls-creds-wizard-arrange-'));
		stubIsolatedAwsEnv(home);
	});
	afterEach(() => {
		vi.unstubAllEnvs();
		rmSync(home, {recursive: true, force: true});
	});
}

/** IAM as moto has it, through the bootstrap credentials (only while auth is off). */
export function iamOf(moto: Moto): IAMClient {
	return new IAMClient({endpoint: moto.endpoint, region: 'us-east-1', credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}, maxAttempts: 1});
}

export async function userWithKeys(moto: Moto, userName: string, keys: number, actions?: string[]): Promise<Array<{id: string; secret: string}>> {
	const iam = iamOf(moto);
	try {
		await iam.send(new CreateUserCommand({UserName: userName}));
		if (actions) {
			const document = {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: actions, Resource: '*'}]};
			await iam.send(new PutUserPolicyCommand({UserName: userName, PolicyName: 'granted', PolicyDocument: JSON.stringify(document)}));
		}
		const created: Array<{id: string; secret: string}> = [];
		for (let index = 0; index < keys; index++) {
			const {AccessKey} = await iam.send(new CreateAccessKeyCommand({UserName: userName}));
			created.push({id: AccessKey!.AccessKeyId!, secret: AccessKey!.SecretAccessKey!});
		}
		return created;
	} finally {
		iam.destroy();
	}
}

/** One step: wait until the screen shows `expected`, then press `keys` (nothing when empty). */
export type WalkStep = [expected: string | RegExp, ...keys: string[]];

/**
 * Waits until the program has drawn nothing new for a moment. On a loaded machine a screen's input handlers subscribe
 * (and a list's highlighted row updates) well after its first frame: a key sent sooner reaches the previous handler.
 */
export async function settled(run: PtyRun, quietMs = 150, capMs = 3000): Promise<void> {
	const deadline = Date.now() + capMs;
	let length = run.raw().length;
	let quietSince = Date.now();
	while (Date.now() < deadline) {
		await new Promise(resolve => setTimeout(resolve, 30));
		const now = run.raw().length;
		if (now !== length) {
			length = now;
			quietSince = Date.now();
		} else if (Date.now() - quietSince >= quietMs) {
			return;
		}
	}
}

/** Each key once the program has settled from the one before. */
export async function pressSettled(run: PtyRun, ...keys: string[]): Promise<void> {
	for (const key of keys) {
		await settled(run);
		await run.press(key);
	}
}

export async function walk(run: PtyRun, steps: WalkStep[]): Promise<void> {
	for (const [expected, ...keys] of steps) {
		await run.waitFor(expected, SCREEN_MS);
		await pressSettled(run, ...keys);
	}
}

/** The exit code, or a failure that shows the last screen. */
export async function exitCode(run: PtyRun, timeoutMs = SCREEN_MS): Promise<number> {
	const {exitCode} = await run.exited(timeoutMs).catch(async (error: Error) => {
		throw new Error(`${error.message}\n${await run.screen()}`);
	});
	return exitCode;
}

/** The screen's text inside the frame as one line, so a sentence the frame wrapped can be matched whole. */
export function flowed(screen: string): string {
	return screen
		.split('\n')
		.map(row => row.replace(/^[│╭╰]/, '').replace(/[│╮╯]$/, '').trim())
		.join(' ')
		.replace(/\s+/g, ' ');
}
