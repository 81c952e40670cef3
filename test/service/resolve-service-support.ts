import type {DeployOptions, Env, FrameworkMajor} from '../../source/gather/snapshot.js';
import {parseServiceText} from '../../source/service/parse-service-file.js';
import {resolveService} from '../support/real-parsers.js';

export const SERVICE_DIR = '/srv/app';

/** Parses a serverless.yml text and resolves it with in-memory `.env` and `${file()}` files. */
export function resolveYaml(
	yaml: string,
	input: {framework?: FrameworkMajor; options?: DeployOptions; env?: Env; dotenvFiles?: Record<string, string>; files?: Record<string, string>} = {},
) {
	const parsed = parseServiceText(yaml, 'yml');
	if (parsed.error !== undefined) throw new Error(parsed.error);
	return resolveService({
		document: parsed.document,
		path: `${SERVICE_DIR}/serverless.yml`,
		format: 'yml',
		framework: input.framework ?? 4,
		options: input.options ?? {},
		env: input.env ?? {},
		dotenvFiles: input.dotenvFiles,
		readFile: filePath => input.files?.[filePath],
	});
}
