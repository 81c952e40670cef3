import {afterEach, describe, expect, test} from 'vitest';
import {Secret} from '../../../source/secret.js';
import type {Event, WizardState} from '../../../source/wizard/state.js';
import {cleanupSized, keys, press, renderSized, tidy} from '../../support/ink.js';
import {CANARIES, CANARY_KEY, CANARY_SECRET, toKeysPath, toProfileForm, toScanSummary, toStages, toUserForm} from '../../wizard/wizard-fixtures.js';
import {Harness} from './harness.js';
import {SCREENS, stateAfter} from './wizard-states.js';

afterEach(() => {
	cleanupSized();
});

const tab = '\t';

async function show(state: WizardState, apply = false) {
	const events: Event[] = [];
	const app = await renderSized(<Harness initial={state} events={events} apply={apply} />, {columns: 60, rows: 20});
	return {app, events, frame: () => tidy(app.lastFrame())};
}

const screenNamed = (name: string) => stateAfter(SCREENS.find(([screen]) => screen === name)![1]);

describe('keys every screen shares', () => {
	// Busy screens, forms with a focused text field, choice lists and information screens alike.
	test.each(['scan-scanning', 'scan-summary', 'account-ask', 'keys-path-paste', 'user-form', 'profile-review', 'stages-pick', 'done-summary'])(
		'%s: Esc is back, Ctrl-C is cancel',
		async name => {
			const {app, events} = await show(screenNamed(name));
			await press(app, keys.escape);
			await press(app, keys.ctrlC);
			expect(events).toEqual([{type: 'back'}, {type: 'cancel'}]);
		},
	);
});

describe('choices', () => {
	test('scan summary: Enter sets up, ↓ Enter runs the doctor', async () => {
		const first = await show(stateAfter(toScanSummary));
		await press(first.app, keys.enter);
		expect(first.events).toEqual([{type: 'start', choice: 'set-up'}]);
		const second = await show(stateAfter(toScanSummary));
		await press(second.app, keys.down, keys.enter);
		expect(second.events).toEqual([{type: 'start', choice: 'doctor'}]);
	});

	test('account: ↓ Enter asks for the sign-up guide; there Enter submits and o opens the sign-up page', async () => {
		const {app, events} = await show(screenNamed('account-ask'), true);
		await press(app, keys.down, keys.enter);
		expect(events).toEqual([{type: 'account', hasAccount: false}]);
		await press(app, 'o', keys.enter);
		expect(events.slice(1)).toEqual([{type: 'open-link', url: 'https://portal.aws.amazon.com/billing/signup'}, {type: 'submit'}]);
	});

	test('keys path: the fifth item is environment variables', async () => {
		const {app, events} = await show(stateAfter(toKeysPath));
		await press(app, keys.down, keys.down, keys.down, keys.down, keys.enter);
		expect(events).toEqual([{type: 'choose-path', path: 'env'}]);
	});

	test('too many keys: Enter on the second key picks index 1', async () => {
		const {app, events} = await show(screenNamed('user-too-many-keys'));
		await press(app, keys.down, keys.enter);
		expect(events).toEqual([{type: 'pick-key', index: 1}]);
	});
});

describe('confirmations', () => {
	test.each(['user-confirm-create', 'profile-review', 'stages-review'])('%s: Enter and y confirm (yes is the default), n declines', async name => {
		const {app, events} = await show(screenNamed(name));
		await press(app, keys.enter, 'y', 'n');
		expect(events).toEqual([{type: 'confirm'}, {type: 'confirm'}, {type: 'decline'}]);
	});

	test('deleting a key needs y: Enter does nothing there', async () => {
		const {app, events} = await show(screenNamed('user-confirm-delete-key'));
		await press(app, keys.enter, 'y', 'n');
		expect(events).toEqual([{type: 'confirm'}, {type: 'decline'}]);
	});

	test('a refused plan cannot be confirmed; o agrees to replace when allowed', async () => {
		const {app, events} = await show(screenNamed('profile-review-refusal'));
		await press(app, 'y', 'o');
		expect(events).toEqual([{type: 'overwrite'}]);
	});
});

