/**
 * `sls-creds-wizard doctor`: wiring only. One stage (doctor-stage.ts: gather → analyse → probe unless --offline →
 * checks → report) → one view; `--all-stages` runs it per stage (doctor-all-stages.ts). The JSON and plain paths
 * never load Ink; the AWS SDK is loaded only when the probe runs.
 */
import type {Verdict} from '../credentials/verdict.js';
import type {Env, Snapshot} from '../gather/snapshot.js';
import {renderExplanationsPlain} from '../render/explanations.js';
import {renderJson} from '../render/json.js';
import {renderClosing, renderPlain} from '../render/plain.js';
import type {DoctorArguments} from './command-line.js';
import {runDoctorAllStages} from './doctor-all-stages.js';
import {checkStage, gatherStage} from './doctor-stage.js';
import {wantsColour, withNewline} from './plain-output.js';

export interface CommandIo {
	cwd: string;
	env: Env;
	stdin: NodeJS.ReadStream;
	stdout: NodeJS.WriteStream;
	stderr: NodeJS.WriteStream;
	toolVersion: string;
	/** Text for an unexpected error, when it has to be printed after leaving the full screen. */
	describeCrash?: (error: unknown) => string;
}

/** Runs the doctor and returns the exit code (0 nothing failed, 1 a finding failed, 130 Ctrl-C). */
export async function runDoctor(args: DoctorArguments & {explainText?: string}, io: CommandIo): Promise<number> {
	if (args.allStages) return runDoctorAllStages(args, io);
	const check = checkStage(await gatherStage(args, io), args, io.toolVersion);
	if (args.explainText !== undefined) return explain(args.explainText, {snapshot: check.snapshot, verdict: check.primary}, args, io);

	const interactive = Boolean(io.stdin.isTTY && io.stdout.isTTY);
	if (args.json || args.plain || !interactive) {
		const final = check.report(await check.probe());
		io.stdout.write(args.json ? withNewline(renderJson(final)) : withNewline(renderPlain(final, {color: wantsColour(io), width: io.stdout.columns || 80})));
		return final.exitCode;
	}

	const {runDoctorScreen} = await import('../ui/run-doctor-screen.js');
	const first = check.report(check.asksAws ? {status: 'skipped', reason: 'checking with AWS…'} : await check.probe());
	const result = await runDoctorScreen(first, {
		probe: check.asksAws ? async () => check.report(await check.probe()) : undefined,
		stdin: io.stdin,
		stdout: io.stdout,
		stderr: io.stderr,
		env: io.env,
		describeCrash: io.describeCrash,
	});
	if (result.exit === 'cancel') return 130;
	// The screen is gone: leave the verdict on the normal screen, where the next command is typed.
	io.stdout.write(renderClosing(result.report, {color: wantsColour(io), width: io.stdout.columns || 80, where: 'in `sls-creds-wizard doctor`'}));
	return result.report.exitCode;
}

/** `--explain`: what a pasted error means for this service's setup. Exit 1 when nothing in it was recognised. */
async function explain(
	text: string,
	context: {snapshot: Snapshot; verdict: Verdict},
	args: DoctorArguments,
	io: CommandIo,
): Promise<number> {
	const {explainText} = await import('../aws/explain-text.js');
	const explanations = explainText(text, context);
	if (args.json) {
		io.stdout.write(`${JSON.stringify({explanations}, null, 2)}\n`);
	} else {
		io.stdout.write(withNewline(renderExplanationsPlain(explanations)));
	}
	return explanations.length > 0 ? 0 : 1;
}
