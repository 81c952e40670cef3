/**
 * View state of the doctor screen: which item is selected, which part of the list is visible, whether the details
 * of the selected item are open and how far they are scrolled. Pure, so every key's effect is tested without Ink.
 * The geometry comes with each action because it changes with the terminal size.
 */

export interface NavigationState {
	/** Index into the selectable items (ladder rungs, then findings). */
	selected: number;
	/** First visible row of the list. */
	top: number;
	/** Open details of the selected item, scrolled by `scroll` lines. */
	details?: {scroll: number};
}

export interface Viewport {
	/** Rows in the list (headings included). */
	rowCount: number;
	/** Row index of each selectable item. */
	items: readonly number[];
	/** Rows the list area can show. */
	listHeight: number;
	/** Lines of the selected item's details, and how many the details area can show. */
	detailsLineCount: number;
	detailsHeight: number;
}

export type NavigationAction =
	| {type: 'up' | 'down' | 'page-up' | 'page-down' | 'first' | 'last' | 'open' | 'close'; viewport: Viewport};

export const initialNavigation: NavigationState = {selected: 0, top: 0};

/** Start on the first checklist item (what the user acts on), the ladder above it still in reach of ↑. */
export function startingNavigation(firstFinding: number | undefined): NavigationState {
	return {selected: firstFinding ?? 0, top: 0};
}

export function navigate(state: NavigationState, action: NavigationAction): NavigationState {
	const {viewport} = action;
	if (state.details) return navigateDetails(state, state.details.scroll, action);
	const count = viewport.items.length;
	if (count === 0) return action.type === 'open' ? state : {...state, top: 0};
	const page = Math.max(1, viewport.listHeight - 1);
	const current = clamp(state.selected, 0, count - 1);
	let selected = current;
	switch (action.type) {
		case 'up':
			selected = current - 1;
			break;
		case 'down':
			selected = current + 1;
			break;
		case 'page-up':
			selected = current - page;
			break;
		case 'page-down':
			selected = current + page;
			break;
		case 'first':
			selected = 0;
			break;
		case 'last':
			selected = count - 1;
			break;
		case 'open':
			return {...state, selected: current, details: {scroll: 0}};
		case 'close':
			return state;
	}
	selected = clamp(selected, 0, count - 1);
	return {selected, top: visibleTop({...state, selected}, viewport)};
}

function navigateDetails(state: NavigationState, scroll: number, action: NavigationAction): NavigationState {
	const {detailsLineCount, detailsHeight} = action.viewport;
	const last = Math.max(0, detailsLineCount - detailsHeight);
	const page = Math.max(1, detailsHeight - 1);
	const scrolled = (value: number): NavigationState => ({...state, details: {scroll: clamp(value, 0, last)}});
	switch (action.type) {
		case 'close':
		case 'open':
			return {selected: state.selected, top: state.top};
		case 'up':
			return scrolled(scroll - 1);
		case 'down':
			return scrolled(scroll + 1);
		case 'page-up':
			return scrolled(scroll - page);
		case 'page-down':
			return scrolled(scroll + page);
		case 'first':
			return scrolled(0);
		case 'last':
			return scrolled(last);
	}
}

/**
 * The first row to show so that the selected item is visible, moving the window as little as possible from
 * `state.top`. A heading right above the selected item comes into view with it. Also used at render time, so a
 * resize never leaves the selection off screen before the next key.
 */
export function visibleTop(state: NavigationState, viewport: Viewport): number {
	const height = Math.max(1, viewport.listHeight);
	const maxTop = Math.max(0, viewport.rowCount - height);
	const selectedRow = viewport.items[clamp(state.selected, 0, viewport.items.length - 1)];
	let top = clamp(state.top, 0, maxTop);
	if (selectedRow === undefined) return top;
	const headingAbove = selectedRow > 0 && !viewport.items.includes(selectedRow - 1);
	const wanted = headingAbove && height > 1 ? selectedRow - 1 : selectedRow;
	if (wanted < top) top = wanted;
	if (selectedRow > top + height - 1) top = selectedRow - height + 1;
	return clamp(top, 0, maxTop);
}

/** The details scroll offset clamped to the current geometry (the terminal may have grown since the last key). */
export function visibleDetailsScroll(state: NavigationState, viewport: Viewport): number {
	return clamp(state.details?.scroll ?? 0, 0, Math.max(0, viewport.detailsLineCount - viewport.detailsHeight));
}

function clamp(value: number, low: number, high: number): number {
	return Math.min(Math.max(value, low), Math.max(low, high));
}
