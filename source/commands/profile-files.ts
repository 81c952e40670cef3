/**
 * The two files `profile` works on, found as the AWS SDK finds them (AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE,
 * else ~/.aws/…), and read once to plan a change. The write itself re-reads under the lock (safeWrite).
 */
import os from 'node:os';
import {awsFilePaths, resolveHome} from '../aws-files/file-location.js';
import {storeErrorFrom} from '../aws-files/store-error.js';
import {readFileFacts} from '../gather/read-file-facts.js';
import type {ProfileFailure} from './profile-output.js';

export type AwsFileRole = 'credentials' | 'config';

export interface ProfileFiles {
	credentials: {path: string; text?: string};
	config: {path: string; text?: string};
}

/** A file that exists but cannot be read: nothing can be planned safely on top of it. */
export class UnreadableFile extends Error implements ProfileFailure {
	readonly code: string;
	readonly fix: string;
	declare readonly cause: string;

	constructor(path: string, error: {code: string; message: string}) {
		super(`Could not read ${path}.`, {cause: error.message});
		this.name = 'UnreadableFile';
		this.code = `READ_${error.code}`;
		this.fix = storeErrorFrom(Object.assign(new Error(error.message), {code: error.code}), {path}).fix;
	}
}

export function profileFilePaths(env: Readonly<Record<string, string | undefined>>): {credentials: string; config: string} {
	return awsFilePaths(env, resolveHome(env, os.homedir()));
}

export async function readProfileFiles(env: Readonly<Record<string, string | undefined>>): Promise<ProfileFiles> {
	const paths = profileFilePaths(env);
	const [credentials, config] = await Promise.all([readText(paths.credentials), readText(paths.config)]);
	return {credentials: {path: paths.credentials, text: credentials}, config: {path: paths.config, text: config}};
}

async function readText(path: string): Promise<string | undefined> {
	const facts = await readFileFacts(path);
	if (facts.error && facts.exists) throw new UnreadableFile(path, facts.error);
	return facts.text;
}
