import type {Snapshot} from '../../gather/snapshot.js';
import type {Verdict} from '../../credentials/verdict.js';
import type {Finding} from '../finding.js';
import {envSet, exportCommand, removeVariablesFix} from '../environment.js';

/**
 * Web identity (OIDC, e.g. GitHub Actions or EKS) needs both AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE; with
 * one of them the SDK skips the link silently, and a token file it cannot read fails only at deploy time.
 */
export function webIdentityChecks(snapshot: Snapshot, verdict: Verdict): Finding[] {
	const roleArn = envSet(snapshot.env, 'AWS_ROLE_ARN');
	const tokenPath = envSet(snapshot.env, 'AWS_WEB_IDENTITY_TOKEN_FILE');
	const findings: Finding[] = [];
	if ((roleArn === undefined) !== (tokenPath === undefined)) {
		const [present, missing] = roleArn === undefined
			? ['AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_ROLE_ARN']
			: ['AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE'];
		findings.push({
			id: 'web-identity-env',
			status: 'warn',
			title: `${present} is set without ${missing}`,
			why: `Web identity credentials need both variables; with one of them the SDK skips this source without a word${verdict.winner ? ` and ${verdict.winner.title} is used` : ''}.`,
			fix: `Set ${missing} (\`${exportCommand(snapshot.platform, missing, '…')}\`; in GitHub Actions, aws-actions/configure-aws-credentials with role-to-assume sets both), or ${removeVariablesFix(snapshot, [present])}.`,
		});
	}
	const usesWebIdentity = verdict.winner?.kind === 'web-identity' || verdict.winner?.source === 'web-identity-env';
	for (const [path, file] of Object.entries(snapshot.tokenFiles)) {
		const problem = file.error ? `cannot be read (${file.error.code})` : file.exists ? undefined : 'does not exist';
		if (!problem) continue;
		const fromEnv = path === tokenPath;
		findings.push({
			id: 'web-identity-token-file',
			status: usesWebIdentity ? 'fail' : 'warn',
			title: `The web identity token file ${problem}`,
			why: `${path} (${fromEnv ? 'AWS_WEB_IDENTITY_TOKEN_FILE' : 'web_identity_token_file in a profile'}) ${problem}, so AssumeRoleWithWebIdentity cannot run.`,
			fix: fromEnv
				? 'Point AWS_WEB_IDENTITY_TOKEN_FILE at the token your CI or cluster writes (it must be readable by this user), or unset it outside CI.'
				: 'Correct web_identity_token_file in the profile, or make the file readable by this user.',
		});
	}
	if (findings.length === 0 && roleArn !== undefined && tokenPath !== undefined) {
		findings.push({
			id: 'web-identity-env',
			status: 'ok',
			title: 'Web identity variables are complete',
			why: `AWS_ROLE_ARN=${roleArn} with a readable token file ${tokenPath}.`,
		});
	}
	return findings;
}
