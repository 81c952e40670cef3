/**
 * `sls-creds-wizard` with no subcommand: wiring only. The flow is the pure reducer in `wizard/`, its effects run in
 * `wizard/effect-runner.ts`, and the view in `ui/run-wizard.tsx` only renders state and dispatches events.
 */
import type {RunnerDeps} from '../wizard/effect-runner.js';
import type {CommandIo} from './doctor.js';

export async function runWizard(io: CommandIo): Promise<number> {
	const [{runEffect}, {openUrl}, {copyToClipboard}, {detectShell}, {runWizardScreen}] = await Promise.all([
		import('../wizard/effect-runner.js'),
		import('../wizard/open-url.js'),
		import('../wizard/clipboard.js'),
		import('../wizard/shell-exports.js'),
		import('../ui/run-wizard.js'),
	]);
	// One set of deps for the whole run: the scan effect keeps the snapshot here for the effects after it.
	const deps: RunnerDeps = {cwd: io.cwd, env: io.env, openUrl: url => openUrl(url), copyToClipboard: text => copyToClipboard(text)};
	const result = await runWizardScreen({
		perform: (effect, progress, signal) => {
			deps.onProgress = progress;
			deps.signal = signal;
			return runEffect(effect, deps);
		},
		shell: detectShell(io.env),
		env: io.env,
		stdin: io.stdin,
		stdout: io.stdout,
		stderr: io.stderr,
		describeCrash: io.describeCrash,
	});
	if (result.closing) {
		const [{closingText}, {wantsColour}] = await Promise.all([import('../wizard/done-summary.js'), import('./plain-output.js')]);
		io.stdout.write(closingText(result.closing, {color: wantsColour(io)}));
	}
	if (result.next === 'doctor') {
		const {runDoctor} = await import('./doctor.js');
		return runDoctor({timeoutSeconds: 10, offline: false, json: false, plain: false, useLocalCredentials: false}, io);
	}
	return result.code;
}
