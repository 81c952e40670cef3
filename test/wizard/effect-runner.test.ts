/**
 * The real reducer driven by the real effect runner against moto (managed policies loaded), from an empty temp HOME
 * with admin keys in the environment and a commented serverless.yml: "Enter on every screen" ends with a new IAM
 * user, its profile in the temp ~/.aws, the key accepted by STS and the stage mapping written into serverless.yml;
 * the user-already-exists branch gives that user a new key instead. Nothing leaves 127.0.0.1 (SLS_CREDS_WIZARD_TEST=1).
 */
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {CreateUserCommand, IAMClient, ListAccessKeysCommand, ListAttachedUserPoliciesCommand} from '@aws-sdk/client-iam';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi} from 'vitest';
import {runEffect, type RunnerDeps} from '../../source/wizard/effect-runner.js';
import type {Effect} from '../../source/wizard/effect.js';
import {startWizard, step} from '../../source/wizard/reducer.js';
import type {Event, Screen, WizardState} from '../../source/wizard/state.js';
import {Secret} from '../../source/secret.js';
import {startMoto, type Moto} from '../support/moto.js';

const ADMIN = {accessKeyId: 'AKIAADMINTESTKEY0001', secretAccessKey: 'adminSecretForTheTest0123456789abcdefghi'};
const TIMEOUT = 30_000;

const SERVICE_FILE = [
	'# Orders API',
	'service: orders',
	"frameworkVersion: '3'",
	'',
	'provider:',
	'  name: aws',
	'  region: eu-west-1 # where the team deploys',
	'',
	'resources:',
	'  Resources:',
	'    Table:',
	'      Type: AWS::DynamoDB::Table',
	'      Properties:',
	'        TableName: !Sub "${AWS::StackName}-orders"',
	'',
].join('\n');

let moto: Moto;
let home = '';
let project = '';

beforeAll(async () => {
	moto = await startMoto({managedPolicies: true});
}, 30_000);
afterAll(async () => moto?.stop());
beforeEach(async () => {
	await moto.reset();
	home = mkdtempSync(path.join(tmpdir(), 'sls-creds-runner-'));
	project = path.join(home, 'project');
	mkdirSync(project);
	writeFileSync(path.join(project, 'serverless.yml'), SERVICE_FILE);
	for (const name of Object.keys(process.env)) if (/^AWS_|^NODE_EXTRA_CA_CERTS$|_PROXY$/i.test(name)) vi.stubEnv(name, undefined);
	vi.stubEnv('HOME', home);
	vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
	vi.stubEnv('SLS_CREDS_WIZARD_TEST', '1');
});
afterEach(() => {
	vi.unstubAllEnvs();
});

function deps(): RunnerDeps & {opened: string[]; progress: Event[]} {
	const opened: string[] = [];
	const progress: Event[] = [];
	return {
		cwd: project,
		env: {
			HOME: home,
			AWS_ACCESS_KEY_ID: ADMIN.accessKeyId,
			AWS_SECRET_ACCESS_KEY: ADMIN.secretAccessKey,
			AWS_ENDPOINT_URL: moto.endpoint,
			AWS_EC2_METADATA_DISABLED: 'true',
			SLS_CREDS_WIZARD_TEST: '1',
			PATH: process.env.PATH ?? '',
		},
		openUrl: (url) => void opened.push(url),
		copyToClipboard: () => false,
		onProgress: (event) => void progress.push(event),
		opened,
		progress,
	};
}

/** What Enter (or the highlighted first choice) sends on each screen that waits for the user. */
function enter(screen: Screen): Event {
	switch (`${screen.step}/${screen.phase}`) {
		case 'scan/summary':
			return {type: 'start', choice: 'set-up'};
		case 'account/ask':
			return {type: 'account', hasAccount: true};
		case 'keys-path/choose':
			return {type: 'choose-path', path: 'create-user'};
		case 'keys-path/admin-credentials':
			return {type: 'choose-admin', choice: {kind: 'found', index: 0}};
		case 'user-and-policy/confirm-create':
		case 'user-and-policy/confirm-new-key':
		case 'profile/review':
		case 'stages/review':
			return {type: 'confirm'};
		case 'user-and-policy/form':
		case 'profile/form':
		case 'verify/verified':
		case 'stages/pick':
		case 'done/summary':
			return {type: 'submit'};
		default:
			throw new Error(`no Enter for ${JSON.stringify(screen)}`);
	}
}

