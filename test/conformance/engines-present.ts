/** The conformance suites need serverless@3 in ENGINES_DIR (scripts/ensure-engines.mjs installs it). */
import {existsSync} from 'node:fs';
import path from 'node:path';
import {ENGINES_DIR} from './engines-dir.js';

export function assertEnginesInstalled(): void {
	const marker = path.join(ENGINES_DIR, 'node_modules', 'serverless', 'lib', 'plugins', 'aws', 'provider.js');
	if (!existsSync(marker)) {
		throw new Error(`serverless@3 is not installed in ${ENGINES_DIR}: run \`node scripts/ensure-engines.mjs\` (npm test does this in pretest).`);
	}
}
