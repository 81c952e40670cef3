import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import type {Report} from '../../source/doctor/report.js';
import {renderJson} from '../../source/render/json.js';
import {brokenReport, readyReport} from './report-fixtures.js';

describe('renderJson', () => {
	it('is indented JSON with a final newline that parses back to the report', () => {
		const report = readyReport();
		const text = renderJson(report);
		expect(text.endsWith('}\n')).toBe(true);
		expect(text.split('\n')[1]).toMatch(/^ {2}"\$schema": /);
		expect(JSON.parse(text)).toEqual(report);
	});

	it('puts top-level keys in schema order whatever order the object was built in', () => {
		const report = brokenReport();
		const shuffled = Object.fromEntries(Object.entries(report).reverse()) as unknown as Report;
		expect(renderJson(shuffled)).toBe(renderJson(report));
		expect(Object.keys(JSON.parse(renderJson(report)))).toEqual([
			'$schema',
			'version',
			'tool',
			'generatedAt',
			'service',
			'framework',
			'error',
			'ladder',
			'otherEngines',
			'identity',
			'findings',
			'traps',
			'summary',
			'exitCode',
		]);
	});

	it('is the same for the same world', () => {
		expect(renderJson(readyReport())).toBe(renderJson(readyReport()));
	});

	it('matches the documented example shape', () => {
		expect(renderJson(brokenReport())).toMatchSnapshot();
	});
});

describe('docs/report-schema.md', () => {
	const doc = readFileSync(new URL('../../docs/report-schema.md', import.meta.url), 'utf8');

	it('has an example that is a valid report in the order renderJson prints', () => {
		const example = /```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
		expect(example).toBeDefined();
		const parsed = JSON.parse(example!) as Report;
		expect(parsed.$schema).toBe(readyReport().$schema);
		expect(parsed.version).toBe(readyReport().version);
		expect(Object.keys(parsed)).toEqual(Object.keys(JSON.parse(renderJson(parsed))));
		expect(parsed).toEqual(JSON.parse(renderJson(readyReport())));
	});

	it('documents every top-level field', () => {
		for (const key of Object.keys(readyReport())) expect(doc).toContain(`| \`${key}`);
	});
});
