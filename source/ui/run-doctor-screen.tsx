import {useEffect, useState} from 'react';
import {render, useApp} from 'ink';
import type {Report} from '../doctor/report.js';
import {Doctor, type DoctorExit} from './screens/Doctor.js';
import {runFullScreen} from './full-screen.js';
import {ThemeContext, themeFor, type Theme} from './theme.js';

export interface DoctorScreenOptions {
	/**
	 * Produces the final report (with the STS answer). Started after the first frame is on screen, so loading the
	 * AWS SDK never delays it; until it settles the identity line says the check is running.
	 */
	probe?: () => Promise<Report>;
	theme?: Theme;
	/** Decides the theme when none is given (NO_COLOR, FORCE_COLOR=0, TERM=dumb). */
	env?: Readonly<Record<string, string | undefined>>;
	stdout?: NodeJS.WriteStream;
	stdin?: NodeJS.ReadStream;
	stderr?: NodeJS.WriteStream;
	describeCrash?: (error: unknown) => string;
}

export interface DoctorScreenResult {
	/** `quit` (q / Esc) or `cancel` (Ctrl-C: exit 130). */
	exit: DoctorExit;
	/** The report on screen when the user left (the probe may not have finished). */
	report: Report;
	/** Whether the probe was still running. */
	probing: boolean;
}

/** Shows the doctor full screen until the user leaves. Only call it when stdin and stdout are TTYs. */
export async function runDoctorScreen(report: Report, options: DoctorScreenOptions = {}): Promise<DoctorScreenResult> {
	const stdout = options.stdout ?? process.stdout;
	const stdin = options.stdin ?? process.stdin;
	const stderr = options.stderr ?? process.stderr;
	const theme = options.theme ?? themeFor(options.env ?? process.env);
	let result: DoctorScreenResult = {exit: 'quit', report, probing: false};
	await runFullScreen(
		() =>
			render(
				<ThemeContext.Provider value={theme}>
					<DoctorApp
						initial={report}
						probe={options.probe}
						onExit={outcome => {
							result = outcome;
						}}
					/>
				</ThemeContext.Provider>,
				{stdout, stdin, stderr, exitOnCtrlC: false, patchConsole: false},
			),
		{stdout, stderr, describeCrash: options.describeCrash},
	);
	return result;
}

function DoctorApp(props: {initial: Report; probe?: () => Promise<Report>; onExit: (result: DoctorScreenResult) => void}) {
	const {exit} = useApp();
	const [report, setReport] = useState(props.initial);
	const [probing, setProbing] = useState(props.probe !== undefined);
	useEffect(() => {
		if (!props.probe) return;
		let live = true;
		props.probe().then(
			final => {
				if (!live) return;
				setReport(final);
				setProbing(false);
			},
			(error: unknown) => {
				// A probe that throws (rather than reporting a failure) is a bug: end the screen and show it.
				if (live) exit(error instanceof Error ? error : new Error(String(error)));
			},
		);
		return () => {
			live = false;
		};
	}, [props.probe, exit]);
	return (
		<Doctor
			report={report}
			checking={probing}
			onExit={reason => {
				props.onExit({exit: reason, report, probing});
				exit();
			}}
		/>
	);
}
