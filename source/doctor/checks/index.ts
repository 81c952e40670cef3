import type {Snapshot} from '../../gather/snapshot.js';
import type {Verdict} from '../../credentials/verdict.js';
import type {Finding} from '../finding.js';
import {accessKeyShapeChecks} from './access-key-shape.js';
import {awsFileIssueChecks} from './aws-file-issues.js';
import {awsFileReadableChecks} from './aws-file-readable.js';
import {caChecks} from './ca.js';
import {configOnlyProfileChecks} from './config-only-profile.js';
import {credentialExpirationChecks} from './credential-expiration.js';
import {credentialOutcomeChecks} from './credential-outcome.js';
import {credentialsFileModeChecks} from './credentials-file-mode.js';
import {dashboardProviderChecks} from './dashboard-provider.js';
import {deploymentRoleChecks} from './deployment-role.js';
import {dotenvChecks} from './dotenv.js';
import {envKeysPartialChecks} from './env-keys-partial.js';
import {expectedAccountChecks} from './expected-account.js';
import {invokeLocalChecks} from './invoke-local.js';
import {namedProfileChecks} from './named-profile.js';
import {profileFlagChecks} from './profile-flag.js';
import {profileWithEnvKeysChecks} from './profile-with-env-keys.js';
import {providerProfileShadowedChecks} from './provider-profile-shadowed.js';
import {regionChecks} from './region.js';
import {sdkLoadConfigChecks} from './sdk-load-config.js';
import {serviceFileChecks} from './service-file.js';
import {serviceNoteChecks} from './service-notes.js';
import {ssoTokenChecks} from './sso-token.js';
import {stageVariableChecks} from './stage-variables.js';
import {webIdentityChecks} from './web-identity.js';

export type Check = (snapshot: Snapshot, verdict: Verdict) => Finding[];

/** In reading order: the outcome first, then why, then the surroundings. The report sorts by status afterwards. */
export const checks: ReadonlyArray<readonly [name: string, check: Check]> = [
	['credential outcome', credentialOutcomeChecks],
	['named profile', namedProfileChecks],
	['config-only profile', configOnlyProfileChecks],
	['profile with env keys', profileWithEnvKeysChecks],
	['provider.profile shadowed', providerProfileShadowedChecks],
	['expected account', expectedAccountChecks],
	['partial env keys', envKeysPartialChecks],
	['--profile flag', profileFlagChecks],
	['access key shape', accessKeyShapeChecks],
	['env credential expiration', credentialExpirationChecks],
	['SSO token', ssoTokenChecks],
	['web identity', webIdentityChecks],
	['Dashboard provider', dashboardProviderChecks],
	['stage variables', stageVariableChecks],
	['region', regionChecks],
	['AWS file readable', awsFileReadableChecks],
	['AWS file issues', awsFileIssueChecks],
	['credentials file mode', credentialsFileModeChecks],
	['AWS_SDK_LOAD_CONFIG', sdkLoadConfigChecks],
	['service file', serviceFileChecks],
	['service notes', serviceNoteChecks],
	['.env', dotenvChecks],
	['deployment role', deploymentRoleChecks],
	['invoke local', invokeLocalChecks],
	['CA bundle', snapshot => caChecks(snapshot)],
];

/** Runs every offline check. A check that throws is a bug; it becomes one finding instead of hiding the others. */
export function runChecks(snapshot: Snapshot, verdict: Verdict): Finding[] {
	return checks.flatMap(([name, check]) => {
		try {
			return check(snapshot, verdict);
		} catch (error) {
			return [
				{
					id: 'check-crashed',
					status: 'warn',
					title: `The ${name} check crashed`,
					why: `${error instanceof Error ? error.message : String(error)}. The other checks still ran.`,
					fix: 'This is a bug in sls-creds-wizard: please report it with `sls-creds-wizard doctor --json` output.',
				} satisfies Finding,
			];
		}
	});
}
