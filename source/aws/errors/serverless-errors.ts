/** Serverless Framework v3 and v4 error texts about credentials (errors-and-tls.md §6.3, §6.4). */
import type {MachineFacts} from '../machine-facts.js';
import {profilePlacement} from '../profile-setting.js';
import {shellQuote, type CatalogueEntry} from './catalogue-entry.js';

const WIZARD = 'npx sls-creds-wizard';

/** Profile types Serverless v3 (AWS SDK v2 SharedIniFileCredentials) cannot use directly. */
function unsupportedKind(keys: Record<string, string> | undefined): string | undefined {
	if (!keys) return undefined;
	if (keys.aws_access_key_id && keys.aws_secret_access_key) return undefined;
	if (keys.sso_session || keys.sso_start_url || keys.sso_account_id) return 'an SSO (IAM Identity Center) profile';
	if (keys.credential_process) return 'a credential_process profile';
	if (keys.credential_source) return 'a credential_source profile';
	if (keys.web_identity_token_file) return 'a web-identity profile';
	return undefined;
}

function unrecognizedCauses(facts: MachineFacts, profile: string | undefined): string[] {
	const causes: string[] = [];
	if (profile && facts.profiles) {
		const placement = profilePlacement(facts.profiles, profile);
		const kind = unsupportedKind(facts.profiles.merged[profile]);
		if (placement === 'none') {
			const known = Object.keys(facts.profiles.merged);
			causes.push(`There is no profile "${profile}" in either AWS file${known.length > 0 ? ` (profiles found: ${known.slice(0, 8).join(', ')})` : ''}.`);
		} else if (placement === 'config' && !facts.sdkLoadConfig) {
			causes.push(`Profile "${profile}" exists only in the config file, and Serverless v3 reads that file only when AWS_SDK_LOAD_CONFIG=1 is set.`);
		}
		if (kind) causes.push(`Profile "${profile}" is ${kind}, which Serverless v3 does not support.`);
	}
	causes.push(
		'The profile name is misspelled (in --aws-profile, AWS_PROFILE, AWS_<STAGE>_PROFILE or provider.profile).',
		'The profile is only in ~/.aws/config without AWS_SDK_LOAD_CONFIG=1, or it is an SSO/credential_process/credential_source profile.',
	);
	return [...new Set(causes)];
}

function unrecognizedFixes(facts: MachineFacts, profile: string | undefined): string[] {
	const fixes: string[] = [];
	const quoted = profile ? shellQuote(profile) : '<profile>';
	if (profile && facts.profiles) {
		const placement = profilePlacement(facts.profiles, profile);
		const kind = unsupportedKind(facts.profiles.merged[profile]);
		if (placement === 'config' && !facts.sdkLoadConfig) fixes.push('export AWS_SDK_LOAD_CONFIG=1');
		if (kind?.startsWith('an SSO')) {
			fixes.push(`aws sso login --profile ${quoted} && eval "$(aws configure export-credentials --profile ${quoted} --format env)" before serverless deploy (aws CLI v2), or move to Serverless v4.`);
		} else if (kind) fixes.push(`Export the profile's credentials into the environment before deploying (aws configure export-credentials --profile ${quoted} --format env).`);
		if (placement === 'none') fixes.push(`Create it: aws configure --profile ${quoted}, or ${WIZARD}`);
	}
	fixes.push(`${WIZARD} doctor shows where each profile is defined and which one the deploy uses.`);
	return fixes;
}

