/** Keys on the newcomer flow's screens and on the offer to keep pasted admin keys (default no). */
import {afterEach, describe, expect, test} from 'vitest';
import type {Event, WizardState} from '../../../source/wizard/state.js';
import {cleanupSized, keys, press, renderSized} from '../../support/ink.js';
import {Harness} from './harness.js';
import {NEW_SCREENS, stateAfter} from './wizard-states.js';

afterEach(() => {
	cleanupSized();
});

async function show(state: WizardState, apply = false) {
	const events: Event[] = [];
	const app = await renderSized(<Harness initial={state} events={events} apply={apply} />, {columns: 80, rows: 24});
	return {app, events};
}

const screenNamed = (name: string) => stateAfter(NEW_SCREENS.find(([screen]) => screen === name)![1]);

describe('the newcomer flow', () => {
	test('scan with team settings: Enter sets up the team’s stages, ↓ Enter the usual setup', async () => {
		const first = await show(screenNamed('scan-summary-team'));
		await press(first.app, keys.enter);
		expect(first.events).toEqual([{type: 'start', choice: 'team'}]);
		const second = await show(screenNamed('scan-summary-team'));
		await press(second.app, keys.down, keys.enter);
		expect(second.events).toEqual([{type: 'start', choice: 'set-up'}]);
	});

	test('overview: Enter sets up the next stage; Esc is back', async () => {
		const {app, events} = await show(screenNamed('team-overview'));
		await press(app, keys.enter, keys.escape);
		expect(events).toEqual([{type: 'submit'}, {type: 'back'}]);
	});

	test('mismatch: k asks for other keys, s skips; r does nothing', async () => {
		const {app, events} = await show(screenNamed('team-mismatch'));
		await press(app, 'r', 'k', 's');
		expect(events).toEqual([{type: 'other-keys'}, {type: 'skip'}]);
	});

	test('failed: r tries again', async () => {
		const {app, events} = await show(screenNamed('team-failed'));
		await press(app, 'r');
		expect(events).toEqual([{type: 'retry'}]);
	});

	test('base profile: typing edits the name, Enter submits', async () => {
		const {app, events} = await show(screenNamed('team-base-profile'), true);
		await press(app, '\u007F', '\u007F', '\u007F', '\u007F', 'x', keys.enter);
		expect(events.at(-2)).toEqual({type: 'edit', field: 'baseProfileName', value: 'orders-x'});
		expect(events.at(-1)).toEqual({type: 'submit'});
	});
});

describe('keeping pasted admin keys', () => {
	test('Enter and n say no; y asks for the name', async () => {
		const first = await show(screenNamed('keys-path-save-admin'));
		await press(first.app, keys.enter, 'n', 'y');
		expect(first.events).toEqual([{type: 'decline'}, {type: 'decline'}, {type: 'confirm'}]);
	});

	test('naming: typing edits the name (y and n are letters there), Enter submits', async () => {
		const {app, events} = await show(screenNamed('keys-path-save-admin-naming'), true);
		await press(app, 'y', 'n', keys.enter);
		expect(events).toEqual([
			{type: 'edit', field: 'adminProfileName', value: 'orders-adminy'},
			{type: 'edit', field: 'adminProfileName', value: 'orders-adminyn'},
			{type: 'submit'},
		]);
	});
});
