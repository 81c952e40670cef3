/**
 * Runs the AWS SDK for JavaScript v3 default chain (`fromNodeProviderChain`) for one scenario and prints what it
 * returned as one JSON line. Role and web-identity credentials come from the local moto endpoint; the caller
 * identity tells which role was assumed. argv: the scenario JSON file (with `output`).
 */
import {createRequire} from 'node:module';
import fs from 'node:fs';

const require = createRequire(import.meta.url);
require('./loopback-only.cjs');

const scenario = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const {fromNodeProviderChain} = await import('@aws-sdk/credential-providers');

/** Written to a file: an MFA prompt may already have gone to stdout. */
function print(result) {
	fs.writeFileSync(scenario.output, JSON.stringify(result));
	process.exit(0);
}

try {
	const credentials = await fromNodeProviderChain({...(scenario.init ?? {}), ignoreCache: true})();
	const result = {credentials: {accessKeyId: credentials.accessKeyId, source: credentials.$source ?? {}}};
	if (!scenario.knownKeys.includes(credentials.accessKeyId)) {
		const {STSClient, GetCallerIdentityCommand} = await import('@aws-sdk/client-sts');
		const sts = new STSClient({region: 'us-east-1', endpoint: scenario.stsEndpoint, credentials, maxAttempts: 1});
		result.credentials.arn = (await sts.send(new GetCallerIdentityCommand({}))).Arn;
	}
	print(result);
} catch (error) {
	print({error: {name: error.name, code: error.code, message: error.message}});
}
