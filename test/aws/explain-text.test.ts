import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {explainText} from '../../source/aws/explain-text.js';
import {makeSnapshot} from '../doctor/snapshot-builder.js';

const CANARY = 'CanarySecretDoNotPrint0123456789abcdefgh';
const CANARY_TOKEN = `IQoJb3JpZ2luX2VjE${'CanaryTokenPart'.repeat(12)}==`;

const LOGS: Array<[string, string, string[]]> = [
	[
		'Serverless v3 deploy with a bad key',
		`Deploying my-service to stage dev (us-east-1)

✖ Stack my-service-dev failed to deploy (2s)
Environment: linux, node 18.19.0, framework 3.38.0 (local), plugin 7.2.0, SDK 4.5.1
Credentials: Local, "default" profile
Docs:        docs.serverless.com
Support:     forum.serverless.com
Bugs:        github.com/serverless/serverless/issues

Error:
The security token included in the request is invalid.`,
		['invalid-client-token-id'],
	],
	[
		'Serverless v3 behind a TLS-inspecting proxy',
		`Deploying my-service to stage dev (us-east-1)
Recoverable error occurred (unable to get local issuer certificate), sleeping for ~5 seconds. Try 1 of 4
Recoverable error occurred (unable to get local issuer certificate), sleeping for ~6 seconds. Try 2 of 4

Error:
Could not locate deployment bucket. Error: unable to get local issuer certificate`,
		['recoverable-error-retry', 'unable-to-get-issuer', 'deployment-bucket-not-found'],
	],
	[
		'Serverless v3 with --profile and a missing profile',
		`Error:
Detected unrecognized CLI options: "--profile".

Error:
Cannot resolve variable at "provider.profile": AWS profile "dev" doesn't seem to be configured`,
		['unrecognized-cli-profile', 'unrecognized-aws-profile'],
	],
	[
		'Serverless v4 with expired SSO credentials (colours, CRLF)',
		'\u001B[31m✖ AWS credentials appear to have expired. This is likely due to the use of temporary credentials (e.g. AWS SSO, AWS IAM STS). Original error from AWS: "The security token included in the request is expired"\u001B[39m\r\n',
		['v4-credentials-expired', 'expired-token'],
	],
	[
		'Serverless v4 missing credentials',
		'✖ ServerlessError2: AWS credentials missing or invalid. Run "serverless" to set up AWS credentials, or learn more in our docs: https://slss.io/aws-creds-setup. Original error from AWS: The AWS Access Key Id needs a subscription for the service',
		['v4-credentials-missing', 'opt-in-required'],
	],
	[
		'aws CLI session',
		`$ aws sts get-caller-identity --profile prod

An error occurred (SignatureDoesNotMatch) when calling the GetCallerIdentity operation: Signature expired: 20220127T001427Z is now earlier than 20220127T014428Z (20220127T015928Z - 15 min.)
$ aws s3 ls --profile nosuch

The config profile (nosuch) could not be found
$ aws sts get-caller-identity

SSL validation failed for https://sts.amazonaws.com/ [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self signed certificate in certificate chain (_ssl.c:1006)`,
		['clock-skew', 'cli-profile-not-found', 'self-signed-cert-in-chain'],
	],
	[
		'aws CLI error by code only',
		'An error occurred (OptInRequired) when calling the DescribeRegions operation: You are not subscribed to this service. Please go to http://aws.amazon.com to subscribe.',
		['opt-in-required'],
	],
	[
		'Node SDK error dumps',
		`CredentialsProviderError: Could not load credentials from any providers
    at /app/node_modules/@aws-sdk/credential-provider-node/dist-cjs/index.js:58:19
  tryNextLink: false,
  '$metadata': {}
}
Error: connect ECONNREFUSED 127.0.0.1:4566
    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16) {
  errno: -111,
  code: 'ECONNREFUSED',
  syscall: 'connect',
  address: '127.0.0.1',
  port: 4566,
  '$metadata': { attempts: 3, totalRetryDelay: 158 }
}`,
		['no-credentials', 'connection-refused'],
	],
	[
		'SDK service exception with both spellings',
		`EntityAlreadyExistsException: User with name deployer already exists.
  '$fault': 'client',
  Error: { Type: 'Sender', Code: 'EntityAlreadyExists', Message: 'User with name deployer already exists.' },
  Type: 'Sender',
  Code: 'EntityAlreadyExists'`,
		['entity-already-exists'],
	],
	[
		'Serverless v3 wrapped AWS code only',
		'Error: code: AWS_I_A_M_CREATE_ACCESS_KEY_LIMIT_EXCEEDED_EXCEPTION',
		['limit-exceeded'],
	],
	['nothing recognisable', 'Service deployed to stack my-service-dev (45s)\nendpoint: GET - https://abc.execute-api.us-east-1.amazonaws.com/', []],
];