interface Run {
	state: WizardState;
	screens: string[];
	effects: Effect[];
	events: Event[];
}

/** Runs effects as the app would (each result fed back into the reducer), answering screens with `answer`. */
async function drive(runner: RunnerDeps, answer: (screen: Screen, state: WizardState) => Event = enter): Promise<Run> {
	let {state, effects: pending} = startWizard();
	const run: Run = {state, screens: [], effects: [], events: []};
	const apply = (event: Event) => {
		run.events.push(event);
		const next = step(state, event);
		state = next.state;
		run.screens.push(`${state.screen.step}/${state.screen.phase}`);
		pending.push(...next.effects);
	};
	for (let turns = 0; turns < 100 && (state.screen.step !== 'exit' || pending.length > 0); turns++) {
		const effect = pending.shift();
		if (effect) {
			run.effects.push(effect);
			const result = await runEffect(effect, runner);
			if (result) apply(result);
			continue;
		}
		apply(answer(state.screen, state));
	}
	run.state = state;
	return run;
}

function iam(): IAMClient {
	return new IAMClient({endpoint: moto.endpoint, region: 'us-east-1', credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}, maxAttempts: 1});
}

describe('the wizard with the effect runner, against moto', () => {
	test(
		'Enter on every screen: a new IAM user, its profile in ~/.aws, verified by STS, the stage mapping in serverless.yml',
		async () => {
			const runner = deps();
			const run = await drive(runner);

			expect(run.state.screen).toEqual({step: 'exit', phase: 'leaving', code: 0});
			const types = run.effects.map((effect) => effect.type);
			expect(types).toEqual(['scan', 'create-user', 'plan-profile', 'write-profile', 'verify', 'plan-stage-mapping', 'write-stage-mapping', 'doctor', 'exit']);
			expect(run.events.find((event) => event.type === 'effect-failed' || event.type === 'iam-failed')).toBeUndefined();

			// The IAM user, with AdministratorAccess (the default policy choice).
			const client = iam();
			const attached = await client.send(new ListAttachedUserPoliciesCommand({UserName: 'orders-deployer'}));
			const keys = await client.send(new ListAccessKeysCommand({UserName: 'orders-deployer'}));
			client.destroy();
			expect(attached.AttachedPolicies?.map((policy) => policy.PolicyArn)).toEqual(['arn:aws:iam::aws:policy/AdministratorAccess']);
			expect(keys.AccessKeyMetadata).toHaveLength(1);
			const keyId = keys.AccessKeyMetadata![0]!.AccessKeyId!;

			// The profile in the temp ~/.aws: keys in credentials, region from serverless.yml in config.
			const credentials = readFileSync(path.join(home, '.aws', 'credentials'), 'utf8');
			const config = readFileSync(path.join(home, '.aws', 'config'), 'utf8');
			expect(credentials).toContain('[orders-dev]');
			expect(credentials).toContain(`aws_access_key_id = ${keyId}`);
			expect(config).toContain('[profile orders-dev]');
			expect(config).toContain('region = eu-west-1');

			// STS accepted the new key, and it is the new user's.
			const verified = run.events.find((event) => event.type === 'verified');
			expect(verified).toMatchObject({identity: {arn: expect.stringContaining(':user/orders-deployer')}});

			// serverless.yml: the mapping written, everything else kept.
			const yml = readFileSync(path.join(project, 'serverless.yml'), 'utf8');
			expect(yml).toContain('profile: ${self:custom.profiles.${sls:stage}}');
			expect(yml).toMatch(/custom:\n {2}profiles:\n {4}dev: orders-dev/);
			expect(yml).toContain('region: eu-west-1 # where the team deploys');
			expect(yml).toContain('TableName: !Sub "${AWS::StackName}-orders"');
			expect(yml.startsWith('# Orders API\nservice: orders\n')).toBe(true);

			// The doctor ran for the stage; the secret never shows in the state.
			const done = run.events.find((event) => event.type === 'doctor-done');
			expect(done).toMatchObject({checks: [{stage: 'dev', profile: 'orders-dev'}]});
			// The admin keys are still in this environment and beat provider.profile under Serverless v3: the final check
			// must say so, with the fix, instead of a green tick for the wrong credentials.
			const [check] = done?.type === 'doctor-done' ? done.checks : [];
			expect(check?.ok).toBe(false);
			expect(check?.problem).toMatch(/AWS_ACCESS_KEY_ID/);
			expect(check?.problem).toMatch(/unset AWS_ACCESS_KEY_ID|--aws-profile orders-dev/);
			const secret = /aws_secret_access_key = (\S+)/.exec(credentials)![1]!;
			expect(JSON.stringify(run.state)).not.toContain(secret);
			expect(JSON.stringify(run.events)).not.toContain(secret);
		},
		TIMEOUT,
	);

	test(
		'the custom least-privilege policy: generated for the service, created as a managed policy and attached',
		async () => {
			const runner = deps();
			const run = await drive(runner, (screen, state) => {
				if (screen.step === 'user-and-policy' && screen.phase === 'form' && state.context.policyChoice === 'admin') return {type: 'choose-policy', policy: 'custom'};
				if (screen.step === 'user-and-policy' && screen.phase === 'policy') return {type: 'submit'};
				return enter(screen);
			});
			expect(run.state.screen).toEqual({step: 'exit', phase: 'leaving', code: 0});
			const generated = run.events.find((event) => event.type === 'policy-generated');
			expect(generated).toMatchObject({policy: {name: 'orders-deploy'}});
			const document = generated?.type === 'policy-generated' ? generated.policy.document : '';
			expect(document).toContain('stack/orders-dev/*');
			const client = iam();
			const attached = await client.send(new ListAttachedUserPoliciesCommand({UserName: 'orders-deployer'}));
			client.destroy();
			expect(attached.AttachedPolicies?.map((policy) => policy.PolicyName)).toEqual(['orders-deploy']);
			expect(run.events.find((event) => event.type === 'verified')).toBeDefined();
		},
		TIMEOUT,
	);

	test(
		'the user already exists: reuse it with a new key, then the same path to a written, verified profile',
		async () => {
			const client = iam();
			await client.send(new CreateUserCommand({UserName: 'orders-deployer'}));
			const runner = deps();
			const run = await drive(runner, (screen) =>
				screen.step === 'user-and-policy' && screen.phase === 'user-exists' ? {type: 'user-exists-choice', choice: 'new-key'} : enter(screen),
			);

			expect(run.events).toContainEqual(expect.objectContaining({type: 'iam-failed', failure: {kind: 'user-exists', userName: 'orders-deployer'}}));
			expect(run.screens).toContain('user-and-policy/user-exists');
			expect(run.effects).toContainEqual(expect.objectContaining({type: 'create-user', reuseExistingUser: true}));
			const attached = await client.send(new ListAttachedUserPoliciesCommand({UserName: 'orders-deployer'}));
			// The user an earlier run left behind gets the chosen policy too, not just a key.
			expect(attached.AttachedPolicies?.map((policy) => policy.PolicyName)).toEqual(['AdministratorAccess']);
			expect(run.state.screen).toEqual({step: 'exit', phase: 'leaving', code: 0});
			const keys = await client.send(new ListAccessKeysCommand({UserName: 'orders-deployer'}));
			client.destroy();
			expect(keys.AccessKeyMetadata).toHaveLength(1);
			expect(readFileSync(path.join(home, '.aws', 'credentials'), 'utf8')).toContain(`aws_access_key_id = ${keys.AccessKeyMetadata![0]!.AccessKeyId}`);
			expect(run.events.find((event) => event.type === 'verified')).toBeDefined();
		},
		TIMEOUT,
	);
});

