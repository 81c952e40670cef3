/**
 * probeIdentity against a real STS/IAM-compatible endpoint (moto) and small local servers for what moto cannot
 * show (clock skew, private CAs, silence). No SDK mocks; nothing leaves 127.0.0.1 (SLS_CREDS_WIZARD_TEST=1).
 */
import {stubIsolatedAwsEnv} from '../support/aws-test-env.js';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {IAMClient, CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, PutUserPolicyCommand} from '@aws-sdk/client-iam';
import {AssumeRoleCommand, STSClient} from '@aws-sdk/client-sts';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi} from 'vitest';
import type {Winner} from '../../source/credentials/verdict.js';
import type {ProbeResult} from '../../source/aws/identity.js';
import {principalOf, probeIdentity} from '../../source/aws/probe-identity.js';
import {explainError} from '../../source/aws/error-catalogue.js';
import type {Snapshot} from '../../source/gather/snapshot.js';
import {Secret} from '../../source/secret.js';
import {startMoto, type Moto} from '../support/moto.js';
import {fileRead, makeSnapshot, type SnapshotSpec} from '../doctor/snapshot-builder.js';
import {CALLER_ARN, closedPort, startIdentityServer, startSilentServer, type LocalServer} from './local-sts-server.js';
import {makeTestCa, type TestCa} from './test-certificates.js';

/** Pushed through every failing path: must never come back in a result. */
const CANARY_SECRET = 'CanarySecretDoNotPrint0123456789abcdefgh';
const ADMIN = {accessKeyId: 'testing', secretAccessKey: 'testing'};
const ACCOUNT = '123456789012';

let moto: Moto;
let home: string;

beforeAll(async () => {
	moto = await startMoto();
});
afterAll(async () => moto.stop());

beforeEach(async () => {
	await moto.reset();
	home = mkdtempSync(path.join(tmpdir(), 'sls-creds-probe-'));
	stubIsolatedAwsEnv(home);
});
afterEach(() => {
	vi.unstubAllEnvs();
});

function iam(): IAMClient {
	return new IAMClient({endpoint: moto.endpoint, region: 'us-east-1', credentials: ADMIN, maxAttempts: 1});
}

/** A user with an access key and an allow-all inline policy (moto matches only Resource "*"). */
async function createUserKey(name: string): Promise<{accessKeyId: string; secretAccessKey: string}> {
	const client = iam();
	await client.send(new CreateUserCommand({UserName: name}));
	await client.send(
		new PutUserPolicyCommand({
			UserName: name,
			PolicyName: 'all',
			PolicyDocument: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: '*', Resource: '*'}]}),
		}),
	);
	const {AccessKey} = await client.send(new CreateAccessKeyCommand({UserName: name}));
	client.destroy();
	return {accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey!};
}

/** moto honours a trust policy naming the user, not the account root (which AWS would accept too). */
async function createRole(name: string, trustedUser = 'base'): Promise<string> {
	const client = iam();
	const trust = {Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {AWS: `arn:aws:iam::${ACCOUNT}:user/${trustedUser}`}, Action: 'sts:AssumeRole'}]};
	const {Role} = await client.send(new CreateRoleCommand({RoleName: name, AssumeRolePolicyDocument: JSON.stringify(trust)}));
	client.destroy();
	return Role!.Arn!;
}

function staticWinner(keys: {accessKeyId: string; secretAccessKey: string; sessionToken?: string}, title = 'AWS_PROFILE=dev'): Winner {
	const accessKeyId = new Secret(keys.accessKeyId);
	return {
		source: 'env-profile',
		title,
		kind: keys.sessionToken ? 'temporary' : 'static',
		profile: 'dev',
		accessKeyId,
		credentials: {
			type: 'static',
			accessKeyId,
			secretAccessKey: new Secret(keys.secretAccessKey),
			...(keys.sessionToken ? {sessionToken: new Secret(keys.sessionToken)} : {}),
		},
	};
}

