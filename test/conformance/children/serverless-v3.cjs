'use strict';
/**
 * Runs Serverless v3's own `AwsProvider.getCredentials()` (npm serverless@3.40.0) for one scenario and prints what it
 * picked as one JSON line (test-endpoint.md §10). When it picks nothing, the request-time AWS SDK v2 chain runs the way
 * Serverless builds its clients (quick chain at construction, then the default providers), minus EC2 instance metadata.
 * argv: the scenario JSON file (with `output` and `enginesDir`).
 */
require('./loopback-only.cjs');
const fs = require('node:fs');
const path = require('node:path');

const scenario = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const modules = path.join(scenario.enginesDir, 'node_modules');

/** Written to a file: an MFA prompt may already have gone to stdout. */
function print(result) {
	fs.writeFileSync(scenario.output, JSON.stringify(result));
	process.exit(0);
}

// Speed only: the 400-odd service clients SDK v2 registers at load are replaced by the three the credential code
// uses. Every credential provider, the ini loader and Serverless' own code are the packages' own, unchanged.
const Module = require('node:module');
const clientsPath = require.resolve(path.join(modules, 'aws-sdk', 'clients', 'all.js'));
const clients = new Module(clientsPath);
clients.filename = clientsPath;
clients.loaded = true;
require.cache[clientsPath] = clients;

let AWS;
try {
	// The loader first, as `require('aws-sdk')` does: the credential classes require the STS client back.
	require(path.join(modules, 'aws-sdk', 'lib', 'node_loader'));
	clients.exports = {
		STS: require(path.join(modules, 'aws-sdk', 'clients', 'sts')),
		SSO: require(path.join(modules, 'aws-sdk', 'clients', 'sso')),
		SSOOIDC: require(path.join(modules, 'aws-sdk', 'clients', 'ssooidc')),
	};
	AWS = require(path.join(modules, 'aws-sdk'));
} catch (error) {
	// SDK v2 builds its global config while loading; Serverless v3 dies the same way at startup.
	print({error: {code: error.code, name: error.name, message: error.message, phase: 'load'}});
	return;
}
// Role profiles start AssumeRole as soon as they are constructed: send it to the local endpoint, never to AWS.
AWS.config.sts = {endpoint: scenario.stsEndpoint, maxRetries: 0};
AWS.config.sso = {endpoint: 'http://127.0.0.1:9', maxRetries: 0};
AWS.CredentialProviderChain.defaultProviders = AWS.CredentialProviderChain.defaultProviders.filter(
	(provider) => !String(provider).includes('EC2MetadataCredentials'),
);
const AwsProvider = require(path.join(modules, 'serverless', 'lib', 'plugins', 'aws', 'provider.js'));

const noop = () => {};
const serverless = {
	setProvider: noop,
	config: {},
	service: {provider: {name: 'aws', ...scenario.provider}},
	configSchemaHandler: new Proxy({}, {get: () => noop}),
};

function describe(credentials) {
	return {
		type: credentials.constructor && credentials.constructor.name,
		profile: credentials.profile,
		envPrefix: credentials.envPrefix,
		accessKeyId: credentials.accessKeyId,
		roleArn: credentials.roleArn,
	};
}

async function fallback() {
	try {
		const client = new AWS.STS({region: 'us-east-1'});
		await new Promise((resolve, reject) => client.config.getCredentials((error) => (error ? reject(error) : resolve())));
		return {credentials: describe(client.config.credentials)};
	} catch (error) {
		return {error: {code: error.code, name: error.name, message: error.message}};
	}
}

/**
 * With `resolve`: what a deploy would sign as — the picked credentials resolved (AssumeRole for a role profile, against
 * the local endpoint) and STS GetCallerIdentity called with them.
 */
async function caller(credentials) {
	try {
		await credentials.getPromise();
		const sts = new AWS.STS({region: 'us-east-1', endpoint: scenario.stsEndpoint, credentials, maxRetries: 0});
		const identity = await sts.getCallerIdentity({}).promise();
		return {arn: identity.Arn, account: identity.Account};
	} catch (error) {
		return {error: {code: error.code, name: error.name, message: error.message}};
	}
}

(async () => {
	let provider;
	try {
		provider = new AwsProvider(serverless, scenario.options);
		const result = provider.getCredentials();
		if (result.credentials && scenario.resolve) return print({credentials: describe(result.credentials), caller: await caller(result.credentials)});
		if (result.credentials) return print({credentials: describe(result.credentials)});
		return print({none: true, fallback: await fallback()});
	} catch (error) {
		return print({error: {code: error.code, name: error.name, message: error.message}});
	}
})();
