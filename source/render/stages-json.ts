import type {StagesReport} from '../doctor/stages-report.js';
import {orderedReport} from './json.js';

/**
 * `doctor --all-stages --json`: one JSON document and nothing else, so `… --json | jq` works in a CI step. Keys in
 * schema order (docs/report-schema.md); each stage is the single-stage Report in its own order.
 */
export function renderStagesJson(report: StagesReport): string {
	const ordered = {
		$schema: report.$schema,
		version: report.version,
		stages: report.stages.map(orderedReport),
		summary: report.summary,
		exitCode: report.exitCode,
	};
	return `${JSON.stringify(ordered, null, 2)}\n`;
}
