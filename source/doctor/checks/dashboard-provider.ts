import type {Snapshot} from '../../gather/snapshot.js';
import type {Verdict} from '../../credentials/verdict.js';
import {dashboardV3, dashboardV4, type DashboardAssessment} from '../../credentials/dashboard.js';
import type {Finding} from '../finding.js';

/**
 * With org + app + a Dashboard login, an AWS provider configured in the Serverless Dashboard replaces every local
 * credential (v3: dashboard-plugin deploy-profile; v4: first step of getAwsCredentials). Whether the org has such a
 * provider is known only to the Dashboard, so this says "may". The preconditions are the precedence model's.
 */
export function dashboardProviderChecks(snapshot: Snapshot, verdict: Verdict): Finding[] {
	if (verdict.engine === 'aws-sdk-v3') return [];
	const v3 = verdict.engine === 'serverless-v3';
	const resolver = selectedResolver(snapshot);
	const assessment: DashboardAssessment = v3 ? dashboardV3(snapshot) : dashboardV4(snapshot, resolver);
	const {org, app} = assessment;
	if (!org || !app) return [];
	const {outcome} = assessment.assessment;
	if (!assessment.mayOverride) {
		// Not signed in at all: the Dashboard is simply not involved, nothing worth a line.
		const optedOut = snapshot.options.useLocalCredentials || resolver?.dashboard === false || snapshot.dashboard.licenseKeyInEnv;
		if (!optedOut || outcome.type === 'absent') return [];
		return [
			{
				id: 'dashboard-provider',
				status: 'ok',
				title: 'Dashboard provider credentials do not apply',
				why: outcome.reason,
			},
		];
	}
	const stage = snapshot.service.stage.value;
	const serviceFile = snapshot.service.path ?? 'serverless.yml';
	const dashboardWins = verdict.winner?.source === 'dashboard-provider';
	const title = dashboardWins
		? 'The Serverless Dashboard supplies the credentials'
		: 'A Serverless Dashboard provider may replace your local credentials';
	if (v3) {
		return [
			{
				id: 'dashboard-provider',
				status: dashboardWins ? 'info' : 'warn',
				title,
				why:
					`org ${org} and app ${app} are set and you are signed in to the Dashboard. If the org, app or stage ${stage} has an AWS provider there, ` +
					'Serverless v3 uses it instead of --aws-profile, AWS_PROFILE, environment keys and provider.profile; the ladder below it only applies when there is no provider.',
				fix: `To deploy with local credentials, run \`serverless deploy --stage ${stage} --use-local-credentials\`, or remove the AWS provider from the app in the Dashboard.`,
			},
		];
	}
	return [
		{
			id: 'dashboard-provider',
			status: dashboardWins ? 'info' : 'warn',
			title,
			why:
				`org ${org} and app ${app} are set and you are signed in with an access key. If the Dashboard has an AWS provider for this app, service or stage ${stage}, ` +
				'Serverless v4 uses it before any resolver, --aws-profile, AWS_PROFILE or environment keys. v4 has no --use-local-credentials.',
			fix: resolver
				? `Add \`dashboard: false\` to the resolver ${resolver.name} under \`stages.${resolver.from}.resolvers\` in ${serviceFile}, or remove the AWS provider in the Dashboard.`
				: `Add an aws resolver with \`dashboard: false\` under \`stages.default.resolvers\` in ${serviceFile} (with \`profile:\` if you use one), or remove the AWS provider in the Dashboard.`,
		},
	];
}

/** v4 resolver selection (credential-resolution.md §3.1), without the error cases the verdict reports. */
function selectedResolver(snapshot: Snapshot) {
	const {resolverName, resolvers} = snapshot.service;
	if (resolverName) return resolvers.find(resolver => resolver.name === resolverName);
	return resolvers.length === 1 ? resolvers[0] : undefined;
}
