import type {Snapshot} from '../../gather/snapshot.js';
import type {Verdict} from '../../credentials/verdict.js';
import type {Finding} from '../finding.js';

/** People read provider.iam.deploymentRole as "deploy as this role"; it is only CloudFormation's role. */
export function deploymentRoleChecks(snapshot: Snapshot, verdict: Verdict): Finding[] {
	const role = snapshot.service.deploymentRole;
	if (!role) return [];
	return [
		{
			id: 'deployment-role',
			status: 'info',
			title: 'provider.iam.deploymentRole is not a credential source',
			why: `CloudFormation uses ${role} to create the stack; every other call (S3 upload, describe, the role hand-over itself) is made with ${verdict.winner?.title ?? 'the credentials above'}, which therefore need iam:PassRole on that role plus their own S3 and CloudFormation rights.`,
			fix: `Grant iam:PassRole on ${role} to the deploying identity.`,
		},
	];
}
