import type {StagesReport, StageSummary} from '../doctor/stages-report.js';
import {paint, type Paint} from './paint.js';
import {findingLines, type PlainOptions} from './plain.js';
import {wrapText} from './wrap.js';

const gap = '  ';
const headings = {stage: 'Stage', source: 'Deploy uses', profile: 'Profile', account: 'Account', verdict: 'Verdict'};
/** `! 2 warnings`, the widest verdict cell that is not cut. */
const verdictWidth = 12;

/**
 * `doctor --all-stages` as text (pipes, CI logs and terminals alike): a table with one row per stage, then the failing
 * checks of each failing stage with their fixes. The whole Report of one stage is `doctor --stage <stage>`.
 */
export function renderStagesPlain(report: StagesReport, options: PlainOptions = {}): string {
	const width = Math.max(40, options.width ?? 80);
	const p = paint(options.color ?? false);
	const first = report.stages[0];
	const out = wrapText(`sls-creds-wizard doctor --all-stages${first ? ` · ${first.generatedAt}` : ''}`, width).map(line => p.bold(line));
	const name = first?.service.name;
	const path = first?.service.path;
	const where = path ? (name ? `${name} (${path})` : path) : name;
	out.push(...wrapText(`${where ? `${where} · ` : ''}stages from the ${report.summary.stagesFrom}`, width), '');
	out.push(...table(report.summary.stages, report.stages.map(stage => stage.error?.code), width, p));
	const notes: string[] = [];
	if (report.stages.length > 0 && report.stages.every(stage => stage.identity.status === 'skipped' && stage.identity.reason === '--offline')) {
		notes.push('Accounts not checked with AWS (--offline).');
	}
	if (report.summary.stages.some(row => row.accountBasis === 'access-key-id')) notes.push('? decoded from the access key id: probable, not confirmed by AWS.');
	if (notes.length > 0) out.push(...wrapText(notes.join(' '), width).map(line => p.dim(line)));
	for (const stage of report.stages) {
		if (stage.exitCode === 0) continue;
		const failing = stage.findings.filter(finding => finding.status === 'fail');
		out.push('', p.bold(`${stage.service.stage}: ${failing.length} failed check${failing.length === 1 ? '' : 's'}`));
		if (stage.error && failing.length === 0) out.push(...wrapText(`Deploy stops with ${stage.error.code}: ${stage.error.message}`, width, '  ', '    '));
		for (const finding of failing) out.push(...findingLines(finding, width, p));
	}
	out.push('', ...closing(report, width, p));
	return `${out.join('\n')}\n`;
}

function table(rows: readonly StageSummary[], errors: ReadonlyArray<string | undefined>, width: number, p: Paint): string[] {
	const cells = rows.map((row, index) => ({
		stage: row.stage,
		source: row.sourceTitle ?? (errors[index] ? `stops: ${errors[index]}` : 'none'),
		profile: row.profile ?? '–',
		// `?`: decoded from the key id, not confirmed by AWS.
		account: row.account === undefined ? '–' : `${row.account}${row.accountBasis === 'access-key-id' ? '?' : ''}`,
	}));
	const widest = (key: keyof (typeof cells)[number]): number => Math.max(headings[key].length, ...cells.map(cell => cell[key].length));
	const stageWidth = widest('stage');
	const profileWidth = Math.min(widest('profile'), 24);
	const accountWidth = widest('account');
	// The source title is the longest cell: it gets what the other columns and the verdict leave.
	const room = width - (stageWidth + profileWidth + accountWidth + gap.length * 4 + verdictWidth);
	for (const cell of cells) cell.source = withoutWhere(cell.source, room);
	const sourceWidth = Math.max(headings.source.length, Math.min(widest('source'), room));
	const columns = (cell: (typeof cells)[number]): string =>
		[
			cut(cell.stage, stageWidth).padEnd(stageWidth),
			cut(cell.source, sourceWidth).padEnd(sourceWidth),
			cut(cell.profile, profileWidth).padEnd(profileWidth),
			cell.account.padEnd(accountWidth),
		].join(gap) + gap;
	const lines = [p.bold(columns(headings) + headings.verdict)];
	// A failing row says why on the line below it, where a sentence has room at any width.
	const reasonIndent = ' '.repeat(Math.min(stageWidth + gap.length, 12));
	rows.forEach((row, index) => {
		const [marker, text] = verdictCell(row);
		lines.push(`${columns(cells[index]!)}${verdictColour(row, p)(marker)} ${text}`);
		if (row.reason === undefined) return;
		const plain = `${reasonIndent}→ `;
		const reason = wrapText(row.reason, width, plain, ' '.repeat(plain.length));
		reason[0] = `${reasonIndent}${p.dim('→')} ${(reason[0] ?? '').slice(plain.length)}`;
		lines.push(...reason);
	});
	return lines;
}

function verdictCell(row: StageSummary): [string, string] {
	if (row.verdict === 'fail') return ['✗', 'fail'];
	if (row.verdict === 'warn') return ['!', `${row.warnings} warning${row.warnings === 1 ? '' : 's'}`];
	return ['✓', 'ok'];
}

function verdictColour(row: StageSummary, p: Paint): (text: string) => string {
	return row.verdict === 'fail' ? p.red : row.verdict === 'warn' ? p.yellow : p.green;
}

function closing(report: StagesReport, width: number, p: Paint): string[] {
	const {summary} = report;
	const total = summary.stages.length;
	const one = (stage: string) => `\`sls-creds-wizard doctor --stage ${stage}\``;
	if (summary.fail > 0) {
		const text = `${summary.fail} of ${total} stage${total === 1 ? '' : 's'} failed (${summary.failed.join(', ')}). Fix them, then check again with \`sls-creds-wizard doctor --all-stages\`; ${one(summary.failed[0]!)} shows the whole report.`;
		return [p.red(p.bold('Next: ')) + wrapText(text, width, 'Next: ', '      ').join('\n').slice('Next: '.length)];
	}
	const warned = summary.stages.filter(row => row.verdict === 'warn').map(row => row.stage);
	const warnings = warned.length > 0 ? ` Read the warnings of ${warned.join(', ')} before deploying: ${one(warned[0]!)}.` : '';
	const text = `${total === 1 ? 'the only stage passes' : `all ${total} stages pass`}.${warnings}`;
	return [p.green(p.bold('Ready: ')) + wrapText(text, width, 'Ready: ', '       ').join('\n').slice('Ready: '.length)];
}

function cut(text: string, max: number): string {
	return text.length > max ? `${text.slice(0, Math.max(1, max - 1))}…` : text;
}

/** `provider.profile "x" (serverless.yml)` → `provider.profile "x"` when the full title does not fit. */
function withoutWhere(title: string, max: number): string {
	return title.length > max ? title.replace(/ \([^()]*\)$/, '') : title;
}
