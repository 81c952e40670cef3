/**
 * One stage through the doctor: gather → analyse → probe (unless --offline) → checks → Report. `doctor` runs it once,
 * `doctor --all-stages` once per stage; both views render the Reports it builds, so the two cannot disagree.
 */
import type {ProbeResult} from '../aws/identity.js';
import {analyse} from '../credentials/analyse.js';
import type {Verdict} from '../credentials/verdict.js';
import {assembleReport, type ExplainFailure} from '../doctor/assemble-report.js';
import {runChecks} from '../doctor/checks/index.js';
import {identityChecks} from '../doctor/identity-checks.js';
import type {Report} from '../doctor/report.js';
import {gather} from '../gather/gather.js';
import type {Env, Snapshot} from '../gather/snapshot.js';
import {teamSettingsError} from '../service/team-settings-error.js';
import type {DoctorArguments} from './command-line.js';

export interface StageCheck {
	snapshot: Snapshot;
	/** The verdict of the engine the deploy runs on. */
	primary: Verdict;
	/** What the other engines would pick, for contrast. */
	others: Verdict[];
	/** False when probe() answers without calling AWS (--offline, or nothing usable to check). */
	asksAws: boolean;
	/** STS GetCallerIdentity for the winning credentials, bounded by --timeout; never throws for AWS problems. */
	probe(): Promise<ProbeResult>;
	/** The Report for this stage once the probe has answered (or was skipped). Pure. */
	report(probe: ProbeResult): Report;
}

/** The machine as a deploy of `stage` (default: the stage of the command line, else the service's own) would see it. */
export async function gatherStage(
	args: DoctorArguments,
	io: {cwd: string; env: Env},
	stage: string | undefined = args.stage,
): Promise<Snapshot> {
	const snapshot = await gather({
		cwd: io.cwd,
		configPath: args.config,
		options: {
			stage,
			region: args.region,
			awsProfile: args.awsProfile,
			useLocalCredentials: args.useLocalCredentials || undefined,
			org: args.org,
			app: args.app,
		},
		framework: args.framework,
		processEnv: io.env,
	});
	// Invalid team settings stop the doctor with exit 2: a guard reading a broken mapping would say "ok" wrongly.
	const invalidTeamSettings = teamSettingsError(snapshot.service.team);
	if (invalidTeamSettings) throw invalidTeamSettings;
	return snapshot;
}

export function checkStage(snapshot: Snapshot, args: Pick<DoctorArguments, 'offline' | 'timeoutSeconds'>, toolVersion: string): StageCheck {
	const {primary, others} = analyse(snapshot);
	const winner = primary.winner;
	// Only a failed probe needs the error catalogue; probe() loads it then (with the SDK, it is already in memory).
	let explainFailure: ExplainFailure = () => {
		throw new Error('doctor: a failed probe reached the report without the error catalogue');
	};
	return {
		snapshot,
		primary,
		others,
		asksAws: !args.offline && winner !== undefined,
		async probe() {
			if (args.offline) return {status: 'skipped', reason: '--offline'};
			if (!winner) return {status: 'skipped', reason: 'no usable credentials to check'};
			// The SDK is loaded only when AWS is asked.
			const {probeIdentity} = await import('../aws/probe-identity.js');
			const result = await probeIdentity({snapshot, winner, region: primary.region.value, deadlineMs: args.timeoutSeconds * 1000});
			if (result.status === 'failed') explainFailure = (await import('../aws/error-catalogue.js')).explainError;
			return result;
		},
		report: probe =>
			assembleReport(
				{
					snapshot,
					primary,
					others,
					probe,
					findings: [...runChecks(snapshot, primary), ...identityChecks(probe, primary, snapshot, explainFailure)],
					toolVersion,
				},
				explainFailure,
			),
	};
}
