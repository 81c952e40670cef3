#!/usr/bin/env node
/**
 * What `npx sls-creds-wizard` downloads and installs: the packed tarball installed into an empty folder (empty npm
 * cache, --offline, so only the tarball itself can arrive), then its packages counted and its bytes added up.
 * Goals (issue #6): at most 40 packages and 15 MB installed — for scale, serverless v3 installs 546 packages / 250 MB.
 * Unlike timings these numbers are deterministic, so a test holds the goals (test/release/packed-tarball.test.ts).
 *
 *   npm run footprint                  packs (building first) and reports as text
 *   node scripts/footprint.mjs --json  the same as JSON
 *   node scripts/footprint.mjs --tarball file.tgz   measures a tarball that is already packed
 * Exits 1 when a goal is missed or the install fails.
 */
import {spawnSync} from 'node:child_process';
import {lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';

const GOALS = {packages: 40, bytes: 15 * 1000 * 1000};
const root = path.resolve(import.meta.dirname, '..');

const {values} = parseArgs({options: {json: {type: 'boolean'}, tarball: {type: 'string'}}, strict: true});

function npm(args, cwd, cache) {
	const result = spawnSync('npm', args, {
		cwd,
		encoding: 'utf8',
		env: {...process.env, npm_config_cache: cache, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false'},
	});
	if (result.status !== 0) {
		const why = (result.stderr || result.error?.message || '').trim().split('\n').filter(line => !/complete log/.test(line)).slice(-3).join(' ');
		throw new Error(`npm ${args[0]} failed (exit ${result.status}): ${why}`);
	}
	return result.stdout;
}

/** Bytes of every regular file under a folder (what the install puts on disk, not counting block rounding). */
function bytesUnder(folder) {
	let total = 0;
	for (const entry of readdirSync(folder, {withFileTypes: true})) {
		const full = path.join(folder, entry.name);
		if (entry.isDirectory()) total += bytesUnder(full);
		else if (entry.isFile()) total += statSync(full).size;
		else if (entry.isSymbolicLink()) total += lstatSync(full).size;
	}
	return total;
}

/** Every installed package: a folder with a package.json directly under some node_modules (scoped ones included). */
function packagesUnder(modules) {
	const found = [];
	let entries = [];
	try {
		entries = readdirSync(modules, {withFileTypes: true});
	} catch {
		return found;
	}
	for (const entry of entries) {
		if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
		const folders = entry.name.startsWith('@') ? readdirSync(path.join(modules, entry.name)).map(name => path.join(entry.name, name)) : [entry.name];
		for (const name of folders) {
			found.push(name);
			found.push(...packagesUnder(path.join(modules, name, 'node_modules')));
		}
	}
	return found;
}

const work = mkdtempSync(path.join(tmpdir(), 'sls-creds-wizard-footprint-'));
try {
	const cache = path.join(work, 'npm-cache');
	let tarball = values.tarball && path.resolve(values.tarball);
	if (!tarball) {
		// prepack builds dist/ first, so the numbers are those of the current sources.
		const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', work], root, cache));
		tarball = path.join(work, packed.filename);
	}
	const project = path.join(work, 'project');
	mkdirSync(project);
	// npm looks upwards for a project; this empty one keeps the install here.
	writeFileSync(path.join(project, 'package.json'), '{"name": "empty-project", "private": true}\n');
	npm(['install', '--offline', '--no-package-lock', tarball], project, cache);
	const modules = path.join(project, 'node_modules');
	const packages = packagesUnder(modules).sort();
	const bytes = bytesUnder(modules);
	const tarballBytes = statSync(tarball).size;
	const met = {packages: packages.length <= GOALS.packages, bytes: bytes <= GOALS.bytes};
	const result = {packages: packages.length, names: packages, installedBytes: bytes, tarballBytes, goals: GOALS, met};
	if (values.json) {
		console.log(JSON.stringify(result, null, 2));
	} else {
		const mb = value => `${(value / 1e6).toFixed(2)} MB`;
		console.log(`sls-creds-wizard footprint (${path.basename(tarball)}, installed with npm ${npm(['--version'], work, cache).trim()} into an empty folder)\n`);
		console.log(`tarball (download)   ${mb(tarballBytes)}`);
		console.log(`installed size       ${mb(bytes)}   goal ≤ ${mb(GOALS.bytes)}   ${met.bytes ? 'met' : 'MISSED'}`);
		console.log(`installed packages   ${packages.length}   goal ≤ ${GOALS.packages}   ${met.packages ? 'met' : 'MISSED'}   (${packages.join(', ')})`);
	}
	if (!met.packages || !met.bytes) process.exitCode = 1;
} catch (error) {
	console.error(`footprint: ${error.message}`);
	process.exitCode = 1;
} finally {
	rmSync(work, {recursive: true, force: true});
}
