import type {Env} from './snapshot.js';

type Sections = Record<string, Record<string, string>>;

/** Serverless' `cafile` group is a comma-separated list of paths, each trimmed (errors-and-tls.md §9.2). */
const CA_FILE_LISTS = ['cafile', 'HTTPS_CAFILE', 'https_cafile'];
/** One path each: Node's extra roots and the AWS CLI bundle. */
const CA_FILE_SINGLE = ['NODE_EXTRA_CA_CERTS', 'AWS_CA_BUNDLE'];

/**
 * Every CA file any of the engines could read. Both environments are searched: Node reads
 * NODE_EXTRA_CA_CERTS at start (the real environment) while Serverless reads `cafile` after `.env`.
 */
export function caFilePaths(environments: Env[], profiles: {merged: Sections; config: Sections}): string[] {
	const paths = new Set<string>();
	for (const env of environments) {
		for (const name of CA_FILE_LISTS) {
			for (const entry of (env[name] ?? '').split(',')) {
				const trimmed = entry.trim();
				if (trimmed) paths.add(trimmed);
			}
		}
		for (const name of CA_FILE_SINGLE) {
			const value = env[name];
			if (value) paths.add(value);
		}
	}
	for (const values of [...Object.values(profiles.merged), ...Object.values(profiles.config)]) {
		if (values['ca_bundle']) paths.add(values['ca_bundle']);
	}
	return [...paths];
}

export function tokenFilePaths(env: Env, profiles: {merged: Sections; config: Sections}): string[] {
	const paths = new Set<string>();
	if (env['AWS_WEB_IDENTITY_TOKEN_FILE']) paths.add(env['AWS_WEB_IDENTITY_TOKEN_FILE']);
	for (const values of [...Object.values(profiles.merged), ...Object.values(profiles.config)]) {
		if (values['web_identity_token_file']) paths.add(values['web_identity_token_file']);
	}
	return [...paths];
}
