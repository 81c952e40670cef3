/**
 * The wizard end to end in a real pseudo-terminal against moto (managed policies loaded), from a fresh HOME with
 * admin keys in the environment and a commented serverless.yml: Enter on every screen ends with a new IAM user whose
 * profile is written to ~/.aws and verifies with STS, and the stage mapping in serverless.yml. Ctrl-C mid-flow leaves
 * every file byte-identical.
 */
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, beforeEach, expect, test} from 'vitest';
import {startMoto, type Moto} from '../support/moto.js';
import {temporaryHome} from '../support/cli-process.js';
import {KEYS, spawnCli} from '../support/pty.js';
import {pressSettled} from './wizard-world.js';

const ADMIN_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SERVICE = [
	'# Orders service: deployed by the team',
	'service: orders',
	'frameworkVersion: "3"',
	'',
	'provider:',
	'  name: aws',
	'  region: eu-west-1 # keep this region',
	'',
	'resources:',
	'  Outputs:',
	'    Region:',
	'      Value: !Ref AWS::Region',
	'',
].join('\n');

let moto: Moto;
beforeAll(async () => {
	moto = await startMoto({managedPolicies: true});
});
afterAll(async () => moto.stop());
beforeEach(async () => moto.reset());

function world() {
	const home = temporaryHome();
	const service = path.join(home.home, 'orders');
	mkdirSync(service);
	writeFileSync(path.join(service, 'serverless.yml'), SERVICE);
	const env = {AWS_ENDPOINT_URL: moto.endpoint, AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: ADMIN_SECRET, SLS_CREDS_WIZARD_TEST: '1'};
	return {home, service, env};
}

test('Enter on every screen: a new IAM user, a verified profile, the stage mapping written', async () => {
	const {home, service, env} = world();
	const run = spawnCli([], {home: home.home, cwd: service, env});
	const steps: Array<string | RegExp> = [
		'Set up deploy credentials',
		'Do you have an AWS account?',
		'How should the deploy get its AWS keys?',
		'Which credentials may create the IAM user?',
		'IAM user name: orders-deployer',
		'Create this user in AWS? [Y/n]',
		'Profile name: orders-dev',
		'Write these changes? [Y/n]',
		'AWS accepts the key',
		'Which profile should each stage deploy with?',
		/Write .*serverless\.yml\? \[Y\/n\]/,
		// The doctor's verdict per stage. The admin keys are still in this shell and beat provider.profile under
		// Serverless v3, so the stage is flagged with the fix rather than ticked.
		/✖ dev → orders-dev[\s\S]*unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY/,
	];
	for (const expected of steps) {
		await run.waitFor(expected, 20_000);
		await pressSettled(run, KEYS.enter);
	}
	const {exitCode} = await run.exited(20_000).catch(async (error: Error) => {
		throw new Error(`${error.message}\n${await run.screen()}`);
	});
	expect(exitCode).toBe(0);
	expect(await run.bufferType()).toBe('normal');
	// The Done screen's verdict stays on the normal screen, where the next command is typed.
	const after = await run.screen();
	expect(after).toContain('✖ dev → orders-dev');
	expect(after).toContain('$ serverless deploy --stage dev');

	const credentials = readFileSync(path.join(home.home, '.aws', 'credentials'), 'utf8');
	expect(credentials).toMatch(/^\[orders-dev\]\naws_access_key_id = AKIA[A-Z0-9]{16}\naws_secret_access_key = \S{40}\n$/);
	expect(readFileSync(path.join(home.home, '.aws', 'config'), 'utf8')).toBe('[profile orders-dev]\nregion = eu-west-1\n');
	const yml = readFileSync(path.join(service, 'serverless.yml'), 'utf8');
	expect(yml).toContain('# Orders service: deployed by the team');
	expect(yml).toContain('  region: eu-west-1 # keep this region\n  profile: ${self:custom.profiles.${sls:stage}}\n');
	expect(yml).toContain('      Value: !Ref AWS::Region');
	expect(yml).toMatch(/custom:\n {2}profiles:\n {4}dev: orders-dev\n$/);

	const raw = run.raw();
	expect(raw).toContain('arn:aws:iam::123456789012:user/orders-deployer');
	expect(raw).toContain('\u001B[?1049h');
	expect(raw).toContain('\u001B[?1049l');
	expect(raw).not.toContain(ADMIN_SECRET);
	const newSecret = /aws_secret_access_key = (\S{40})/.exec(credentials)?.[1];
	expect(newSecret && raw.includes(newSecret)).toBe(false);
	home.remove();
}, 90_000);

test('Ctrl-C mid-flow exits 130, restores the screen and leaves every file byte-identical', async () => {
	const {home, service, env} = world();
	mkdirSync(path.join(home.home, '.aws'));
	const existing = '# mine\r\n[default]\r\naws_access_key_id = AKIAQYLPMN5HHHFPZAM2\r\naws_secret_access_key = abcdefghijabcdefghijabcdefghijabcdefghij\r\n';
	writeFileSync(path.join(home.home, '.aws', 'credentials'), existing, {mode: 0o600});
	const run = spawnCli([], {home: home.home, cwd: service, env});
	for (const expected of ['Set up deploy credentials', 'Do you have an AWS account?', 'How should the deploy get its AWS keys?']) {
		await run.waitFor(expected, 20_000);
		await pressSettled(run, KEYS.enter);
	}
	await run.waitFor('Which credentials may create the IAM user?', 20_000);
	await run.press(KEYS.ctrlC);
	const {exitCode} = await run.exited(20_000);
	expect(exitCode).toBe(130);
	expect(await run.bufferType()).toBe('normal');
	expect(readFileSync(path.join(home.home, '.aws', 'credentials'), 'utf8')).toBe(existing);
	expect(existsSync(path.join(home.home, '.aws', 'config'))).toBe(false);
	expect(readFileSync(path.join(service, 'serverless.yml'), 'utf8')).toBe(SERVICE);
	home.remove();
}, 60_000);
