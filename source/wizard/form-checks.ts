/**
 * What a form refuses before anything is planned: names AWS or Serverless would reject, and pasted keys that cannot
 * work. Each answer is one sentence the form shows under the field; undefined means fine.
 */
import {PROFILE_NAME, profileNameProblem as awsProfileNameProblem} from '../aws-files/profile-name.js';
import type {AccessKeys} from './state.js';

export function userNameProblem(name: string): string | undefined {
	if (name === '') return 'Type a user name.';
	if (name.length > 64) return 'IAM user names are at most 64 characters.';
	if (!/^[\w+=,.@-]+$/.test(name)) return 'IAM user names may use letters, digits and + = , . @ _ - only.';
	return undefined;
}

export function profileNameProblem(name: string): string | undefined {
	if (name === '') return 'Type a profile name.';
	if (!PROFILE_NAME.test(name)) return 'Profile names may use letters, digits and - _ @ + . % : / only.';
	// The rest of the rule the profile store applies (names the SDKs mix up with JavaScript built-ins).
	const problem = awsProfileNameProblem(name);
	if (problem) return `${problem.message} ${problem.fix}`;
	if (/^profile[\s.]/i.test(name)) return 'Leave out the word "profile": the wizard adds it where the config file needs it.';
	return undefined;
}

export function regionProblem(region: string): string | undefined {
	if (region === '') return 'Type a region, e.g. us-east-1.';
	if (!/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(region)) return `"${region}" does not look like an AWS region (e.g. us-east-1, eu-west-2).`;
	return undefined;
}

/** Serverless stage names: letters, digits and hyphens. */
export function stageProblem(stage: string): string | undefined {
	if (stage === '') return 'Type a stage name.';
	if (!/^[A-Za-z0-9-]+$/.test(stage)) return 'Stage names may use letters, digits and hyphens only.';
	return undefined;
}

/** Checks the shape only, through the masked form: the reducer never unwraps a secret. */
export function keysProblem(keys: AccessKeys): string | undefined {
	if (keys.accessKeyId.length === 0) return 'Paste the access key ID.';
	if (keys.secretAccessKey.length === 0) return 'Paste the secret access key.';
	if (keys.accessKeyId.length === 40 && keys.secretAccessKey.length === 20) {
		return 'The two values look swapped: the access key ID is the 20-character one (AKIA…).';
	}
	const prefix = keys.accessKeyId.masked().slice(0, 4);
	if (prefix === 'ASIA' && (keys.sessionToken === undefined || keys.sessionToken.length === 0)) {
		return 'Keys starting with ASIA are temporary: paste the session token too, or create a long-lived key (AKIA…).';
	}
	return undefined;
}