function snapshotFor(endpoint: string | undefined, spec: SnapshotSpec = {}) {
	const env = {...(endpoint ? {AWS_ENDPOINT_URL: endpoint} : {}), AWS_REGION: 'us-east-1', ...spec.env};
	return makeSnapshot({now: Date.now(), home, ...spec, env, processEnv: {...env, ...spec.processEnv}});
}

function expectNoCanary(result: ProbeResult): void {
	expect(JSON.stringify(result)).not.toContain(CANARY_SECRET);
	expect(JSON.stringify(result)).not.toContain(CANARY_SECRET.slice(4, -4));
}

function failure(result: ProbeResult) {
	if (result.status !== 'failed') throw new Error(`expected a failure, got ${JSON.stringify(result)}`);
	return result.failure;
}

/** What the doctor shows for a failure: the catalogue entry, explained with the probe's snapshot and winner. */
function explained(result: ProbeResult, snapshot: Snapshot, winner: Winner) {
	const failed = failure(result);
	const explanation = explainError({code: failed.code, name: failed.code, message: failed.message, httpStatus: failed.httpStatus}, {snapshot, winner});
	expect(explanation?.id).toBe(failed.explanationId);
	return explanation!;
}

function identity(result: ProbeResult) {
	if (result.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result)}`);
	return result.identity;
}

describe('identity from moto', () => {
	test('a user key is identified as a user, with auth on', async () => {
		const keys = await createUserKey('deployer');
		await moto.authOn();
		const result = await probeIdentity({snapshot: snapshotFor(moto.endpoint), winner: staticWinner(keys), deadlineMs: 10_000});
		const found = identity(result);
		expect(found).toMatchObject({account: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/deployer`, principal: 'user', endpoint: moto.endpoint});
		expect(Math.abs(found.clockSkewMs ?? Number.NaN)).toBeLessThan(5000);
		expect(JSON.stringify(result)).not.toContain(keys.secretAccessKey);
	});

	test('assumed-role credentials (ASIA + session token) are identified as an assumed role', async () => {
		const keys = await createUserKey('base');
		const roleArn = await createRole('deployer');
		await moto.authOn();
		const sts = new STSClient({endpoint: moto.endpoint, region: 'us-east-1', credentials: keys, maxAttempts: 1});
		const {Credentials} = await sts.send(new AssumeRoleCommand({RoleArn: roleArn, RoleSessionName: 'ci-run'}));
		sts.destroy();
		expect(Credentials!.AccessKeyId).toMatch(/^ASIA/);
		const winner = staticWinner({accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken!});
		const found = identity(await probeIdentity({snapshot: snapshotFor(moto.endpoint), winner}));
		expect(found).toMatchObject({arn: `arn:aws:sts::${ACCOUNT}:assumed-role/deployer/ci-run`, principal: 'assumed-role'});
	});

	test('a role_arn + source_profile profile is resolved by the SDK against the endpoint from AWS_ENDPOINT_URL', async () => {
		const keys = await createUserKey('base');
		const roleArn = await createRole('deployer');
		await moto.authOn();
		const credentialsText = `[base]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${keys.secretAccessKey}\n`;
		const configText = `[profile deploy]\nrole_arn = ${roleArn}\nsource_profile = base\nrole_session_name = doctor-probe\n`;
		const credentialsPath = path.join(home, 'credentials');
		const configPath = path.join(home, 'config');
		writeFileSync(credentialsPath, credentialsText);
		writeFileSync(configPath, configText);
		const snapshot = snapshotFor(moto.endpoint, {
			env: {AWS_SHARED_CREDENTIALS_FILE: credentialsPath, AWS_CONFIG_FILE: configPath},
			credentials: credentialsText,
			config: configText,
		});
		const winner: Winner = {source: 'provider-profile', title: 'provider.profile "deploy"', kind: 'role', profile: 'deploy', roleArn, credentials: {type: 'profile', profile: 'deploy'}};
		const result = await probeIdentity({snapshot, winner});
		expect(identity(result)).toMatchObject({arn: `arn:aws:sts::${ACCOUNT}:assumed-role/deployer/doctor-probe`, principal: 'assumed-role'});
		expect(JSON.stringify(result)).not.toContain(keys.secretAccessKey);
	});

	test('a wrong secret with auth on is SignatureDoesNotMatch, explained, and the secret never shows', async () => {
		const keys = await createUserKey('typo');
		await moto.authOn();
		const snapshot = snapshotFor(moto.endpoint);
		const winner = staticWinner({accessKeyId: keys.accessKeyId, secretAccessKey: CANARY_SECRET});
		const result = await probeIdentity({snapshot, winner});
		expect(failure(result)).toMatchObject({code: 'SignatureDoesNotMatch', httpStatus: 403, explanationId: 'signature-does-not-match'});
		expect(explained(result, snapshot, winner).fix.join(' ')).toContain('Re-enter the secret');
		expectNoCanary(result);
	});

	test('an unknown key with auth on is InvalidClientTokenId; an ASIA key without token is named as the cause', async () => {
		await moto.authOn();
		const snapshot = snapshotFor(moto.endpoint);
		const winner = staticWinner({accessKeyId: 'ASIAZZZZZZZZZZZZZZZZ', secretAccessKey: CANARY_SECRET});
		const result = await probeIdentity({snapshot, winner});
		expect(failure(result)).toMatchObject({code: 'InvalidClientTokenId', httpStatus: 403, explanationId: 'invalid-client-token-id', attempts: 1});
		const cause = explained(result, snapshot, winner).likelyCause[0];
		expect(cause).toContain('temporary ASIA… key, but no session token');
		expect(cause).toContain('ASIA…ZZZZ');
		expectNoCanary(result);
	});

	test('a role profile whose source key is wrong fails with the STS error, secret-free', async () => {
		const roleArn = await createRole('deployer');
		await moto.authOn();
		const credentialsText = `[base]\naws_access_key_id = AKIAUNKNOWNKEY000000\naws_secret_access_key = ${CANARY_SECRET}\n`;
		const configText = `[profile deploy]\nrole_arn = ${roleArn}\nsource_profile = base\n`;
		writeFileSync(path.join(home, 'credentials'), credentialsText);
		writeFileSync(path.join(home, 'config'), configText);
		const snapshot = snapshotFor(moto.endpoint, {credentials: fileRead(path.join(home, 'credentials'), credentialsText), config: fileRead(path.join(home, 'config'), configText)});
		const result = await probeIdentity({snapshot, winner: {source: 'env-profile', title: 'AWS_PROFILE=deploy', kind: 'role', profile: 'deploy', credentials: {type: 'profile', profile: 'deploy'}}});
		expect(failure(result).code).toBe('InvalidClientTokenId');
		expectNoCanary(result);
	});
});

