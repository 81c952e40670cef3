import type {explainError} from '../aws/error-catalogue.js';
import type {ProbeResult} from '../aws/identity.js';
import {maskSecretsInText} from '../aws/mask-text.js';
import type {Candidate, Verdict, Winner} from '../credentials/verdict.js';
import type {Snapshot} from '../gather/snapshot.js';
import {compareAccount} from './expected-account.js';
import type {Finding, FindingStatus} from './finding.js';
import {REPORT_SCHEMA, REPORT_VERSION, type Report, type ReportCandidate, type ReportExpectedAccount, type ReportWinner} from './report.js';
import {knownSecrets, scrubSecrets} from './secret-scrub.js';

export interface ReportInput {
	snapshot: Snapshot;
	primary: Verdict;
	others: Verdict[];
	probe: ProbeResult;
	findings: Finding[];
	toolVersion: string;
}

/** The error catalogue's explainer: needed only for a failed probe, and the catalogue is large to load. */
export type ExplainFailure = typeof explainError;

const statusOrder: Record<FindingStatus, number> = {fail: 0, warn: 1, info: 2, ok: 3};

/**
 * The one serialisable model every view renders. Pure: the same input gives the same Report. Every secret is in
 * its masked form: typed Secrets are masked here, and any raw secret value from the snapshot that slipped into a
 * message is replaced as well.
 *
 * `explainFailure` is the catalogue's explainError: passed in, so that a doctor whose probe did not fail never loads
 * the catalogue.
 */
export function assembleReport(input: ReportInput, explainFailure: ExplainFailure): Report {
	const {snapshot, primary, others, probe, toolVersion} = input;
	// Once AWS has answered, its account replaces the offline guess (role_arn, decoded key id) of the guard.
	const findings = input.findings
		.filter(finding => probe.status !== 'ok' || finding.id !== 'expected-account-offline')
		.map((finding, index) => ({finding, index}))
		.sort((a, b) => statusOrder[a.finding.status] - statusOrder[b.finding.status] || a.index - b.index)
		.map(({finding}) => finding);
	const summary = {ok: 0, warn: 0, fail: 0, info: 0};
	for (const finding of findings) summary[finding.status] += 1;
	const usable = primary.winner !== undefined && primary.error === undefined;
	const failed = summary.fail > 0 || !usable || probe.status === 'failed';
	const report: Report = {
		$schema: REPORT_SCHEMA,
		version: REPORT_VERSION,
		tool: {name: 'sls-creds-wizard', version: toolVersion},
		generatedAt: new Date(snapshot.now).toISOString(),
		service: compact({
			path: snapshot.service.path,
			name: snapshot.service.service,
			stage: primary.stage,
			stageSource: snapshot.service.stage.source,
			region: primary.region.value,
			regionSource: primary.region.source,
		}),
		framework: compact({
			engine: primary.engine,
			major: primary.engine === 'aws-sdk-v3' ? undefined : snapshot.framework.major,
			source: snapshot.framework.source,
			detail: snapshot.framework.detail,
		}),
		winner: primary.winner ? reportWinner(primary.winner) : undefined,
		error: primary.error ? compact({...primary.error}) : undefined,
		ladder: [...primary.candidates].sort((a, b) => a.rank - b.rank).map(reportCandidate),
		otherEngines: others.map(verdict =>
			compact({
				engine: verdict.engine,
				winner: verdict.winner ? reportWinner(verdict.winner) : undefined,
				error: verdict.error ? compact({...verdict.error}) : undefined,
			}),
		),
		identity: reportIdentity(probe, primary, snapshot, explainFailure),
		expectedAccount: reportExpectedAccount(snapshot, primary, probe),
		findings: findings.map(finding => compact({...finding})),
		traps: [...primary.traps],
		summary,
		exitCode: failed ? 1 : 0,
	};
	return scrubSecrets(compact(report), knownSecrets(snapshot));
}

function reportExpectedAccount(snapshot: Snapshot, verdict: Verdict, probe: ProbeResult): ReportExpectedAccount | undefined {
	const comparison = compareAccount(snapshot, verdict, probe);
	if (!comparison) return undefined;
	if (comparison.status === 'unlisted') return {stage: comparison.stage, status: 'unlisted'};
	const {expected} = comparison;
	const actual = comparison.status === 'unknown' ? undefined : comparison.actual;
	return compact({
		stage: comparison.stage,
		status: comparison.status,
		account: expected.account,
		profile: expected.profile,
		roleArn: expected.role?.arn,
		actual: actual?.account,
		basis: actual?.basis,
		probable: actual?.probable || undefined,
	});
}

function reportWinner(winner: Winner): ReportWinner {
	return compact({
		source: winner.source,
		title: winner.title,
		kind: winner.kind,
		profile: winner.profile,
		accessKeyId: winner.accessKeyId?.masked(),
		roleArn: winner.roleArn,
	});
}

function reportCandidate(candidate: Candidate): ReportCandidate {
	return compact({
		rank: candidate.rank,
		source: candidate.source,
		title: candidate.title,
		status: candidate.status,
		reason: candidate.reason,
		profile: candidate.profile,
		kind: candidate.kind,
		accessKeyId: candidate.accessKeyId?.masked(),
		shadowedBy: candidate.shadowedBy,
		fix: candidate.fix,
		origin: candidate.origin ? [...candidate.origin] : undefined,
	});
}

function reportIdentity(probe: ProbeResult, verdict: Verdict, snapshot: Snapshot, explainError: ExplainFailure): Report['identity'] {
	if (probe.status === 'ok') {
		const {identity} = probe;
		return compact({
			status: 'ok' as const,
			account: identity.account,
			arn: identity.arn,
			principal: identity.principal,
			clockSkewMs: identity.clockSkewMs,
			endpoint: identity.endpoint,
		});
	}
	if (probe.status === 'failed') {
		const failure = {...probe.failure, message: maskSecretsInText(probe.failure.message)};
		const explanation = explainError(
			{code: failure.code, name: failure.code, message: failure.message, httpStatus: failure.httpStatus},
			{verdict, snapshot},
		);
		return compact({
			status: 'failed' as const,
			failure: compact({...failure}),
			explanation: explanation ? {title: explanation.title, what: explanation.what, fix: [...explanation.fix]} : undefined,
		});
	}
	return {status: 'skipped', reason: probe.reason};
}

/** Drops keys whose value is undefined, so the JSON and deep-equality views agree. */
function compact<T extends object>(value: T): T {
	return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}
