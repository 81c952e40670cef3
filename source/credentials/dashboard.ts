/**
 * Whether the Serverless Dashboard may hand out provider credentials (v3: credential-resolution.md §2.7; v4: §3.2).
 * Offline the doctor cannot know whether the Dashboard has an AWS provider for this org/app/service/stage, so when
 * every precondition holds the Dashboard is reported as "may override" (status not-evaluated, plus a trap) and the
 * local resolution below it is still worked out: that is what the deploy uses whenever no provider is configured,
 * and the doctor's probe checks the local winner.
 */
import type {Snapshot} from '../gather/snapshot.js';
import type {ResolvedValue} from '../service/service-info.js';
import type {Assessment} from './assessment.js';

export interface DashboardAssessment {
	assessment: Assessment;
	/** Every precondition holds: a provider, if configured in the Dashboard, replaces the local winner. */
	mayOverride: boolean;
	org?: string;
	app?: string;
}

function valueOf(value: ResolvedValue | undefined): string | undefined {
	if (!value) return undefined;
	// A deploy-time value still resolves to something at deploy time: count it as set.
	return value.kind === 'value' ? value.value || undefined : value.kind === 'deploy-time' ? value.raw : undefined;
}

function scope(snapshot: Snapshot): {org?: string; app?: string; service?: string} {
	const org = snapshot.options.org || valueOf(snapshot.service.org);
	const app = snapshot.options.app || valueOf(snapshot.service.app);
	const service = snapshot.service.service;
	return {...(org ? {org} : {}), ...(app ? {app} : {}), ...(service ? {service} : {})};
}

const TITLE = 'Serverless Dashboard provider';

export function dashboardV3(snapshot: Snapshot): DashboardAssessment {
	const {org, app, service} = scope(snapshot);
	const base = {source: 'dashboard-provider' as const, title: TITLE, kind: 'dashboard' as const};
	const named = {...(org ? {org} : {}), ...(app ? {app} : {})};
	if (!org || !app || !service) {
		return {...named, mayOverride: false, assessment: {...base, outcome: {type: 'absent', reason: 'The service has no org and app, so the Dashboard plugin does not look for provider credentials.'}}};
	}
	const signedIn = snapshot.dashboard.loggedIn || Boolean(snapshot.env['SERVERLESS_ACCESS_KEY']);
	if (!signedIn) {
		return {...named, mayOverride: false, assessment: {...base, outcome: {type: 'unusable', reason: `org "${org}" and app "${app}" are set, but there is no "serverless login" session and no SERVERLESS_ACCESS_KEY.`}}};
	}
	if (snapshot.options.useLocalCredentials) {
		return {...named, mayOverride: false, assessment: {...base, outcome: {type: 'unusable', reason: '--use-local-credentials tells the Dashboard plugin to skip provider credentials.'}}};
	}
	return {
		...named,
		mayOverride: true,
		assessment: {
			...base,
			origin: [`org ${org}`, `app ${app}`],
			outcome: {
				type: 'hidden',
				reason: `If the Dashboard has an AWS provider for org "${org}", app "${app}" (service "${service}", this stage), it replaces every local source below; without one, the local winner is used. Not knowable offline.`,
			},
		},
	};
}

export function dashboardV4(snapshot: Snapshot, resolver: {name: string; dashboard?: boolean} | undefined): DashboardAssessment {
	const {org, app, service} = scope(snapshot);
	const base = {source: 'dashboard-provider' as const, title: TITLE, kind: 'dashboard' as const};
	const named = {...(org ? {org} : {}), ...(app ? {app} : {})};
	if (!org || !app || !service) {
		return {...named, mayOverride: false, assessment: {...base, outcome: {type: 'absent', reason: 'The service has no org and app, so no Dashboard provider applies.'}}};
	}
	if (resolver?.dashboard === false) {
		return {...named, mayOverride: false, assessment: {...base, outcome: {type: 'unusable', reason: `Resolver "${resolver.name}" sets dashboard: false.`}}};
	}
	if (snapshot.dashboard.licenseKeyInEnv) {
		return {...named, mayOverride: false, assessment: {...base, outcome: {type: 'unusable', reason: 'SERVERLESS_LICENSE_KEY authentication returns no Dashboard providers.'}}};
	}
	if (!snapshot.dashboard.loggedIn && !snapshot.dashboard.accessKeyInEnv) {
		return {...named, mayOverride: false, assessment: {...base, outcome: {type: 'unusable', reason: `org "${org}" and app "${app}" are set, but there is no "serverless login" session and no SERVERLESS_ACCESS_KEY.`}}};
	}
	return {
		...named,
		mayOverride: true,
		assessment: {
			...base,
			origin: [`org ${org}`, `app ${app}`],
			outcome: {
				type: 'hidden',
				reason: `If the Dashboard has an AWS provider for org "${org}", app "${app}" (service "${service}", this stage and region), it is used before the resolver's own credentials. Not knowable offline.`,
			},
		},
	};
}
