/**
 * Where the AWS SDK for JavaScript v3 looks for the two files (aws-files.md §1): `getHomeDir`,
 * `getCredentialsFilepath`, `getConfigFilepath` and the `~/` expansion in `loadSharedConfigFiles`. Pure: the
 * environment and the OS home directory are passed in.
 */
import path from 'node:path';
import type {Env} from '../gather/snapshot.js';

/** HOME → USERPROFILE → HOMEDRIVE+HOMEPATH (drive defaults to `C:` + separator) → the OS home directory. */
export function resolveHome(env: Env, osHome: string): string {
	if (env['HOME']) return env['HOME'];
	if (env['USERPROFILE']) return env['USERPROFILE'];
	// A set-but-empty HOMEDRIVE stays empty (the SDK's destructuring default only replaces undefined).
	if (env['HOMEPATH']) return `${env['HOMEDRIVE'] ?? `C:${path.sep}`}${env['HOMEPATH']}`;
	return osHome;
}

/** Only a leading `~/` is expanded; `$HOME`, `%USERPROFILE%` and `~user` are taken literally. */
function expandTilde(file: string, home: string): string {
	return file.startsWith('~/') ? path.join(home, file.slice(2)) : file;
}

/**
 * The credentials and config file paths: AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE when set and non-empty,
 * else `<home>/.aws/credentials` and `<home>/.aws/config`. SDK v2 (Serverless v3) does not expand `~/`; pass
 * `{expandTilde: false}` for its view.
 */
export function awsFilePaths(env: Env, home: string, options: {expandTilde?: boolean} = {}): {credentials: string; config: string} {
	const credentials = env['AWS_SHARED_CREDENTIALS_FILE'] || path.join(home, '.aws', 'credentials');
	const config = env['AWS_CONFIG_FILE'] || path.join(home, '.aws', 'config');
	if (options.expandTilde === false) return {credentials, config};
	return {credentials: expandTilde(credentials, home), config: expandTilde(config, home)};
}
