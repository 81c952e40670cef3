/**
 * `doctor --all-stages`: one Report per stage plus a summary a CI step can test (`jq .summary.failed`). Each stage's
 * Report is exactly what `doctor --stage <stage>` builds, so the two cannot disagree.
 */
import type {SourceId} from '../credentials/verdict.js';
import type {Report} from './report.js';

export const STAGES_REPORT_SCHEMA = 'https://github.com/sls-creds-wizard/schemas/doctor-all-stages' as const;
export const STAGES_REPORT_VERSION = 1 as const;

/** `fail`: the stage's Report has exit code 1; `warn`: it passes with warnings; `ok`: it passes clean. */
export type StageVerdict = 'ok' | 'warn' | 'fail';

/** One row of the table. */
export interface StageSummary {
	stage: string;
	verdict: StageVerdict;
	/** The credential source the deploy of this stage uses (absent when none is usable). */
	source?: SourceId;
	/** That source in the user's words, e.g. `provider.profile "acme-prod" (serverless.yml)`. */
	sourceTitle?: string;
	/** The winner's profile, or the profile the engine stopped at. */
	profile?: string;
	/**
	 * The account the credentials reach: what AWS STS says, or offline what the team-settings guard could learn
	 * (see `accountBasis`). Absent when unknown.
	 */
	account?: string;
	/** How `account` is known: `sts`, or offline `role-arn`, `sso-account-id`, `access-key-id` (decoded: probable). */
	accountBasis?: 'sts' | 'role-arn' | 'sso-account-id' | 'access-key-id';
	/** The account the team settings (`custom.deployAccounts`) expect for this stage. */
	expectedAccount?: string;
	/** Why the stage fails, in one line: the first failing check, or the engine's error. */
	reason?: string;
	/** Failing and warning checks of this stage. */
	failed: number;
	warnings: number;
}

export interface StagesReport {
	$schema: typeof STAGES_REPORT_SCHEMA;
	version: typeof STAGES_REPORT_VERSION;
	/** In the order of the team settings (or the service file). */
	stages: Report[];
	summary: {
		/** Where the list of stages came from. */
		stagesFrom: 'team settings' | 'service file';
		ok: number;
		warn: number;
		fail: number;
		/** Names of the failing stages, in order. */
		failed: string[];
		stages: StageSummary[];
	};
	/** 1 when any stage fails, else 0. */
	exitCode: 0 | 1;
}

/** Outcome findings state the result; a failing diagnosis says better what is wrong. */
const outcomeFindings = new Set(['credentials-error', 'credentials-not-found']);

/** Pure: the same Reports give the same StagesReport. */
export function buildStagesReport(reports: readonly Report[], stagesFrom: StagesReport['summary']['stagesFrom']): StagesReport {
	const rows = reports.map(stageSummary);
	const failed = rows.filter(row => row.verdict === 'fail').map(row => row.stage);
	return {
		$schema: STAGES_REPORT_SCHEMA,
		version: STAGES_REPORT_VERSION,
		stages: [...reports],
		summary: {
			stagesFrom,
			ok: rows.filter(row => row.verdict === 'ok').length,
			warn: rows.filter(row => row.verdict === 'warn').length,
			fail: failed.length,
			failed,
			stages: rows,
		},
		exitCode: failed.length > 0 ? 1 : 0,
	};
}

export function stageSummary(report: Report): StageSummary {
	const verdict: StageVerdict = report.exitCode === 1 ? 'fail' : report.summary.warn > 0 ? 'warn' : 'ok';
	// Keys in the order of the table, for people reading the JSON.
	const row: StageSummary = {
		stage: report.service.stage,
		verdict,
		source: report.winner?.source,
		sourceTitle: report.winner?.title,
		// Without a winner, the profile the engine stopped at (e.g. one that does not exist) is still the stage's.
		profile: report.winner?.profile ?? report.ladder.find(rung => rung.source === report.error?.source)?.profile,
		...reachedAccount(report),
		expectedAccount: report.expectedAccount?.account,
		reason: verdict === 'fail' ? failureReason(report) : undefined,
		failed: report.summary.fail,
		warnings: report.summary.warn,
	};
	for (const key of Object.keys(row) as Array<keyof StageSummary>) if (row[key] === undefined) delete row[key];
	return row;
}

function reachedAccount(report: Report): Pick<StageSummary, 'account' | 'accountBasis'> {
	if (report.identity.status === 'ok') return {account: report.identity.account, accountBasis: 'sts'};
	const guard = report.expectedAccount;
	if (guard?.actual !== undefined && guard.basis !== undefined) return {account: guard.actual, accountBasis: guard.basis};
	return {};
}

/** The wrong-account guard first: deploying into the wrong account is the failure that matters most. */
const guardFindings = new Set(['expected-account', 'expected-account-offline']);

function failureReason(report: Report): string {
	const failing = report.findings.filter(finding => finding.status === 'fail');
	const first = failing.find(finding => guardFindings.has(finding.id)) ?? failing.find(finding => !outcomeFindings.has(finding.id)) ?? failing[0];
	if (first) return first.title;
	if (report.error) return `${report.error.code}: ${report.error.message}`;
	if (report.identity.status === 'failed') return `AWS refused the credentials (${report.identity.failure.code})`;
	return report.winner ? 'a check failed' : 'no usable credentials';
}
