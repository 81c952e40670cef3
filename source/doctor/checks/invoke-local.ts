import type {Snapshot} from '../../gather/snapshot.js';
import type {Verdict} from '../../credentials/verdict.js';
import type {Finding} from '../finding.js';

/**
 * Serverless v3 `invoke local` sets AWS_PROFILE for the function from getProfile() (--aws-profile, then
 * provider.profile), which ignores the precedence the deploy uses (credential-resolution.md §2.1).
 */
export function invokeLocalChecks(snapshot: Snapshot, verdict: Verdict): Finding[] {
	if (verdict.engine !== 'serverless-v3' || !verdict.winner) return [];
	const profile = snapshot.service.profile;
	const localProfile =
		snapshot.options.awsProfile ?? (profile?.kind === 'value' && profile.value !== '' ? profile.value : undefined);
	if (localProfile === undefined || localProfile === verdict.winner.profile) return [];
	return [
		{
			id: 'invoke-local-profile',
			status: 'info',
			title: `\`serverless invoke local\` runs your function as profile "${localProfile}"`,
			why: `Deploys use ${verdict.winner.title}, but invoke local hands the function AWS_PROFILE=${localProfile} (from ${snapshot.options.awsProfile ? '--aws-profile' : 'provider.profile'}), so local runs can reach a different account than the deployed function.`,
			fix: `Pass the same credentials explicitly when invoking locally, e.g. \`serverless invoke local --function <name> --aws-profile ${verdict.winner.profile ?? '<profile>'}\`.`,
		},
	];
}