describe('credentials the SDK resolves (chain winners)', () => {
	test('web identity from the environment is assumed against the endpoint (auth off: moto cannot verify it signed)', async () => {
		const roleArn = await createRole('deployer');
		const tokenFile = path.join(home, 'token');
		writeFileSync(tokenFile, 'eyJhbGciOi.test.token');
		const snapshot = snapshotFor(moto.endpoint, {env: {AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile, AWS_ROLE_ARN: roleArn, AWS_ROLE_SESSION_NAME: 'ci-sess'}});
		const winner: Winner = {source: 'web-identity-env', title: 'AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN', kind: 'web-identity', credentials: {type: 'chain'}};
		expect(identity(await probeIdentity({snapshot, winner}))).toMatchObject({arn: `arn:aws:sts::${ACCOUNT}:assumed-role/deployer/ci-sess`, principal: 'assumed-role'});
	});

	test('the Serverless v3 fallback chain uses the named profile from the snapshot files', async () => {
		const keys = await createUserKey('fallback');
		await moto.authOn();
		const credentialsText = `[dev]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${keys.secretAccessKey}\n`;
		const credentialsPath = path.join(home, 'other-credentials');
		writeFileSync(credentialsPath, credentialsText);
		const snapshot = snapshotFor(moto.endpoint, {credentials: fileRead(credentialsPath, credentialsText)});
		const winner: Winner = {source: 'sdk-default-chain', title: 'AWS SDK default chain', kind: 'static', profile: 'dev', credentials: {type: 'chain', profile: 'dev'}};
		expect(identity(await probeIdentity({snapshot, winner})).arn).toBe(`arn:aws:iam::${ACCOUNT}:user/fallback`);
	});

	test('a chain with nothing to find fails as a credentials problem, without waiting on instance metadata', async () => {
		const started = Date.now();
		const result = await probeIdentity({snapshot: snapshotFor(moto.endpoint), winner: {source: 'sdk-default-chain', title: 'AWS SDK default chain', kind: 'unknown', credentials: {type: 'chain'}}});
		expect(Date.now() - started).toBeLessThan(2000);
		expect(failure(result)).toMatchObject({code: 'CredentialsProviderError', explanationId: 'no-credentials'});
	});

	test('an endpoint variable that is not a URL is reported, not thrown', async () => {
		const result = await probeIdentity({snapshot: snapshotFor('localhost:4566'), winner: staticWinner({accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: CANARY_SECRET})});
		expect(failure(result)).toMatchObject({code: 'ERR_INVALID_URL', explanationId: 'invalid-endpoint-url'});
	});
});

