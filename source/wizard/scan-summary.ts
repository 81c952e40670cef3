/**
 * Step 1 of the wizard: what exists now, from the Snapshot and the doctor's verdict. The summary keeps names,
 * kinds and masked keys only, so the wizard's state never holds the raw environment.
 */
import {sdkProfiles} from '../aws-files/sdk-profiles.js';
import {classifyProfile} from '../credentials/profile-kind.js';
import type {CredentialKind, Verdict} from '../credentials/verdict.js';
import type {Snapshot} from '../gather/snapshot.js';
import {Secret} from '../secret.js';
import type {IamCandidate, ProfileSummary, ScanSummary} from './state.js';

const CA_VARIABLES = ['NODE_EXTRA_CA_CERTS', 'AWS_CA_BUNDLE', 'ca', 'cafile', 'HTTPS_CA', 'https_ca', 'HTTPS_CAFILE', 'https_cafile'];

/** Kinds that can sign an IAM request from this machine without a browser (for path a). */
const USABLE_FOR_IAM: ReadonlySet<CredentialKind> = new Set<CredentialKind>(['static', 'temporary', 'role', 'sso', 'process', 'login']);

export function summarizeScan(snapshot: Snapshot, verdict: Verdict): ScanSummary {
	const env = snapshot.env;
	const profiles = profileSummaries(snapshot);
	const accessKeyId = env['AWS_ACCESS_KEY_ID'];
	const secretAccessKey = env['AWS_SECRET_ACCESS_KEY'];
	const environmentKeys =
		accessKeyId && secretAccessKey
			? {
					accessKeyId: new Secret(accessKeyId),
					sessionToken: Boolean(env['AWS_SESSION_TOKEN']),
					from: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', ...(env['AWS_SESSION_TOKEN'] ? ['AWS_SESSION_TOKEN'] : [])],
				}
			: undefined;
	const service = snapshot.service;
	const providerProfile = service.profile?.kind === 'value' ? service.profile.value : service.profile?.raw;
	return {
		profiles,
		...(environmentKeys ? {environmentKeys} : {}),
		environmentProfiles: Object.keys(env)
			.filter((name) => /^AWS_(.+_)?PROFILE$/.test(name) && env[name])
			.sort()
			.map((variable) => ({variable, value: env[variable] ?? ''})),
		service: {
			format: service.format,
			stages: service.knownStages,
			stageProfiles: {...service.stageProfiles},
			...(service.path ? {path: service.path} : {}),
			...(service.service ? {name: service.service} : {}),
			...(service.region?.kind === 'value' && service.region.value ? {region: service.region.value} : {}),
			...(providerProfile ? {providerProfile} : {}),
			...(service.error ? {error: service.error} : {}),
		},
		caVariables: CA_VARIABLES.filter((name) => env[name]),
		framework: {...snapshot.framework},
		doctor: {
			stage: verdict.stage,
			traps: verdict.traps.length,
			...(verdict.winner ? {winner: verdict.winner.title} : {}),
			...(verdict.error ? {error: verdict.error.message} : {}),
		},
		iamCandidates: iamCandidates(snapshot, verdict, profiles),
		...teamSummary(snapshot),
	};
}

function teamSummary(snapshot: Snapshot): Pick<ScanSummary, 'team'> {
	const team = snapshot.service.team;
	if (team?.status === 'ok') {
		const {path, stages, providerProfileFromBlock} = team.settings;
		return {team: {status: 'ok', path, stages, providerProfileFromBlock}};
	}
	if (team?.status === 'invalid') return {team: {status: 'invalid', path: team.path, problems: team.problems}};
	return {};
}

function profileSummaries(snapshot: Snapshot): ProfileSummary[] {
	const parsed = sdkProfiles({credentials: snapshot.credentialsFile.text, config: snapshot.configFile.text});
	const names = [...new Set([...Object.keys(parsed.credentials), ...Object.keys(parsed.config)])].sort();
	return names.map((name) => {
		const keys = {...parsed.config[name], ...parsed.credentials[name]};
		const files: ProfileSummary['files'] = [];
		if (Object.hasOwn(parsed.credentials, name)) files.push('credentials');
		if (Object.hasOwn(parsed.config, name)) files.push('config');
		const summary: ProfileSummary = {name, kind: classifyProfile(keys), files};
		if (keys['aws_access_key_id']) summary.accessKeyId = new Secret(keys['aws_access_key_id']);
		if (keys['region']) summary.region = keys['region'];
		return summary;
	});
}

/** What could create the deploy user: the credentials a deploy would use now first, then the others found. */
function iamCandidates(snapshot: Snapshot, verdict: Verdict, profiles: ProfileSummary[]): IamCandidate[] {
	const candidates: IamCandidate[] = [];
	const winner = verdict.winner;
	if (winner && winner.kind !== 'dashboard') candidates.push({label: winner.title, winner});
	const env = snapshot.env;
	const accessKeyId = env['AWS_ACCESS_KEY_ID'];
	const secretAccessKey = env['AWS_SECRET_ACCESS_KEY'];
	if (accessKeyId && secretAccessKey && winner?.source !== 'env-keys') {
		const sessionToken = env['AWS_SESSION_TOKEN'];
		const title = 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment';
		candidates.push({
			label: title,
			winner: {
				source: 'env-keys',
				title,
				kind: sessionToken ? 'temporary' : 'static',
				accessKeyId: new Secret(accessKeyId),
				credentials: {
					type: 'static',
					accessKeyId: new Secret(accessKeyId),
					secretAccessKey: new Secret(secretAccessKey),
					...(sessionToken ? {sessionToken: new Secret(sessionToken)} : {}),
				},
			},
		});
	}
	for (const profile of profiles) {
		if (profile.name === winner?.profile || !USABLE_FOR_IAM.has(profile.kind)) continue;
		const title = `profile "${profile.name}"`;
		candidates.push({
			label: title,
			winner: {
				source: 'ini-profile',
				title,
				kind: profile.kind,
				profile: profile.name,
				credentials: {type: 'profile', profile: profile.name},
				...(profile.accessKeyId ? {accessKeyId: profile.accessKeyId} : {}),
			},
		});
	}
	return candidates;
}
