import type {Snapshot} from '../../gather/snapshot.js';
import type {Verdict} from '../../credentials/verdict.js';
import type {Finding} from '../finding.js';
import {engineName} from '../../credentials/engine-name.js';

/** The headline: does the engine end up with credentials, and which? */
export function credentialOutcomeChecks(snapshot: Snapshot, verdict: Verdict): Finding[] {
	const engine = engineName(verdict.engine);
	if (verdict.error) {
		// The source that broke the run; a "nothing found" error names the last link, which explains nothing.
		const culprit = verdict.candidates.find(candidate => candidate.source === verdict.error?.source && candidate.status === 'error');
		return [
			{
				id: 'credentials-error',
				status: 'fail',
				title: `${engine} stops before deploying: ${verdict.error.code}`,
				why: culprit
					? `${verdict.error.message} (from ${culprit.title}: ${culprit.reason})`
					: `${verdict.error.message}. None of the ${verdict.candidates.length} sources ${engine} checks supplies usable credentials.`,
				fix: culprit?.fix ?? fallbackFix(snapshot),
				details: culprit?.origin,
			},
		];
	}
	if (!verdict.winner) {
		return [
			{
				id: 'credentials-not-found',
				status: 'fail',
				title: `${engine} finds no AWS credentials`,
				why: `None of the ${verdict.candidates.length} sources ${engine} checks supplies usable credentials, so a deploy fails before it reaches AWS.`,
				fix: fallbackFix(snapshot),
			},
		];
	}
	const winner = verdict.winner;
	const key = winner.accessKeyId ? ` with key ${winner.accessKeyId.masked()}` : '';
	const role = winner.roleArn ? `, assuming ${winner.roleArn}` : '';
	return [
		{
			id: 'credentials-resolved',
			status: 'ok',
			title: `${engine} uses ${winner.title}`,
			why: `${kindText(winner.kind)}${key}${role}. Sources above it in the ladder are not configured or were skipped.`,
		},
	];
}

function fallbackFix(snapshot: Snapshot): string {
	const stage = snapshot.service.stage.value;
	return `Run \`npx sls-creds-wizard\` to set up a deploy profile, or create one with \`aws configure --profile <name>\` and deploy with \`serverless deploy --stage ${stage} --aws-profile <name>\`.`;
}

function kindText(kind: string): string {
	switch (kind) {
		case 'static':
			return 'Long-term access keys';
		case 'temporary':
			return 'Temporary access keys (with a session token)';
		case 'role':
			return 'An assumed role';
		case 'sso':
			return 'IAM Identity Center (SSO) credentials';
		case 'process':
			return 'Credentials printed by credential_process';
		case 'web-identity':
			return 'A web identity (OIDC) role';
		case 'login':
			return 'An `aws login` session';
		case 'dashboard':
			return 'Serverless Dashboard provider credentials';
		case 'container':
			return 'Container (ECS/EKS) credentials';
		case 'instance-metadata':
			return 'EC2 instance role credentials';
		default:
			return 'Credentials';
	}
}
