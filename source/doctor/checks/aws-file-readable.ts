import type {FileRead, Snapshot} from '../../gather/snapshot.js';
import type {Verdict} from '../../credentials/verdict.js';
import type {Finding} from '../finding.js';
import {envSet, removeVariablesFix} from '../environment.js';
import {shellQuote} from '../shell-quote.js';

/**
 * The SDK swallows EACCES/EISDIR and reads such a file as empty (aws-files.md §1), so every profile in it seems
 * to be missing. Say what is really wrong.
 */
export function awsFileReadableChecks(snapshot: Snapshot, _verdict: Verdict): Finding[] {
	return [
		...readable(snapshot, snapshot.credentialsFile, 'credentials', 'AWS_SHARED_CREDENTIALS_FILE'),
		...readable(snapshot, snapshot.configFile, 'config', 'AWS_CONFIG_FILE'),
	];
}

function readable(snapshot: Snapshot, file: FileRead, kind: 'credentials' | 'config', variable: string): Finding[] {
	const id = `${kind}-file-readable`;
	if (file.error) {
		return [
			{
				id,
				status: 'fail',
				title: `The ${kind} file cannot be read (${file.error.code})`,
				why: `${file.path}: ${file.error.message}. The AWS SDK and Serverless treat an unreadable file as empty without saying so, so every profile in it looks missing.`,
				fix: fixFor(snapshot, file),
			},
		];
	}
	const configured = envSet(snapshot.env, variable);
	if (!file.exists && configured) {
		return [
			{
				id,
				status: 'warn',
				title: `${variable} points to a file that does not exist`,
				why: `${variable}=${configured}, but there is no file at ${file.path}, so no profile from a ${kind} file is available.`,
				fix: `Correct the path, or ${removeVariablesFix(snapshot, [variable])} to use the default location.`,
			},
		];
	}
	return [];
}

function fixFor(snapshot: Snapshot, file: FileRead): string {
	const path = shellQuote(file.path);
	const code = file.error?.code;
	if (code === 'EISDIR') {
		return `${file.path} is a directory. Move it away (\`mv ${path} ${path}.bak\`) and recreate the file with \`aws configure\`.`;
	}
	if (code === 'EACCES' || code === 'EPERM') {
		return snapshot.platform === 'win32'
			? `Give your user read access to ${file.path} (Properties → Security), or recreate it with \`aws configure\`.`
			: `Run \`sudo chown "$(id -un)" ${path} && chmod 600 ${path}\` (it was probably created with sudo).`;
	}
	return `Check that ${file.path} is a regular text file you can read, or recreate it with \`aws configure\`.`;
}
