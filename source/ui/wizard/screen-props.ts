import type {Shell} from '../../wizard/shell-exports.js';
import type {Event, Screen, WizardContext} from '../../wizard/state.js';

/** What every step's screen gets: its phase, what earlier screens gathered, and the one way to act. */
export interface ScreenProps<S extends Screen['step']> {
	screen: Extract<Screen, {step: S}>;
	context: WizardContext;
	dispatch(event: Event): void;
	shell: Shell;
}
