import {useCallback, useEffect, useRef, useState} from 'react';
import {render, useApp} from 'ink';
import {doneSummary} from '../wizard/done-summary.js';
import {startWizard, step} from '../wizard/reducer.js';
import type {Line} from '../wizard/screen-line.js';
import type {Effect} from '../wizard/effect.js';
import type {Shell} from '../wizard/shell-exports.js';
import type {Event} from '../wizard/state.js';
import {runFullScreen} from './full-screen.js';
import {ThemeContext, themeFor} from './theme.js';
import {WizardScreen} from './wizard/WizardScreen.js';

/**
 * Performs one effect outside the view (files, IAM, STS) and answers with the event the reducer waits for.
 * `progress` carries events sent while the effect still runs (verify attempts); `signal` is aborted when the wizard
 * exits (Ctrl-C), so a long wait stops at once instead of running on behind the closed screen.
 */
export type PerformEffect = (effect: Effect, progress: (event: Event) => void, signal: AbortSignal) => Promise<Event | undefined>;

export interface WizardRunResult {
	code: 0 | 1 | 130;
	/** The user asked to run the doctor after leaving. */
	next?: 'doctor';
	/** Left from the Done screen: its summary, to print on the normal screen once the full screen is gone. */
	closing?: Line[];
}

export interface WizardScreenOptions {
	perform: PerformEffect;
	shell: Shell;
	env: Readonly<Record<string, string | undefined>>;
	stdout: NodeJS.WriteStream;
	stdin: NodeJS.ReadStream;
	stderr: NodeJS.WriteStream;
	describeCrash?: (error: unknown) => string;
}

/** The wizard full screen until its reducer says exit. Only call it when stdin and stdout are TTYs. */
export async function runWizardScreen(options: WizardScreenOptions): Promise<WizardRunResult> {
	const {stdout, stdin, stderr} = options;
	let result: WizardRunResult = {code: 130};
	await runFullScreen(
		() =>
			render(
				<ThemeContext.Provider value={themeFor(options.env)}>
					<WizardApp perform={options.perform} shell={options.shell} onExit={outcome => (result = outcome)} />
				</ThemeContext.Provider>,
				{stdout, stdin, stderr, exitOnCtrlC: false, patchConsole: false},
			),
		{stdout, stderr, describeCrash: options.describeCrash},
	);
	return result;
}

/** Holds the reducer's state; the only place events meet effects. */
function WizardApp(props: {perform: PerformEffect; shell: Shell; onExit: (result: WizardRunResult) => void}) {
	const {exit} = useApp();
	const [first] = useState(startWizard);
	const current = useRef(first.state);
	/** The state before the latest event: the screen an exit was chosen on. */
	const leftFrom = useRef(first.state);
	const [state, setState] = useState(first.state);
	const live = useRef(true);
	const [leaving] = useState(() => new AbortController());

	const dispatch = useCallback(
		(event: Event) => {
			if (!live.current) return;
			leftFrom.current = current.current;
			const transition = step(current.current, event);
			current.current = transition.state;
			setState(transition.state);
			for (const effect of transition.effects) perform(effect);
		},
		// `perform` is defined below and only reads stable values.
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[],
	);

	function perform(effect: Effect): void {
		if (effect.type === 'exit') {
			live.current = false;
			leaving.abort();
			const from = leftFrom.current;
			const closing = from.screen.step === 'done' && from.screen.phase === 'summary' ? doneSummary(from.screen, from.context) : undefined;
			props.onExit({code: effect.code, ...(effect.next ? {next: effect.next} : {}), ...(closing ? {closing} : {})});
			exit();
			return;
		}
		props.perform(effect, dispatch, leaving.signal).then(
			event => {
				if (event) dispatch(event);
			},
			(error: unknown) => exit(error instanceof Error ? error : new Error(String(error))),
		);
	}

	useEffect(() => {
		for (const effect of first.effects) perform(effect);
		return () => {
			live.current = false;
			leaving.abort();
		};
		// The first transition's effects run once, after the first frame.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, []);

	return <WizardScreen state={state} dispatch={dispatch} shell={props.shell} />;
}
