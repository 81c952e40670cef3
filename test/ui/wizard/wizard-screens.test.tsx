import {afterEach, describe, expect, test} from 'vitest';
import {cleanupSized, renderSized, tidy} from '../../support/ink.js';
import {CANARIES} from '../../wizard/wizard-fixtures.js';
import type {Event} from '../../../source/wizard/state.js';
import {Harness} from './harness.js';
import {NEW_SCREENS, SCREENS, stateAfter} from './wizard-states.js';

afterEach(() => {
	cleanupSized();
});

describe('every wizard screen at 60×20', () => {
	test.each(SCREENS)('%s', async (name, inputs) => {
		const state = stateAfter(inputs);
		const events: Event[] = [];
		const app = await renderSized(<Harness initial={state} events={events} />, {columns: 60, rows: 20});
		const frame = tidy(app.lastFrame());
		for (const canary of CANARIES) expect(frame).not.toContain(canary);
		// Nothing wider than the terminal, nothing taller: the frame is rows - 1.
		const lines = frame.split('\n');
		expect(Math.max(...lines.map(line => line.length))).toBeLessThanOrEqual(60);
		expect(lines.length).toBeLessThanOrEqual(20);
		expect(events).toEqual([]);
		expect(frame).toMatchSnapshot(name);
	});

	test('the list reaches every step and phase the reducer has', () => {
		const reached = new Set(SCREENS.map(([, inputs]) => {
			const {screen} = stateAfter(inputs);
			return `${screen.step}/${screen.phase}`;
		}));
		expect([...reached].sort()).toEqual([...ALL_PHASES].sort());
	});
});

describe('the newcomer flow and the admin-keys offer at 80×24', () => {
	test.each(NEW_SCREENS)('%s', async (name, inputs) => {
		const events: Event[] = [];
		const app = await renderSized(<Harness initial={stateAfter(inputs)} events={events} />, {columns: 80, rows: 24});
		const frame = tidy(app.lastFrame());
		for (const canary of CANARIES) expect(frame).not.toContain(canary);
		const lines = frame.split('\n');
		expect(Math.max(...lines.map(line => line.length))).toBeLessThanOrEqual(80);
		expect(lines.length).toBeLessThanOrEqual(24);
		expect(events).toEqual([]);
		expect(frame).toMatchSnapshot(name);
	});
});

const ALL_PHASES = [
	'scan/scanning', 'scan/summary', 'scan/failed', 'account/ask', 'account/sign-up',
	'keys-path/choose', 'keys-path/admin-credentials', 'keys-path/console-guide', 'keys-path/paste', 'keys-path/dashboard', 'keys-path/env-exports',
	'user-and-policy/form', 'user-and-policy/generating-policy', 'user-and-policy/policy', 'user-and-policy/confirm-save-policy',
	'user-and-policy/saving-policy', 'user-and-policy/confirm-create', 'user-and-policy/creating', 'user-and-policy/user-exists',
	'user-and-policy/confirm-new-key', 'user-and-policy/too-many-keys', 'user-and-policy/confirm-delete-key',
	'profile/form', 'profile/planning', 'profile/review', 'profile/writing',
	'verify/verifying', 'verify/verified', 'verify/failed',
	'stages/pick', 'stages/planning', 'stages/review', 'stages/writing', 'stages/snippet',
	'done/checking', 'done/summary', 'exit/leaving',
	'keys-path/save-admin',
	'team/overview', 'team/base-profile', 'team/mfa-code', 'team/checking', 'team/mismatch', 'team/failed',
];
