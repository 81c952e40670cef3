import {engineName} from '../credentials/engine-name.js';
import type {SourceStatus} from '../credentials/verdict.js';
import type {Finding, FindingStatus} from '../doctor/finding.js';
import type {Report, ReportCandidate, ReportWinner} from '../doctor/report.js';
import {paint, type Paint} from './paint.js';
import {wrapText} from './wrap.js';

export interface PlainOptions {
	/** ANSI colour; the caller decides from NO_COLOR / FORCE_COLOR / TTY. Default off. */
	color?: boolean;
	/** Columns to wrap at. Default 80. */
	width?: number;
}

const rungMarkers: Record<SourceStatus, string> = {
	winner: '✓',
	error: '✗',
	shadowed: '↓',
	skipped: '–',
	absent: '·',
	'not-evaluated': '·',
};

const findingMarkers: Record<FindingStatus, string> = {fail: '✗', warn: '!', info: 'i', ok: '✓'};

/** The Report as plain text for pipes and `--plain`: same content as the full-screen view, no Ink. */
export function renderPlain(report: Report, options: PlainOptions = {}): string {
	const width = Math.max(40, options.width ?? 80);
	const p = paint(options.color ?? false);
	const out: string[] = [];
	out.push(...header(report, width, p), '');
	out.push(...ladder(report, width, p), '');
	out.push(...outcome(report, width, p), '');
	if (report.traps.length > 0) {
		out.push(p.bold('Traps in this setup'));
		for (const trap of report.traps) out.push(...marked(`  ${p.yellow('!')} `, '  ! ', trap, width, '    '));
		out.push('');
	}
	out.push(...checklist(report, width, p), '');
	out.push(...closing(report, width, p));
	return `${out.join('\n')}\n`;
}

function header(report: Report, width: number, p: Paint): string[] {
	const {service, framework} = report;
	const rows: Array<[string, string | undefined]> = [
		['Service', service.name ? `${service.name}${service.path ? ` (${service.path})` : ''}` : (service.path ?? 'no service file')],
		['Stage', `${service.stage} (${sourceText(service.stageSource)})`],
		['Region', service.region ? `${service.region} (${sourceText(service.regionSource)})` : `not set (${sourceText(service.regionSource)})`],
		['Engine', `${engineName(framework.engine)}${framework.detail ? ` ${framework.detail}` : ''} (${frameworkSourceText(framework.source)})`],
	];
	return [
		p.bold(`sls-creds-wizard doctor · ${report.generatedAt}`),
		...rows.flatMap(([label, value]) => marked(p.dim(label.padEnd(8)), label.padEnd(8), value ?? '', width)),
	];
}

function ladder(report: Report, width: number, p: Paint): string[] {
	const lines = [p.bold(`Credential sources for ${engineName(report.framework.engine)}, highest priority first`)];
	if (report.ladder.length === 0) return [...lines, '  (none)'];
	const rankWidth = String(Math.max(...report.ladder.map(rung => rung.rank))).length;
	for (const rung of report.ladder) {
		const plainPrefix = `  ${String(rung.rank).padStart(rankWidth)} ${rungMarkers[rung.status]} `;
		const colouredPrefix = `  ${String(rung.rank).padStart(rankWidth)} ${rungColour(rung.status, p)(rungMarkers[rung.status])} `;
		const indent = ' '.repeat(plainPrefix.length);
		const title = `${rung.title} — ${statusText(rung, report)}`;
		lines.push(...marked(colouredPrefix, plainPrefix, title, width, indent));
		// An absent source has no facts worth repeating (its kind is just what it would be).
		const facts =
			rung.status === 'absent'
				? ''
				: [rung.profile ? `profile ${rung.profile}` : '', kindText(rung.kind), rung.accessKeyId ? `key ${rung.accessKeyId}` : '']
						.filter(Boolean)
						.join(' · ');
		lines.push(...wrapText(rung.reason + (facts ? ` (${facts})` : ''), width, indent));
		if (rung.fix && rung.status !== 'winner') lines.push(...marked(`${indent}${p.bold('fix:')} `, `${indent}fix: `, rung.fix, width));
	}
	return lines;
}

const labelWidth = 14;

function label(text: string): string {
	return text.padEnd(labelWidth);
}

