/**
 * How the wizard moves between screens and what Esc returns to. The history is a simple path of screens that wait
 * for a choice: busy screens (waiting for an effect) and confirmation screens are never returned to, so Esc after a
 * confirmation goes back to the form the confirmation was about, and never to a diff that is no longer true.
 */
import type {Effect} from './effect.js';
import type {Screen, WizardContext, WizardState} from './state.js';

export interface Transition {
	state: WizardState;
	effects: Effect[];
}

const CONFIRMATION_PHASES: ReadonlySet<string> = new Set([
	'confirm-save-policy',
	'confirm-create',
	'confirm-new-key',
	'confirm-delete-key',
	'review',
]);

/** Phases during which a file or the AWS account is being changed: Esc cannot undo what is under way. */
const CHANGING_PHASES: ReadonlySet<string> = new Set(['saving-policy', 'creating', 'writing']);

export function isBusy(screen: Screen): screen is Extract<Screen, {id: number}> {
	return 'id' in screen;
}

export function isConfirmation(screen: Screen): boolean {
	return CONFIRMATION_PHASES.has(screen.phase);
}

export function isChanging(screen: Screen): boolean {
	return CHANGING_PHASES.has(screen.phase);
}

/** A screen Esc can return to. */
export function isResting(screen: Screen): boolean {
	return screen.step !== 'exit' && !isBusy(screen) && !isConfirmation(screen);
}

/** The screens a detour through steps 3–6 (for one stage's profile) starts from and returns to. */
export function isDetourStart(screen: Screen): boolean {
	return (screen.step === 'stages' && screen.phase === 'pick') || (screen.step === 'team' && screen.phase === 'overview');
}

export function sameScreen(a: Screen, b: Screen): boolean {
	return a.step === b.step && a.phase === b.phase;
}

export function unchanged(state: WizardState): Transition {
	return {state, effects: []};
}

/**
 * Shows `next`. A resting screen that is left for another one is remembered; going to a screen that is already in
 * the history returns to it (the history never holds a screen twice); the same screen is updated in place.
 */
export function go(state: WizardState, next: Screen, context: WizardContext = state.context, effects: Effect[] = []): Transition {
	const current = state.screen;
	let history = state.history;
	if (!sameScreen(current, next)) {
		if (isResting(current)) history = [...history, withoutError(current)];
		const earlier = history.findIndex((screen, index) => index >= context.historyFloor && sameScreen(screen, next));
		if (earlier !== -1) history = history.slice(0, earlier);
	}
	return {state: {screen: next, history, context}, effects};
}

/** A screen as Esc brings it back: an error shown when it was left is no longer news. */
export function withoutError(screen: Screen): Screen {
	if (!('error' in screen)) return screen;
	const {error: _error, ...rest} = screen;
	return rest as Screen;
}

/** Shows a busy screen and starts the effect whose result it waits for, both under a fresh id. */
export function startEffect(
	state: WizardState,
	context: WizardContext,
	screen: (id: number) => Screen,
	effect: (id: number) => Effect,
): Transition {
	const id = context.nextId;
	return go(state, screen(id), {...context, nextId: id + 1}, [effect(id)]);
}

/** Esc: the previous resting screen. Nothing when there is none, or while a change is under way. */
export function back(state: WizardState): Transition {
	const previous = state.history.at(-1);
	if (previous === undefined || state.screen.step === 'exit' || isChanging(state.screen)) return unchanged(state);
	return {state: {...state, screen: previous, history: state.history.slice(0, -1)}, effects: []};
}

/** Ctrl-C: leave at once with exit code 130; files are only ever changed atomically, so nothing is half-written. */
export function cancel(state: WizardState): Transition {
	if (state.screen.step === 'exit') return unchanged(state);
	const context = {...state.context, historyFloor: 0};
	return {state: {screen: {step: 'exit', phase: 'leaving', code: 130}, history: [], context}, effects: [{type: 'exit', code: 130}]};
}
