/**
 * Turns a Verdict's winner into something the STS client can sign with, reading only the snapshot (not
 * process.env) and never reaching instance metadata (169.254.169.254) unless the winner IS instance metadata.
 */
import type {AwsCredentialIdentity, AwsCredentialIdentityProvider} from '@smithy/types';
import type {Snapshot} from '../gather/snapshot.js';
import type {Winner} from '../credentials/verdict.js';
import type {ClientSettings} from './client-config.js';

type FromIni = typeof import('@aws-sdk/credential-provider-ini').fromIni;
type FromTokenFile = typeof import('@aws-sdk/credential-provider-web-identity').fromTokenFile;
type FromHttp = typeof import('@aws-sdk/credential-provider-http').fromHttp;
type ImdsModule = typeof import('@smithy/credential-provider-imds');

export interface Providers {
	fromIni: FromIni;
	fromTokenFile: FromTokenFile;
	fromHttp: FromHttp;
	imds: ImdsModule;
}

let providers: Providers | undefined;

/** Loaded on first use only: `doctor --offline` and `--help` never pay for the SDK. */
export async function loadProviders(): Promise<Providers> {
	if (providers) return providers;
	const [ini, webIdentity, http, imds] = await Promise.all([
		import('@aws-sdk/credential-provider-ini'),
		import('@aws-sdk/credential-provider-web-identity'),
		import('@aws-sdk/credential-provider-http'),
		import('@smithy/credential-provider-imds'),
	]);
	providers = {fromIni: ini.fromIni, fromTokenFile: webIdentity.fromTokenFile, fromHttp: http.fromHttp, imds};
	return providers;
}

export class CredentialSourceError extends Error {
	constructor(
		message: string,
		readonly code: string,
	) {
		super(message);
		this.name = 'CredentialsProviderError';
	}
}

/**
 * `secrets` collects every secret value the call may carry (also those a provider resolves later), so error texts
 * can be scrubbed of them.
 */
export function probeCredentials(input: {
	snapshot: Snapshot;
	winner: Winner;
	settings: ClientSettings;
	deadlineMs: number;
	secrets: Set<string>;
	providers: Providers;
	/** Answers the SDK's MFA prompt of a role profile with `mfa_serial`; without it such a role cannot be assumed. */
	mfaCode?: string;
}): AwsCredentialIdentity | AwsCredentialIdentityProvider {
	const {snapshot, winner, settings, secrets} = input;
	const resolved = winner.credentials;
	if (resolved.type === 'static') {
		const identity: AwsCredentialIdentity = {
			accessKeyId: resolved.accessKeyId.reveal(),
			secretAccessKey: resolved.secretAccessKey.reveal(),
			...(resolved.sessionToken && resolved.sessionToken.length > 0 ? {sessionToken: resolved.sessionToken.reveal()} : {}),
		};
		remember(secrets, identity);
		return identity;
	}

	const env = snapshot.env;
	// Nested STS (role profiles) inherits the handler; SSO does not, so it goes in clientConfig too. The endpoint is
	// passed only when it is the all-services override: an STS-only URL must not be used for the SSO portal.
	const clientConfig = {
		region: settings.clientConfig.region,
		maxAttempts: settings.clientConfig.maxAttempts,
		requestHandler: settings.clientConfig.requestHandler,
		...(settings.endpoint.source === 'AWS_ENDPOINT_URL' ? {endpoint: settings.endpoint.url} : {}),
	};
	const mfaCode = input.mfaCode;
	const files = {
		filepath: snapshot.credentialsFile.path,
		configFilepath: snapshot.configFile.path,
		ignoreCache: true,
		...(mfaCode === undefined ? {} : {mfaCodeProvider: async () => mfaCode}),
	};
	const p = input.providers;
	let provider: AwsCredentialIdentityProvider;

	if (resolved.type === 'profile') {
		provider = p.fromIni({...files, profile: resolved.profile, clientConfig});
	} else if (winner.source === 'web-identity-env' || winner.kind === 'web-identity') {
		provider = p.fromTokenFile({
			webIdentityTokenFile: env.AWS_WEB_IDENTITY_TOKEN_FILE,
			roleArn: env.AWS_ROLE_ARN,
			roleSessionName: env.AWS_ROLE_SESSION_NAME,
			clientConfig,
		});
	} else if (winner.source === 'container' || winner.kind === 'container') {
		provider = p.fromHttp({
			awsContainerCredentialsFullUri: env.AWS_CONTAINER_CREDENTIALS_FULL_URI,
			awsContainerCredentialsRelativeUri: env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI,
			awsContainerAuthorizationToken: env.AWS_CONTAINER_AUTHORIZATION_TOKEN,
			awsContainerAuthorizationTokenFile: env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE,
			timeout: Math.min(1000, input.deadlineMs),
			maxRetries: 0,
		});
	} else if (winner.source === 'instance-metadata' || winner.kind === 'instance-metadata') {
		if (settings.testMode) {
			provider = async () => {
				throw new CredentialSourceError('Instance metadata is not contacted in test mode (SLS_CREDS_WIZARD_TEST=1 allows only 127.0.0.1/localhost).', 'TEST_MODE_NON_LOOPBACK');
			};
		} else {
			provider = p.imds.fromInstanceMetadata({timeout: Math.min(1000, input.deadlineMs), maxRetries: 0});
		}
	} else {
		provider = fallbackChain(p, snapshot, winner, files, clientConfig);
	}
	return async identityProperties => {
		const identity = await provider(identityProperties);
		remember(secrets, identity);
		return identity;
	};
}

/** The SDK default chain minus IMDS: environment keys, then the profile (static, role, SSO, process, web identity). */
function fallbackChain(
	p: Providers,
	snapshot: Snapshot,
	winner: Winner,
	files: {filepath: string; configFilepath: string; ignoreCache: boolean},
	clientConfig: Record<string, unknown>,
): AwsCredentialIdentityProvider {
	const env = snapshot.env;
	const profile = winner.profile ?? (env.AWS_PROFILE || undefined);
	if (!profile && env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
		const identity: AwsCredentialIdentity = {
			accessKeyId: env.AWS_ACCESS_KEY_ID,
			secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
			...(env.AWS_SESSION_TOKEN ? {sessionToken: env.AWS_SESSION_TOKEN} : {}),
		};
		return async () => identity;
	}
	return p.fromIni({...files, profile: profile ?? 'default', clientConfig});
}

function remember(secrets: Set<string>, identity: AwsCredentialIdentity): void {
	secrets.add(identity.secretAccessKey);
	if (identity.sessionToken) secrets.add(identity.sessionToken);
}
