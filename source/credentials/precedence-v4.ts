/**
 * Serverless Framework v4 (credential-resolution.md §3): pick one credential resolver, then the Dashboard provider,
 * the resolver's static keys, and finally the AWS SDK v3 chain with the resolver's profile (`--aws-profile ||
 * provider.profile` for the built-in resolver). Code-derived from sf-core 4.41; codes marked "ours" are not the
 * framework's own (it raises plain errors there).
 */
import type {Snapshot} from '../gather/snapshot.js';
import type {ResolvedValue, V4Resolver} from '../service/service-info.js';
import {Secret} from '../secret.js';
import {decideStatuses, type Assessment, type Decision} from './assessment.js';
import {firstWinsFixes, neutraliseEnvSource, repairChainSource} from './chain-fixes.js';
import {dashboardV4} from './dashboard.js';
import {isSet} from './environment.js';
import type {Change} from './fix-change.js';
import type {Assume} from './fix-plan.js';
import {assumeUsable} from './precedence-sdk.js';
import {regionV4} from './region.js';
import {SDK_NOT_FOUND, sdkChain, type ProfileNamer} from './sdk-chain.js';
import type {EngineError, Verdict} from './verdict.js';

export interface V4Evaluation {
	stage: string;
	/** The custom resolver in use; undefined for the built-in default resolver. */
	resolver?: V4Resolver;
	assessments: Assessment[];
	decision: Decision;
	mayOverride: boolean;
	traps: string[];
}

const MISSING_HINT = ' Run "serverless" to set up AWS credentials, or learn more in our docs: https://slss.io/aws-creds-setup.';

export function precedenceV4(snapshot: Snapshot): Verdict {
	const evaluation = evaluateV4(snapshot);
	const {decision, resolver, stage} = evaluation;
	const candidates = firstWinsFixes(
		snapshot,
		{
			context: {engine: 'serverless-v4', stage, options: snapshot.options},
			evaluate: (changed, assume) => {
				const result = evaluateV4(changed, assume);
				return {assessments: result.assessments, ...(result.decision.winner ? {winner: result.decision.winner} : {})};
			},
			neutralise: (entry, changed) => neutraliseV4(entry, changed, resolver),
			nameProfile: (_changed, name) => (resolver ? undefined : {change: {type: 'aws-profile', profile: name}, source: 'cli-aws-profile'}),
			repair: (entry, changed) => {
				if (entry.source === 'resolver-keys' && resolver) {
					return [{type: 'edit', text: `give resolver "${resolver.name}" both accessKeyId and secretAccessKey`}];
				}
				return repairChainSource(entry, changed, changed.credentialsFile.path);
			},
		},
		decision.candidates,
	);
	const verdict: Verdict = {engine: 'serverless-v4', stage, region: regionV4(snapshot, resolver), candidates, traps: evaluation.traps};
	if (decision.winner) verdict.winner = decision.winner;
	const error = decision.error ?? (decision.winner ? undefined : {...SDK_NOT_FOUND, source: 'instance-metadata' as const});
	if (error) verdict.error = wrapError(error, resolver);
	return verdict;
}

function neutraliseV4(entry: Assessment, snapshot: Snapshot, resolver: V4Resolver | undefined): Change[] | undefined {
	switch (entry.source) {
		case 'resolver-keys':
			return resolver ? [{type: 'remove-resolver-keys', resolver: resolver.name}] : undefined;
		case 'resolver-profile':
			return resolver ? [{type: 'remove-resolver-profile', resolver: resolver.name}] : undefined;
		case 'cli-aws-profile':
			return [{type: 'drop-aws-profile'}];
		case 'provider-profile':
			return [{type: 'remove-provider-profile'}];
		default:
			return neutraliseEnvSource(entry, snapshot);
	}
}

/** `getAwsCredentialProvider` turns chain failures into AWS_CREDENTIALS_MISSING. */
function wrapError(error: EngineError, resolver: V4Resolver | undefined): EngineError {
	if (error.code !== 'CredentialsProviderError') return error;
	const onlyType = resolver !== undefined && resolverKeysOf(resolver).length === 0;
	return {
		code: 'AWS_CREDENTIALS_MISSING',
		message: `AWS credentials missing or invalid.${onlyType ? MISSING_HINT : ''} Original error from AWS: ${error.message}`,
		...(error.source ? {source: error.source} : {}),
	};
}

