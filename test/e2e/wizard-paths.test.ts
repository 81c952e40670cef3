/**
 * The wizard's other paths end to end in a real pseudo-terminal against moto (managed policies loaded), each from a
 * fresh HOME: path a with the generated least-privilege policy, path c (pasted keys, masked), a user that already
 * exists (a new key for it, or another name), a user that already has the two keys IAM allows, and admin keys without
 * IAM rights under moto's auth mode (AccessDenied → path b). The defaults path with AdministratorAccess is
 * wizard-terminal.test.ts.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {GetPolicyCommand, GetPolicyVersionCommand, GetUserCommand, ListAccessKeysCommand, ListAttachedUserPoliciesCommand} from '@aws-sdk/client-iam';
import {afterAll, beforeAll, beforeEach, expect, test} from 'vitest';
import {startMoto, type Moto} from '../support/moto.js';
import {KEYS, spawnCli} from '../support/pty.js';
import {ACCOUNT, exitCode, flowed, iamOf, isolateTestProcess, pressSettled, userWithKeys, walk, wizardWorld, type WalkStep} from './wizard-world.js';

const SERVICE = ['service: orders', 'frameworkVersion: "3"', '', 'provider:', '  name: aws', '  region: eu-west-1', ''].join('\n');

let moto: Moto;
beforeAll(async () => {
	moto = await startMoto({managedPolicies: true});
}, 30_000);
afterAll(async () => moto.stop());
beforeEach(async () => moto.reset());
isolateTestProcess();

/** Scan → account → path a → the admin keys found in the environment. */
const TO_USER_FORM: WalkStep[] = [
	['Set up deploy credentials', KEYS.enter],
	['Do you have an AWS account?', KEYS.enter],
	['How should the deploy get its AWS keys?', KEYS.enter],
	['Which credentials may create the IAM user?', KEYS.enter],
];

/** From the profile form to the verified key, accepting every default. */
const PROFILE_TO_END: WalkStep[] = [
	['Profile name: orders-dev', KEYS.enter],
	['Write these changes? [Y/n]', KEYS.enter],
	['AWS accepts the key'],
];

/** The key id of the one profile written, checking the file holds nothing else. */
function credentialsKeyId(home: string): string {
	const credentials = readFileSync(path.join(home, '.aws', 'credentials'), 'utf8');
	const match = /^\[orders-dev\]\naws_access_key_id = (AKIA[A-Z0-9]{16})\naws_secret_access_key = \S{40}\n$/.exec(credentials);
	if (!match) throw new Error(`unexpected credentials file:\n${credentials.replace(/(secret_access_key = )\S+/g, '$1***')}`);
	return match[1]!;
}

async function keyIdsOf(userName: string): Promise<string[]> {
	const iam = iamOf(moto);
	try {
		const {AccessKeyMetadata} = await iam.send(new ListAccessKeysCommand({UserName: userName}));
		return (AccessKeyMetadata ?? []).map(key => key.AccessKeyId!).sort();
	} finally {
		iam.destroy();
	}
}

test('path a with the least-privilege policy: the managed policy is created and attached, the profile verifies', async () => {
	const world = wizardWorld(moto, {serviceFile: SERVICE});
	const run = spawnCli([], {home: world.home, cwd: world.service, env: world.env});
	await walk(run, [
		...TO_USER_FORM,
		// Tab to the policy list, ↓ to the least-privilege policy, Enter.
		['IAM user name: orders-deployer', '\t', KEYS.down, KEYS.enter],
		['Policy orders-deploy', KEYS.enter],
		[/Policy: +orders-deploy \(least privilege\)/],
		['Create this user in AWS? [Y/n]', KEYS.enter],
		...PROFILE_TO_END,
	]);
	expect(await run.screen()).toContain(`arn:aws:iam::${ACCOUNT}:user/orders-deployer`);
	await run.press(KEYS.ctrlC);
	expect(await exitCode(run)).toBe(130);

	const iam = iamOf(moto);
	try {
		const policyArn = `arn:aws:iam::${ACCOUNT}:policy/orders-deploy`;
		const {AttachedPolicies} = await iam.send(new ListAttachedUserPoliciesCommand({UserName: 'orders-deployer'}));
		expect(AttachedPolicies?.map(policy => policy.PolicyArn)).toEqual([policyArn]);
		const {Policy} = await iam.send(new GetPolicyCommand({PolicyArn: policyArn}));
		const {PolicyVersion} = await iam.send(new GetPolicyVersionCommand({PolicyArn: policyArn, VersionId: Policy!.DefaultVersionId!}));
		const document = JSON.parse(decodeURIComponent(PolicyVersion!.Document!)) as {Statement: Array<{Action: string | string[]; Resource: string | string[]}>};
		const actions = document.Statement.flatMap(statement => [statement.Action].flat());
		expect(actions).toEqual(expect.arrayContaining(['cloudformation:CreateStack', 'lambda:*', 'iam:PassRole']));
		expect(actions).not.toContain('*');
		// Narrowed to this account and service, not a wildcard policy.
		expect(JSON.stringify(document)).toContain(`:${ACCOUNT}:`);
	} finally {
		iam.destroy();
	}
	expect(await keyIdsOf('orders-deployer')).toEqual([credentialsKeyId(world.home)]);
	expect(readFileSync(path.join(world.home, '.aws', 'config'), 'utf8')).toBe('[profile orders-dev]\nregion = eu-west-1\n');
}, 90_000);

