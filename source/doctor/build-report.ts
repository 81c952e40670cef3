/** The Report (assemble-report.ts) with the error catalogue's explainer for a failed probe. */
import {explainError} from '../aws/error-catalogue.js';
import type {Report} from './report.js';
import {assembleReport, type ReportInput} from './assemble-report.js';

export type {ReportInput} from './assemble-report.js';

/**
 * The one serialisable model every view renders. Pure: the same input gives the same Report. Every secret is in
 * its masked form: typed Secrets are masked here, and any raw secret value from the snapshot that slipped into a
 * message is replaced as well.
 */
export function buildReport(input: ReportInput): Report {
	return assembleReport(input, explainError);
}
