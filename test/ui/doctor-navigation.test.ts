import {describe, expect, test} from 'vitest';
import fc from 'fast-check';
import {
	initialNavigation,
	navigate,
	visibleDetailsScroll,
	visibleTop,
	type NavigationAction,
	type NavigationState,
	type Viewport,
} from '../../source/ui/doctor-navigation.js';
import {doctorKey} from '../../source/ui/doctor-keys.js';
import type {Key} from 'ink';

/** A list like the doctor's: heading, 7 rungs, heading, 10 findings (rows 0..18). */
const items = [1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18];
const viewport: Viewport = {rowCount: 19, items, listHeight: 5, detailsLineCount: 12, detailsHeight: 4};

function run(types: Array<NavigationAction['type']>, at: Viewport = viewport, from: NavigationState = initialNavigation) {
	return types.reduce((state, type) => navigate(state, {type, viewport: at}), from);
}

describe('navigate', () => {
	test.each<[string, Array<NavigationAction['type']>, NavigationState]>([
		['starts at the top', [], {selected: 0, top: 0}],
		['up at the top stays', ['up'], {selected: 0, top: 0}],
		['down inside the window does not scroll', ['down', 'down'], {selected: 2, top: 0}],
		['down past the window scrolls by one', ['down', 'down', 'down', 'down'], {selected: 4, top: 1}],
		['last goes to the end', ['last'], {selected: 16, top: 14}],
		['down at the end stays', ['last', 'down'], {selected: 16, top: 14}],
		['first goes back to the top, heading included', ['last', 'first'], {selected: 0, top: 0}],
		['page down moves a page less one', ['page-down'], {selected: 4, top: 1}],
		['open opens the details of the selected item', ['down', 'open'], {selected: 1, top: 0, details: {scroll: 0}}],
		['close goes back to the list, selection kept', ['down', 'open', 'close'], {selected: 1, top: 0}],
		['Enter again (open) also closes', ['open', 'open'], {selected: 0, top: 0}],
		['details scroll down', ['open', 'down', 'down'], {selected: 0, top: 0, details: {scroll: 2}}],
		['details scroll stops at the last line', ['open', 'last', 'down'], {selected: 0, top: 0, details: {scroll: 8}}],
		['details page down', ['open', 'page-down'], {selected: 0, top: 0, details: {scroll: 3}}],
	])('%s', (_name, types, expected) => {
		expect(run(types)).toEqual(expected);
	});

	test('moving up onto the first finding brings its heading into view', () => {
		// item 8 is row 10; item 7 (row 9) is the first finding, under the "Checks" heading on row 8.
		const state = run(['up'], viewport, {selected: 8, top: 10});
		expect(state).toEqual({selected: 7, top: 8});
		expect(run(['up'], viewport, state)).toEqual({selected: 6, top: 7});
	});

	test('an empty list never selects anything and never opens', () => {
		const empty: Viewport = {...viewport, rowCount: 1, items: []};
		expect(run(['down', 'open', 'last'], empty)).toEqual({selected: 0, top: 0});
	});

	test('after the terminal grows, render-time clamping shows as much as fits', () => {
		const scrolled = run(['last']);
		expect(visibleTop(scrolled, {...viewport, listHeight: 30})).toBe(0);
		const open = run(['open', 'last']);
		expect(visibleDetailsScroll(open, {...viewport, detailsHeight: 20})).toBe(0);
	});

	test('whatever the keys and sizes, the selection stays on an item and in view', () => {
		const action = fc.constantFrom<NavigationAction['type']>('up', 'down', 'page-up', 'page-down', 'first', 'last', 'open', 'close');
		const geometry = fc.record({
			listHeight: fc.integer({min: 1, max: 25}),
			detailsLineCount: fc.integer({min: 0, max: 40}),
			detailsHeight: fc.integer({min: 1, max: 20}),
		});
		fc.assert(
			fc.property(fc.array(fc.tuple(action, geometry), {maxLength: 60}), steps => {
				let state = initialNavigation;
				for (const [type, size] of steps) {
					const at = {...viewport, ...size};
					state = navigate(state, {type, viewport: at});
					expect(state.selected).toBeGreaterThanOrEqual(0);
					expect(state.selected).toBeLessThan(items.length);
					const top = visibleTop(state, at);
					const row = items[state.selected]!;
					expect(row).toBeGreaterThanOrEqual(top);
					expect(row).toBeLessThan(top + at.listHeight);
					const scroll = visibleDetailsScroll(state, at);
					expect(scroll).toBeGreaterThanOrEqual(0);
					expect(scroll).toBeLessThanOrEqual(Math.max(0, at.detailsLineCount - at.detailsHeight));
				}
			}),
		);
	});
});

describe('doctorKey', () => {
	const none: Key = {
		upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
		return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
		super: false, hyper: false, capsLock: false, numLock: false,
	};
	test.each<[string, string, Partial<Key>, boolean, ReturnType<typeof doctorKey>]>([
		['Ctrl-C cancels', 'c', {ctrl: true}, false, {type: 'cancel'}],
		['Ctrl-C cancels in details', 'c', {ctrl: true}, true, {type: 'cancel'}],
		['q quits', 'q', {}, false, {type: 'quit'}],
		['q quits from details', 'q', {}, true, {type: 'quit'}],
		['Esc quits from the list', '', {escape: true}, false, {type: 'quit'}],
		['Esc closes details', '', {escape: true}, true, {type: 'move', action: 'close'}],
		['Enter opens', '', {return: true}, false, {type: 'move', action: 'open'}],
		['Enter closes details', '', {return: true}, true, {type: 'move', action: 'close'}],
		['↓ moves', '', {downArrow: true}, false, {type: 'move', action: 'down'}],
		['k moves up', 'k', {}, false, {type: 'move', action: 'up'}],
		['End goes last', '', {end: true}, false, {type: 'move', action: 'last'}],
		['other letters do nothing', 'x', {}, false, undefined],
	])('%s', (_name, input, key, detailsOpen, expected) => {
		expect(doctorKey(input, {...none, ...key}, detailsOpen)).toEqual(expected);
	});
});