describe('forms', () => {
	test('user form: typing edits the name through the reducer, Enter submits, Tab + ↓ picks the custom policy', async () => {
		const {app, events, frame} = await show(stateAfter(toUserForm), true);
		await press(app, '2');
		expect(frame()).toContain('IAM user name: orders-deployer2');
		await press(app, tab, keys.down, keys.enter);
		expect(events).toEqual([
			{type: 'edit', field: 'userName', value: 'orders-deployer2'},
			{type: 'choose-policy', policy: 'custom'},
			{type: 'submit'},
		]);
	});

	test('profile form: Tab moves to the region, typing edits it, Enter submits', async () => {
		const {app, events} = await show(stateAfter(toProfileForm), true);
		await press(app, tab, 'x', keys.enter);
		expect(events).toEqual([{type: 'edit', field: 'region', value: 'eu-west-1x'}, {type: 'submit'}]);
	});

	test('stages: e types a profile for the selected stage, c creates one, Enter submits', async () => {
		const {app, events} = await show(stateAfter(toStages));
		await press(app, keys.down, 'e', 'p', keys.enter);
		await press(app, 'c', keys.enter);
		expect(events).toEqual([
			{type: 'stage-profile', stage: 'prod', profile: 'p'},
			{type: 'create-profile-for-stage', stage: 'prod'},
			{type: 'submit'},
		]);
	});

	test('policy: s asks for a file name, Enter saves there', async () => {
		const {app, events} = await show(screenNamed('user-policy'));
		await press(app, 's', keys.enter);
		expect(events).toEqual([{type: 'save-policy', path: 'orders-deploy.json'}]);
	});

	test('verify failed: r retries, s skips', async () => {
		const {app, events} = await show(screenNamed('verify-failed'));
		await press(app, 'r', 's');
		expect(events).toEqual([{type: 'retry'}, {type: 'skip'}]);
	});

	test('env exports: c asks for the real lines to be copied, Enter goes on', async () => {
		const {app, events} = await show(screenNamed('keys-path-env-exports'));
		await press(app, 'c', keys.enter);
		expect(events).toEqual([{type: 'copy-exports'}, {type: 'submit'}]);
	});
});

describe('masked input', () => {
	test('typed or pasted keys never reach the screen, and arrive as Secrets', async () => {
		const {app, events, app: {stdout}} = await show(stateAfter([...toKeysPath, {type: 'choose-path', path: 'paste'}]));
		// One chunk is one paste; type a few characters one by one too.
		await press(app, CANARY_KEY.slice(0, 4), CANARY_KEY.slice(4), keys.enter);
		await press(app, ...CANARY_SECRET.slice(0, 3).split(''), CANARY_SECRET.slice(3), keys.enter);
		const all = stdout.frames.join('\n');
		for (const canary of CANARIES) expect(all).not.toContain(canary);
		expect(tidy(app.lastFrame())).toContain('*'.repeat(20));
		expect(events).toHaveLength(1);
		const [event] = events;
		if (event?.type !== 'keys-entered') throw new Error(`expected keys-entered, got ${JSON.stringify(event)}`);
		expect(event.keys.accessKeyId).toBeInstanceOf(Secret);
		expect(event.keys.accessKeyId.reveal()).toBe(CANARY_KEY);
		expect(event.keys.secretAccessKey.reveal()).toBe(CANARY_SECRET);
		expect(JSON.stringify(event)).not.toContain(CANARY_SECRET);
	});

	test('temporary ASIA keys get a third, masked field for the session token', async () => {
		const {app, events, frame} = await show(stateAfter([...toKeysPath, {type: 'choose-path', path: 'paste'}]));
		await press(app, 'ASIATEMPORARYKEY0001', keys.enter, 'temporary/secret/0123456789abcdefghijklm', keys.enter);
		expect(frame()).toContain('Session token:');
		await press(app, 'token-canary-value-0123456789', keys.enter);
		expect(frame()).not.toContain('token-canary');
		const [event] = events;
		if (event?.type !== 'keys-entered') throw new Error('expected keys-entered');
		expect(event.keys.sessionToken?.reveal()).toBe('token-canary-value-0123456789');
	});

	test('admin keys pasted on the admin screen go out as a pasted choice', async () => {
		const {app, events, app: {stdout}} = await show(screenNamed('keys-path-admin-credentials'));
		await press(app, keys.up, keys.enter);
		await press(app, CANARY_KEY, keys.enter, CANARY_SECRET, keys.enter);
		for (const canary of CANARIES) expect(stdout.frames.join('\n')).not.toContain(canary);
		const [event] = events;
		if (event?.type !== 'choose-admin' || event.choice.kind !== 'pasted') throw new Error(`unexpected ${JSON.stringify(event)}`);
		expect(event.choice.keys.secretAccessKey.reveal()).toBe(CANARY_SECRET);
	});
});

describe('scrolling', () => {
	test('scan summary: PgDn shows what did not fit, the arrows stay with the choices', async () => {
		const {app, events, frame} = await show(stateAfter(toScanSummary));
		expect(frame()).not.toContain('│ AWS_SECRET_ACCESS_KEY');
		await press(app, keys.pageDown);
		expect(frame()).not.toContain('AWS profiles');
		expect(frame()).toContain('│ AWS_SECRET_ACCESS_KEY');
		expect(frame()).toContain('❯ Set up deploy credentials');
		expect(events).toEqual([]);
	});
});
