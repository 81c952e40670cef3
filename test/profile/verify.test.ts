/**
 * `profile set --verify` against a real STS API (moto on 127.0.0.1, auth on): a good key is saved with the account
 * it belongs to; a wrong secret is rejected, explained, and not saved. No secret in any output.
 */
import {CreateAccessKeyCommand, CreateUserCommand, IAMClient} from '@aws-sdk/client-iam';
import {afterAll, afterEach, beforeAll, describe, expect, test} from 'vitest';
import {startMoto, type Moto} from '../support/moto.js';
import {CANARY_SECRET, leaks, profileHome, type ProfileHome} from './profile-home.js';

let moto: Moto;
let user: {accessKeyId: string; secretAccessKey: string};

beforeAll(async () => {
	moto = await startMoto();
	const iam = new IAMClient({endpoint: moto.endpoint, region: 'us-east-1', credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}, maxAttempts: 1});
	await iam.send(new CreateUserCommand({UserName: 'deployer'}));
	const {AccessKey} = await iam.send(new CreateAccessKeyCommand({UserName: 'deployer'}));
	iam.destroy();
	user = {accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey!};
	await moto.authOn();
});
afterAll(async () => {
	await moto.stop();
});

const homes: ProfileHome[] = [];
afterEach(() => {
	for (const made of homes.splice(0)) made.remove();
});

function run(secret: string, extra: string[] = []) {
	const h = profileHome();
	homes.push(h);
	const result = h.run(['profile', 'set', 'dev', '-k', user.accessKeyId, '--secret-stdin', '--yes', '--verify', '--timeout', '20', ...extra], {
		input: secret,
		env: {AWS_ENDPOINT_URL: moto.endpoint, SLS_CREDS_WIZARD_TEST: '1'},
	});
	return {h, result};
}

describe('profile set --verify', () => {
	test('a key AWS accepts: saved, with the account and ARN it belongs to', () => {
		const {h, result} = run(user.secretAccessKey);
		expect(result.status).toBe(0);
		expect(result.stderr).toContain('AWS accepts the key: account 123456789012 (arn:aws:iam::123456789012:user/deployer)');
		expect(result.stdout).toContain('Profile "dev" has been configured');
		expect(h.read('credentials')).toContain(`aws_secret_access_key = ${user.secretAccessKey}\n`);
		expect(leaks(result.stdout + result.stderr, user.secretAccessKey)).toBe(false);
	});

	test('the key is checked as it will be saved: pasted quotes and spaces trimmed first', () => {
		const {h, result} = run(` '${user.secretAccessKey}' \n`);
		expect(result.status).toBe(0);
		expect(result.stderr).toContain('AWS accepts the key: account 123456789012');
		expect(h.read('credentials')).toContain(`aws_secret_access_key = ${user.secretAccessKey}\n`);
	});

	test('a wrong secret: AWS\'s code and the fix, exit 1, nothing written', () => {
		const {h, result} = run(CANARY_SECRET);
		expect(result.status).toBe(1);
		expect(result.stderr).toMatch(/AWS did not accept the key \(SignatureDoesNotMatch\).*Nothing was written\./);
		expect(result.stderr).not.toMatch(/\n\s+at /);
		expect(h.read('credentials')).toBeUndefined();
		expect(leaks(result.stdout + result.stderr, CANARY_SECRET)).toBe(false);
	});

	test('--json carries the verify result', () => {
		const good = run(user.secretAccessKey, ['--json']);
		expect(good.result.status).toBe(0);
		expect(JSON.parse(good.result.stdout)).toMatchObject({status: 'configured', verify: {status: 'ok', account: '123456789012', arn: 'arn:aws:iam::123456789012:user/deployer'}});
		const bad = run(CANARY_SECRET, ['--json']);
		expect(bad.result.status).toBe(1);
		expect(JSON.parse(bad.result.stdout)).toMatchObject({status: 'rejected', verify: {status: 'failed', code: 'SignatureDoesNotMatch'}});
		expect(leaks(bad.result.stdout + bad.result.stderr, CANARY_SECRET)).toBe(false);
	});
});
