import fc from 'fast-check';
import {beforeAll, describe, expect, test} from 'vitest';
import {CATALOGUE, explainError, serverlessCodePostfix, type ErrorInput} from '../../source/aws/error-catalogue.js';
import {Secret} from '../../source/secret.js';
import type {Winner} from '../../source/credentials/verdict.js';
import {fileRead, makeSnapshot} from '../doctor/snapshot-builder.js';
import {makeVerdict, staticWinner} from '../doctor/verdict-builder.js';
import {makeTestCa, type TestCa} from './test-certificates.js';

const CANARY = 'CanarySecretDoNotPrint0123456789abcdefgh';

/** At least one real-world spelling per entry: codes (both SDK spellings, Serverless codes, Node codes) and texts. */
const SAMPLES: Array<[ErrorInput, string]> = [
	[{code: 'UNRECOGNIZED_AWS_PROFILE', message: 'AWS profile "dev" doesn\'t seem to be configured'}, 'unrecognized-aws-profile'],
	[{message: 'Cannot resolve variable at "provider.stage": AWS profile "prod" doesn\'t seem to be configured'}, 'unrecognized-aws-profile'],
	[{message: 'Profile staging does not exist'}, 'unrecognized-aws-profile'],
	[{code: 'AWS_CREDENTIALS_NOT_FOUND', message: 'AWS provider credentials not found. Learn how to set up AWS provider credentials in our docs here: <http://slss.io/aws-creds-setup>.'}, 'aws-credentials-not-found'],
	[{code: 'DEPLOYMENT_BUCKET_NOT_FOUND', message: 'Could not locate deployment bucket: "my-bucket". Error: Access Denied'}, 'deployment-bucket-not-found'],
	[{message: 'Cannot resolve serverless.yml: "provider.profile" property is not accessible (configured behind variables which cannot be resolved at this stage)'}, 'inaccessible-configuration-property'],
	[{code: 'DOTENV_ENV_VAR_RESOLUTION_CONFLICT', message: 'conflict'}, 'dotenv-conflict'],
	[{message: 'Detected unrecognized CLI options: "--profile".'}, 'unrecognized-cli-profile'],
	[{message: 'Recoverable error occurred (unable to get local issuer certificate), sleeping for ~5 seconds. Try 1 of 4'}, 'recoverable-error-retry'],
	[{message: "Error: ENOENT: no such file or directory, open '/etc/ssl/corp-root.pem'"}, 'ca-file-enoent'],
	[{code: 'MISSING_REQUIRED_CLI_OPTION', message: 'Serverless command "config credentials" requires "--key", "--secret" options.'}, 'config-credentials-missing-options'],
	[{code: 'MISSING_KEY_AND_SECRET_CLI_OPTIONS', message: 'Please include --key and --secret options for AWS.'}, 'config-credentials-missing-options'],
	[{code: 'CREDENTIALS_PROFILE_ALREADY_CONFIGURED', message: 'Profile "default" is already configured in ~/.aws/credentials. Use the overwrite flag ("-o" or "--overwrite") to force the update.'}, 'credentials-profile-exists'],
	[{code: 'INVALID_PROVIDER', message: 'Provider "gcp" is not supported. Supported providers are: "aws".'}, 'invalid-provider'],
	[{code: 'MISSING_HOME_DIRECTORY', message: "Can't find home directory on your local file system."}, 'missing-home-directory'],
	[{code: 'AWS_CREDENTIALS_MISSING', message: 'AWS credentials missing or invalid. Original error from AWS: The security token included in the request is invalid.'}, 'v4-credentials-missing'],
	[{code: 'AWS_CREDENTIALS_EXPIRED', message: 'AWS credentials appear to have expired. This is likely due to the use of temporary credentials (e.g. AWS SSO, AWS IAM STS). Original error from AWS: "The security token included in the request is expired"'}, 'v4-credentials-expired'],
	[{code: 'AWS_ACCOUNT_ID_RESOLUTION_FAILED', message: 'Failed to resolve AWS account ID: Signature expired: 20220127T001427Z is now earlier than 20220127T014428Z (20220127T015928Z - 15 min.)'}, 'v4-account-id-failed'],
	[{message: 'The provider.profile and provider.resolver cannot be set at the same time'}, 'v4-profile-and-resolver'],
	[{message: 'Multiple resolvers with type "aws" found. Please specify the credential provider to use for deployment in the provider.resolver key.'}, 'v4-multiple-resolvers'],
	[{message: 'If you provide an access key ID or secret access key, you must provide both.'}, 'v4-key-without-secret'],
	[{message: 'The "config credentials" command was deprecated in v4. To configure your AWS credentials, run the "serverless" command instead.'}, 'v4-config-credentials-removed'],
	[{message: 'You must sign in or use a license key with Serverless Framework V.4 and later versions. Please run "serverless login".'}, 'v4-licence'],
	[{code: 'InvalidClientTokenId', name: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.', httpStatus: 403}, 'invalid-client-token-id'],
	[{name: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.'}, 'invalid-client-token-id'],
	[{code: 'AWS_S_T_S_GET_CALLER_IDENTITY_INVALID_CLIENT_TOKEN_ID', message: 'The security token included in the request is invalid.'}, 'invalid-client-token-id'],
	[{code: 'SignatureDoesNotMatch', message: 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.'}, 'signature-does-not-match'],
	[{code: 'SignatureDoesNotMatch', message: 'Signature expired: 20220127T001427Z is now earlier than 20220127T014428Z (20220127T015928Z - 15 min.)'}, 'clock-skew'],
	[{code: 'AWS_CLOUD_FORMATION_DESCRIBE_STACKS_SIGNATURE_DOES_NOT_MATCH', message: 'Signature not yet current: 20190101T000000Z is still later than 20181231T235000Z (20181231T234500Z + 15 min.)'}, 'clock-skew'],
	[{name: 'InvalidSignatureException', message: 'Signature expired'}, 'clock-skew'],
	[{code: 'RequestTimeTooSkewed', message: 'The difference between the request time and the current time is too large.'}, 'clock-skew'],
	[{code: 'ExpiredToken', message: 'The security token included in the request is expired'}, 'expired-token'],
	[{name: 'ExpiredTokenException', message: 'The security token included in the request is expired'}, 'expired-token'],
	[{code: 'AWS_CLOUD_FORMATION_DESCRIBE_STACKS_EXPIRED_TOKEN', message: 'The security token included in the request is expired'}, 'expired-token'],
	[{code: 'AccessDenied', message: 'User: arn:aws:iam::123456789012:user/x is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::123456789012:user/y because no identity-based policy allows the iam:CreateUser action'}, 'access-denied'],
	[{name: 'AccessDeniedException', message: 'nope'}, 'access-denied'],
	[{code: 'OptInRequired', message: 'The AWS Access Key Id needs a subscription for the service', httpStatus: 403}, 'opt-in-required'],
	[{name: 'SubscriptionRequiredException', message: 'The AWS Access Key Id needs a subscription for the service'}, 'opt-in-required'],
	[{code: 'NotSignedUp', message: 'Your account is not signed up for the S3 service. You must sign up before you can use S3.'}, 'opt-in-required'],
	[{code: 'AWS_CLOUD_FORMATION_DESCRIBE_STACKS_OPT_IN_REQUIRED', message: 'The AWS Access Key Id needs a subscription for the service'}, 'opt-in-required'],
	[{code: 'AWS_CLOUD_WATCH_LOGS_CREATE_LOG_GROUP_SUBSCRIPTION_REQUIRED_EXCEPTION', message: 'x'}, 'opt-in-required'],
	[{name: 'RegionDisabledException', message: 'STS is not activated in this region for account:123456789012.'}, 'region-disabled'],
	[{code: 'EntityAlreadyExists', name: 'EntityAlreadyExistsException', message: 'User with name deployer already exists.'}, 'entity-already-exists'],
	[{name: 'EntityAlreadyExistsException', message: 'User deployer already exists'}, 'entity-already-exists'],
	[{code: 'LimitExceeded', name: 'LimitExceededException', message: 'Cannot exceed quota for AccessKeysPerUser: 2'}, 'limit-exceeded'],
	[{name: 'NoSuchEntityException', message: 'The user with name ghost cannot be found.'}, 'no-such-entity'],
	[{code: 'MalformedPolicyDocument', message: 'Syntax errors in policy.'}, 'malformed-policy'],
	[{name: 'ServiceFailureException', message: 'boom'}, 'service-failure'],
	[{code: 'Throttling', message: 'Rate exceeded'}, 'throttling'],
	[{name: 'CredentialsProviderError', message: 'Could not load credentials from any providers'}, 'no-credentials'],
	[{name: 'CredentialsProviderError', message: 'Profile odd did not include credential process'}, 'credential-lookup-failed'],
	[{code: 'AuthFailure', message: 'AWS was not able to validate the provided access credentials'}, 'invalid-client-token-id'],
	[{message: 'Unable to locate credentials. You can configure credentials by running "aws configure".'}, 'no-credentials'],
	[{name: 'CredentialsProviderError', message: 'Profile mfa requires multi-factor authentication, but no MFA code callback was provided.'}, 'mfa-required'],
	[{name: 'CredentialsProviderError', message: "The SSO session token associated with profile=work was not found or is invalid. To refresh this SSO session run 'aws sso login' with the corresponding profile."}, 'sso-token-missing'],
	[{message: 'Error when retrieving token from sso: Token has expired and refresh failed'}, 'sso-token-missing'],
	[{message: 'Profile is configured with invalid SSO credentials. Required parameters "sso_account_id", "sso_region", "sso_role_name", "sso_start_url". Got sso_start_url'}, 'sso-profile-incomplete'],
	[{message: 'Conflicting SSO region configurations in profile work and sso-session corp.'}, 'sso-profile-incomplete'],
	[{message: 'Profile tool credential_process did not return Version 1.'}, 'credential-process-failed'],
	[{message: 'EC2 Instance Metadata Service access disabled'}, 'imds-disabled'],
	[{message: 'URL not accepted. It must either be HTTPS or match one of the following: ...'}, 'container-url-rejected'],
	[{name: 'Error', message: 'Region is missing'}, 'region-missing'],
	[{code: 'ConfigError', message: 'Missing region in config'}, 'region-missing'],
	[{code: 'ERR_INVALID_URL', name: 'TypeError', message: 'Invalid URL'}, 'invalid-endpoint-url'],
	[{message: 'Multiple credential sources detected: Both AWS_PROFILE and the pair AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY static credentials are set.'}, 'multiple-credential-sources'],
	[{code: 'CredentialsError', message: 'Missing credentials in config, if using AWS_CONFIG_FILE, set AWS_SDK_LOAD_CONFIG=1'}, 'v2-missing-credentials'],
	[{message: "ENOENT: no such file or directory, open '/home/dev/.aws/config'"}, 'v2-config-missing'],
	[{message: 'The config profile (nosuch) could not be found'}, 'cli-profile-not-found'],
	[{message: 'Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY'}, 'cli-partial-credentials'],
	[{code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND sts.us-east1.amazonaws.com'}, 'dns-failure'],
	[{code: 'EAI_AGAIN', message: 'getaddrinfo EAI_AGAIN sts.amazonaws.com'}, 'dns-failure'],
	[{code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:9'}, 'connection-refused'],
	[{code: 'ECONNRESET', name: 'TimeoutError', message: 'read ECONNRESET'}, 'connection-reset'],
	[{code: 'EPIPE', message: 'write EPIPE'}, 'connection-reset'],
	[{code: 'EHOSTUNREACH', message: 'connect EHOSTUNREACH 10.0.0.1:443'}, 'network-unreachable'],
	[{message: 'Could not connect to the endpoint URL: "https://sts.amazonaws.com/"'}, 'network-unreachable'],
	[{code: 'Timeout', message: 'AWS STS did not answer within 10000 ms.'}, 'timeout'],
	[{name: 'TimeoutError', message: '@smithy/node-http-handler - the request socket timed out after 5000 ms of inactivity (configured by client requestHandler).'}, 'timeout'],
	[{code: 'TEST_MODE_NON_LOOPBACK', message: 'Refused'}, 'test-mode-refused'],
	[{code: 'SELF_SIGNED_CERT_IN_CHAIN', message: 'self-signed certificate in certificate chain'}, 'self-signed-cert-in-chain'],
	[{message: 'self signed certificate in certificate chain'}, 'self-signed-cert-in-chain'],
	[{code: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', message: 'unable to get local issuer certificate'}, 'unable-to-get-issuer'],
	[{code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', message: 'unable to verify the first certificate'}, 'unable-to-verify-leaf'],
	[{code: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: 'self-signed certificate'}, 'depth-zero-self-signed'],
	[{message: 'self signed certificate'}, 'depth-zero-self-signed'],
	[{code: 'CERT_HAS_EXPIRED', message: 'certificate has expired'}, 'certificate-expired'],
	[{code: 'ERR_TLS_CERT_ALTNAME_INVALID', message: "Hostname/IP does not match certificate's altnames: IP: 10.0.0.1 is not in the cert's list"}, 'certificate-name-mismatch'],
];

describe('every catalogue entry', () => {
	test.each(SAMPLES)('%j → %s', (input, id) => {
		const explanation = explainError(input);
		expect(explanation?.id).toBe(id);
		expect(explanation?.what.length).toBeGreaterThan(10);
		expect(explanation?.likelyCause.length).toBeGreaterThan(0);
		expect(explanation?.fix.length).toBeGreaterThan(0);
	});

	test('has at least one sample above, and ids are unique', () => {
		const sampled = new Set(SAMPLES.map(([, id]) => id));
		expect(CATALOGUE.map(entry => entry.id).filter(id => !sampled.has(id))).toEqual([]);
		expect(new Set(CATALOGUE.map(entry => entry.id)).size).toBe(CATALOGUE.length);
	});

	test('an unknown error has no explanation', () => {
		expect(explainError({name: 'Error', message: 'something entirely different'})).toBeUndefined();
	});

	test('Serverless v3 code postfixes follow normalizeErrorCodePostfix', () => {
		expect(serverlessCodePostfix('ExpiredToken')).toBe('EXPIRED_TOKEN');
		expect(serverlessCodePostfix('InvalidClientTokenId')).toBe('INVALID_CLIENT_TOKEN_ID');
		expect(explainError({code: 'AWS_I_A_M_CREATE_ACCESS_KEY_LIMIT_EXCEEDED_EXCEPTION', message: 'x'})?.id).toBe('limit-exceeded');
		expect(explainError({code: 'AWS_S_T_S_ASSUME_ROLE_EXPIRED_TOKEN_EXCEPTION', message: 'x'})?.id).toBe('expired-token');
	});

	test('never throws and never echoes a secret, whatever the message', () => {
		fc.assert(
			fc.property(fc.string(), fc.option(fc.string()), (message, code) => {
				const explanation = explainError({message: `${message} ${CANARY}`, code: code ?? undefined});
				expect(JSON.stringify(explanation ?? {})).not.toContain(CANARY);
			}),
			{numRuns: 300},
		);
	});
});

describe('likely cause on this machine', () => {
	let ca: TestCa;
	beforeAll(() => {
		ca = makeTestCa('Catalogue Root');
	});

	test('InvalidClientTokenId + an ASIA key without a token says exactly that', () => {
		const winner = staticWinner({source: 'env-keys', title: 'AWS_ACCESS_KEY_ID (environment)', profile: undefined}, 'ASIAEXAMPLEEXAMPLE12');
		const explanation = explainError({code: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.'}, {snapshot: makeSnapshot(), verdict: makeVerdict({winner})});
		expect(explanation?.likelyCause[0]).toBe('AWS_ACCESS_KEY_ID (environment) (key ASIA…LE12) is a temporary ASIA… key, but no session token is set with it: AWS cannot recognise a temporary key without its token.');
		expect(explanation?.fix[0]).toContain('export AWS_SESSION_TOKEN=');
		expect(explanation?.fix.join('\n')).toContain('unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY');
	});

	test('InvalidClientTokenId + an AKIA profile key: deleted, deactivated or other partition', () => {
		const explanation = explainError({code: 'InvalidClientTokenId', message: ''}, {verdict: makeVerdict({winner: staticWinner()})});
		expect(explanation?.likelyCause[0]).toContain('(key AKIA…MPLE) is a long-term user key');
	});

	test('SignatureDoesNotMatch names the visible problem of the secret without showing it', () => {
		const accessKeyId = new Secret('AKIAIOSFODNN7EXAMPLE');
		const winner: Winner = {...staticWinner(), credentials: {type: 'static', accessKeyId, secretAccessKey: new Secret(` "${CANARY}" `)}};
		const explanation = explainError({code: 'SignatureDoesNotMatch', message: 'The request signature we calculated does not match'}, {verdict: makeVerdict({winner})});
		expect(explanation?.likelyCause).toEqual(
			expect.arrayContaining([
				'In AWS_PROFILE=dev (key AKIA…MPLE), the secret access key starts or ends with whitespace.',
				'In AWS_PROFILE=dev (key AKIA…MPLE), the secret access key contains quote characters.',
			]),
		);
		expect(JSON.stringify(explanation)).not.toContain(CANARY);
	});

	test('SELF_SIGNED_CERT_IN_CHAIN with nothing configured: set NODE_EXTRA_CA_CERTS', () => {
		const explanation = explainError({code: 'SELF_SIGNED_CERT_IN_CHAIN', message: 'self-signed certificate in certificate chain'}, {snapshot: makeSnapshot()});
		expect(explanation?.likelyCause[0]).toContain('No extra CA is configured on this machine');
		expect(explanation?.fix[0]).toMatch(/^export NODE_EXTRA_CA_CERTS=/);
	});

	test('SELF_SIGNED_CERT_IN_CHAIN with only AWS_CA_BUNDLE: the CLI honours it, Serverless does not — reuse its path', () => {
		const snapshot = makeSnapshot({now: Date.now(), env: {AWS_CA_BUNDLE: ca.caPath}, caFiles: {[ca.caPath]: fileRead(ca.caPath, ca.caPem)}});
		const explanation = explainError({code: 'SELF_SIGNED_CERT_IN_CHAIN', message: 'self-signed certificate in certificate chain'}, {snapshot});
		expect(explanation?.likelyCause[0]).toContain('Only AWS_CA_BUNDLE is set');
		expect(explanation?.fix[0]).toBe(`export NODE_EXTRA_CA_CERTS=${ca.caPath} — adds the root to Node's trusted list for Serverless v3, v4 and this tool, with or without a proxy.`);
	});

	test('SELF_SIGNED_CERT_IN_CHAIN with v3 cafile behind a proxy: the proxy quirk', () => {
		const snapshot = makeSnapshot({now: Date.now(), env: {cafile: ca.caPath, HTTP_PROXY: 'http://proxy:3128'}, caFiles: {[ca.caPath]: fileRead(ca.caPath, ca.caPem)}});
		const explanation = explainError({code: 'SELF_SIGNED_CERT_IN_CHAIN', message: ''}, {snapshot});
		expect(explanation?.likelyCause[0]).toBe('cafile is set, but with HTTP_PROXY set Serverless v3 does not use it for the TLS session to AWS.');
	});

	test('ExpiredToken + AWS_CREDENTIAL_EXPIRATION in the past', () => {
		const snapshot = makeSnapshot({env: {AWS_CREDENTIAL_EXPIRATION: '2029-12-31T23:00:00Z'}});
		const winner = staticWinner({source: 'env-keys', title: 'AWS_ACCESS_KEY_ID (environment)', kind: 'temporary', profile: undefined}, 'ASIAEXAMPLEEXAMPLE12');
		const explanation = explainError({code: 'ExpiredToken', message: 'The security token included in the request is expired'}, {snapshot, verdict: makeVerdict({winner})});
		expect(explanation?.likelyCause[0]).toBe('AWS_CREDENTIAL_EXPIRATION says the credentials expired at 2029-12-31T23:00:00Z.');
		expect(explanation?.fix[0]).toContain('unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_CREDENTIAL_EXPIRATION');
	});

	test('ExpiredToken with an SSO winner: aws sso login --profile', () => {
		const winner: Winner = {source: 'env-profile', title: 'AWS_PROFILE=work', kind: 'sso', profile: 'work', credentials: {type: 'profile', profile: 'work'}};
		const explanation = explainError({code: 'ExpiredTokenException', message: ''}, {snapshot: makeSnapshot(), verdict: makeVerdict({winner})});
		expect(explanation?.fix[0]).toBe('aws sso login --profile work');
	});

	test('UNRECOGNIZED_AWS_PROFILE + profile only in config: AWS_SDK_LOAD_CONFIG', () => {
		const snapshot = makeSnapshot({config: '[profile dev]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = x\n'});
		const explanation = explainError({code: 'UNRECOGNIZED_AWS_PROFILE', message: 'AWS profile "dev" doesn\'t seem to be configured'}, {snapshot});
		expect(explanation?.likelyCause[0]).toBe('Profile "dev" exists only in the config file, and Serverless v3 reads that file only when AWS_SDK_LOAD_CONFIG=1 is set.');
		expect(explanation?.fix[0]).toBe('export AWS_SDK_LOAD_CONFIG=1');
	});

	test('UNRECOGNIZED_AWS_PROFILE + SSO profile: v3 cannot use it', () => {
		const snapshot = makeSnapshot({env: {AWS_SDK_LOAD_CONFIG: '1'}, config: '[profile work]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = r\n'});
		const explanation = explainError({message: 'AWS profile "work" doesn\'t seem to be configured'}, {snapshot});
		expect(explanation?.likelyCause[0]).toBe('Profile "work" is an SSO (IAM Identity Center) profile, which Serverless v3 does not support.');
		expect(explanation?.fix[0]).toContain('aws configure export-credentials --profile work');
	});

	test('UNRECOGNIZED_AWS_PROFILE + no such profile lists the profiles that exist', () => {
		const snapshot = makeSnapshot({credentials: '[default]\naws_access_key_id = A\n[prod]\naws_access_key_id = B\n'});
		const explanation = explainError({message: 'AWS profile "prd" doesn\'t seem to be configured'}, {snapshot});
		expect(explanation?.likelyCause[0]).toBe('There is no profile "prd" in either AWS file (profiles found: default, prod).');
	});

	test('a v4 wrapper explains the original AWS error inside it', () => {
		const winner = staticWinner({}, 'ASIAEXAMPLEEXAMPLE12');
		const explanation = explainError(
			{code: 'AWS_CREDENTIALS_MISSING', message: 'AWS credentials missing or invalid. Original error from AWS: The security token included in the request is invalid.'},
			{verdict: makeVerdict({winner})},
		);
		expect(explanation?.id).toBe('v4-credentials-missing');
		expect(explanation?.title).toBe('Serverless v4: AWS credentials missing or invalid — AWS does not recognise the access key');
		expect(explanation?.likelyCause[0]).toContain('temporary ASIA… key');
	});

	test('opt-in region is named for OptInRequired', () => {
		const explanation = explainError({code: 'OptInRequired', message: ''}, {verdict: makeVerdict({region: {value: 'af-south-1', source: 'AWS_REGION'}})});
		expect(explanation?.likelyCause[0]).toBe('af-south-1 is an opt-in region: it must be enabled in the account before use.');
		expect(explanation?.fix[0]).toContain('Enable af-south-1');
	});

	test('AccessDenied on sts:AssumeRole points at the trust policy', () => {
		const explanation = explainError({code: 'AccessDenied', message: 'User: arn:aws:iam::123456789012:user/base is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/deployer'});
		expect(explanation?.likelyCause[0]).toBe("arn:aws:iam::123456789012:user/base may not assume the role: it lacks sts:AssumeRole, or the role's trust policy does not trust it.");
	});
});
