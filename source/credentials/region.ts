/** The region each engine deploys to / signs for (credential-resolution.md §3.3, aws-files.md §4). */
import type {Snapshot} from '../gather/snapshot.js';
import type {V4Resolver} from '../service/service-info.js';
import type {Verdict} from './verdict.js';

type Region = Verdict['region'];

function providerRegion(snapshot: Snapshot): Region | undefined {
	const region = snapshot.service.region;
	if (!region) return undefined;
	if (region.kind === 'value') return region.value ? {value: region.value, source: region.source === 'option' ? '--region' : 'provider.region'} : undefined;
	if (region.kind === 'deploy-time') return {source: `provider.region (${region.raw}, resolved at deploy time)`};
	return {source: `provider.region (${region.message})`};
}

/** v3: `--region` → `provider.region` → us-east-1; `AWS_REGION` is never read. */
export function regionV3(snapshot: Snapshot): Region {
	if (snapshot.options.region) return {value: snapshot.options.region, source: '--region'};
	return providerRegion(snapshot) ?? {value: 'us-east-1', source: 'default'};
}

/** v4: resolver region → `--region` → `provider.region` → `AWS_REGION` → us-east-1. */
export function regionV4(snapshot: Snapshot, resolver: V4Resolver | undefined): Region {
	if (resolver?.region) return {value: resolver.region, source: `resolver "${resolver.name}" region`};
	if (snapshot.options.region) return {value: snapshot.options.region, source: '--region'};
	const fromService = providerRegion(snapshot);
	if (fromService) return fromService;
	if (snapshot.env['AWS_REGION']) return {value: snapshot.env['AWS_REGION'], source: 'AWS_REGION'};
	return {value: 'us-east-1', source: 'default'};
}

/** SDK v3 clients: `AWS_REGION` → the profile's `region` (credentials file wins) → none (`Region is missing`). */
export function regionSdk(snapshot: Snapshot, profileRegion: string | undefined, profile: string): Region {
	if (snapshot.env['AWS_REGION']) return {value: snapshot.env['AWS_REGION'], source: 'AWS_REGION'};
	if (profileRegion) return {value: profileRegion, source: `profile "${profile}" region`};
	return {source: 'none: the SDK throws "Region is missing" (AWS_DEFAULT_REGION is not read)'};
}
