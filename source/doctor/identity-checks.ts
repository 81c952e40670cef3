import type {ProbeResult} from '../aws/identity.js';
import {maskSecretsInText} from '../aws/mask-text.js';
import type {ExplainFailure} from './assemble-report.js';
import type {Verdict} from '../credentials/verdict.js';
import type {Snapshot} from '../gather/snapshot.js';
import {durationText} from './duration-text.js';
import {accountFinding} from './checks/expected-account.js';
import {compareAccount} from './expected-account.js';
import type {Finding} from './finding.js';

/** AWS accepts requests up to 5 minutes off (some services 15); the SDK v3 corrects from 4 min, Serverless v3 never. */
const skewFailMs = 5 * 60_000;
const skewWarnMs = 60_000;

/**
 * What STS GetCallerIdentity said about the winning credentials, as checklist items. The error catalogue's explainer
 * is passed in: only a failed probe needs it, and a doctor whose probe did not fail never loads the catalogue. Pass the
 * snapshot when there is one: the catalogue then explains a failure in terms of this machine.
 */
export function identityChecks(probe: ProbeResult, verdict: Verdict, snapshot: Snapshot | undefined, explainError: ExplainFailure): Finding[] {
	if (probe.status === 'skipped') {
		const reason = `${probe.reason.charAt(0).toUpperCase()}${probe.reason.slice(1)}`;
		return [
			{
				id: 'identity',
				status: 'info',
				title: 'Not checked with AWS',
				why: `${/[.!?…]$/.test(reason) ? reason : `${reason}.`} The ladder above is computed offline; only AWS can say whether the keys are active.`,
				fix: verdict.winner && probe.reason.includes('--offline') ? 'Run `sls-creds-wizard doctor` without --offline to ask AWS who these credentials are.' : undefined,
			},
		];
	}
	if (probe.status === 'failed') {
		// AWS messages can quote the request's credential scope (a key id the snapshot never saw, e.g. an assumed role's).
		const failure = {...probe.failure, message: maskSecretsInText(probe.failure.message)};
		const explanation = explainError(
			{code: failure.code, name: failure.code, message: failure.message, httpStatus: failure.httpStatus},
			{verdict, snapshot},
		);
		const findings: Finding[] = [
			{
				id: 'identity',
				status: 'fail',
				title: `The check with AWS failed: ${explanation?.title ?? failure.code}`,
				why: explanation
					? `${failure.code}: ${failure.message.replace(/\.?\s*$/, '.')} ${explanation.what}`
					: `${failure.code}: ${failure.message.replace(/\.?\s*$/, '')}${failure.httpStatus ? ` (HTTP ${failure.httpStatus})` : ''}.`,
				fix: explanation && explanation.fix.length > 0
					? explanation.fix.join('\n')
					: 'Check that the access key is active in the IAM console (Users → Security credentials), or create a new one with `npx sls-creds-wizard`.',
				details: explanation?.likelyCause.map(cause => `Likely cause: ${cause}`),
			},
		];
		if (failure.clockSkewMs !== undefined) findings.push(...skewFindings(failure.clockSkewMs));
		return findings;
	}
	const {identity} = probe;
	const findings: Finding[] = [
		{
			id: 'identity',
			status: 'ok',
			title: `AWS accepts the credentials: account ${identity.account}`,
			why: `STS says you are ${identity.arn} (${principalText(identity.principal)}).`,
		},
	];
	if (identity.principal === 'root' || identity.arn.endsWith(':root')) {
		findings.push({
			id: 'root-keys',
			status: 'warn',
			title: 'These are the root user’s access keys',
			why: `Root keys of account ${identity.account} can do anything, including closing the account, and cannot be limited by IAM policies. AWS recommends never creating them.`,
			fix: 'Create an IAM user or role for deploys (`npx sls-creds-wizard` does it), switch to it, then delete the root access key under Security credentials in the console.',
		});
	}
	// The wrong-account guard: STS (after any AssumeRole) against the team settings' account for this stage.
	const comparison = snapshot === undefined ? undefined : compareAccount(snapshot, verdict, probe);
	if (snapshot !== undefined && (comparison?.status === 'match' || comparison?.status === 'mismatch')) {
		findings.push(accountFinding(comparison, snapshot, verdict));
	}
	if (identity.clockSkewMs !== undefined) findings.push(...skewFindings(identity.clockSkewMs));
	return findings;
}

function skewFindings(skewMs: number): Finding[] {
	const size = Math.abs(skewMs);
	const direction = skewMs > 0 ? 'behind' : 'ahead of';
	const text = `This computer's clock is ${durationText(skewMs)} ${direction} AWS's.`;
	if (size >= skewFailMs) {
		return [
			{
				id: 'clock-skew',
				status: 'fail',
				title: `The clock is off by ${durationText(skewMs)}`,
				why: `${text} AWS rejects signatures more than 5 minutes off ("Signature expired" / "Signature not yet current"). The AWS SDK quietly corrects for it, so \`aws\` commands may work, but Serverless v3 does not.`,
				fix: 'Turn on automatic time sync (Linux: `sudo timedatectl set-ntp true`; macOS: System Settings → General → Date & Time; Windows: `w32tm /resync`).',
			},
		];
	}
	if (size >= skewWarnMs) {
		return [
			{
				id: 'clock-skew',
				status: 'warn',
				title: `The clock is off by ${durationText(skewMs)}`,
				why: `${text} AWS starts rejecting requests at 5 minutes; this is still accepted, but it is drifting.`,
				fix: 'Turn on automatic time sync (Linux: `sudo timedatectl set-ntp true`; macOS: System Settings → General → Date & Time; Windows: `w32tm /resync`).',
			},
		];
	}
	return [
		{
			id: 'clock-skew',
			status: 'ok',
			title: 'The clock agrees with AWS',
			why: `Off by ${durationText(skewMs)}, well inside AWS's 5-minute limit.`,
		},
	];
}

function principalText(principal: string): string {
	switch (principal) {
		case 'user':
			return 'an IAM user';
		case 'assumed-role':
			return 'an assumed role';
		case 'root':
			return 'the account root user';
		case 'federated-user':
			return 'a federated user';
		default:
			return 'an AWS principal';
	}
}
