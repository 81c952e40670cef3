import type {Snapshot} from '../../gather/snapshot.js';
import type {Finding, FindingStatus} from '../finding.js';
import {caSettings, type CaProblem, type CaSettings} from '../../aws/ca-bundle.js';

const RANK: Record<CaProblem['severity'], number> = {info: 0, warn: 1, fail: 2};

/**
 * Certificate-authority settings as findings: one per problem kind (several variables with the same problem share a
 * finding, so ids stay unique in the report), and one `ca-ok` when nothing needs fixing.
 */
export function caChecks(snapshot: Snapshot): Finding[] {
	const settings = caSettings(snapshot);
	const byId = new Map<string, CaProblem[]>();
	for (const problem of settings.problems) byId.set(problem.id, [...(byId.get(problem.id) ?? []), problem]);

	const findings: Finding[] = [];
	for (const [id, problems] of byId) {
		const worst = problems.reduce((a, b) => (RANK[b.severity] > RANK[a.severity] ? b : a));
		const fixes = [...new Set(problems.map(problem => problem.fix).filter((fix): fix is string => Boolean(fix)))];
		findings.push({
			id,
			status: worst.severity as FindingStatus,
			title: worst.title,
			why: [...new Set(problems.map(problem => problem.why))].join(' '),
			fix: fixes.length > 0 ? fixes.join(' — ') : undefined,
			details: problems.length > 1 || worst.details ? problems.flatMap(problem => [problem.title, ...(problem.details ?? [])]) : undefined,
		});
	}
	if (!findings.some(finding => finding.status === 'warn' || finding.status === 'fail')) findings.unshift(okFinding(settings));
	return findings;
}

/** A corporate bundle holds a few roots; a whole system bundle (~140) would bury the rest of the report. */
const LISTED_CERTIFICATES = 8;

function okFinding(settings: CaSettings): Finding {
	const active = settings.sources.filter(source => source.active);
	if (active.length === 0) {
		return {
			id: 'ca-ok',
			status: 'ok',
			title: 'No custom certificate authority configured',
			why: "AWS connections are checked against Node's bundled root certificates.",
		};
	}
	const details = active.flatMap(source => [
		`${source.variable} (${source.origin}), read by ${source.readBy.join(', ')}: ${source.value}`,
		...source.certificates.slice(0, LISTED_CERTIFICATES).map(certificate => `  ${certificate.subject} — valid to ${certificate.validTo.slice(0, 10)}${certificate.selfSigned ? ', self-signed root' : ''}`),
		...(source.certificates.length > LISTED_CERTIFICATES ? [`  … and ${source.certificates.length - LISTED_CERTIFICATES} more`] : []),
	]);
	const count = settings.extraPems.length;
	return {
		id: 'ca-ok',
		status: 'ok',
		title: `Custom CA settings look fine (${count} certificate${count === 1 ? '' : 's'})`,
		why: `Set: ${active.map(source => source.variable).join(', ')}. They are added to Node's bundled roots for this tool's own AWS calls.`,
		details,
	};
}
