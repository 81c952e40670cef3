/**
 * Settings for every AWS client this tool creates (errors-and-tls.md §7, §9.5; test-endpoint.md §7): a bounded
 * HTTP handler, the user's extra CAs added to Node's roots, the endpoint override, a known retry policy, and — in test
 * mode — a refusal to talk to anything but loopback. The AWS SDK is imported lazily so `--help` and
 * `doctor --offline` never load it.
 */
import https from 'node:https';
import tls from 'node:tls';
import type {NodeHttpHandler} from '@smithy/node-http-handler';
import type {Env, Snapshot} from '../gather/snapshot.js';
import {caSettings} from './ca-bundle.js';

export type AwsService = 'sts' | 'iam';

export interface ClientTimeouts {
	/** TCP connect; @smithy's default is none, which lets a blackholed endpoint hang for minutes. */
	connectionTimeout: number;
	/** Socket inactivity; @smithy's default is 300 s. */
	socketTimeout: number;
	/** Whole request (one attempt), thrown as TimeoutError. */
	requestTimeout: number;
}

export type EndpointSource = 'AWS_ENDPOINT_URL_STS' | 'AWS_ENDPOINT_URL_IAM' | 'AWS_ENDPOINT_URL' | 'default';

export interface ClientSettings {
	/** Spread into the client constructor: `new STSClient({...settings.clientConfig, credentials})`. */
	clientConfig: {
		region: string;
		endpoint?: string;
		maxAttempts: number;
		requestHandler: NodeHttpHandler;
	};
	region: {value: string; source: 'argument' | 'AWS_REGION' | 'AWS_DEFAULT_REGION' | 'default'};
	endpoint: {url: string; source: EndpointSource};
	timeouts: ClientTimeouts;
	/** Certificates added to Node's bundled roots. */
	extraCertificates: number;
	/** SLS_CREDS_WIZARD_TEST=1: any request to a host other than 127.0.0.1/localhost throws. */
	testMode: boolean;
	/** Closes pooled sockets. */
	destroy(): void;
}

export interface ClientSettingsInput {
	snapshot: Snapshot;
	region?: string;
	/** Total time the caller allows for its whole operation (default for the doctor probe: 10 s). */
	deadlineMs: number;
	service: AwsService;
	/** Defaults: STS 2 (a read, cheap to repeat once), IAM 1 (create calls: LimitExceeded is classified as throttling and would be retried). */
	maxAttempts?: number;
	/** Profile whose `ca_bundle` counts (the aws CLI's rule); default AWS_PROFILE → default. */
	profile?: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export function clientTimeouts(deadlineMs: number): ClientTimeouts {
	const total = Math.max(100, Math.floor(deadlineMs));
	return {
		connectionTimeout: Math.min(5000, Math.max(100, Math.floor(total / 3))),
		socketTimeout: total,
		requestTimeout: total,
	};
}

export function clientRegion(env: Env, region?: string): ClientSettings['region'] {
	if (region) return {value: region, source: 'argument'};
	if (env.AWS_REGION) return {value: env.AWS_REGION, source: 'AWS_REGION'};
	if (env.AWS_DEFAULT_REGION) return {value: env.AWS_DEFAULT_REGION, source: 'AWS_DEFAULT_REGION'};
	// GetCallerIdentity answers in every commercial region; us-east-1 is what the SDK's STS default uses too.
	return {value: 'us-east-1', source: 'default'};
}

/** The URL a client will call: service variable → AWS_ENDPOINT_URL → the public endpoint (test-endpoint.md §7). */
export function clientEndpoint(env: Env, service: AwsService, region: string): ClientSettings['endpoint'] & {explicit: boolean} {
	const ignore = (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? '').toLowerCase() === 'true';
	if (!ignore) {
		const specific = service === 'sts' ? 'AWS_ENDPOINT_URL_STS' : 'AWS_ENDPOINT_URL_IAM';
		for (const name of [specific, 'AWS_ENDPOINT_URL'] as const) {
			const value = env[name];
			if (value) return {url: endpointUrl(name, value), source: name, explicit: true};
		}
	}
	const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
	if (service === 'iam') {
		const host = region.startsWith('cn-') ? 'iam.cn-north-1.amazonaws.com.cn' : region.startsWith('us-gov-') ? 'iam.us-gov.amazonaws.com' : 'iam.amazonaws.com';
		return {url: `https://${host}`, source: 'default', explicit: false};
	}
	return {url: `https://sts.${region}.${suffix}`, source: 'default', explicit: false};
}

/** `localhost:4566` parses as a URL with scheme `localhost:`; only http(s) URLs are endpoints. */
function endpointUrl(name: string, value: string): string {
	let url: URL | undefined;
	try {
		url = new URL(value);
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
		throw Object.assign(new TypeError(`Invalid URL in ${name}: "${value}" (write it with http:// or https://)`), {code: 'ERR_INVALID_URL'});
	}
	return url.toString().replace(/\/$/, '');
}

export function isTestMode(snapshot: Snapshot): boolean {
	// The safety net belongs to this process, not to the (possibly hand-built) snapshot, so the real env counts too.
	return process.env.SLS_CREDS_WIZARD_TEST === '1' || snapshot.processEnv.SLS_CREDS_WIZARD_TEST === '1';
}

export class NonLoopbackRequestError extends Error {
	readonly code = 'TEST_MODE_NON_LOOPBACK';
	constructor(host: string) {
		super(`Refused a request to ${host}: SLS_CREDS_WIZARD_TEST=1 allows only 127.0.0.1/localhost.`);
		this.name = 'NonLoopbackRequestError';
	}
}

export async function awsClientConfig(input: ClientSettingsInput): Promise<ClientSettings> {
	const {snapshot, service} = input;
	const testMode = isTestMode(snapshot);
	const region = clientRegion(snapshot.env, input.region);
	const {explicit, ...endpoint} = clientEndpoint(snapshot.env, service, region.value);
	if (testMode && !LOOPBACK.has(new URL(endpoint.url).hostname)) throw new NonLoopbackRequestError(new URL(endpoint.url).hostname);

	const timeouts = clientTimeouts(input.deadlineMs);
	const extraPems = caSettings(snapshot, {profile: input.profile}).extraPems;
	// An explicit `ca` replaces Node's roots (and NODE_EXTRA_CA_CERTS), so the bundled roots go in first.
	const httpsAgent = new https.Agent({keepAlive: true, ...(extraPems.length > 0 ? {ca: [...tls.rootCertificates, ...extraPems]} : {})});

	const {NodeHttpHandler} = await import('@smithy/node-http-handler');
	// A handler-level guard (not only a client middleware): nested STS clients for role profiles inherit the handler.
	class LoopbackGuardedHandler extends NodeHttpHandler {
		override async handle(...args: Parameters<NodeHttpHandler['handle']>): ReturnType<NodeHttpHandler['handle']> {
			const host = args[0].hostname;
			if (!LOOPBACK.has(host)) throw new NonLoopbackRequestError(host);
			return super.handle(...args);
		}
	}
	const options = {...timeouts, throwOnRequestTimeout: true, httpsAgent};
	const requestHandler = testMode ? new LoopbackGuardedHandler(options) : new NodeHttpHandler(options);

	return {
		clientConfig: {
			region: region.value,
			...(explicit ? {endpoint: endpoint.url} : {}),
			maxAttempts: input.maxAttempts ?? (service === 'sts' ? 2 : 1),
			requestHandler,
		},
		region,
		endpoint,
		timeouts,
		extraCertificates: extraPems.length,
		testMode,
		destroy: () => {
			requestHandler.destroy();
			httpsAgent.destroy();
		},
	};
}
