/**
 * `sls-creds-wizard doctor --all-stages`: the single-stage doctor once per stage the service deploys to, for CI as a
 * pre-deploy step. No full screen: a table (or one JSON document with --json), exit 1 when any stage fails.
 */
import {buildStagesReport} from '../doctor/stages-report.js';
import {renderStagesJson} from '../render/stages-json.js';
import {renderStagesPlain} from '../render/stages-plain.js';
import {deployStages} from '../service/deploy-stages.js';
import type {DoctorArguments} from './command-line.js';
import type {CommandIo} from './doctor.js';
import {checkStage, gatherStage} from './doctor-stage.js';
import {wantsColour} from './plain-output.js';
import {PROGRAM} from './usage.js';
import {UsageError} from './usage-error.js';

/** STS calls in flight at once: enough for a handful of stages, few enough not to trip throttling. */
export const PROBE_CONCURRENCY = 4;

export async function runDoctorAllStages(args: DoctorArguments, io: CommandIo): Promise<number> {
	// The service as written (no --stage) says which stages there are.
	const service = (await gatherStage(args, io, undefined)).service;
	const known = deployStages(service);
	if (!known) {
		throw new UsageError(
			`no stages known — ${service.path ? 'the service file names none' : 'there is no service file here'}.`,
			`Pass --stage <stage> (without --all-stages), or add custom.deployAccounts to serverless.yml (one entry per stage; see \`${PROGRAM} doctor --help\`).`,
		);
	}
	// Each stage is gathered as `serverless deploy --stage <stage>` would see the machine.
	const checks = [];
	for (const stage of known.stages) checks.push(checkStage(await gatherStage(args, io, stage), args, io.toolVersion));
	// Each probe keeps its own --timeout deadline; at most PROBE_CONCURRENCY ask AWS at once.
	const probes = await boundedAll(checks, PROBE_CONCURRENCY, check => check.probe());
	const report = buildStagesReport(
		checks.map((check, index) => check.report(probes[index]!)),
		known.from,
	);
	io.stdout.write(args.json ? renderStagesJson(report) : renderStagesPlain(report, {color: wantsColour(io), width: io.stdout.columns || 80}));
	return report.exitCode;
}

/** `work` over every item with at most `limit` running at once; results in the order of `items`. */
export async function boundedAll<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < items.length) {
			const index = next++;
			results[index] = await work(items[index]!);
		}
	};
	await Promise.all(Array.from({length: Math.max(1, Math.min(limit, items.length))}, worker));
	return results;
}