describe('network and deadlines', () => {
	test('a closed port fails fast with ECONNREFUSED', async () => {
		const port = await closedPort();
		const started = Date.now();
		const snapshot = snapshotFor(`http://127.0.0.1:${port}`);
		const winner = staticWinner({accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: CANARY_SECRET});
		const result = await probeIdentity({snapshot, winner});
		expect(Date.now() - started).toBeLessThan(3000);
		expect(failure(result)).toMatchObject({code: 'ECONNREFUSED', explanationId: 'connection-refused'});
		expect(explained(result, snapshot, winner).likelyCause[0]).toContain('local emulator');
		expectNoCanary(result);
	});

	let silent: LocalServer | undefined;
	afterEach(async () => {
		await silent?.close();
		silent = undefined;
	});

	test('a server that accepts and never answers ends in Timeout within the deadline', async () => {
		silent = await startSilentServer();
		const started = Date.now();
		const result = await probeIdentity({
			snapshot: snapshotFor(silent.endpoint),
			winner: staticWinner({accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: CANARY_SECRET}),
			deadlineMs: 1500,
		});
		const elapsed = Date.now() - started;
		expect(failure(result)).toMatchObject({code: 'Timeout', explanationId: 'timeout'});
		expect(elapsed).toBeGreaterThanOrEqual(1400);
		expect(elapsed).toBeLessThan(2500);
		expect(silent.requests).toBeGreaterThanOrEqual(1);
	});

	test('test mode refuses a real AWS endpoint before any connection', async () => {
		const result = await probeIdentity({snapshot: snapshotFor(undefined), winner: staticWinner({accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: CANARY_SECRET})});
		expect(failure(result)).toMatchObject({code: 'TEST_MODE_NON_LOOPBACK', explanationId: 'test-mode-refused'});
	});

	test('Dashboard provider credentials are not probed', async () => {
		const result = await probeIdentity({snapshot: snapshotFor(moto.endpoint), winner: {source: 'dashboard-provider', title: 'Dashboard provider', kind: 'dashboard', credentials: {type: 'chain'}}});
		expect(result.status).toBe('skipped');
	});
});