function resolverKeysOf(resolver: V4Resolver): string[] {
	return (['profile', 'region', 'accessKeyId', 'secretAccessKey', 'sessionToken', 'dashboard'] as const).filter((key) => resolver[key] !== undefined);
}

function profileName(value: ResolvedValue | undefined): string | undefined {
	return value?.kind === 'value' && value.value ? value.value : undefined;
}

type Selection = {resolver?: V4Resolver; error?: EngineError};

function selectResolver(snapshot: Snapshot): Selection {
	const service = snapshot.service;
	const providerProfileSet = service.profile !== undefined && !(service.profile.kind === 'value' && !service.profile.value);
	const resolvers = service.resolvers;
	if (providerProfileSet && service.resolverName) {
		return {error: {code: 'RESOLVER_CONFLICT', message: 'The provider.profile and provider.resolver cannot be set at the same time', source: 'provider-profile'}};
	}
	if (service.resolverName) {
		const resolver = resolvers.find((candidate) => candidate.name === service.resolverName);
		if (!resolver) {
			return {error: {code: 'RESOLVER_NOT_FOUND', message: `provider.resolver "${service.resolverName}" names no resolver of type aws for this stage`, source: 'resolver-profile'}};
		}
		return {resolver};
	}
	if (!providerProfileSet && resolvers.length > 1) {
		return {
			error: {
				code: 'MULTIPLE_AWS_RESOLVERS',
				message: 'Multiple resolvers with type "aws" found. Please specify the credential provider to use for deployment in the provider.resolver key.',
				source: 'resolver-profile',
			},
		};
	}
	if (!providerProfileSet && resolvers.length === 1) return {resolver: resolvers[0]!};
	return {};
}

