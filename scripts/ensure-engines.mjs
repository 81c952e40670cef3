#!/usr/bin/env node
/**
 * Installs the real engines the conformance suite compares with (serverless@3, pinned by
 * test/conformance/engines/package-lock.json) when they are missing or their lockfile changed. They go to
 * node_modules/.cache/sls-creds-wizard-engines (test/conformance/engines-dir.ts): outside test/ and outside the
 * product's dependencies. Exits non-zero with one line when the install fails.
 */
import {spawnSync} from 'node:child_process';
import {copyFileSync, existsSync, mkdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = path.join(root, 'test', 'conformance', 'engines');
const prefix = path.join(root, 'node_modules', '.cache', 'sls-creds-wizard-engines');
const installed = () => existsSync(path.join(prefix, 'node_modules', 'serverless', 'package.json'));
const sameLock = () => {
	try {
		return readFileSync(path.join(prefix, 'package-lock.json'), 'utf8') === readFileSync(path.join(manifest, 'package-lock.json'), 'utf8');
	} catch {
		return false;
	}
};

if (installed() && sameLock()) process.exit(0);

mkdirSync(prefix, {recursive: true});
for (const file of ['package.json', 'package-lock.json']) copyFileSync(path.join(manifest, file), path.join(prefix, file));
// A progress note for people at a terminal; logs get only the one failure line.
if (process.stderr.isTTY) process.stderr.write('ensure-engines: installing serverless@3 for the conformance tests (about 250 MB, once)…\n');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--prefix', prefix, '--ignore-scripts', '--no-audit', '--no-fund'], {
	cwd: root,
	stdio: ['ignore', 'ignore', 'pipe'],
	encoding: 'utf8',
	shell: process.platform === 'win32',
});
if (result.status !== 0 || !installed()) {
	const lines = (result.error?.message ?? result.stderr ?? '').split('\n').map((line) => line.replace(/^npm (error|ERR!)\s*/, '').trim());
	const useful = lines.filter((line) => line && !/complete log of this run/i.test(line));
	const detail = useful.slice(0, 2).join(': ') || `exit code ${result.status}`;
	process.stderr.write(`ensure-engines: \`npm ci --prefix ${path.relative(root, prefix)}\` failed (${detail}); the conformance tests need the npm registry once to install serverless@3.\n`);
	process.exit(1);
}