describe('explainText over pasted logs', () => {
	test.each(LOGS)('%s', (_name, log, expected) => {
		expect(explainText(log).map(explanation => explanation.id)).toEqual(expected);
	});

	test('each explanation carries the line it was found in', () => {
		const [explanation] = explainText(LOGS[0]![1]);
		expect(explanation?.evidence).toBe('The security token included in the request is invalid.');
	});

	test('context makes the causes specific (profile only in config → AWS_SDK_LOAD_CONFIG)', () => {
		const snapshot = makeSnapshot({config: '[profile dev]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n'});
		const [, explanation] = explainText(LOGS[2]![1], {snapshot});
		expect(explanation?.fix[0]).toBe('export AWS_SDK_LOAD_CONFIG=1');
	});

	test('a v3 --debug log that prints the credentials object never leaks the secret or token', () => {
		const log = `lifecycle:command:invoke: Invoke deploy
aws: Credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: '${CANARY}', sessionToken: '${CANARY_TOKEN}' }
aws: Request failed: InvalidClientTokenId: The security token included in the request is invalid. secretAccessKey=${CANARY} ${CANARY}
Error:
AWS profile "dev" doesn't seem to be configured`;
		const explanations = explainText(log);
		expect(explanations.map(explanation => explanation.id)).toEqual(['invalid-client-token-id', 'unrecognized-aws-profile']);
		const json = JSON.stringify(explanations);
		expect(json).not.toContain(CANARY);
		expect(json).not.toContain(CANARY_TOKEN.slice(10, 60));
		expect(explanations[0]?.evidence).toContain('secretAccessKey=Cana…efgh');
	});

	test('a secret inside a captured piece (a profile name, an ARN) is masked before it reaches the fix', () => {
		const explanations = explainText(`The config profile (${CANARY} nosuch) could not be found\nUser: arn:aws:iam::1:user/${CANARY} is not authorized to perform: s3:GetObject`);
		expect(explanations.map(explanation => explanation.id)).toEqual(['cli-profile-not-found', 'access-denied']);
		expect(JSON.stringify(explanations)).not.toContain(CANARY);
	});

	test('never throws and never leaks a secret placed anywhere in arbitrary text', () => {
		const pieces = LOGS.map(([, log]) => log);
		fc.assert(
			fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string()), {maxLength: 6}), fc.nat(), (parts, at) => {
				const text = parts.join('\n');
				const position = text.length === 0 ? 0 : at % (text.length + 1);
				const withSecret = `${text.slice(0, position)} ${CANARY} ${text.slice(position)}`;
				expect(JSON.stringify(explainText(withSecret))).not.toContain(CANARY);
			}),
			{numRuns: 200},
		);
	});

	test('a large log is handled quickly', () => {
		const big = `${'INFO all good, nothing to see here\n'.repeat(50_000)}${LOGS[5]![1]}`;
		const started = Date.now();
		expect(explainText(big).map(explanation => explanation.id)).toEqual(['clock-skew', 'cli-profile-not-found', 'self-signed-cert-in-chain']);
		expect(Date.now() - started).toBeLessThan(3000);
	});
});
