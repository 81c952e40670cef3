import tls from 'node:tls';
import type {Agent} from 'node:https';
import fc from 'fast-check';
import {afterEach, beforeAll, beforeEach, describe, expect, test, vi} from 'vitest';
import {awsClientConfig, clientEndpoint, clientRegion, clientTimeouts, NonLoopbackRequestError} from '../../source/aws/client-config.js';
import {fileRead, makeSnapshot} from '../doctor/snapshot-builder.js';
import {makeTestCa, type TestCa} from './test-certificates.js';

let ca: TestCa;
beforeAll(() => {
	ca = makeTestCa('Config Root');
});
beforeEach(() => {
	vi.stubEnv('SLS_CREDS_WIZARD_TEST', '1');
});
afterEach(() => {
	vi.unstubAllEnvs();
});

describe('timeouts from one deadline', () => {
	test('the default 10 s probe gets a 3.3 s connect timeout and 10 s socket/request timeouts', () => {
		expect(clientTimeouts(10_000)).toEqual({connectionTimeout: 3333, socketTimeout: 10_000, requestTimeout: 10_000});
	});

	test('every timeout is set, positive and within the deadline', () => {
		fc.assert(
			fc.property(fc.integer({min: 100, max: 600_000}), deadline => {
				const timeouts = clientTimeouts(deadline);
				expect(timeouts.connectionTimeout).toBeGreaterThan(0);
				expect(timeouts.connectionTimeout).toBeLessThanOrEqual(Math.min(5000, deadline));
				expect(timeouts.socketTimeout).toBe(deadline);
				expect(timeouts.requestTimeout).toBe(deadline);
			}),
		);
	});
});

