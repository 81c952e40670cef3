import type {Snapshot} from '../../gather/snapshot.js';
import type {Verdict} from '../../credentials/verdict.js';
import type {Finding} from '../finding.js';

/**
 * What the doctor could not know from the service file: a TS/JS config is code (never evaluated here), a file that
 * does not parse, or provider.profile/region that only exist at deploy time. Never guess those values.
 */
export function serviceFileChecks(snapshot: Snapshot, verdict: Verdict): Finding[] {
	const {service} = snapshot;
	const findings: Finding[] = [];
	const file = service.path ?? 'serverless.yml';
	if (service.error) {
		findings.push({
			id: 'service-file',
			status: 'fail',
			title: `${file} cannot be parsed`,
			why: `${service.error}. Serverless stops on the same error, and the doctor could not read provider.profile, region or stage from it.`,
			fix: `Fix the syntax at the position named above in ${file}.`,
		});
	} else if (service.format === 'ts' || service.format === 'js') {
		findings.push({
			id: 'service-file',
			status: 'warn',
			title: `${file} is code, so its settings are not read`,
			why: 'The doctor does not run serverless.ts/.js, so any provider.profile, provider.region or stage set there is unknown and not part of the ladder above.',
			fix: 'Pass the values the deploy uses to the doctor: `--stage`, `--aws-profile` and `--region`.',
		});
	} else if (service.format === 'none') {
		findings.push({
			id: 'service-file',
			status: 'info',
			title: 'No serverless.yml found here',
			why: 'Run the doctor in the service directory (or pass --config) so provider.profile, stage and region are taken into account.',
		});
	}
	const deployTime: Array<[string, Snapshot['service']['profile']]> = [
		['provider.profile', service.profile],
		['provider.region', service.region],
	];
	for (const [setting, value] of deployTime) {
		if (value?.kind === 'deploy-time') {
			const v3 = verdict.engine === 'serverless-v3';
			findings.push({
				id: `${setting === 'provider.profile' ? 'profile' : 'region'}-deploy-time`,
				status: v3 ? 'fail' : 'warn',
				title: `${setting} is resolved only at deploy time`,
				why: v3
					? `${setting}: ${value.raw} uses ${value.sources.join(', ')}, which need AWS credentials themselves. Serverless v3 stops with \`Cannot resolve serverless.yml: "${setting}" property is not accessible\` (INACCESSIBLE_CONFIGURATION_PROPERTY).`
					: `${setting}: ${value.raw} uses ${value.sources.join(', ')}, so its value is unknown until the deploy runs; the ladder above leaves it out.`,
				fix: `Use a value that is known before credentials exist: a literal, \${env:…}, \${opt:…} or \${self:custom.…} in ${file}.`,
			});
		}
		if (value?.kind === 'unresolved') {
			findings.push({
				id: `${setting === 'provider.profile' ? 'profile' : 'region'}-unresolved`,
				status: 'warn',
				title: `${setting} does not resolve to a value`,
				why: `${setting}: ${value.raw} — ${value.message}.`,
				fix: `Give the variable a default (e.g. \${env:AWS_PROFILE, 'dev'}) or define what it refers to in ${file}.`,
			});
		}
	}
	return findings;
}
