/**
 * `--help` and `doctor --offline` must never load the AWS SDK: every module of source/aws (and the CA check) may
 * reach it only through `await import(…)` or `createRequire` at call time. Checked on the static import graph.
 */
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {expect, test} from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const ENTRIES = [
	'source/aws/client-config.ts',
	'source/aws/probe-identity.ts',
	'source/aws/error-catalogue.ts',
	'source/aws/explain-text.ts',
	'source/aws/ca-bundle.ts',
	'source/doctor/checks/ca.ts',
];

/** Value imports and re-exports (not `import type` / `export type`, not dynamic `import()`). */
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function staticGraph(entries: string[]): Map<string, string[]> {
	const graph = new Map<string, string[]>();
	const pending = [...entries.map(entry => path.join(root, entry))];
	while (pending.length > 0) {
		const file = pending.pop()!;
		if (graph.has(file)) continue;
		const specifiers = [...readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)].map(match => match[1]!);
		graph.set(file, specifiers);
		for (const specifier of specifiers) {
			if (!specifier.startsWith('.')) continue;
			const base = path.resolve(path.dirname(file), specifier).replace(/\.js$/, '');
			const resolved = ['.ts', '.tsx'].map(extension => base + extension).find(candidate => existsSync(candidate));
			if (resolved) pending.push(resolved);
		}
	}
	return graph;
}

test('no static import of @aws-sdk/* or @smithy/* anywhere in the graph', () => {
	const graph = staticGraph(ENTRIES);
	const offenders = [...graph].flatMap(([file, specifiers]) =>
		specifiers.filter(specifier => /^@aws-sdk\/|^@smithy\//.test(specifier)).map(specifier => `${path.relative(root, file)} → ${specifier}`),
	);
	expect(offenders).toEqual([]);
	expect(graph.size).toBeGreaterThan(10);
});

test('the graph helper does see value imports (sanity)', () => {
	const graph = staticGraph(['test/aws/probe-identity.test.ts']);
	expect(graph.get(path.join(root, 'test/aws/probe-identity.test.ts'))).toContain('@aws-sdk/client-iam');
});
