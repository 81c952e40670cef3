import type {Snapshot} from '../gather/snapshot.js';
import {sdkProfiles, type SdkProfiles} from '../aws-files/sdk-profiles.js';

/** The profiles of the snapshot's two AWS files as the JS SDK v3 reads them (pure: the texts were read by gather). */
export function snapshotProfiles(snapshot: Snapshot): SdkProfiles {
	return sdkProfiles({credentials: snapshot.credentialsFile.text, config: snapshot.configFile.text});
}

/** The profile a plain `aws` command would use: AWS_PROFILE, then AWS_DEFAULT_PROFILE, then `default`. */
export function cliProfileName(snapshot: Snapshot): string {
	return snapshot.env.AWS_PROFILE || snapshot.env.AWS_DEFAULT_PROFILE || 'default';
}

/** Where a profile is defined: useful to explain Serverless v3's "doesn't seem to be configured". */
export function profilePlacement(profiles: SdkProfiles, name: string): 'credentials' | 'config' | 'both' | 'none' {
	const inCredentials = Object.hasOwn(profiles.credentials, name);
	const inConfig = Object.hasOwn(profiles.config, name);
	if (inCredentials && inConfig) return 'both';
	if (inCredentials) return 'credentials';
	if (inConfig) return 'config';
	return 'none';
}