test('path c: pasted keys are masked on screen, never echoed, saved as a profile that verifies', async () => {
	const [key] = await userWithKeys(moto, 'alice', 1);
	// No admin keys in this shell: the user brings their own.
	const world = wizardWorld(moto, {serviceFile: SERVICE, adminKeys: false});
	const run = spawnCli([], {home: world.home, cwd: world.service, env: world.env});
	await walk(run, [
		['Set up deploy credentials', KEYS.enter],
		['Do you have an AWS account?', KEYS.enter],
		['How should the deploy get its AWS keys?', KEYS.down, KEYS.down, KEYS.enter],
		['Paste the access key to save as a profile.', key!.id],
		['*'.repeat(key!.id.length), KEYS.enter],
		// Pasted in one write, as a terminal pastes.
		['› Secret access key:', key!.secret],
		['*'.repeat(40)],
	]);
	expect(await run.screen()).not.toContain(key!.secret.slice(0, 8));
	await pressSettled(run, KEYS.enter);
	await walk(run, [
		...PROFILE_TO_END,
		[`arn:aws:iam::${ACCOUNT}:user/alice`, KEYS.enter],
		['Which profile should each stage deploy with?', KEYS.enter],
		[/Write .*serverless\.yml\? \[Y\/n\]/, KEYS.enter],
		// No keys in the environment: provider.profile decides, and the profile verifies with STS.
		[`✔ dev → orders-dev: provider.profile`, KEYS.enter],
	]);
	expect(await exitCode(run)).toBe(0);
	expect(credentialsKeyId(world.home)).toBe(key!.id);
	expect(readFileSync(path.join(world.home, '.aws', 'credentials'), 'utf8')).toContain(`aws_secret_access_key = ${key!.secret}\n`);
	const raw = run.raw();
	expect(raw).not.toContain(key!.secret);
	// Not even the secret's halves: a masked field echoes `*`, never the characters.
	expect(raw).not.toContain(key!.secret.slice(0, 20));
	expect(raw).not.toContain(key!.secret.slice(20));
}, 90_000);

test('the user already exists: reuse it with a new key', async () => {
	await userWithKeys(moto, 'orders-deployer', 0);
	const world = wizardWorld(moto, {serviceFile: SERVICE});
	const run = spawnCli([], {home: world.home, cwd: world.service, env: world.env});
	await walk(run, [
		...TO_USER_FORM,
		['IAM user name: orders-deployer', KEYS.enter],
		['Create this user in AWS? [Y/n]', KEYS.enter],
		['An IAM user named orders-deployer already exists in this account.'],
		['Use orders-deployer with a new access key', KEYS.enter],
		['Give the existing user orders-deployer a new access key'],
		['and attach AdministratorAccess'],
		['Create a new key? [Y/n]', KEYS.enter],
		...PROFILE_TO_END,
		[`arn:aws:iam::${ACCOUNT}:user/orders-deployer`],
	]);
	await run.press(KEYS.ctrlC);
	expect(await exitCode(run)).toBe(130);
	expect(await keyIdsOf('orders-deployer')).toEqual([credentialsKeyId(world.home)]);
	// A user left without rights (say, by an interrupted first run) gets the chosen policy, not only a key.
	const iam = iamOf(moto);
	const {AttachedPolicies} = await iam.send(new ListAttachedUserPoliciesCommand({UserName: 'orders-deployer'}));
	iam.destroy();
	expect(AttachedPolicies?.map((policy) => policy.PolicyName)).toEqual(['AdministratorAccess']);
}, 90_000);

test('the user already exists: choose another name, which is created instead', async () => {
	await userWithKeys(moto, 'orders-deployer', 0);
	const world = wizardWorld(moto, {serviceFile: SERVICE});
	const run = spawnCli([], {home: world.home, cwd: world.service, env: world.env});
	await walk(run, [
		...TO_USER_FORM,
		['IAM user name: orders-deployer', KEYS.enter],
		['Create this user in AWS? [Y/n]', KEYS.enter],
		['Use orders-deployer with a new access key', KEYS.down, KEYS.enter],
		// Back on the form, saying why, with the name ready to edit.
		['An IAM user named "orders-deployer" already exists.', '-2'],
		['IAM user name: orders-deployer-2', KEYS.enter],
		[/IAM user: +orders-deployer-2/],
		['Create this user in AWS? [Y/n]', KEYS.enter],
		...PROFILE_TO_END,
		[`arn:aws:iam::${ACCOUNT}:user/orders-deployer-2`],
	]);
	await run.press(KEYS.ctrlC);
	expect(await exitCode(run)).toBe(130);
	expect(await keyIdsOf('orders-deployer')).toEqual([]);
	expect(await keyIdsOf('orders-deployer-2')).toEqual([credentialsKeyId(world.home)]);
	const iam = iamOf(moto);
	try {
		const {User} = await iam.send(new GetUserCommand({UserName: 'orders-deployer-2'}));
		expect(User?.Arn).toBe(`arn:aws:iam::${ACCOUNT}:user/orders-deployer-2`);
	} finally {
		iam.destroy();
	}
}, 90_000);

