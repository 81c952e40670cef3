/**
 * Ctrl-C during the wizard's verify: the AbortSignal from the wizard runner reaches the wait loop and the STS request
 * itself. Against a local server that accepts the connection and never answers (the request is in flight when the
 * user gives up) and against moto with auth on (a key STS does not know yet: the wait retries). Loopback only.
 */
import {stubIsolatedAwsEnv} from '../support/aws-test-env.js';
import {mkdtempSync} from 'node:fs';
import net from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, beforeEach, expect, test, vi} from 'vitest';
import {keyWinner, waitForKey} from '../../source/aws/wait-for-key.js';
import {probeIdentity} from '../../source/aws/probe-identity.js';
import {Secret} from '../../source/secret.js';
import {runEffect} from '../../source/wizard/effect-runner.js';
import type {Event} from '../../source/wizard/state.js';
import {startMoto, type Moto} from '../support/moto.js';
import {makeSnapshot} from '../doctor/snapshot-builder.js';
import {startIdentityServer} from './local-sts-server.js';

const CANARY_SECRET = 'CanarySecretDoNotPrint0123456789abcdefgh';
const key = {accessKeyId: new Secret('AKIAEXAMPLEUNKNOWN00'), secretAccessKey: new Secret(CANARY_SECRET)};

let moto: Moto;
let home: string;
beforeAll(async () => {
	moto = await startMoto();
}, 30_000);
afterAll(async () => moto.stop());
beforeEach(async () => {
	await moto.reset();
	home = mkdtempSync(path.join(tmpdir(), 'sls-creds-cancel-'));
	stubIsolatedAwsEnv(home);
});
afterEach(() => {
	vi.unstubAllEnvs();
});

function snapshot(endpoint: string) {
	const env = {AWS_ENDPOINT_URL: endpoint, AWS_REGION: 'us-east-1'};
	return makeSnapshot({now: Date.now(), home, env, processEnv: {...env, SLS_CREDS_WIZARD_TEST: '1'}});
}

/** Accepts connections and never answers; says when a connection was opened and when the client closed it. */
async function hangingServer(): Promise<{endpoint: string; opened: Promise<void>; closed: Promise<void>; stop(): Promise<void>}> {
	const sockets = new Set<net.Socket>();
	let markOpened!: () => void;
	let markClosed!: () => void;
	const opened = new Promise<void>(resolve => (markOpened = resolve));
	const closed = new Promise<void>(resolve => (markClosed = resolve));
	const server = net.createServer(socket => {
		sockets.add(socket);
		markOpened();
		socket.resume();
		socket.on('close', () => {
			sockets.delete(socket);
			markClosed();
		});
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		endpoint: `http://127.0.0.1:${port}`,
		opened,
		closed,
		stop: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>(resolve => server.close(() => resolve()));
		},
	};
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
	return Promise.race([promise, new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error(`${what} not within ${ms} ms`)), ms))]);
}

test('an already aborted signal: the probe answers Cancelled without a request', async () => {
	const server = await startIdentityServer();
	try {
		const result = await probeIdentity({snapshot: snapshot(server.endpoint), winner: keyWinner(key), signal: AbortSignal.abort()});
		expect(result).toMatchObject({status: 'failed', failure: {code: 'Cancelled'}});
		expect(server.requests).toBe(0);
		expect(await waitForKey({snapshot: snapshot(server.endpoint), key, signal: AbortSignal.abort()})).toMatchObject({status: 'cancelled', attempts: 0});
		expect(server.requests).toBe(0);
	} finally {
		await server.close();
	}
});

test('abort while the STS request is in flight: the probe answers Cancelled at once and the connection is closed', async () => {
	const server = await hangingServer();
	try {
		const abort = new AbortController();
		const probing = probeIdentity({snapshot: snapshot(server.endpoint), winner: keyWinner(key), deadlineMs: 10_000, signal: abort.signal});
		await within(server.opened, 5000, 'the request');
		const started = Date.now();
		abort.abort();
		const result = await within(probing, 1000, 'the probe');
		expect(result).toMatchObject({status: 'failed', failure: {code: 'Cancelled'}});
		expect(Date.now() - started).toBeLessThan(500);
		// The SDK request itself was aborted, not just left behind.
		await within(server.closed, 1000, 'the connection close');
		expect(JSON.stringify(result)).not.toContain(CANARY_SECRET);
	} finally {
		await server.stop();
	}
});

test('abort during a verify attempt: waitForKey is cancelled at once and closes the request', async () => {
	const server = await hangingServer();
	try {
		const abort = new AbortController();
		const waiting = waitForKey({snapshot: snapshot(server.endpoint), key, timeoutMs: 20_000, signal: abort.signal});
		await within(server.opened, 5000, 'the request');
		abort.abort();
		expect(await within(waiting, 500, 'the wait')).toMatchObject({status: 'cancelled', attempts: 1});
		await within(server.closed, 1000, 'the connection close');
	} finally {
		await server.stop();
	}
});

test("the wizard's verify effect stops when the runner's signal is aborted (moto, auth on: STS does not know the key yet)", async () => {
	await moto.authOn();
	const abort = new AbortController();
	const progress: Event[] = [];
	const started = Date.now();
	const event = await within(
		runEffect(
			{type: 'verify', id: 7, credentials: key, region: 'us-east-1'},
			{
				cwd: home,
				env: {HOME: home},
				snapshot: snapshot(moto.endpoint),
				openUrl: () => {},
				copyToClipboard: () => false,
				signal: abort.signal,
				onProgress: next => {
					progress.push(next);
					// The first "not yet" answer, then the user presses Ctrl-C during the wait.
					abort.abort();
				},
			},
		),
		3000,
		'the verify effect',
	);
	expect(event).toMatchObject({type: 'verify-failed', id: 7, timedOut: false, failure: {code: 'Cancelled'}});
	expect(progress).toMatchObject([{type: 'verify-progress', id: 7, attempt: 1}]);
	expect(Date.now() - started).toBeLessThan(2500);
	expect(JSON.stringify(event)).not.toContain(CANARY_SECRET);
});
