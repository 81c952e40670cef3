import type {Snapshot} from '../../gather/snapshot.js';
import type {Verdict} from '../../credentials/verdict.js';
import {classifyProfile} from '../../credentials/profile-kind.js';
import type {Finding} from '../finding.js';
import {envSet, exportCommand, loadsConfigFile} from '../environment.js';
import {profileOnDisk} from '../profiles-on-disk.js';

interface ProfileReference {
	name: string;
	/** Where the name comes from, in the user's words. */
	setting: string;
	/** Serverless v3 swallows a missing profile at step 1 only. */
	swallowed: boolean;
}

/** The profile names Serverless v3 looks up in the shared files (credential-resolution.md §2.1). */
function v3ProfileReferences(snapshot: Snapshot, verdict: Verdict): ProfileReference[] {
	const references: ProfileReference[] = [];
	const add = (name: string | undefined, setting: string, swallowed = false) => {
		if (name && !references.some(reference => reference.name === name)) references.push({name, setting, swallowed});
	};
	const stageVariable = `AWS_${verdict.stage.toUpperCase()}_PROFILE`;
	add(snapshot.options.awsProfile, '--aws-profile');
	add(envSet(snapshot.env, stageVariable), stageVariable);
	add(envSet(snapshot.env, 'AWS_PROFILE'), 'AWS_PROFILE');
	const profile = snapshot.service.profile;
	if (snapshot.options.awsProfile === undefined && profile?.kind === 'value') add(profile.value, 'provider.profile');
	add(envSet(snapshot.env, 'AWS_DEFAULT_PROFILE'), 'AWS_DEFAULT_PROFILE', true);
	return references;
}

/** True when Serverless v3 cannot see `name` only because it is in the config file, which it does not read. */
export function isConfigOnlyForV3(snapshot: Snapshot, verdict: Verdict, name: string): boolean {
	if (verdict.engine !== 'serverless-v3' || loadsConfigFile(snapshot.env)) return false;
	const where = profileOnDisk(snapshot, name);
	return where.inConfig && !where.inCredentials;
}

/**
 * `[profile x]` lives in ~/.aws/config, which Serverless v3 (AWS SDK v2) reads only with AWS_SDK_LOAD_CONFIG
 * (serverless/serverless#5039). v4 and the AWS CLI read it, so "it works with aws" is no proof here.
 */
export function configOnlyProfileChecks(snapshot: Snapshot, verdict: Verdict): Finding[] {
	if (verdict.engine !== 'serverless-v3') return [];
	const findings: Finding[] = [];
	for (const reference of v3ProfileReferences(snapshot, verdict)) {
		if (!isConfigOnlyForV3(snapshot, verdict, reference.name)) continue;
		const {keys} = profileOnDisk(snapshot, reference.name);
		const kind = classifyProfile(keys);
		const configPath = snapshot.configFile.path;
		const effect = reference.swallowed
			? `Serverless v3 skips it silently and falls back to [default]`
			: `the deploy stops with \`AWS profile "${reference.name}" doesn't seem to be configured\``;
		let fix: string;
		if (kind === 'role' && keys['source_profile']) {
			fix = `Run \`${exportCommand(snapshot.platform, 'AWS_SDK_LOAD_CONFIG', '1')}\` before deploying, so Serverless v3 reads ${configPath}.`;
		} else if (kind === 'static' || kind === 'temporary') {
			fix = `Move the aws_access_key_id / aws_secret_access_key lines from [profile ${reference.name}] in ${configPath} to a [${reference.name}] section in ${snapshot.credentialsFile.path}, or run \`${exportCommand(snapshot.platform, 'AWS_SDK_LOAD_CONFIG', '1')}\`.`;
		} else {
			fix = `Serverless v3 cannot use ${kind === 'unknown' ? 'this' : `a ${kind}`} profile by name even with AWS_SDK_LOAD_CONFIG. Upgrade to Serverless v4, or export temporary keys (e.g. \`eval "$(aws configure export-credentials --profile ${reference.name} --format env)"\`) before deploying.`;
		}
		findings.push({
			id: 'profile-config-only',
			status: reference.swallowed ? 'warn' : 'fail',
			title: `Profile "${reference.name}" (${reference.setting}) is only in the config file`,
			why: `Serverless v3 reads ${configPath} only when AWS_SDK_LOAD_CONFIG is set, so it cannot see [profile ${reference.name}]: ${effect}. The AWS CLI and Serverless v4 do read it, which is why \`aws\` commands work.`,
			fix,
		});
	}
	return findings;
}