describe('the runner refuses to write what the user did not see', () => {
	const request = {
		profile: 'orders-dev',
		credentials: {accessKeyId: new Secret('AKIAIOSFODNN7EXAMPLE'), secretAccessKey: new Secret('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')},
		settings: {region: 'eu-west-1'},
		overwrite: false,
	};

	test('write-profile: a credentials file changed after the diff was shown is left untouched', async () => {
		const runner = deps();
		const planned = await runEffect({type: 'plan-profile', id: 1, request}, runner);
		expect(planned).toMatchObject({type: 'profile-planned', id: 1});
		const shownDiff = planned?.type === 'profile-planned' ? planned.diff : [];
		expect(shownDiff.join('\n')).not.toContain('wJalrXUtnFEMI');
		mkdirSync(path.join(home, '.aws'), {recursive: true});
		const meanwhile = '[other]\naws_access_key_id = AKIAOTHERKEY00000000\naws_secret_access_key = x\n';
		writeFileSync(path.join(home, '.aws', 'credentials'), meanwhile);

		const written = await runEffect({type: 'write-profile', id: 2, plan: {...request, shownDiff}}, runner);
		expect(written).toMatchObject({type: 'effect-failed', id: 2, failure: {code: 'CHANGED_SINCE_SHOWN'}});
		expect(readFileSync(path.join(home, '.aws', 'credentials'), 'utf8')).toBe(meanwhile);
	});

	test('write-profile: unchanged since shown → written, with the files named', async () => {
		const runner = deps();
		const planned = await runEffect({type: 'plan-profile', id: 1, request}, runner);
		const shownDiff = planned?.type === 'profile-planned' ? planned.diff : [];
		const written = await runEffect({type: 'write-profile', id: 2, plan: {...request, shownDiff}}, runner);
		expect(written).toEqual({
			type: 'profile-written',
			id: 2,
			files: [path.join(home, '.aws', 'credentials'), path.join(home, '.aws', 'config')],
			backups: [],
			warnings: [],
		});
	});

	test('write-stage-mapping: serverless.yml edited after the diff was shown is left untouched', async () => {
		const runner = deps();
		const file = path.join(project, 'serverless.yml');
		const mapping = {path: file, mapping: {dev: 'orders-dev'}, replaceProviderProfile: false};
		const planned = await runEffect({type: 'plan-stage-mapping', id: 1, request: mapping}, runner);
		expect(planned).toMatchObject({type: 'stage-mapping-planned', id: 1, snippet: expect.stringContaining('orders-dev')});
		const shownDiff = planned?.type === 'stage-mapping-planned' ? planned.diff : [];
		expect(shownDiff.length).toBeGreaterThan(0);
		const edited = SERVICE_FILE.replace('eu-west-1', 'eu-central-1');
		writeFileSync(file, edited);
		const written = await runEffect({type: 'write-stage-mapping', id: 2, plan: {...mapping, shownDiff}}, runner);
		expect(written).toMatchObject({type: 'effect-failed', id: 2, failure: {code: 'CHANGED_SINCE_SHOWN'}});
		expect(readFileSync(file, 'utf8')).toBe(edited);
	});

	test('plan-stage-mapping without a service file: the snippet, refused without override', async () => {
		const planned = await runEffect({type: 'plan-stage-mapping', id: 3, request: {mapping: {dev: 'orders-dev'}, replaceProviderProfile: false}}, deps());
		expect(planned).toMatchObject({
			type: 'stage-mapping-planned',
			id: 3,
			diff: [],
			snippet: expect.stringContaining('dev: orders-dev'),
			refusal: {code: 'NO_SERVICE_FILE', canOverride: false},
		});
	});

	test('open-url and copy-exports go through the injected functions and return no event', async () => {
		const runner = deps();
		const copied: string[] = [];
		runner.copyToClipboard = (text) => (copied.push(text), true);
		expect(await runEffect({type: 'open-url', url: 'https://portal.aws.amazon.com/billing/signup'}, runner)).toBeUndefined();
		expect(await runEffect({type: 'copy-exports', credentials: request.credentials, region: 'eu-west-1'}, runner)).toBeUndefined();
		expect(runner.opened).toEqual(['https://portal.aws.amazon.com/billing/signup']);
		expect(copied.join('\n')).toContain('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
		runner.openUrl = () => {
			throw new Error('no browser');
		};
		await expect(runEffect({type: 'open-url', url: 'https://example.com'}, runner)).resolves.toBeUndefined();
	});
});
