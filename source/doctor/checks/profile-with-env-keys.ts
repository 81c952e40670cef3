import type {Snapshot} from '../../gather/snapshot.js';
import type {Verdict} from '../../credentials/verdict.js';
import type {Finding} from '../finding.js';
import {envSet, removeVariablesFix} from '../environment.js';

const keyNames = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'];

/**
 * A profile and static env keys at the same time: the engines disagree on which wins, so `aws` commands and the
 * deploy can end up in different accounts (credential-resolution.md §2.1, §3.4, §4.6).
 */
export function profileWithEnvKeysChecks(snapshot: Snapshot, verdict: Verdict): Finding[] {
	const {env} = snapshot;
	if (!envSet(env, 'AWS_ACCESS_KEY_ID') || !envSet(env, 'AWS_SECRET_ACCESS_KEY')) return [];
	const setKeys = keyNames.filter(name => envSet(env, name));
	const awsProfile = envSet(env, 'AWS_PROFILE');
	if (awsProfile) {
		return [
			{
				id: 'profile-with-env-keys',
				status: 'warn',
				title: `AWS_PROFILE=${awsProfile} and AWS_ACCESS_KEY_ID are both set`,
				why:
					`Of the two, Serverless v3 and v4 (like the AWS SDK) use profile ${awsProfile} and ignore the keys; the AWS CLI does the opposite and uses the keys. ` +
					'So `aws sts get-caller-identity` and the deploy can talk to different accounts.',
				fix: `Keep one: ${removeVariablesFix(snapshot, setKeys)} to deploy with profile ${awsProfile}, or ${removeVariablesFix(snapshot, ['AWS_PROFILE'])} to deploy with the keys.`,
			},
		];
	}
	const profile = snapshot.service.profile;
	if (snapshot.options.awsProfile === undefined && profile?.kind === 'value' && profile.value !== '') {
		const v3 = verdict.engine === 'serverless-v3';
		return [
			{
				id: 'profile-with-env-keys',
				status: 'warn',
				title: `provider.profile "${profile.value}" and AWS_ACCESS_KEY_ID are both set`,
				why: v3
					? `Serverless v3 lets the environment keys win over provider.profile, so this deploy does not use profile ${profile.value}. Serverless v4 would use the profile instead.`
					: `Serverless v4 uses profile ${profile.value} and ignores the environment keys (the AWS SDK warns "Multiple credential sources detected"). Serverless v3 and the AWS CLI would use the keys.`,
				fix: v3
					? `To deploy with profile ${profile.value}, ${removeVariablesFix(snapshot, setKeys)} or pass \`--aws-profile ${profile.value}\`.`
					: `If the keys are leftovers, ${removeVariablesFix(snapshot, setKeys)}; to deploy with the keys instead, remove provider.profile from ${snapshot.service.path ?? 'serverless.yml'}.`,
			},
		];
	}
	return [];
}
