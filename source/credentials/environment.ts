/** How the engines read one environment variable (credential-resolution.md §2.1, §4.2). */
import type {Env} from '../gather/snapshot.js';

/** JavaScript truthiness of a variable: set and not empty. */
export function isSet(env: Env, name: string): boolean {
	const value = env[name];
	return value !== undefined && value !== '';
}

/** Serverless v3's `validCredentials` also rejects the literal text `undefined` (CI templating an unset secret). */
export function isV3Valid(value: string | undefined): boolean {
	return value !== undefined && value !== '' && value !== 'undefined';
}

/** Names a POSIX shell can `export`/`unset` (`AWS_MY-STAGE_PROFILE` is not one). */
export function isShellName(name: string): boolean {
	return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}

/** `AWS_SDK_LOAD_CONFIG` is read by SDK v2 as any truthy string (`0` and `false` included). */
export function loadsConfigFile(env: Env): boolean {
	return isSet(env, 'AWS_SDK_LOAD_CONFIG');
}

/** SDK v3: any non-empty value except `false` disables IMDS for credentials. */
export function imdsDisabled(env: Env): boolean {
	const value = env['AWS_EC2_METADATA_DISABLED'];
	return value !== undefined && value !== '' && value !== 'false';
}