export const serverlessErrors: CatalogueEntry[] = [
	{
		id: 'unrecognized-aws-profile',
		title: 'Serverless cannot find the AWS profile',
		codes: ['UNRECOGNIZED_AWS_PROFILE'],
		patterns: [/AWS profile "(?<profile>[^"]*)" doesn't seem to be configured/i, /Profile (?<profile>\S+) does not exist/i],
		what: 'Serverless v3 was told to use a named profile but could not read static keys for it.',
		causes: (facts, match) => unrecognizedCauses(facts, match.groups.profile),
		fix: (facts, match) => unrecognizedFixes(facts, match.groups.profile),
	},
	{
		id: 'aws-credentials-not-found',
		title: 'Serverless v3 found no AWS credentials',
		codes: ['AWS_CREDENTIALS_NOT_FOUND'],
		patterns: [/AWS provider credentials not found/i],
		what: 'No credential source produced keys (or an assume-role/SSO/MFA step failed while resolving them).',
		causes: facts => [
			...(facts.envProfile && facts.profiles && profilePlacement(facts.profiles, facts.envProfile) === 'none'
				? [`AWS_PROFILE=${facts.envProfile} names a profile that is not in the AWS files.`]
				: []),
			'No [default] profile, no AWS_PROFILE, no environment keys — or an assumed role/MFA step failed.',
		],
		fix: () => [`${WIZARD} (sets up a profile and shows the deploy command)`, `${WIZARD} doctor (shows which sources were tried)`],
	},
	{
		id: 'deployment-bucket-not-found',
		title: 'Serverless could not reach the deployment bucket',
		codes: ['DEPLOYMENT_BUCKET_NOT_FOUND'],
		patterns: [/Could not locate deployment bucket(?::\s*"?(?<bucket>[^"\s]+)"?)?\.?(?:\s*Error:\s*(?<inner>[^\n]+))?/i],
		what: 'Serverless looks up the stack\'s deployment bucket first; the lookup failed — often a credentials, account or TLS problem rather than a missing bucket.',
		causes: facts => [
			`The deploy runs in another account than the one holding the bucket${facts.winner ? ` (credentials: ${facts.winner.title})` : ''}.`,
			'The credentials or the TLS connection fail (see the error after "Error:").',
			'The bucket was deleted by hand while the stack still references it.',
		],
		fix: () => [`Check the account the deploy uses: ${WIZARD} doctor`, 'If the bucket was deleted, remove the stack or recreate the bucket.'],
	},
	{
		id: 'inaccessible-configuration-property',
		title: 'A credential setting depends on a value Serverless cannot resolve yet',
		codes: ['INACCESSIBLE_CONFIGURATION_PROPERTY'],
		patterns: [/"(?<property>provider\.[\w.]+)" property is not accessible/i],
		what: 'provider.profile, provider.region, provider.credentials and deploymentBucket.serverSideEncryption must be resolvable before AWS variables (${ssm:}, ${cf:}, ${s3:}, ${aws:}) are available.',
		causes: (_facts, match) => [`${match.groups.property ?? 'The property'} uses \${ssm:}/\${cf:}/\${s3:}/\${aws:} or a plugin variable.`],
		fix: (_facts, match) => [`Use \${env:}, \${opt:}, \${self:} or \${sls:stage} in ${match.groups.property ?? 'that property'}, or a literal value.`],
	},
	{
		id: 'dotenv-conflict',
		title: 'A variable used to resolve the stage is also in .env',
		codes: ['DOTENV_ENV_VAR_RESOLUTION_CONFLICT'],
		patterns: [],
		what: 'Serverless v3 resolved provider.stage/useDotenv from an environment variable before loading .env, and .env then defines it differently.',
		causes: () => ['The same variable (e.g. STAGE) is both exported and set in .env.'],
		fix: () => ['Remove it from .env, or stop using it for provider.stage / useDotenv.'],
	},
	{
		id: 'unrecognized-cli-profile',
		title: 'Serverless uses --aws-profile, not --profile',
		codes: [],
		patterns: [/Detected unrecognized CLI options?: "--profile"/i],
		what: 'Serverless v3 rejects --profile (the aws CLI spelling).',
		causes: () => ['The aws CLI habit of --profile.'],
		fix: () => ['serverless deploy --aws-profile <name> (or AWS_PROFILE=<name> serverless deploy)'],
	},
	{
		id: 'recoverable-error-retry',
		title: 'Serverless is retrying a failing AWS request',
		codes: [],
		patterns: [/Recoverable error occurred \((?<inner>[^\n]+?)\), sleeping for/i],
		what: 'Serverless v3 retries network/TLS errors 4 times (about 4–7 s each) before it shows them; the message in parentheses is the real error.',
		causes: () => ['A network or TLS problem (self-signed certificates are retried too).'],
		fix: () => ['Fix the error in parentheses; SLS_AWS_REQUEST_MAX_RETRIES=0 makes it fail at once while you test.'],
	},
	{
		id: 'ca-file-enoent',
		title: 'The CA file Serverless should load does not exist',
		codes: [],
		patterns: [/ENOENT: no such file or directory, open '(?<path>[^']+\.(?:pem|crt|cer|der|ca-bundle|bundle))'/i],
		what: 'Serverless reads cafile/HTTPS_CAFILE/https_cafile when its AWS provider loads; a missing file stops every AWS command before any request.',
		causes: (facts, match) => {
			const source = facts.ca?.sources.find(candidate => candidate.inputs.some(input => input.path === match.groups.path));
			return [
				source ? `${source.variable} (${source.origin}) lists ${match.groups.path}, which does not exist.` : `A CA setting points at ${match.groups.path ?? 'a file'} that does not exist.`,
				'Paths in cafile are not expanded (~ stays literal) and relative paths are read from the current folder.',
			];
		},
		fix: () => ['Fix the path (absolute, no ~), or unset cafile HTTPS_CAFILE https_cafile; NODE_EXTRA_CA_CERTS=/path/to/ca.pem is the safer setting.'],
	},
	{
		id: 'config-credentials-missing-options',
		title: '`serverless config credentials` needs --key and --secret',
		codes: ['MISSING_REQUIRED_CLI_OPTION', 'MISSING_KEY_AND_SECRET_CLI_OPTIONS'],
		patterns: [/requires "--key", "--secret" options/i, /Please include --key and --secret options for AWS/i],
		what: 'The command writes a key pair into ~/.aws/credentials and needs both values.',
		causes: () => ['Options missing or empty (an unset shell variable expands to nothing).'],
		fix: () => [`serverless config credentials --provider aws --key <AKIA…> --secret <secret> --profile <name>, or ${WIZARD} (masked input, no shell history).`],
	},
	{
		id: 'credentials-profile-exists',
		title: 'The profile already exists',
		codes: ['CREDENTIALS_PROFILE_ALREADY_CONFIGURED'],
		patterns: [/Profile "(?<profile>[^"]+)" is already configured in/i],
		what: '`serverless config credentials` refuses to overwrite a profile.',
		causes: () => ['The profile was set up before.'],
		fix: (_facts, match) => [`Add --overwrite to replace it, or pick another --profile than ${match.groups.profile ?? 'that one'}.`],
	},
	{
		id: 'invalid-provider',
		title: 'Unsupported provider',
		codes: ['INVALID_PROVIDER'],
		patterns: [/Provider "(?<provider>[^"]+)" is not supported/i],
		what: 'Only the aws provider is supported.',
		causes: () => ['--provider or provider.name is not "aws".'],
		fix: () => ['Use --provider aws.'],
	},
	{
		id: 'missing-home-directory',
		title: 'No home directory',
		codes: ['MISSING_HOME_DIRECTORY'],
		patterns: [/Can't find home directory on your local file system/i],
		what: 'Serverless could not find where ~/.aws lives.',
		causes: () => ['HOME (USERPROFILE on Windows) is unset, e.g. in a minimal container or CI step.'],
		fix: () => ['export HOME=/home/<user> (or set AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE).'],
	},
	{
		id: 'v4-credentials-missing',
		title: 'Serverless v4: AWS credentials missing or invalid',
		codes: ['AWS_CREDENTIALS_MISSING'],
		patterns: [/AWS credentials missing or invalid\.?(?:[^\n]*?Original error from AWS:\s*(?<inner>[^\n]+))?/i],
		what: 'Serverless v4 checked the credentials with STS before deploying and AWS (or the local lookup) rejected them.',
		causes: facts => [
			...(facts.winner ? [`The deploy uses ${facts.winner.title}.`] : []),
			'No credentials were found, or AWS rejected them (the "Original error" says how).',
		],
		fix: () => [`${WIZARD} doctor — checks the same credentials against AWS and explains the original error.`],
	},
	{
		id: 'v4-credentials-expired',
		title: 'Serverless v4: AWS credentials have expired',
		codes: ['AWS_CREDENTIALS_EXPIRED'],
		patterns: [/AWS credentials appear to have expired[^\n]*?(?:Original error from AWS:\s*"?(?<inner>[^"\n]+)"?)?/i],
		what: 'Temporary credentials (SSO, assumed role) reached the end of their lifetime.',
		causes: facts => [
			...(facts.winner?.kind === 'sso' ? [`${facts.winner.title} is an SSO profile whose session ended.`] : []),
			...(facts.expiration?.past ? [`${facts.expiration.source} says they expired at ${facts.expiration.value}.`] : []),
			'SSO sessions and assumed-role credentials last 1–12 hours.',
		],
		fix: facts => [facts.winner?.kind === 'sso' && facts.winner.profile ? `aws sso login --profile ${shellQuote(facts.winner.profile)}` : 'Log in again (aws sso login) or fetch fresh temporary credentials.'],
	},
	{
		id: 'v4-account-id-failed',
		title: 'Serverless v4 could not resolve the AWS account',
		codes: ['AWS_ACCOUNT_ID_RESOLUTION_FAILED'],
		patterns: [/Failed to resolve AWS account ID:\s*(?<inner>[^\n]+)/i],
		what: 'v4 calls STS GetCallerIdentity before deploying; that call failed.',
		causes: () => ['Invalid credentials, clock skew, a network/TLS problem, or an opt-in issue (the message after the colon says which).'],
		fix: () => [`${WIZARD} doctor runs the same call and explains the result.`],
	},
	{
		id: 'v4-profile-and-resolver',
		title: 'provider.profile and provider.resolver are both set',
		codes: [],
		patterns: [/provider\.profile and provider\.resolver cannot be set at the same time/i],
		what: 'Serverless v4 accepts one way to pick credentials per service.',
		causes: () => ['serverless.yml sets both.'],
		fix: () => ['Remove provider.profile (put the profile into the resolver), or remove provider.resolver.'],
	},
	{
		id: 'v4-multiple-resolvers',
		title: 'Several aws resolvers and none chosen',
		codes: [],
		patterns: [/Multiple resolvers with type "aws" found/i],
		what: 'stages.<stage>.resolvers has more than one aws resolver, and provider.resolver does not name one.',
		causes: () => ['A resolver was added for a new account without choosing between them.'],
		fix: () => ['Set provider.resolver: <name> in serverless.yml.'],
	},
	{
		id: 'v4-key-without-secret',
		title: 'Only one of access key id / secret is set',
		codes: [],
		patterns: [/If you provide an access key ID or secret access key, you must provide both/i],
		what: 'A Serverless v4 resolver (or the environment) has half a key pair.',
		causes: () => ['accessKeyId without secretAccessKey (or the reverse), e.g. one ${env:} variable unset.'],
		fix: () => ['Provide both values, or neither.'],
	},
	{
		id: 'v4-config-credentials-removed',
		title: '`serverless config credentials` no longer exists in v4',
		codes: [],
		patterns: [/"config credentials" command was deprecated in v4/i],
		what: 'v4 moved credential setup into the interactive `serverless` command.',
		causes: () => ['Instructions written for v3.'],
		fix: () => [`Run serverless (interactive), or ${WIZARD}, or aws configure --profile <name>.`],
	},
	{
		id: 'v4-licence',
		title: 'Serverless v4 needs a login or licence key (not an AWS problem)',
		codes: [],
		patterns: [/sign in or use a license key/i, /(?:license key|SERVERLESS_LICENSE_KEY)[^\n]*(?:invalid|expired|not valid|required|missing)/i],
		what: 'Serverless v4 requires a Serverless account or SERVERLESS_LICENSE_KEY (also in CI); this is separate from AWS credentials.',
		causes: facts => [facts.licenseKey ? 'SERVERLESS_LICENSE_KEY is set but was not accepted.' : 'No `serverless login` session and no SERVERLESS_LICENSE_KEY.'],
		fix: () => ['serverless login (interactive), or export SERVERLESS_LICENSE_KEY=<key> in CI; or pin frameworkVersion: "3" to stay on v3.'],
	},
];
