import type {Finding} from '../doctor/finding.js';
import type {Report, ReportCandidate} from '../doctor/report.js';
import {engineName as engineLabel} from '../credentials/engine-name.js';
import {wrapLabelled, wrapLines} from './wrap-lines.js';
import {findingSymbol, kindLabel, sourceLabel, sourceSymbol} from './status-marks.js';

/** One line of the doctor's scrolling list: a section heading, a ladder rung or a checklist item. */
export type DoctorRow =
	| {kind: 'heading'; text: string}
	/** A line of context that cannot be selected (what the other engines would pick). */
	| {kind: 'note'; text: string; tone: 'plain' | 'fail'}
	| {kind: 'candidate'; candidate: ReportCandidate}
	| {kind: 'finding'; finding: Finding};

export interface DoctorList {
	rows: DoctorRow[];
	/** Row index of each selectable item (rungs, then findings), in order. */
	items: number[];
	/** Width of the widest ladder status label, so the labels line up. */
	labelWidth: number;
	/** Item index of the first finding, when there is one. */
	firstFinding?: number;
}

export function doctorList(report: Report): DoctorList {
	const rows: DoctorRow[] = [];
	const items: number[] = [];
	if (report.ladder.length > 0) {
		rows.push({kind: 'heading', text: `Precedence · ${engineLabel(report.framework.engine)} · first usable source wins`});
		for (const candidate of [...report.ladder].sort((a, b) => a.rank - b.rank)) {
			items.push(rows.length);
			rows.push({kind: 'candidate', candidate});
		}
	}
	if (report.otherEngines.length > 0) {
		// "aws sts get-caller-identity works but the deploy doesn't": the contrast is often the whole answer.
		rows.push({kind: 'heading', text: 'Other engines would use'});
		for (const other of report.otherEngines) {
			const pick = other.winner
				? `${other.winner.title}${other.winner.accessKeyId ? ` · ${other.winner.accessKeyId}` : ''}`
				: other.error
					? `✖ ${other.error.code}: ${other.error.message}`
					: 'no credentials';
			rows.push({kind: 'note', text: `${engineLabel(other.engine)}: ${pick}`, tone: other.winner ? 'plain' : 'fail'});
		}
	}
	rows.push({kind: 'heading', text: checklistHeading(report)});
	const firstFinding = report.findings.length > 0 ? items.length : undefined;
	for (const finding of report.findings) {
		items.push(rows.length);
		rows.push({kind: 'finding', finding});
	}
	const labelWidth = Math.max(0, ...report.ladder.map(candidate => sourceLabel[candidate.status].length));
	return {rows, items, labelWidth, firstFinding};
}

function checklistHeading(report: Report): string {
	if (report.findings.length === 0) return 'Checks · none ran';
	const {fail, warn, ok, info} = report.summary;
	const parts = [
		fail > 0 ? `${fail} failed` : '',
		warn > 0 ? `${warn} warning${warn === 1 ? '' : 's'}` : '',
		ok > 0 ? `${ok} ok` : '',
		info > 0 ? `${info} info` : '',
	].filter(Boolean);
	return `Checks · ${parts.join(' · ')}`;
}

export interface DetailLine {
	text: string;
	tone: 'plain' | 'fix' | 'muted';
}

export interface Details {
	title: string;
	lines: DetailLine[];
}

/** The details view of one item, wrapped to `width` so it can be scrolled line by line. */
export function rowDetails(row: DoctorRow, report: Report, width: number): Details | undefined {
	if (row.kind === 'finding') return findingDetails(row.finding, width);
	if (row.kind === 'candidate') return candidateDetails(row.candidate, report, width);
	return undefined;
}

function findingDetails(finding: Finding, width: number): Details {
	const lines: DetailLine[] = [];
	const add = (tone: DetailLine['tone'], texts: string[]) => {
		for (const text of texts) lines.push({text, tone});
	};
	add('plain', wrapLabelled('Why  ', finding.why, width));
	if (finding.fix) add('fix', wrapLabelled('Fix  ', finding.fix, width));
	if (finding.details && finding.details.length > 0) {
		lines.push({text: '', tone: 'plain'});
		for (const detail of finding.details) add('muted', wrapLines(detail, width));
	}
	return {title: `${findingSymbol[finding.status]} ${finding.title}`, lines};
}

function candidateDetails(candidate: ReportCandidate, report: Report, width: number): Details {
	const lines: DetailLine[] = [];
	const add = (label: string, text: string | undefined, tone: DetailLine['tone'] = 'plain') => {
		if (text === undefined || text === '') return;
		for (const line of wrapLabelled(label.padEnd(10), text, width)) lines.push({text: line, tone});
	};
	add('Status', `${sourceLabel[candidate.status]} (rank ${candidate.rank} of ${report.ladder.length})`);
	add('Why', candidate.reason);
	if (candidate.shadowedBy) {
		const by = report.ladder.find(other => other.source === candidate.shadowedBy);
		add('Beaten by', by?.title ?? candidate.shadowedBy);
	}
	add('Profile', candidate.profile);
	add('Kind', candidate.kind && kindLabel[candidate.kind]);
	add('Key', candidate.accessKeyId);
	add('Fix', candidate.fix, 'fix');
	if (candidate.origin && candidate.origin.length > 0) {
		lines.push({text: '', tone: 'plain'});
		for (const origin of candidate.origin) {
			for (const line of wrapLabelled('From      ', origin, width)) lines.push({text: line, tone: 'muted'});
		}
	}
	return {title: `${sourceSymbol[candidate.status]} #${candidate.rank} ${candidate.title}`, lines};
}
