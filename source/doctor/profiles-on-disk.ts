import {sdkProfiles, type SdkProfiles} from '../aws-files/sdk-profiles.js';
import type {Snapshot} from '../gather/snapshot.js';

/** Where a named profile lives, read the way the AWS SDK v3 reads the two files. */
export interface ProfileOnDisk {
	name: string;
	/** `[name]` in the credentials file. */
	inCredentials: boolean;
	/** `[profile name]` (or `[default]`) in the config file. */
	inConfig: boolean;
	/** Both sections merged, credentials-file keys winning. */
	keys: Record<string, string>;
}

// Several checks ask about the same files; parse them once per snapshot.
const parsed = new WeakMap<Snapshot, SdkProfiles>();

export function profilesOf(snapshot: Snapshot): SdkProfiles {
	let profiles = parsed.get(snapshot);
	if (!profiles) {
		profiles = sdkProfiles({credentials: snapshot.credentialsFile.text, config: snapshot.configFile.text});
		parsed.set(snapshot, profiles);
	}
	return profiles;
}

export function profileOnDisk(snapshot: Snapshot, name: string): ProfileOnDisk {
	const profiles = profilesOf(snapshot);
	const inCredentials = Object.hasOwn(profiles.credentials, name);
	const inConfig = Object.hasOwn(profiles.config, name);
	return {
		name,
		inCredentials,
		inConfig,
		keys: {...profiles.config[name], ...profiles.credentials[name]},
	};
}

/** Every profile name either file defines, sorted, for "did you mean" lists. */
export function profileNames(snapshot: Snapshot): string[] {
	const profiles = profilesOf(snapshot);
	return [...new Set([...Object.keys(profiles.credentials), ...Object.keys(profiles.config)])].sort();
}