describe('clock skew and certificate authorities (local servers)', () => {
	let server: LocalServer | undefined;
	let ca: TestCa;
	beforeAll(() => {
		ca = makeTestCa('Probe Corp Root');
	});
	afterEach(async () => {
		await server?.close();
		server = undefined;
	});
	const winner = () => staticWinner({accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: CANARY_SECRET});

	test('a Date header 10 minutes ahead is reported as clock skew', async () => {
		server = await startIdentityServer({dateOffsetMs: 10 * 60_000});
		const found = identity(await probeIdentity({snapshot: snapshotFor(server.endpoint), winner: winner()}));
		expect(found.arn).toBe(CALLER_ARN);
		expect(found.clockSkewMs).toBeGreaterThan(595_000);
		expect(found.clockSkewMs).toBeLessThan(605_000);
	});

	test('a private CA fails without the CA …', async () => {
		server = await startIdentityServer({tls: {key: ca.serverKeyPem, cert: ca.serverChainPem}});
		const snapshot = snapshotFor(server.endpoint);
		const result = await probeIdentity({snapshot, winner: winner()});
		const failed = failure(result);
		expect(failed.code).toBe('SELF_SIGNED_CERT_IN_CHAIN');
		expect(failed.explanationId).toBe('self-signed-cert-in-chain');
		const explanation = explained(result, snapshot, winner());
		expect(explanation.likelyCause[0]).toContain('No extra CA is configured');
		expect(explanation.fix[0]).toContain('export NODE_EXTRA_CA_CERTS=');
		expect(failed.attempts).toBe(1);
		expectNoCanary(result);
	});

	test('… and passes with cafile pointing at it', async () => {
		server = await startIdentityServer({tls: {key: ca.serverKeyPem, cert: ca.serverChainPem}});
		const snapshot = snapshotFor(server.endpoint, {env: {cafile: ca.caPath}, caFiles: {[ca.caPath]: fileRead(ca.caPath, ca.caPem)}});
		expect(identity(await probeIdentity({snapshot, winner: winner()})).arn).toBe(CALLER_ARN);
	});

	test('… and passes with NODE_EXTRA_CA_CERTS', async () => {
		server = await startIdentityServer({tls: {key: ca.serverKeyPem, cert: ca.serverChainPem}});
		const snapshot = snapshotFor(server.endpoint, {env: {NODE_EXTRA_CA_CERTS: ca.caPath}, caFiles: {[ca.caPath]: fileRead(ca.caPath, ca.caPem)}});
		expect(identity(await probeIdentity({snapshot, winner: winner()})).arn).toBe(CALLER_ARN);
	});

	test('… and with AWS_CA_BUNDLE (aws CLI parity: this tool reads it, Serverless does not)', async () => {
		server = await startIdentityServer({tls: {key: ca.serverKeyPem, cert: ca.serverChainPem}});
		const snapshot = snapshotFor(server.endpoint, {env: {AWS_CA_BUNDLE: ca.caPath}, caFiles: {[ca.caPath]: fileRead(ca.caPath, ca.caPem)}});
		expect(identity(await probeIdentity({snapshot, winner: winner()})).arn).toBe(CALLER_ARN);
	});

	test('an unrelated CA does not make the chain trusted', async () => {
		const other = makeTestCa('Unrelated Root');
		server = await startIdentityServer({tls: {key: ca.serverKeyPem, cert: ca.serverChainPem}});
		const snapshot = snapshotFor(server.endpoint, {env: {cafile: other.caPath}, caFiles: {[other.caPath]: fileRead(other.caPath, other.caPem)}});
		expect(failure(await probeIdentity({snapshot, winner: winner()})).code).toBe('SELF_SIGNED_CERT_IN_CHAIN');
	});
});

describe('principal', () => {
	test.each([
		['arn:aws:iam::123456789012:user/alice', 'user'],
		['arn:aws:iam::123456789012:user/path/to/alice', 'user'],
		['arn:aws:sts::123456789012:assumed-role/deployer/session', 'assumed-role'],
		['arn:aws:iam::123456789012:root', 'root'],
		['arn:aws:sts::123456789012:federated-user/bob', 'federated-user'],
		['arn:aws-cn:iam::123456789012:user/alice', 'user'],
		['arn:aws-us-gov:sts::123456789012:assumed-role/r/s', 'assumed-role'],
		['arn:aws:sts::123456789012:user/moto', 'user'],
		['arn:aws:iam::123456789012:role/x', 'other'],
		['not an arn', 'other'],
	] as const)('%s → %s', (arn, principal) => {
		expect(principalOf(arn)).toBe(principal);
	});
});
