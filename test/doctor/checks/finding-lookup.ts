import {expect} from 'vitest';
import type {Finding} from '../../../source/doctor/finding.js';

/** `id:status` pairs, the compact shape the table tests compare. */
export function outcomes(findings: Finding[]): string[] {
	return findings.map(finding => `${finding.id}:${finding.status}`);
}

export function only(findings: Finding[], id: string): Finding {
	const matching = findings.filter(finding => finding.id === id);
	expect(matching, `exactly one ${id} finding in ${JSON.stringify(outcomes(findings))}`).toHaveLength(1);
	return matching[0]!;
}

/** Every finding that is not ok must say how to fix it. */
export function expectFixes(findings: Finding[]): void {
	for (const finding of findings) {
		if (finding.status === 'warn' || finding.status === 'fail') expect(finding.fix, finding.id).toBeTruthy();
	}
}
