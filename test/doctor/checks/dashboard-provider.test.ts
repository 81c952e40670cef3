import {describe, expect, it} from 'vitest';
import {dashboardProviderChecks} from '../../../source/doctor/checks/dashboard-provider.js';
import type {Verdict} from '../../../source/credentials/verdict.js';
import {makeSnapshot, resolved, serviceFile, type SnapshotSpec} from '../snapshot-builder.js';
import {makeVerdict, staticWinner} from '../verdict-builder.js';
import {expectFixes, outcomes} from './finding-lookup.js';

const withOrg = serviceFile({org: resolved('acme'), app: resolved('shop')});

describe('dashboardProviderChecks', () => {
	const table: Array<{name: string; spec: SnapshotSpec; engine?: Verdict['engine']; dashboardWins?: boolean; expected: string[]; fix?: RegExp}> = [
		{name: 'no org/app', spec: {service: serviceFile(), dashboard: {loggedIn: true}}, expected: []},
		{name: 'v3 org/app but not logged in', spec: {service: withOrg}, expected: []},
		{
			name: 'v3 logged in: the provider may override local credentials',
			spec: {service: withOrg, dashboard: {loggedIn: true}},
			expected: ['dashboard-provider:warn'],
			fix: /--use-local-credentials/,
		},
		{
			name: 'v3 SERVERLESS_ACCESS_KEY counts as logged in',
			spec: {service: withOrg, env: {SERVERLESS_ACCESS_KEY: 'AKslsaccesskey123'}, dashboard: {accessKeyInEnv: true}},
			expected: ['dashboard-provider:warn'],
		},
		{
			name: 'v3 --org/--app options count too',
			spec: {service: serviceFile(), options: {org: 'acme', app: 'shop'}, dashboard: {loggedIn: true}},
			expected: ['dashboard-provider:warn'],
		},
		{
			name: 'v3 --use-local-credentials',
			spec: {service: withOrg, dashboard: {loggedIn: true}, options: {useLocalCredentials: true}},
			expected: ['dashboard-provider:ok'],
		},
		{
			name: 'v3 when the verdict already says the Dashboard wins',
			spec: {service: withOrg, dashboard: {loggedIn: true}},
			dashboardWins: true,
			expected: ['dashboard-provider:info'],
		},
		{
			name: 'v4 access key: dashboard: false is the way out',
			spec: {service: withOrg, dashboard: {accessKeyInEnv: true}, framework: 4},
			engine: 'serverless-v4',
			expected: ['dashboard-provider:warn'],
			fix: /dashboard: false/,
		},
		{
			name: 'v4 licence key only: no providers (F5)',
			spec: {service: withOrg, dashboard: {licenseKeyInEnv: true}, framework: 4},
			engine: 'serverless-v4',
			expected: ['dashboard-provider:ok'],
		},
		{
			name: 'v4 resolver with dashboard: false',
			spec: {
				service: {...withOrg, resolvers: [{name: 'acct', from: 'default', profile: 'dev', dashboard: false}]},
				dashboard: {loggedIn: true},
				framework: 4,
			},
			engine: 'serverless-v4',
			expected: ['dashboard-provider:ok'],
		},
		{
			name: 'v4 selected resolver without the opt-out names it in the fix',
			spec: {
				service: {...withOrg, resolverName: 'acct', resolvers: [{name: 'acct', from: 'prod', profile: 'prod'}]},
				dashboard: {loggedIn: true},
				framework: 4,
			},
			engine: 'serverless-v4',
			expected: ['dashboard-provider:warn'],
			fix: /resolver acct under `stages.prod.resolvers`/,
		},
		{
			name: 'an org known only at deploy time still counts',
			spec: {service: serviceFile({org: {kind: 'deploy-time', raw: '${ssm:/org}', sources: ['ssm']}, app: resolved('shop')}), dashboard: {loggedIn: true}},
			expected: ['dashboard-provider:warn'],
		},
		{name: 'v3 not signed in but --use-local-credentials: still fine', spec: {service: withOrg, options: {useLocalCredentials: true}}, expected: ['dashboard-provider:ok']},
	];
	it.each(table)('$name', ({spec, engine, dashboardWins, expected, fix}) => {
		const winner = dashboardWins
			? {source: 'dashboard-provider' as const, title: 'Dashboard provider', kind: 'dashboard' as const, credentials: {type: 'chain' as const}}
			: staticWinner();
		const findings = dashboardProviderChecks(makeSnapshot(spec), makeVerdict({engine: engine ?? 'serverless-v3', winner}));
		expect(outcomes(findings)).toEqual(expected);
		if (fix) expect(findings[0]!.fix).toMatch(fix);
		expectFixes(findings);
	});
});
