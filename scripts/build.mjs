#!/usr/bin/env node
/**
 * The release build: one esbuild bundle (production React, minified), split so that `--help` and the offline doctor
 * load only the small entry chunks while Ink and the AWS SDK stay in chunks that are imported on demand
 * (spec/toolchain.md §8). `.build/meta.json` records which inputs each chunk holds; the start-up tests read it.
 */
import {mkdirSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist');
rmSync(outdir, {recursive: true, force: true});

const result = await build({
	entryPoints: {cli: path.join(root, 'source/cli.tsx')},
	outdir,
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	minify: true,
	legalComments: 'none',
	chunkNames: 'chunks/[name]-[hash]',
	metafile: true,
	logLevel: 'warning',
	// The SDK's ESM builds: its CommonJS builds, split across chunks, initialise out of order ("Class extends value undefined").
	mainFields: ['module', 'main'],
	define: {'process.env.NODE_ENV': '"production"'},
	alias: {'react-devtools-core': path.join(root, 'scripts/stubs/react-devtools-core.mjs')},
	// Bundled CommonJS (React, yaml, dotenv, the SDK's CJS builds) calls require(); ESM output has none.
	banner: {js: "import {createRequire as __slsCredsCreateRequire} from 'node:module'; const require = __slsCredsCreateRequire(import.meta.url);"},
});

mkdirSync(path.join(root, '.build'), {recursive: true});
writeFileSync(path.join(root, '.build/meta.json'), JSON.stringify(result.metafile));
