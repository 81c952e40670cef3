import type {Snapshot} from '../../gather/snapshot.js';
import type {Verdict} from '../../credentials/verdict.js';
import type {Finding} from '../finding.js';
import {envSet} from '../environment.js';
import {engineName} from '../../credentials/engine-name.js';

/**
 * Serverless falls back to us-east-1 without a word; v3 never reads AWS_REGION while v4 does
 * (credential-resolution.md §3.3); a plain SDK client fails with "Region is missing".
 */
export function regionChecks(snapshot: Snapshot, verdict: Verdict): Finding[] {
	const engine = engineName(verdict.engine);
	const envRegion = envSet(snapshot.env, 'AWS_REGION');
	const serviceFile = snapshot.service.path ?? 'serverless.yml';
	const configured = verdict.region.value !== undefined && verdict.region.source !== 'default';
	if (verdict.engine === 'aws-sdk-v3' && verdict.region.value === undefined) {
		return [
			{
				id: 'region',
				status: 'warn',
				title: 'No region is set',
				why: 'AWS SDK clients stop with "Region is missing": there is no AWS_REGION and no region in the profile.',
				fix: 'Add `region = <region>` to the profile in the config file, or export AWS_REGION.',
			},
		];
	}
	// A region known only at deploy time (or unresolved) is the service-file check's to explain.
	if (verdict.region.value === undefined && snapshot.service.region && snapshot.service.region.kind !== 'value') return [];
	if (!configured) {
		const ignored =
			verdict.engine === 'serverless-v3' && envRegion !== undefined
				? ` AWS_REGION=${envRegion} is set, but Serverless v3 never reads it.`
				: '';
		return [
			{
				id: 'region',
				status: 'warn',
				title: 'No region is set: the deploy goes to us-east-1',
				why: `${engine} uses --region, then provider.region${verdict.engine === 'serverless-v4' ? ', then AWS_REGION' : ''}, and falls back to us-east-1 without saying so.${ignored}`,
				fix: `Add \`region: <region>\` under \`provider:\` in ${serviceFile}, or pass \`--region <region>\` to every command.`,
			},
		];
	}
	const findings: Finding[] = [
		{
			id: 'region',
			status: 'ok',
			title: `Deploys to ${verdict.region.value}`,
			why: `The region comes from ${verdict.region.source}.`,
		},
	];
	if (verdict.engine === 'serverless-v3' && envRegion !== undefined && envRegion !== verdict.region.value) {
		findings.push({
			id: 'region-env-ignored',
			status: 'info',
			title: `AWS_REGION=${envRegion} is ignored by Serverless v3`,
			why: `Serverless v3 deploys to ${verdict.region.value} (${verdict.region.source}); \`aws\` commands and SDK scripts in the same shell use ${envRegion}.`,
			fix: `Pass \`--region ${envRegion}\` if that is the region you meant.`,
		});
	}
	return findings;
}
