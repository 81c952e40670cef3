/**
 * `sls-creds-wizard doctor`: wiring only. gather → analyse → probe (unless --offline) → checks → report → one view.
 * The JSON and plain paths never load Ink; the AWS SDK is loaded only when the probe runs.
 */
import type {ProbeResult} from '../aws/identity.js';
import type {Verdict} from '../credentials/verdict.js';
import type {Report} from '../doctor/report.js';
import type {Env, Snapshot} from '../gather/snapshot.js';
import {analyse} from '../credentials/analyse.js';
import {buildReport} from '../doctor/build-report.js';
import {runChecks} from '../doctor/checks/index.js';
import {identityFindings} from '../doctor/identity-findings.js';
import {gather} from '../gather/gather.js';
import {renderJson} from '../render/json.js';
import {renderClosing, renderPlain} from '../render/plain.js';
import type {DoctorArguments} from './command-line.js';

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
	const snapshot = await gather({
		cwd: io.cwd,
		configPath: args.config,
		options: {
			stage: args.stage,
			region: args.region,
			awsProfile: args.awsProfile,
			useLocalCredentials: args.useLocalCredentials || undefined,
			org: args.org,
			app: args.app,
		},
		framework: args.framework,
		processEnv: io.env,
	});
	const {primary, others} = analyse(snapshot);
	if (args.explainText !== undefined) return explain(args.explainText, {snapshot, verdict: primary}, args, io);

	const report = (probe: ProbeResult): Report =>
		buildReport({
			snapshot,
			primary,
			others,
			probe,
			findings: [...runChecks(snapshot, primary), ...identityFindings(probe, primary, snapshot)],
			toolVersion: io.toolVersion,
		});
	const probe = async (): Promise<ProbeResult> => runProbe(snapshot, primary, args);
	const interactive = Boolean(io.stdin.isTTY && io.stdout.isTTY);

	if (args.json || args.plain || !interactive) {
		const final = report(await probe());
		io.stdout.write(args.json ? withNewline(renderJson(final)) : withNewline(renderPlain(final, {color: wantsColour(io), width: io.stdout.columns || 80})));
		return final.exitCode;
	}

	const {runDoctorScreen} = await import('../ui/run-doctor-screen.js');
	const needsProbe = !args.offline && primary.winner !== undefined;
	const first = report(needsProbe ? {status: 'skipped', reason: 'checking with AWS…'} : await probe());
	const result = await runDoctorScreen(first, {
		probe: needsProbe ? async () => report(await probe()) : undefined,
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

async function runProbe(snapshot: Snapshot, verdict: Verdict, args: DoctorArguments): Promise<ProbeResult> {
	if (args.offline) return {status: 'skipped', reason: '--offline'};
	if (!verdict.winner) return {status: 'skipped', reason: 'no usable credentials to check'};
	const {probeIdentity} = await import('../aws/probe-identity.js');
	return probeIdentity({snapshot, winner: verdict.winner, region: verdict.region.value, deadlineMs: args.timeoutSeconds * 1000});
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
		const {renderExplanationsPlain} = await import('../render/explanations.js');
		io.stdout.write(withNewline(renderExplanationsPlain(explanations)));
	}
	return explanations.length > 0 ? 0 : 1;
}

function wantsColour(io: CommandIo): boolean {
	if (!io.stdout.isTTY) return false;
	if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
	return io.env.FORCE_COLOR !== '0' && io.env.TERM !== 'dumb';
}

function withNewline(text: string): string {
	return text.endsWith('\n') ? text : `${text}\n`;
}
