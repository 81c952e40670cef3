/**
 * Verifying a new key through IAM's propagation delay: against moto (auth on) for real keys, and against a tiny local
 * STS look-alike that says InvalidClientTokenId a few times before it knows the key — what AWS does for a few seconds
 * after CreateAccessKey, and what moto cannot show. Loopback only (SLS_CREDS_WIZARD_TEST=1).
 */
import {stubIsolatedAwsEnv} from '../support/aws-test-env.js';
import http from 'node:http';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {CreateAccessKeyCommand, CreateUserCommand, IAMClient} from '@aws-sdk/client-iam';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi} from 'vitest';
import {waitForKey, type KeyWaitProgress, type KeyWaitResult} from '../../source/aws/wait-for-key.js';
import {Secret} from '../../source/secret.js';
import {startMoto, type Moto} from '../support/moto.js';
import {makeSnapshot} from '../doctor/snapshot-builder.js';

const ACCOUNT = '123456789012';
const CANARY_SECRET = 'CanarySecretDoNotPrint0123456789abcdefgh';

let moto: Moto;
let home: string;

beforeAll(async () => {
	moto = await startMoto();
}, 30_000);
afterAll(async () => moto.stop());

beforeEach(async () => {
	await moto.reset();
	home = mkdtempSync(path.join(tmpdir(), 'sls-creds-wait-'));
	stubIsolatedAwsEnv(home);
});
afterEach(() => {
	vi.unstubAllEnvs();
});

function snapshot(endpoint: string) {
	const env = {AWS_ENDPOINT_URL: endpoint, AWS_REGION: 'us-east-1'};
	return makeSnapshot({now: Date.now(), home, env, processEnv: {...env, SLS_CREDS_WIZARD_TEST: '1'}});
}

async function createKey(userName: string): Promise<{accessKeyId: Secret; secretAccessKey: Secret}> {
	const client = new IAMClient({endpoint: moto.endpoint, region: 'us-east-1', credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}, maxAttempts: 1});
	await client.send(new CreateUserCommand({UserName: userName}));
	const {AccessKey} = await client.send(new CreateAccessKeyCommand({UserName: userName}));
	client.destroy();
	return {accessKeyId: new Secret(AccessKey!.AccessKeyId!), secretAccessKey: new Secret(AccessKey!.SecretAccessKey!)};
}

const unknownKey = {accessKeyId: new Secret('AKIAEXAMPLEUNKNOWN00'), secretAccessKey: new Secret(CANARY_SECRET)};

