import type {Report} from '../doctor/report.js';

/** Top-level keys in schema order (docs/report-schema.md), whatever order the object was built in. */
const topLevel: Array<keyof Report> = [
	'$schema',
	'version',
	'tool',
	'generatedAt',
	'service',
	'framework',
	'winner',
	'error',
	'ladder',
	'otherEngines',
	'identity',
	'expectedAccount',
	'findings',
	'traps',
	'summary',
	'exitCode',
];

/**
 * The Report as `--json` prints it: two-space indented, newline-terminated, keys in a fixed order so that two runs
 * over the same world differ only in `generatedAt`. Secrets are already masked in the Report; a stray `Secret`
 * serialises to its mask through its own toJSON.
 */
export function renderJson(report: Report): string {
	return `${JSON.stringify(orderedReport(report), null, 2)}\n`;
}

/** The Report with its top-level keys in schema order (also each stage of `--all-stages`). */
export function orderedReport(report: Report): Record<string, unknown> {
	const ordered: Record<string, unknown> = {};
	for (const key of topLevel) if (report[key] !== undefined) ordered[key] = report[key];
	for (const [key, value] of Object.entries(report)) if (!(key in ordered) && value !== undefined) ordered[key] = value;
	return ordered;
}