describe('endpoint', () => {
	test.each([
		[{}, 'sts', 'eu-west-1', 'https://sts.eu-west-1.amazonaws.com', 'default'],
		[{}, 'iam', 'eu-west-1', 'https://iam.amazonaws.com', 'default'],
		[{}, 'sts', 'cn-north-1', 'https://sts.cn-north-1.amazonaws.com.cn', 'default'],
		[{AWS_ENDPOINT_URL: 'http://127.0.0.1:5000'}, 'sts', 'us-east-1', 'http://127.0.0.1:5000', 'AWS_ENDPOINT_URL'],
		[{AWS_ENDPOINT_URL: 'http://127.0.0.1:5000', AWS_ENDPOINT_URL_STS: 'http://localhost:6000/'}, 'sts', 'us-east-1', 'http://localhost:6000', 'AWS_ENDPOINT_URL_STS'],
		[{AWS_ENDPOINT_URL: 'http://127.0.0.1:5000', AWS_ENDPOINT_URL_STS: 'http://localhost:6000'}, 'iam', 'us-east-1', 'http://127.0.0.1:5000', 'AWS_ENDPOINT_URL'],
		[{AWS_ENDPOINT_URL_IAM: 'http://127.0.0.1:7000'}, 'sts', 'us-east-1', 'https://sts.us-east-1.amazonaws.com', 'default'],
		[{AWS_ENDPOINT_URL: 'http://127.0.0.1:5000', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true'}, 'sts', 'us-east-1', 'https://sts.us-east-1.amazonaws.com', 'default'],
	] as const)('%j %s %s → %s', (env, service, region, url, source) => {
		expect(clientEndpoint(env, service, region)).toMatchObject({url, source});
	});

	test('an invalid override is a TypeError with code ERR_INVALID_URL', () => {
		expect(() => clientEndpoint({AWS_ENDPOINT_URL: 'localhost:4566x y'}, 'sts', 'us-east-1')).toThrow(expect.objectContaining({code: 'ERR_INVALID_URL'}));
	});
});

describe('region', () => {
	test.each([
		[{}, 'eu-central-1', {value: 'eu-central-1', source: 'argument'}],
		[{AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'us-west-2'}, undefined, {value: 'eu-west-1', source: 'AWS_REGION'}],
		[{AWS_DEFAULT_REGION: 'us-west-2'}, undefined, {value: 'us-west-2', source: 'AWS_DEFAULT_REGION'}],
		[{}, undefined, {value: 'us-east-1', source: 'default'}],
	] as const)('%j + %s', (env, region, expected) => {
		expect(clientRegion(env, region)).toEqual(expected);
	});
});

describe('awsClientConfig', () => {
	const agentOf = async (settings: Awaited<ReturnType<typeof awsClientConfig>>) =>
		((settings.clientConfig.requestHandler as unknown as {configProvider: Promise<{httpsAgent: Agent}>}).configProvider).then(config => config.httpsAgent);

	test('extra CAs are added to the bundled roots, never replacing them', async () => {
		const snapshot = makeSnapshot({env: {AWS_ENDPOINT_URL: 'http://127.0.0.1:1', cafile: ca.caPath}, caFiles: {[ca.caPath]: fileRead(ca.caPath, ca.caPem)}});
		const settings = await awsClientConfig({snapshot, deadlineMs: 5000, service: 'sts'});
		try {
			const trusted = (await agentOf(settings)).options.ca as string[];
			expect(settings.extraCertificates).toBe(1);
			expect(trusted).toHaveLength(tls.rootCertificates.length + 1);
			expect(trusted.slice(0, tls.rootCertificates.length)).toEqual([...tls.rootCertificates]);
			expect(trusted.at(-1)).toContain('-----BEGIN CERTIFICATE-----');
		} finally {
			settings.destroy();
		}
	});

	test('without extra CAs Node keeps its own trust store (no ca option at all)', async () => {
		const settings = await awsClientConfig({snapshot: makeSnapshot({env: {AWS_ENDPOINT_URL: 'http://127.0.0.1:1'}}), deadlineMs: 5000, service: 'sts'});
		expect((await agentOf(settings)).options.ca).toBeUndefined();
		settings.destroy();
	});

	test('retry policy: STS 2 attempts, IAM 1 (create calls must not be retried), explicit override wins', async () => {
		const snapshot = makeSnapshot({env: {AWS_ENDPOINT_URL: 'http://127.0.0.1:1'}});
		const sts = await awsClientConfig({snapshot, deadlineMs: 5000, service: 'sts'});
		const iamClient = await awsClientConfig({snapshot, deadlineMs: 5000, service: 'iam'});
		const read = await awsClientConfig({snapshot, deadlineMs: 5000, service: 'iam', maxAttempts: 3});
		expect([sts.clientConfig.maxAttempts, iamClient.clientConfig.maxAttempts, read.clientConfig.maxAttempts]).toEqual([2, 1, 3]);
		expect(sts.clientConfig).toMatchObject({endpoint: 'http://127.0.0.1:1', region: 'us-east-1'});
		for (const settings of [sts, iamClient, read]) settings.destroy();
	});

	test('test mode refuses a non-loopback endpoint', async () => {
		await expect(awsClientConfig({snapshot: makeSnapshot({env: {AWS_ENDPOINT_URL: 'https://sts.amazonaws.com'}}), deadlineMs: 5000, service: 'sts'})).rejects.toBeInstanceOf(
			NonLoopbackRequestError,
		);
		await expect(awsClientConfig({snapshot: makeSnapshot({}), deadlineMs: 5000, service: 'iam'})).rejects.toThrow('allows only 127.0.0.1/localhost');
	});

	test('test mode: the request handler itself refuses other hosts (nested clients inherit it)', async () => {
		const settings = await awsClientConfig({snapshot: makeSnapshot({env: {AWS_ENDPOINT_URL: 'http://127.0.0.1:1'}}), deadlineMs: 5000, service: 'sts'});
		const {HttpRequest} = await import('@smithy/core/protocols');
		const request = new HttpRequest({protocol: 'https:', hostname: 'sts.amazonaws.com', path: '/', method: 'POST', headers: {}});
		await expect(settings.clientConfig.requestHandler.handle(request)).rejects.toMatchObject({code: 'TEST_MODE_NON_LOOPBACK'});
		settings.destroy();
	});

	test('outside test mode a real endpoint is accepted (nothing is sent here)', async () => {
		vi.stubEnv('SLS_CREDS_WIZARD_TEST', '');
		const settings = await awsClientConfig({snapshot: makeSnapshot({env: {AWS_REGION: 'eu-west-1'}}), deadlineMs: 5000, service: 'sts'});
		expect(settings.testMode).toBe(false);
		expect(settings.endpoint).toEqual({url: 'https://sts.eu-west-1.amazonaws.com', source: 'default'});
		expect(settings.clientConfig.endpoint).toBeUndefined();
		settings.destroy();
	});
});
