/**
 * The values every wizard form starts with, so that pressing Enter on each screen gives a sensible setup:
 * user `<service>-deployer`, profile `<service>-<stage>`, the region and stages serverless.yml names.
 */
import {isPrototypeName} from '../aws-files/prototype-names.js';
import {sdkProfiles} from '../aws-files/sdk-profiles.js';
import type {Snapshot} from '../gather/snapshot.js';
import type {WizardDefaults} from './state.js';

/** Serverless' own default region (v3 and v4) when nothing names one. */
export const DEFAULT_REGION = 'us-east-1';

/** Used when there is no service file and nothing else to name things after. */
export const FALLBACK_SERVICE = 'serverless';

const IAM_NAME_LIMIT = 64;

export function wizardDefaults(snapshot: Snapshot): WizardDefaults {
	const info = snapshot.service;
	const service = serviceName(info.service, info.path);
	const stages = stagesOf(snapshot);
	const stage = stageBeingSetUp(snapshot, stages);
	const stageProfiles = {...info.stageProfiles};
	const existingProfiles = profilesOnDisk(snapshot);
	const {region, regionSource} = regionOf(snapshot);
	return {
		service,
		userName: iamName(`${service}-deployer`),
		policyName: iamName(`${service}-deploy`),
		// hasOwn: a stage may be called `constructor` or `valueOf`.
		profileName: (Object.hasOwn(stageProfiles, stage) ? stageProfiles[stage] : undefined) ?? missingProviderProfile(snapshot, existingProfiles) ?? profileName(`${service}-${stage}`),
		region,
		regionSource,
		stage,
		stages,
		stageProfiles,
		existingProfiles,
		framework: snapshot.framework.major,
		serviceFile: info.path !== undefined && info.format !== 'none' ? {path: info.path, format: info.format} : undefined,
	};
}

/** Defaults before the scan has answered (the first frame) or when it failed. */
export function fallbackDefaults(): WizardDefaults {
	return {
		service: FALLBACK_SERVICE,
		userName: `${FALLBACK_SERVICE}-deployer`,
		policyName: `${FALLBACK_SERVICE}-deploy`,
		profileName: `${FALLBACK_SERVICE}-dev`,
		region: DEFAULT_REGION,
		regionSource: 'default',
		stage: 'dev',
		stages: ['dev'],
		stageProfiles: {},
		existingProfiles: [],
		framework: 3,
	};
}

/** The `service:` name, else the folder serverless.yml is in, else `serverless`; made safe for IAM and profile names. */
export function serviceName(service: string | undefined, servicePath: string | undefined): string {
	const folder = servicePath?.split(/[\\/]/).slice(-2, -1)[0];
	for (const candidate of [service, folder]) {
		const cleaned = candidate === undefined ? '' : nameWithout(candidate, /[^A-Za-z0-9-]+/g);
		if (cleaned !== '') return cleaned.slice(0, IAM_NAME_LIMIT - '-deployer'.length);
	}
	return FALLBACK_SERVICE;
}

/** IAM user and policy names allow letters, digits and `+=,.@_-`, up to 64 characters. */
export function iamName(name: string): string {
	return nameWithout(name, /[^\w+=,.@-]+/g).slice(0, IAM_NAME_LIMIT) || FALLBACK_SERVICE;
}

/** Profile names the AWS files and Serverless both accept: `[\w\-@+.%:/]`. */
export function profileName(name: string): string {
	// Never fall back to `default`: that would silently change the profile every tool uses.
	const cleaned = nameWithout(name, /[^\w\-@+.%:/]+/g) || FALLBACK_SERVICE;
	// A service called `toString` or `constructor`: the SDKs mix such profile names up with JavaScript built-ins.
	return isPrototypeName(cleaned) ? `${cleaned}-profile` : cleaned;
}

function nameWithout(name: string, unwanted: RegExp): string {
	return name.replace(unwanted, '-').replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '');
}

/** Stages serverless.yml mentions (custom.profiles, stages, params), with the stage a deploy uses now; else `dev`. */
function stagesOf(snapshot: Snapshot): string[] {
	const known = snapshot.service.knownStages.filter((stage) => stage.trim() !== '');
	const current = snapshot.service.stage;
	if (known.length === 0) return [current.value];
	// A stage named by --stage or provider.stage is the one deploys use, even when no block mentions it.
	if (current.source !== 'default' && !known.includes(current.value)) return [current.value, ...known];
	return [...new Set(known)];
}

function stageBeingSetUp(snapshot: Snapshot, stages: string[]): string {
	const current = snapshot.service.stage.value;
	return stages.includes(current) ? current : (stages[0] ?? current);
}

/** A plain `provider.profile` that no file defines yet is the name serverless.yml already expects. */
function missingProviderProfile(snapshot: Snapshot, existing: string[]): string | undefined {
	const profile = snapshot.service.profile;
	if (profile?.kind !== 'value' || profile.raw !== undefined || profile.value === '') return undefined;
	if (existing.includes(profile.value)) return undefined;
	return profileName(profile.value) === profile.value ? profile.value : undefined;
}

function regionOf(snapshot: Snapshot): Pick<WizardDefaults, 'region' | 'regionSource'> {
	const region = snapshot.service.region;
	if (region?.kind === 'value' && region.value !== '') {
		return {region: region.value, regionSource: region.source === 'option' ? '--region' : 'serverless.yml'};
	}
	if (snapshot.options.region) return {region: snapshot.options.region, regionSource: '--region'};
	const fromEnv = snapshot.env['AWS_REGION'];
	if (fromEnv) return {region: fromEnv, regionSource: 'AWS_REGION'};
	return {region: DEFAULT_REGION, regionSource: 'default'};
}

function profilesOnDisk(snapshot: Snapshot): string[] {
	const profiles = sdkProfiles({credentials: snapshot.credentialsFile.text, config: snapshot.configFile.text});
	return [...new Set([...Object.keys(profiles.credentials), ...Object.keys(profiles.config)])].sort();
}