function outcome(report: Report, width: number, p: Paint): string[] {
	const lines: string[] = [];
	const indent = ' '.repeat(labelWidth);
	if (report.winner) {
		lines.push(...marked(p.bold(label('Deploy uses')), label('Deploy uses'), winnerText(report.winner), width, indent));
	}
	if (report.error) {
		lines.push(...marked(p.red(p.bold(label('Deploy stops'))), label('Deploy stops'), `${report.error.code}: ${report.error.message}`, width, indent));
	}
	if (!report.winner && !report.error) {
		lines.push(...marked(p.red(p.bold(label('Deploy uses'))), label('Deploy uses'), 'no credentials: none of the sources above is usable', width, indent));
	}
	lines.push(...identity(report, width, p));
	lines.push(...expectedAccount(report, width, p));
	report.otherEngines.forEach((other, index) => {
		const text = `${engineName(other.engine)}: ${other.winner ? winnerText(other.winner) : other.error ? `nothing (${other.error.code}: ${other.error.message})` : 'nothing'}`;
		const name = index === 0 ? label('Compare with') : indent;
		lines.push(...marked(p.dim(name), name, text, width, indent));
	});
	return lines;
}

function identity(report: Report, width: number, p: Paint): string[] {
	const {identity} = report;
	const name = label('AWS says');
	const indent = ' '.repeat(labelWidth + 2);
	if (identity.status === 'ok') {
		const skew = identity.clockSkewMs === undefined ? '' : ` · clock off by ${(Math.abs(identity.clockSkewMs) / 1000).toFixed(1)} s`;
		return marked(`${p.bold(name)}${p.green('✓')} `, `${name}✓ `, `account ${identity.account} · ${identity.arn}${skew}`, width, indent);
	}
	if (identity.status === 'failed') {
		const explained = identity.explanation ? ` (${identity.explanation.title})` : '';
		return marked(`${p.bold(name)}${p.red('✗')} `, `${name}✗ `, `${identity.failure.code}: ${identity.failure.message}${explained}`, width, indent);
	}
	return marked(`${p.bold(name)}${p.dim('–')} `, `${name}– `, `not checked: ${identity.reason}`, width, indent);
}

/** The team settings' account for this stage and whether the credentials reach it. */
function expectedAccount(report: Report, width: number, p: Paint): string[] {
	const expected = report.expectedAccount;
	if (!expected) return [];
	const name = label('Team expects');
	const indent = ' '.repeat(labelWidth + 2);
	if (expected.status === 'unlisted') {
		return marked(`${p.bold(name)}${p.yellow('!')} `, `${name}! `, `nothing for stage ${expected.stage} (not in custom.deployAccounts)`, width, indent);
	}
	const target = `account ${expected.account} for ${expected.stage}`;
	const how = expected.basis === 'sts' ? 'AWS says' : expected.probable ? 'probably, from the key id' : `offline, from ${expected.basis === 'role-arn' ? 'role_arn' : 'sso_account_id'}`;
	if (expected.status === 'match') return marked(`${p.bold(name)}${p.green('✓')} `, `${name}✓ `, `${target} · matches (${how})`, width, indent);
	if (expected.status === 'mismatch') {
		return marked(`${p.bold(name)}${p.red('✗')} `, `${name}✗ `, `${target} · the credentials reach ${expected.actual} (${how})`, width, indent);
	}
	return marked(`${p.bold(name)}${p.dim('–')} `, `${name}– `, `${target} · not known offline`, width, indent);
}

function checklist(report: Report, width: number, p: Paint): string[] {
	const {fail, warn, info, ok} = report.summary;
	const counts = [
		`${fail} failed`,
		`${warn} warning${warn === 1 ? '' : 's'}`,
		`${info} note${info === 1 ? '' : 's'}`,
		`${ok} ok`,
	].join(' · ');
	const lines = [p.bold(`Checks: ${counts}`)];
	if (report.findings.length === 0) return [...lines, '  (none ran)'];
	for (const finding of report.findings) lines.push(...findingLines(finding, width, p));
	return lines;
}

export function findingLines(finding: Finding, width: number, p: Paint): string[] {
	const marker = findingMarkers[finding.status];
	const lines = marked(`  ${findingColour(finding.status, p)(marker)} `, `  ${marker} `, finding.title, width, '    ');
	lines.push(...wrapText(finding.why, width, '    '));
	if (finding.fix) lines.push(...marked(`    ${p.bold('fix:')} `, '    fix: ', finding.fix, width, '         '));
	for (const detail of finding.details ?? []) lines.push(...marked(`    ${p.dim('·')} `, '    · ', detail, width, '      '));
	return lines;
}

