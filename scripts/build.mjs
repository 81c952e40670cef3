#!/usr/bin/env node
/**
 * The release build: one esbuild bundle (production React, minified), split so that `--help` and the offline doctor
 * load only the small entry chunks while Ink and the AWS SDK stay in chunks that are imported on demand
 * (spec/toolchain.md §8). `.build/meta.json` records which inputs each chunk holds; the start-up tests read it.
 */
import {mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist');
rmSync(outdir, {recursive: true, force: true});

/**
 * DEV=true is Ink's switch for React devtools: it then imports the devtools bridge and reads its own package.json
 * beside its build. Neither is in this bundle, so a DEV=true left in a user's shell crashed the wizard (ENOENT
 * dist/package.json). Ink reads the variable through `import process from 'node:process'`, which `define` cannot
 * reach, so its switch is fixed off here. The devtools chunk (with the `ws` socket library and its optional native
 * `bufferutil`/`utf-8-validate`, required inside try/catch and left external) is still written but never loaded.
 */
const inkDevtoolsOff = {
	name: 'ink-devtools-off',
	setup(build) {
		build.onLoad({filter: /[\\/]node_modules[\\/]ink[\\/]build[\\/]utils\.js$/}, async args => {
			const text = await readFile(args.path, 'utf8');
			const fixed = text.replace("const isDev = () => process.env['DEV'] === 'true';", 'const isDev = () => false;');
			if (fixed === text) throw new Error(`ink changed ${args.path}: update the ink-devtools-off plugin in scripts/build.mjs`);
			return {contents: fixed, loader: 'js'};
		});
	},
};

/**
 * Yoga (Ink's layout engine) carries its WebAssembly inline as base64, yet asks `typeof fetch` first to see whether it
 * could download it. In Node 20 the first touch of the global `fetch` loads undici: about 25 ms before the wizard's
 * first frame, for a download that never happens. The check is fixed to "no fetch" here; the inline bytes are used
 * as before.
 */
const yogaWithoutFetch = {
	name: 'yoga-without-fetch',
	setup(build) {
		build.onLoad({filter: /[\\/]node_modules[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, async args => {
			const text = await readFile(args.path, 'utf8');
			const fixed = text.replaceAll('"function"!=typeof fetch', 'true');
			if (fixed === text) throw new Error(`yoga-layout changed ${args.path}: update the yoga-without-fetch plugin in scripts/build.mjs`);
			return {contents: fixed, loader: 'js'};
		});
	},
};

const result = await build({
	entryPoints: {cli: path.join(root, 'source/cli.tsx')},
	outdir,
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	minify: true,
	// Minified, but with real function and class names, so a --debug stack trace still says where it broke.
	keepNames: true,
	legalComments: 'none',
	chunkNames: 'chunks/[name]-[hash]',
	metafile: true,
	logLevel: 'warning',
	// The SDK's ESM builds: its CommonJS builds, split across chunks, initialise out of order ("Class extends value undefined").
	mainFields: ['module', 'main'],
	define: {'process.env.NODE_ENV': '"production"'},
	plugins: [inkDevtoolsOff, yogaWithoutFetch],
	alias: {'react-devtools-core': path.join(root, 'scripts/stubs/react-devtools-core.mjs')},
	// Bundled CommonJS (React, yaml, dotenv, the SDK's CJS builds) calls require(); ESM output has none.
	banner: {js: "import {createRequire as __slsCredsCreateRequire} from 'node:module'; const require = __slsCredsCreateRequire(import.meta.url);"},
});

mkdirSync(path.join(root, '.build'), {recursive: true});
writeFileSync(path.join(root, '.build/meta.json'), JSON.stringify(result.metafile));
