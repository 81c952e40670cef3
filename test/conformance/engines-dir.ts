/**
 * Where the real engines the conformance suites compare with (serverless@3 with its aws-sdk v2) are installed:
 * `node_modules/.cache/…`, outside `test/` and outside the product's dependencies. Their manifest and lockfile are
 * committed in `test/conformance/engines/`; `scripts/ensure-engines.mjs` installs them here.
 */
import path from 'node:path';

export const ENGINES_DIR = path.resolve(import.meta.dirname, '../../node_modules/.cache/sls-creds-wizard-engines');
