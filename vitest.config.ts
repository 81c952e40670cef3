import path from 'node:path';
import {defineConfig} from 'vitest/config';

const root = import.meta.dirname;

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		environment: 'node',
		globalSetup: ['test/support/moto-global-setup.ts'],
		setupFiles: ['test/support/isolate-home.ts'],
		reporters: ['default', './test/support/summary-reporter.ts'],
		// Frames must not depend on the terminal vitest runs in (spec/toolchain.md §4).
		env: {FORCE_COLOR: '0', CI: 'false', AWS_EC2_METADATA_DISABLED: 'true'},
		testTimeout: 30_000,
		hookTimeout: 60_000,
		// test/a/b.test.tsx -> snapshots/a/b.test.tsx.snap
		resolveSnapshotPath: (file, extension) =>
			path.join(root, 'snapshots', path.relative(path.join(root, 'test'), file) + extension),
	},
});
