/** Traps a Serverless v3 configuration walks into (credential-resolution.md §2.9 step 5), one sentence each. */
import type {Snapshot} from '../gather/snapshot.js';
import {isSet, isShellName, loadsConfigFile} from './environment.js';
import type {V3Evaluation} from './precedence-v3.js';
import {v2CredentialsFile, v2ProfileSet, v2StartupCrash} from './sdk-v2-profiles.js';

/** Variables that take part in v3 credential selection, for the `.env` trap. */
function isCredentialVariable(name: string, stagePrefix: string): boolean {
	return (
		['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_CONFIG_FILE', 'AWS_SDK_LOAD_CONFIG'].includes(name) ||
		name.startsWith(`${stagePrefix}_`)
	);
}

export function v3Traps(snapshot: Snapshot, evaluation: V3Evaluation): string[] {
	const traps: string[] = [];
	const env = snapshot.env;
	const {decision, stagePrefix, stage} = evaluation;
	const step = (source: string) => evaluation.steps.find((entry) => entry.source === source);
	const configured = (source: string) => {
		const entry = step(source);
		return entry !== undefined && entry.outcome.type !== 'absent';
	};
	const winner = decision.winner;

	if (snapshot.options.profileFlag) {
		traps.push(`Serverless rejects --profile ("Detected unrecognized CLI options"): use --aws-profile ${snapshot.options.profileFlag}.`);
	}
	if (evaluation.dashboard.mayOverride) {
		traps.push(
			`Dashboard override: if org "${evaluation.dashboard.org}" / app "${evaluation.dashboard.app}" has an AWS provider, Serverless uses it instead of ${winner ? winner.title : 'any local source'}; pass --use-local-credentials to rule it out.`,
		);
	}
	const providerProfile = snapshot.service.profile;
	if (snapshot.options.awsProfile && providerProfile?.kind === 'value' && providerProfile.value) {
		traps.push(`--aws-profile hides provider.profile "${providerProfile.value}": Serverless v3 never reads it, not even to check it exists.`);
	}
	if (configured('env-profile') && step('env-keys')?.outcome.type === 'usable') {
		traps.push(`AWS_PROFILE beats AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY in Serverless v3 (the AWS CLI does the opposite).`);
	}
	if (configured('env-keys') && step('provider-profile')?.outcome.type === 'usable' && step('env-keys')?.outcome.type === 'usable') {
		traps.push(`Environment keys beat provider.profile in Serverless v3 (serverless#7573): provider.profile is ignored while AWS_ACCESS_KEY_ID is set.`);
	}
	const stageVariable = `${stagePrefix}_PROFILE`;
	if (!isShellName(stageVariable)) {
		traps.push(
			`Stage "${stage}" makes Serverless read ${stagePrefix}_PROFILE and ${stagePrefix}_ACCESS_KEY_ID (only upper-cased): a POSIX shell cannot export such names, though \`env '${stageVariable}=…' serverless …\` and CI systems can set them.`,
		);
	}
	if (configured('env-stage-profile') || configured('env-stage-keys')) {
		traps.push(`${stagePrefix}_* variables are read for stage "${stage}" (undocumented in v3): leftovers from another project switch accounts silently (serverless#6481).`);
	}
	if (winner?.kind === 'role' && winner.source !== 'sdk-default-chain' && isSet(env, 'AWS_SHARED_CREDENTIALS_FILE') && !loadsConfigFile(env)) {
		const roleProfile = winner.profile ?? '';
		const sourceName = v2ProfileSet(snapshot, 'serverless-step').profiles[roleProfile]?.['source_profile'];
		const home = v2ProfileSet(snapshot, 'sdk-default');
		const sourceKeys = sourceName ? home.profiles[sourceName] : undefined;
		const usable = Boolean(sourceKeys?.['aws_access_key_id'] && sourceKeys['aws_secret_access_key']) || Boolean(sourceKeys?.['role_arn']);
		const homePath = v2CredentialsFile(snapshot, 'sdk-default').path;
		traps.push(
			`Role profile "${roleProfile}" takes its source profile "${sourceName}" from ${homePath}, not from AWS_SHARED_CREDENTIALS_FILE (SDK v2 drops the custom file there)` +
				(usable ? '.' : `, where it has no keys: the first AWS request fails with "Missing credentials in config" (set AWS_SDK_LOAD_CONFIG=1 to make SDK v2 honour the custom file).`),
		);
	}
	if (winner?.source === 'sdk-default-chain' && isSet(env, 'AWS_SHARED_CREDENTIALS_FILE') && !loadsConfigFile(env)) {
		traps.push(`Nothing in steps 1–7 matched, and SDK v2's fallback ignores AWS_SHARED_CREDENTIALS_FILE: it reads ${v2CredentialsFile(snapshot, 'sdk-default').path} instead (footer shows no credentials).`);
	}
	if (winner?.source === 'sdk-default-chain' && (env['AWS_ACCESS_KEY_ID'] === 'undefined' || env['AWS_SECRET_ACCESS_KEY'] === 'undefined') && winner.kind !== 'sso') {
		if (evaluation.fallback?.link?.startsWith('AWS_')) traps.push('SDK v2\'s fallback accepts the literal "undefined" that Serverless itself rejected: AWS will answer InvalidClientTokenId.');
	}
	if (isSet(env, 'AWS_DEFAULT_PROFILE')) {
		traps.push(`AWS_DEFAULT_PROFILE is read by Serverless v3 (step 1 only) but ignored by Serverless v4 and the AWS SDK v3; AWS CLI v1 prefers it over AWS_PROFILE.`);
	}
	const mfa = winner?.kind === 'role' && winner.profile ? v2ProfileSet(snapshot, 'serverless-step').profiles[winner.profile]?.['mfa_serial'] : undefined;
	if (mfa) traps.push(`Profile "${winner?.profile}" has mfa_serial: Serverless v3 asks "Enter MFA code for ${mfa}:" on every command (serverless#10310).`);
	if (loadsConfigFile(env) && !snapshot.configFile.exists) {
		traps.push(
			v2StartupCrash(snapshot)
				? `AWS_SDK_LOAD_CONFIG is set but ${snapshot.configFile.path} does not exist: Serverless v3 crashes with ENOENT while loading AWS SDK v2 (setting AWS_REGION avoids the crash; creating the file or unsetting AWS_SDK_LOAD_CONFIG fixes it).`
				: `AWS_SDK_LOAD_CONFIG is set but ${snapshot.configFile.path} does not exist: SDK v2 then reads no profile at all.`,
		);
	}
	if (winner?.accessKeyId?.reveal().startsWith('ASIA') && winner.credentials.type === 'static' && !winner.credentials.sessionToken) {
		traps.push(`The winning key is temporary (ASIA…) but has no session token: AWS will answer InvalidClientTokenId.`);
	}
	const raw = providerProfile && 'raw' in providerProfile ? providerProfile.raw : undefined;
	if (raw?.includes('opt:stage') && snapshot.service.stage.source === 'provider.stage' && !snapshot.options.stage) {
		traps.push(`provider.profile uses \${opt:stage, …}, which ignores provider.stage "${snapshot.service.stage.value}": a plain deploy picks the profile of the default stage, not of "${stage}".`);
	}
	if (decision.error?.source) {
		const failing = decision.error.source;
		const higherUsable = evaluation.steps.some((entry, index) => entry.outcome.type === 'usable' && index < evaluation.steps.findIndex((s) => s.source === failing));
		if (higherUsable) traps.push(`A broken profile fails the run even though a higher-priority source would have won: Serverless v3 checks every named profile.`);
	}
	for (const file of snapshot.service.dotenv) {
		const names = file.applied.filter((name) => isCredentialVariable(name, stagePrefix));
		if (names.length > 0) traps.push(`${names.join(', ')} come${names.length === 1 ? 's' : ''} from ${file.path} (useDotenv), not from your shell.`);
	}
	return traps;
}
