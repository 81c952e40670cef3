import {useState} from 'react';
import {step} from '../../../source/wizard/reducer.js';
import type {Event, WizardState} from '../../../source/wizard/state.js';
import {WizardScreen} from '../../../source/ui/wizard/WizardScreen.js';
import {ThemeContext, noColourTheme} from '../../../source/ui/theme.js';

/** The screen with a dispatch that records every event and, when `apply`, feeds it through the reducer. */
export function Harness({initial, events, apply = false}: {initial: WizardState; events: Event[]; apply?: boolean}) {
	const [state, setState] = useState(initial);
	return (
		<ThemeContext.Provider value={noColourTheme}>
			<WizardScreen
				state={state}
				dispatch={event => {
					events.push(event);
					if (apply) setState(current => step(current, event).state);
				}}
			/>
		</ThemeContext.Provider>
	);
}
