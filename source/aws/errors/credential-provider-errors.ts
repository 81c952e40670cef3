/** Errors raised while credentials are looked up: JS SDK v3 providers, AWS SDK v2 (Serverless v3), the aws CLI (§6.1, §6.2). */
import type {MachineFacts} from '../machine-facts.js';
import {profilePlacement} from '../profile-setting.js';
import {profileFlag, shellQuote, type CatalogueEntry} from './catalogue-entry.js';

const WIZARD = 'npx sls-creds-wizard';

function profileSituation(facts: MachineFacts, profile: string | undefined): string[] {
	if (!profile || !facts.profiles) return [];
	const placement = profilePlacement(facts.profiles, profile);
	if (placement === 'none') return [`There is no profile "${profile}" in the credentials or config file.`];
	if (placement === 'config' && facts.framework === 3 && !facts.sdkLoadConfig) {
		return [`Profile "${profile}" is only in the config file, which Serverless v3 reads only when AWS_SDK_LOAD_CONFIG=1 is set.`];
	}
	return [];
}

export const credentialProviderErrors: CatalogueEntry[] = [
	{
		id: 'credential-lookup-failed',
		title: 'The credentials could not be loaded',
		// Reached only as the fallback for a CredentialsProviderError whose text nothing else recognises.
		codes: [],
		patterns: [],
		what: 'The AWS SDK failed while reading or fetching the credentials, before any request to AWS was made.',
		causes: facts => [
			...(facts.winner ? [`The deploy's credentials come from ${facts.winner.title}${facts.winner.kind ? ` (${facts.winner.kind})` : ''}; the message above says what went wrong with it.`] : []),
			'A profile setting is missing or invalid, a credential_process or SSO step failed, or a file could not be read.',
		],
		fix: () => [`${WIZARD} doctor --offline shows each source and its settings without calling AWS.`],
	},
	{
		id: 'no-credentials',
		title: 'No credentials were found',
		codes: ['NoCredentialProviders'],
		patterns: [
			/Could not load credentials from any providers/i,
			/Unable to locate credentials/i,
			/Could not resolve credentials using profile: \[(?<profile>[^\]]+)\]/i,
		],
		what: 'Every credential source was tried and none produced keys. The SDK hides why each one was skipped behind this one message.',
		causes(facts, match) {
			const causes = profileSituation(facts, match.groups.profile ?? facts.envProfile);
			if (facts.envProfile && !match.groups.profile) causes.push(`AWS_PROFILE=${facts.envProfile} is set, so only that profile is considered.`);
			causes.push(
				'Nothing is configured: no AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, no ~/.aws/credentials entry.',
				'The named profile is misspelled, has a source_profile cycle, an invalid credential_source, or a credential_process that prints no valid JSON.',
			);
			return causes;
		},
		fix: facts => [
			`See every source and why it was skipped: ${WIZARD} doctor`,
			`Set up credentials: ${WIZARD} (or aws configure${profileFlag(facts.envProfile)})`,
		],
	},
	{
		id: 'mfa-required',
		title: 'The profile needs an MFA code that nobody can type',
		codes: [],
		patterns: [/Profile (?<profile>\S+) requires multi-factor authentication, but no MFA code callback was provided/i],
		what: 'The profile has mfa_serial set; the SDK must ask for a one-time code, but the program running it provides no prompt.',
		causes: (_facts, match) => [`Profile "${match.groups.profile}" has mfa_serial; Serverless and most tools cannot prompt for the code.`],
		fix: (_facts, match) => [
			`Get temporary credentials first and export them: aws sts get-session-token --serial-number <mfa arn> --token-code <6 digits>${profileFlag(match.groups.profile)}`,
			`Or run the deploy through a tool that prompts, e.g. aws-vault exec ${match.groups.profile ?? '<profile>'} -- serverless deploy`,
		],
	},
	{
		id: 'sso-token-missing',
		title: 'The SSO session has expired or was never started',
		codes: ['SSOTokenProviderFailure', 'UnauthorizedException'],
		patterns: [
			/The SSO session token associated with profile=(?<profile>[^\s.]+)\.? was not found or is invalid/i,
			/The SSO session associated with this profile has expired or is otherwise invalid/i,
			/Token has expired and refresh failed/i,
			/Error loading SSO Token/i,
		],
		what: 'The profile uses IAM Identity Center (SSO); its cached login token is missing or expired, so no role credentials can be fetched.',
		causes(facts, match) {
			const causes: string[] = [];
			if (facts.expiredSsoTokens.length > 0) causes.push(`Expired SSO tokens in the cache: ${facts.expiredSsoTokens.join(', ')}.`);
			causes.push(`No \`aws sso login\` was run for ${match.groups.profile ? `profile ${match.groups.profile}` : 'this profile'} today; SSO logins last 1–12 hours.`);
			return causes;
		},
		fix: (facts, match) => [`aws sso login${profileFlag(match.groups.profile ?? facts.winner?.profile)}`],
	},
	{
		id: 'sso-profile-incomplete',
		title: 'The SSO profile is incomplete',
		codes: [],
		patterns: [/Profile is configured with invalid SSO credentials/i, /Conflicting SSO region configurations in profile (?<profile>\S+)/i],
		what: 'An SSO profile needs sso_account_id, sso_role_name and either sso_session (with sso_start_url/sso_region) or the legacy sso_start_url + sso_region; their regions must agree.',
		causes: () => ['A key is missing or misspelled, or sso_region differs between the profile and its sso-session section.'],
		fix: facts => [`Re-create the profile: aws configure sso${profileFlag(facts.winner?.profile)}`],
	},
	{
		id: 'credential-process-failed',
		title: 'The credential_process command failed',
		codes: [],
		patterns: [/Profile (?<profile>\S+) credential_process (?:did not return Version 1|returned (?:invalid|expired) credentials|returned invalid JSON)/i, /Error while running credential_process/i],
		what: 'The profile runs an external command for credentials; its output was not the expected JSON (Version: 1, AccessKeyId, SecretAccessKey, optional SessionToken/Expiration).',
		causes: () => ['The command failed, printed something else (a login prompt, a warning), or returned expired credentials.'],
		fix: (_facts, match) => [`Run the command from credential_process by hand${match.groups.profile ? ` (profile ${match.groups.profile})` : ''} and check that it prints only the JSON.`],
	},
	{
		id: 'imds-disabled',
		title: 'Instance metadata lookups are disabled',
		codes: [],
		patterns: [/EC2 Instance Metadata Service access disabled/i],
		what: 'AWS_EC2_METADATA_DISABLED is set, so the last link of the chain (an EC2 instance role) was skipped; no other source produced credentials.',
		causes: () => ['Off EC2 this is expected; the real problem is that no earlier source is configured.'],
		fix: () => [`${WIZARD} doctor shows which sources were tried.`],
	},
	{
		id: 'container-url-rejected',
		title: 'The container credentials URL is not allowed',
		codes: [],
		patterns: [/URL not accepted/i],
		what: 'AWS_CONTAINER_CREDENTIALS_FULL_URI must be HTTPS, or HTTP to a loopback/ECS/EKS link-local address.',
		causes: () => ['AWS_CONTAINER_CREDENTIALS_FULL_URI points at another host over plain HTTP (often a leftover from a container setup).'],
		fix: () => ['unset AWS_CONTAINER_CREDENTIALS_FULL_URI (outside a container), or use an allowed address.'],
	},
	{
		id: 'region-missing',
		title: 'No AWS region is configured',
		codes: ['ConfigError'],
		patterns: [/Region is missing/i, /Missing region in config/i, /You must specify a region/i],
		what: 'AWS calls need a region and none was found.',
		causes: () => ['No AWS_REGION (JS SDK v3 ignores AWS_DEFAULT_REGION), no region in the profile, no --region / provider.region.'],
		fix: () => ['export AWS_REGION=us-east-1 (or your region), or set provider.region in serverless.yml, or aws configure set region us-east-1'],
	},
	{
		id: 'invalid-endpoint-url',
		title: 'An endpoint URL setting is not a valid URL',
		codes: ['ERR_INVALID_URL'],
		patterns: [/TypeError[^\n]*Invalid URL/i],
		what: 'AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE> or endpoint_url in the profile cannot be parsed.',
		causes: () => ['A missing scheme (write http://localhost:4566, not localhost:4566), a typo, or quotes inside the value.'],
		fix: () => ['Fix or unset AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_STS / endpoint_url (env | grep AWS_ENDPOINT shows them).'],
	},
	{
		id: 'multiple-credential-sources',
		title: 'Both AWS_PROFILE and environment keys are set',
		codes: [],
		patterns: [/Multiple credential sources detected/i],
		what: 'The JS SDK v3 warns that it uses AWS_PROFILE and ignores AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY; the aws CLI does the opposite.',
		causes: () => ['Keys exported earlier (or by CI) next to a profile selection.'],
		fix: () => ['Keep one: unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN, or unset AWS_PROFILE.'],
	},
	{
		id: 'v2-missing-credentials',
		title: 'AWS SDK v2 found no credentials',
		codes: ['CredentialsError'],
		patterns: [/Missing credentials in config(?:, if using AWS_CONFIG_FILE, set AWS_SDK_LOAD_CONFIG=1)?/i],
		what: 'AWS SDK v2 (inside Serverless v3 and older tools) tried its whole chain and found nothing; the real reason is hidden inside.',
		causes(facts) {
			const causes = profileSituation(facts, facts.envProfile);
			causes.push('The profile lives only in ~/.aws/config and AWS_SDK_LOAD_CONFIG is not set, or nothing is configured at all.');
			return causes;
		},
		fix: () => ['export AWS_SDK_LOAD_CONFIG=1 if your profile is in ~/.aws/config', `${WIZARD} doctor shows each source and why it was skipped.`],
	},
	{
		id: 'v2-config-missing',
		title: 'AWS_SDK_LOAD_CONFIG is set but there is no config file',
		codes: [],
		patterns: [/ENOENT[^\n]*?open '(?<path>[^']*\.aws[\\/]config)'/i],
		what: 'With AWS_SDK_LOAD_CONFIG=1, AWS SDK v2 requires ~/.aws/config (or AWS_CONFIG_FILE) to exist.',
		causes: () => ['The config file was never created, or AWS_CONFIG_FILE points at a missing file.'],
		fix: (_facts, match) => [`Create it: mkdir -p ~/.aws && touch ${shellQuote(match.groups.path ?? '~/.aws/config')}, or unset AWS_SDK_LOAD_CONFIG.`],
	},
	{
		id: 'cli-profile-not-found',
		title: 'The aws CLI cannot find the profile',
		codes: ['ProfileNotFound'],
		patterns: [/The config profile \((?<profile>[^)]+)\) could not be found/i],
		what: 'The profile named by --profile, AWS_PROFILE or AWS_DEFAULT_PROFILE is in neither AWS file.',
		causes: (facts, match) => [...profileSituation(facts, match.groups.profile), 'A typo, a profile defined in another file (AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE), or a stale AWS_PROFILE.'],
		fix: (_facts, match) => [`Create it: aws configure${profileFlag(match.groups.profile)} (or ${WIZARD}), or unset AWS_PROFILE AWS_DEFAULT_PROFILE.`],
	},
	{
		id: 'cli-partial-credentials',
		title: 'Only half of a key pair is set',
		codes: ['PartialCredentialsError'],
		patterns: [/Partial credentials found in (?<where>[\w-]+), missing: (?<missing>[\w, ]+)/i],
		what: 'An access key id without its secret (or the other way round) was found.',
		causes: (_facts, match) => [`${match.groups.where ?? 'A source'} lacks ${match.groups.missing ?? 'one of the two values'}.`],
		fix: () => ['Set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or unset both.'],
	},
];