/** Outcome findings state the result; the first failing diagnosis below them carries the fix worth doing first. */
const headlines = new Set(['credentials-error', 'credentials-not-found']);

/**
 * The last word, also printed on the normal screen after the full-screen view closes (where nothing is "above",
 * hence `where`).
 */
export function renderClosing(report: Report, options: PlainOptions & {where?: string} = {}): string {
	return `${closing(report, Math.max(40, options.width ?? 80), paint(options.color ?? false), options.where).join('\n')}\n`;
}

function closing(report: Report, width: number, p: Paint, where = 'above'): string[] {
	const again = 'Then check again with `sls-creds-wizard doctor`.';
	if (report.exitCode === 0) {
		const account = report.identity.status === 'ok' ? ` in account ${report.identity.account}` : '';
		const {warn} = report.summary;
		const warnings = warn > 0 ? ` Read the ${warn} warning${warn === 1 ? '' : 's'} ${where} before deploying.` : '';
		const text = `\`serverless deploy --stage ${report.service.stage}\` will use ${report.winner?.title ?? 'the credentials above'}${account}.${warnings}`;
		return marked(p.green(p.bold('Ready: ')), 'Ready: ', text, width, '       ');
	}
	const failing = report.findings.filter(finding => finding.status === 'fail' && finding.fix);
	const first = failing.find(finding => !headlines.has(finding.id)) ?? failing[0];
	let text: string;
	if (first?.fix) text = first.fix.split('\n')[0]!;
	else if (report.error) text = `fix the error ${where} (${report.error.code}).`;
	else text = 'set up credentials for this deploy with `npx sls-creds-wizard`.';
	return [...marked(p.red(p.bold('Next: ')), 'Next: ', text, width, '      '), ...wrapText(again, width, '      ')];
}

const kindWords: Record<string, string> = {
	static: 'long-term keys',
	temporary: 'temporary keys',
	role: 'assumed role',
	sso: 'SSO',
	process: 'credential_process',
	'web-identity': 'web identity',
	login: 'aws login session',
	dashboard: 'Dashboard provider',
	container: 'container credentials',
	'instance-metadata': 'EC2 instance role',
};

function kindText(kind: string | undefined): string {
	return kind === undefined ? '' : (kindWords[kind] ?? '');
}

function winnerText(winner: ReportWinner): string {
	return [
		winner.title,
		kindText(winner.kind),
		winner.profile ? `profile ${winner.profile}` : '',
		winner.accessKeyId ? `key ${winner.accessKeyId}` : '',
		winner.roleArn ? `role ${winner.roleArn}` : '',
	]
		.filter(Boolean)
		.join(' · ');
}

function statusText(rung: ReportCandidate, report: Report): string {
	switch (rung.status) {
		case 'winner':
			return 'used';
		case 'shadowed': {
			const by = report.ladder.find(other => other.source === rung.shadowedBy);
			return by ? `shadowed by ${by.title}` : 'shadowed';
		}
		case 'skipped':
			return 'skipped';
		case 'absent':
			return 'not set';
		case 'error':
			return 'error';
		case 'not-evaluated':
			return 'not evaluated';
	}
}

function sourceText(source: string): string {
	if (source === 'option') return 'from the command line';
	if (source === 'default') return 'default';
	return `from ${source}`;
}

function frameworkSourceText(source: string): string {
	switch (source) {
		case 'flag':
			return 'from --framework';
		case 'installed':
			return 'installed version';
		case 'default':
			return 'assumed: no Serverless version found';
		default:
			return `from ${source}`;
	}
}

function rungColour(status: SourceStatus, p: Paint): (text: string) => string {
	if (status === 'winner') return p.green;
	if (status === 'error') return p.red;
	if (status === 'shadowed' || status === 'skipped') return p.yellow;
	return p.dim;
}

function findingColour(status: FindingStatus, p: Paint): (text: string) => string {
	return {fail: p.red, warn: p.yellow, info: p.cyan, ok: p.green}[status];
}

/** Wraps using the plain prefix for width, then swaps in the coloured one. */
function marked(coloured: string, plain: string, text: string, width: number, rest = ' '.repeat(plain.length)): string[] {
	const lines = wrapText(text, width, plain, rest);
	lines[0] = coloured + (lines[0] ?? '').slice(plain.length);
	return lines;
}

