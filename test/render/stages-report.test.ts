/** `doctor --all-stages`: the summary over the stages' Reports, and its two views (table text and one JSON document). */
import stripAnsi from 'strip-ansi';
import {describe, expect, test} from 'vitest';
import type {Report} from '../../source/doctor/report.js';
import {buildStagesReport, STAGES_REPORT_SCHEMA, stageSummary} from '../../source/doctor/stages-report.js';
import {renderJson} from '../../source/render/json.js';
import {renderStagesJson} from '../../source/render/stages-json.js';
import {renderStagesPlain} from '../../source/render/stages-plain.js';
import {brokenReport, readyReport, rejectedReport} from './report-fixtures.js';

/** readyReport with no warnings left: a stage that passes clean. */
function cleanReport(stage: string): Report {
	const report = readyReport();
	const findings = report.findings.filter(finding => finding.status !== 'warn');
	return {...report, service: {...report.service, stage}, findings, summary: {...report.summary, warn: 0}};
}

describe('buildStagesReport', () => {
	test('one verdict per stage, the failing ones named, exit 1 when any fails', () => {
		const all = buildStagesReport([cleanReport('dev'), readyReport(), brokenReport(), rejectedReport()], 'service file');
		expect(all.$schema).toBe(STAGES_REPORT_SCHEMA);
		expect(all.version).toBe(1);
		expect(all.summary.stages.map(row => [row.stage, row.verdict])).toEqual([
			['dev', 'ok'],
			['dev', readyReport().summary.warn > 0 ? 'warn' : 'ok'],
			['staging', 'fail'],
			['prod', 'fail'],
		]);
		expect(all.summary.failed).toEqual(['staging', 'prod']);
		expect(all.summary.fail).toBe(2);
		expect(all.summary.ok + all.summary.warn + all.summary.fail).toBe(4);
		expect(all.exitCode).toBe(1);
	});

	test('exit 0 when every stage passes, warnings or not', () => {
		const all = buildStagesReport([cleanReport('dev'), readyReport()], 'team settings');
		expect(all.exitCode).toBe(0);
		expect(all.summary.failed).toEqual([]);
		expect(all.summary.stagesFrom).toBe('team settings');
	});

	test('a row: source, profile, the account AWS confirmed, and why it fails', () => {
		expect(stageSummary(readyReport())).toMatchObject({stage: 'dev', source: 'env-profile', sourceTitle: 'AWS_PROFILE=dev', profile: 'dev', account: '123456789012'});
		const broken = stageSummary(brokenReport());
		expect(broken).toMatchObject({stage: 'staging', verdict: 'fail'});
		expect(broken.account).toBeUndefined();
		expect(broken.reason).toBeTruthy();
		const rejected = stageSummary(rejectedReport());
		expect(rejected.verdict).toBe('fail');
		expect(rejected.account).toBeUndefined();
		expect(rejected.reason).toBe(rejectedReport().findings.find(finding => finding.status === 'fail')?.title);
	});
});

describe('renderStagesJson', () => {
	test('one document: schema, stages as the single-stage JSON, summary, exit code', () => {
		const all = buildStagesReport([readyReport(), rejectedReport()], 'service file');
		const text = renderStagesJson(all);
		expect(text.endsWith('}\n')).toBe(true);
		const parsed = JSON.parse(text) as Record<string, unknown> & {stages: unknown[]};
		expect(Object.keys(parsed)).toEqual(['$schema', 'version', 'stages', 'summary', 'exitCode']);
		expect(parsed.stages).toEqual([JSON.parse(renderJson(readyReport())), JSON.parse(renderJson(rejectedReport()))]);
		expect(parsed['exitCode']).toBe(1);
		expect(text).not.toContain('wJalrXUtnFEMI');
		expect(text).not.toMatch(/A[KS]IA[A-Z0-9]{16}/);
	});
});

describe('renderStagesPlain', () => {
	const all = () => buildStagesReport([readyReport(), brokenReport(), rejectedReport()], 'service file');

	test('a table row per stage, then the failing checks of each failing stage with their fixes', () => {
		const text = renderStagesPlain(all());
		const lines = text.split('\n');
		const head = lines.findIndex(line => /^Stage +Deploy uses +Profile +Account +Verdict$/.test(line));
		expect(head).toBeGreaterThan(0);
		expect(lines[head + 1]).toMatch(/^dev +AWS_PROFILE=dev +dev +123456789012 +! 2 warnings$/);
		expect(lines[head + 2]).toMatch(/^staging +stops: UNRECOGNIZED_AWS_PROFILE +staging +– +✗ fail$/);
		expect(lines[head + 3]).toMatch(/^ +→ \S/);
		expect(text).toMatch(/\nstaging: \d+ failed checks?\n/);
		expect(text).toMatch(/\nprod: 1 failed check\n  ✗ /);
		for (const stage of [brokenReport(), rejectedReport()]) {
			for (const finding of stage.findings.filter(each => each.status === 'fail' && each.fix)) {
				expect(text.replaceAll(/\s+/g, ' ')).toContain(`fix: ${finding.fix!.split('\n')[0]!.replaceAll(/\s+/g, ' ')}`);
			}
		}
		// Passing stages show no checks; the whole report of one stage is a command away.
		expect(text).not.toMatch(/\ndev: /);
		expect(text.replaceAll(/\s+/g, ' ')).toContain('Next: 2 of 3 stages failed (staging, prod).');
		expect(text).toMatchSnapshot();
	});

	test('all passing: Ready', () => {
		const text = renderStagesPlain(buildStagesReport([cleanReport('dev'), cleanReport('prod')], 'team settings'));
		expect(text).toContain('stages from the team settings');
		expect(text).toMatch(/\nReady: all 2 stages pass\.\n$/);
	});

	test('fits the width except for long words, and colours carry no extra text', () => {
		const narrow = renderStagesPlain(all(), {width: 60});
		for (const line of narrow.split('\n')) {
			if (line.length > 60) expect(line.trim().split(' ').some(word => word.length > 25)).toBe(true);
		}
		const coloured = renderStagesPlain(all(), {color: true});
		expect(coloured).toContain('\u001B[31m✗\u001B[39m');
		expect(stripAnsi(coloured)).toBe(renderStagesPlain(all()));
	});

	test('never prints a secret', () => {
		const text = renderStagesPlain(all());
		expect(text).not.toContain('wJalrXUtnFEMI');
		expect(text).not.toMatch(/A[KS]IA[A-Z0-9]{16}/);
	});
});
