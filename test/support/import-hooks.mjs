// Module hooks (node:module register): appends every resolved module URL to the file named by the
// SLS_CREDS_WIZARD_IMPORT_LOG environment variable. Runs on the hooks thread, so it writes synchronously.
import {appendFileSync} from 'node:fs';

const log = process.env.SLS_CREDS_WIZARD_IMPORT_LOG;

export async function resolve(specifier, context, nextResolve) {
	const result = await nextResolve(specifier, context);
	if (log) appendFileSync(log, `${result.url}\n`);
	return result;
}