test('a third key is refused: the two keys are listed with their age, one is deleted after y, then a key is created', async () => {
	const existing = await userWithKeys(moto, 'orders-deployer', 2);
	const world = wizardWorld(moto, {serviceFile: SERVICE});
	const run = spawnCli([], {home: world.home, cwd: world.service, env: world.env});
	await walk(run, [
		...TO_USER_FORM,
		['IAM user name: orders-deployer', KEYS.enter],
		['Create this user in AWS? [Y/n]', KEYS.enter],
		['Use orders-deployer with a new access key', KEYS.enter],
		['Create a new key? [Y/n]', KEYS.enter],
		['orders-deployer already has two access keys (the IAM limit).'],
	]);
	const listing = await run.screen();
	// Both keys, masked, with their age; the full key ids are not shown.
	expect(listing.match(/AKIA…\w{4} +Active, 0 days old, never used/g)).toHaveLength(2);
	for (const key of existing) expect(listing).not.toContain(key.id);
	await pressSettled(run, KEYS.enter);
	await run.waitFor('Delete this key? [y/n]');
	expect(await run.screen()).toMatch(/Delete access key \S+ of orders-deployer \(0 days old\), then create a new one\./);
	// Enter is not a yes for a deletion.
	await pressSettled(run, KEYS.enter);
	await new Promise(resolve => setTimeout(resolve, 300));
	expect(await run.screen()).toContain('Delete this key? [y/n]');
	expect((await keyIdsOf('orders-deployer')).length).toBe(2);
	await pressSettled(run, 'y');
	await walk(run, [...PROFILE_TO_END, [`arn:aws:iam::${ACCOUNT}:user/orders-deployer`]]);
	await run.press(KEYS.ctrlC);
	expect(await exitCode(run)).toBe(130);
	const now = await keyIdsOf('orders-deployer');
	const created = credentialsKeyId(world.home);
	expect(now).toHaveLength(2);
	expect(now).toContain(created);
	// Exactly one of the two old keys is gone.
	expect(existing.filter(key => now.includes(key.id))).toHaveLength(1);
}, 90_000);

test('AccessDenied (auth mode on): the screen names the missing permission and switches to the console path', async () => {
	// Keys of a developer who may deploy but not manage IAM.
	const [developer] = await userWithKeys(moto, 'developer', 1, ['sts:GetCallerIdentity', 's3:*', 'cloudformation:*']);
	await moto.authOn();
	const world = wizardWorld(moto, {serviceFile: SERVICE, adminKeys: false});
	const env = {...world.env, AWS_ACCESS_KEY_ID: developer!.id, AWS_SECRET_ACCESS_KEY: developer!.secret};
	const run = spawnCli([], {home: world.home, cwd: world.service, env});
	await walk(run, [
		...TO_USER_FORM,
		['IAM user name: orders-deployer', KEYS.enter],
		['Create this user in AWS? [Y/n]', KEYS.enter],
		['may not use iam:CreateUser'],
	]);
	const guide = flowed(await run.screen());
	expect(guide).toContain('3/8 Access keys');
	expect(guide).toContain('The credentials you chose may not use iam:CreateUser. Create the user in the AWS console instead, or ask an administrator to grant iam:CreateUser.');
	expect(guide).toContain('1. Create the user IAM → Users → Create user. User name: orders-deployer');
	// Someone with IAM rights creates the user in the console meanwhile.
	await moto.authOff();
	const [created] = await userWithKeys(moto, 'orders-deployer', 1);
	await pressSettled(run, KEYS.enter);
	await walk(run, [
		['Paste the access key the console showed for the new user.', created!.id],
		['*'.repeat(created!.id.length), KEYS.enter],
		['› Secret access key:', created!.secret],
		['*'.repeat(40), KEYS.enter],
		...PROFILE_TO_END,
		[`arn:aws:iam::${ACCOUNT}:user/orders-deployer`],
	]);
	await run.press(KEYS.ctrlC);
	expect(await exitCode(run)).toBe(130);
	expect(credentialsKeyId(world.home)).toBe(created!.id);
	// The denied call changed nothing: the only key is the one made in the console.
	expect(await keyIdsOf('orders-deployer')).toEqual([created!.id]);
	const raw = run.raw();
	expect(raw).not.toContain(developer!.secret);
	expect(raw).not.toContain(created!.secret);
}, 90_000);