export function evaluateV4(snapshot: Snapshot, assume?: Assume): V4Evaluation {
	const stage = snapshot.options.stage || snapshot.service.stage.value || 'dev';
	const selection = selectResolver(snapshot);
	const resolver = selection.resolver;
	const traps: string[] = [];
	const cliProfile = snapshot.options.awsProfile || undefined;
	const providerProfile = profileName(snapshot.service.profile);

	const dashboard = dashboardV4(snapshot, resolver);
	const assessments: Assessment[] = [dashboard.assessment];
	if (dashboard.mayOverride) {
		traps.push(`Dashboard provider: if org "${dashboard.org}" / app "${dashboard.app}" has an AWS provider, Serverless v4 uses it before any local credentials (set dashboard: false on a resolver to opt out; v4 has no --use-local-credentials).`);
	}
	if (snapshot.dashboard.licenseKeyInEnv && dashboard.org && dashboard.app) {
		traps.push('SERVERLESS_LICENSE_KEY authentication gets no Dashboard provider credentials: local credentials are used.');
	}

	assessments.push(resolverKeys(resolver));

	const namers: ProfileNamer[] = [];
	if (resolver) {
		namers.push({source: 'resolver-profile', title: `resolver "${resolver.name}" profile${resolver.profile ? ` "${resolver.profile}"` : ''}`, profile: resolver.profile, origin: [`serverless.yml stages.${resolver.from}.resolvers.${resolver.name}`]});
		if (cliProfile) {
			namers.push({source: 'cli-aws-profile', title: `--aws-profile ${cliProfile}`, profile: cliProfile, ignoredBecause: `Custom resolver "${resolver.name}" ignores --aws-profile.`});
			traps.push(`--aws-profile ${cliProfile} is ignored: the custom resolver "${resolver.name}" decides the profile.`);
		}
	} else {
		namers.push({source: 'cli-aws-profile', title: cliProfile ? `--aws-profile ${cliProfile}` : '--aws-profile', profile: cliProfile, origin: ['--aws-profile']});
		if (snapshot.service.profile?.kind === 'deploy-time') {
			namers.push({source: 'provider-profile', title: `provider.profile "${snapshot.service.profile.raw}" (serverless.yml)`, profile: snapshot.service.profile.raw, ignoredBecause: 'provider.profile depends on a deploy-time variable; its value is not known offline.'});
		} else {
			namers.push({source: 'provider-profile', title: providerProfile ? `provider.profile "${providerProfile}" (serverless.yml)` : 'provider.profile', profile: providerProfile, origin: ['serverless.yml provider.profile']});
		}
	}
	const chain = sdkChain(snapshot, namers, {mfaPrompt: true});
	traps.push(...chain.traps);
	assessments.push(...chain.assessments);

	const stagePrefix = `AWS_${stage.toUpperCase()}`;
	const stageVars = [`${stagePrefix}_PROFILE`, `${stagePrefix}_ACCESS_KEY_ID`].filter((name) => isSet(snapshot.env, name));
	if (stageVars.length > 0) traps.push(`${stageVars.join(' and ')} ${stageVars.length === 1 ? 'is' : 'are'} ignored by Serverless v4 (only v3 reads AWS_<STAGE>_* variables).`);
	if (isSet(snapshot.env, 'AWS_DEFAULT_PROFILE')) traps.push('AWS_DEFAULT_PROFILE is ignored by Serverless v4 (it was step 1 in v3).');
	if (providerProfile && !resolver && !cliProfile && isSet(snapshot.env, 'AWS_ACCESS_KEY_ID')) {
		traps.push(`provider.profile "${providerProfile}" beats AWS_ACCESS_KEY_ID in v4 (in v3 the env keys won).`);
	}
	if (snapshot.options.profileFlag) traps.push(`Use --aws-profile, not --profile ("${snapshot.options.profileFlag}").`);
	for (const file of snapshot.service.dotenv) {
		const names = file.applied.filter((name) => name.startsWith('AWS_'));
		if (names.length > 0) traps.push(`${names.join(', ')} come${names.length === 1 ? 's' : ''} from ${file.path} (v4 loads .env files unless useDotenv: false).`);
	}

	if (assume) assumeUsable(assessments, assume);
	let decision = decideStatuses(assessments, 'first-wins');
	if (selection.error) {
		decision = {
			candidates: decision.candidates.map((candidate) =>
				candidate.status === 'absent' ? candidate : {...candidate, status: 'not-evaluated', reason: `Not reached: ${selection.error!.message}.`},
			),
			error: selection.error,
		};
	}
	return {stage, ...(resolver ? {resolver} : {}), assessments, decision, mayOverride: dashboard.mayOverride, traps};
}

function resolverKeys(resolver: V4Resolver | undefined): Assessment {
	const title = resolver ? `resolver "${resolver.name}" accessKeyId + secretAccessKey` : 'resolver accessKeyId + secretAccessKey';
	if (!resolver || (!resolver.accessKeyId && !resolver.secretAccessKey)) {
		return {source: 'resolver-keys', title, outcome: {type: 'absent', reason: resolver ? `Resolver "${resolver.name}" has no static keys.` : 'The built-in resolver has no static keys.'}};
	}
	const origin = [`serverless.yml stages.${resolver.from}.resolvers.${resolver.name}`];
	if (!resolver.accessKeyId || !resolver.secretAccessKey) {
		return {
			source: 'resolver-keys',
			title,
			origin,
			outcome: {
				type: 'fails',
				reason: `Resolver "${resolver.name}" has only ${resolver.accessKeyId ? 'accessKeyId' : 'secretAccessKey'}.`,
				error: {code: 'RESOLVER_KEYS_INCOMPLETE', message: 'If you provide an access key ID or secret access key, you must provide both.', source: 'resolver-keys'},
			},
		};
	}
	const id = new Secret(resolver.accessKeyId);
	const kind = resolver.sessionToken ? 'temporary' : 'static';
	return {
		source: 'resolver-keys',
		title,
		origin,
		kind,
		outcome: {
			type: 'usable',
			reason: `Resolver "${resolver.name}" carries static keys.`,
			use: {
				kind,
				accessKeyId: id,
				credentials: {type: 'static', accessKeyId: id, secretAccessKey: new Secret(resolver.secretAccessKey), ...(resolver.sessionToken ? {sessionToken: new Secret(resolver.sessionToken)} : {})},
			},
		},
	};
}