/** STS that rejects the key `notYet` times (as during IAM propagation), then answers GetCallerIdentity for `arn`. */
async function propagatingSts(notYet: number, arn: string): Promise<{endpoint: string; requests: () => number; close(): Promise<void>}> {
	let requests = 0;
	const server = http.createServer((request, response) => {
		requests++;
		request.resume();
		request.on('end', () => {
			if (requests <= notYet) {
				response.writeHead(403, {'content-type': 'text/xml'});
				response.end(
					'<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code>' +
						'<Message>The security token included in the request is invalid.</Message></Error><RequestId>r-1</RequestId></ErrorResponse>',
				);
				return;
			}
			const account = /::(\d{12}):/.exec(arn)?.[1] ?? ACCOUNT;
			response.writeHead(200, {'content-type': 'text/xml'});
			response.end(
				`<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>${arn}</Arn>` +
					`<UserId>AIDAEXAMPLE</UserId><Account>${account}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r-2</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
			);
		});
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		endpoint: `http://127.0.0.1:${port}`,
		requests: () => requests,
		close: () => new Promise<void>(resolve => server.close(() => resolve())),
	};
}

function expectStatus<S extends KeyWaitResult['status']>(result: KeyWaitResult, status: S): Extract<KeyWaitResult, {status: S}> {
	if (result.status !== status) throw new Error(`expected ${status}, got ${JSON.stringify(result)}`);
	return result as Extract<KeyWaitResult, {status: S}>;
}

describe('against moto', () => {
	test('a new key verifies with STS (auth on) on the first attempt, as its user', async () => {
		const key = await createKey('orders-deployer');
		await moto.authOn();
		const progress: KeyWaitProgress[] = [];
		const result = expectStatus(await waitForKey({snapshot: snapshot(moto.endpoint), key, onProgress: p => progress.push(p)}), 'verified');
		expect(result.identity).toMatchObject({account: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/orders-deployer`, principal: 'user'});
		expect(result.rootKey).toBe(false);
		expect(result.attempts).toBe(1);
		expect(progress).toEqual([]);
		expect(JSON.stringify(result)).not.toContain(key.secretAccessKey.reveal());
	});

	test('a key AWS never learns: retried with progress, then timed-out inside the budget', async () => {
		await moto.authOn();
		const progress: KeyWaitProgress[] = [];
		const started = Date.now();
		const result = expectStatus(
			await waitForKey({snapshot: snapshot(moto.endpoint), key: unknownKey, timeoutMs: 1500, delaysMs: [100, 200], onProgress: p => progress.push(p)}),
			'timed-out',
		);
		const elapsed = Date.now() - started;
		expect(elapsed).toBeGreaterThanOrEqual(1000);
		expect(elapsed).toBeLessThan(2500);
		expect(result.attempts).toBeGreaterThanOrEqual(3);
		expect(result.lastFailure?.code).toBe('InvalidClientTokenId');
		// One report per wait: none after the attempt that found no time left for another.
		expect([result.attempts - 1, result.attempts]).toContain(progress.length);
		expect(progress[0]).toMatchObject({attempt: 1, code: 'InvalidClientTokenId', nextAttemptInMs: 100, timeoutMs: 1500});
		expect(progress[1]).toMatchObject({attempt: 2, nextAttemptInMs: 200});
		expect(progress.map(p => p.attempt)).toEqual(progress.map((_p, index) => index + 1));
		expect(JSON.stringify(result)).not.toContain(CANARY_SECRET);
	});

	test('a wrong secret is final (SignatureDoesNotMatch): no waiting', async () => {
		const key = await createKey('orders-deployer');
		await moto.authOn();
		const result = expectStatus(
			await waitForKey({snapshot: snapshot(moto.endpoint), key: {accessKeyId: key.accessKeyId, secretAccessKey: new Secret(CANARY_SECRET)}, timeoutMs: 5000}),
			'failed',
		);
		expect(result.failure.code).toBe('SignatureDoesNotMatch');
		expect(result.failure.explanationId).toBe('signature-does-not-match');
		expect(result.attempts).toBe(1);
		expect(JSON.stringify(result)).not.toContain(CANARY_SECRET);
	});

	test('Ctrl-C while waiting: cancelled at once', async () => {
		await moto.authOn();
		const abort = new AbortController();
		const started = Date.now();
		const waiting = waitForKey({
			snapshot: snapshot(moto.endpoint),
			key: unknownKey,
			timeoutMs: 20_000,
			delaysMs: [5000],
			signal: abort.signal,
			onProgress: () => setTimeout(() => abort.abort(), 50),
		});
		const result = expectStatus(await waiting, 'cancelled');
		expect(result.attempts).toBe(1);
		expect(Date.now() - started).toBeLessThan(3000);
	});
});

describe('through propagation delay (local STS look-alike)', () => {
	test('InvalidClientTokenId twice, then the identity: verified on the third attempt', async () => {
		const sts = await propagatingSts(2, `arn:aws:iam::${ACCOUNT}:user/orders-deployer`);
		try {
			const progress: KeyWaitProgress[] = [];
			const key = {accessKeyId: new Secret('AKIAEXAMPLENEWKEY000'), secretAccessKey: new Secret(CANARY_SECRET)};
			const result = expectStatus(await waitForKey({snapshot: snapshot(sts.endpoint), key, delaysMs: [50, 100], onProgress: p => progress.push(p)}), 'verified');
			expect(result.attempts).toBe(3);
			expect(sts.requests()).toBe(3);
			expect(progress.map(p => [p.attempt, p.nextAttemptInMs])).toEqual([
				[1, 50],
				[2, 100],
			]);
			expect(result.identity.arn).toBe(`arn:aws:iam::${ACCOUNT}:user/orders-deployer`);
		} finally {
			await sts.close();
		}
	});

	test('a root key verifies but is flagged', async () => {
		const sts = await propagatingSts(0, 'arn:aws:iam::111122223333:root');
		try {
			const result = expectStatus(await waitForKey({snapshot: snapshot(sts.endpoint), key: unknownKey}), 'verified');
			expect(result.rootKey).toBe(true);
			expect(result.identity.principal).toBe('root');
		} finally {
			await sts.close();
		}
	});

	test('an endpoint that is not there is final (a network error, not propagation)', async () => {
		const sts = await propagatingSts(0, 'x');
		await sts.close();
		const result = expectStatus(await waitForKey({snapshot: snapshot(sts.endpoint), key: unknownKey, timeoutMs: 5000}), 'failed');
		expect(result.failure.code).toBe('ECONNREFUSED');
	});
});
