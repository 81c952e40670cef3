/**
 * `init-team`: from the command line, the service file and the terminal to each stage's settings (StageAccount).
 * What the file already says fills the gaps (a re-run keeps each stage's account, region and role); accounts
 * nobody gave come from STS with the stage's profile, or from the role ARN.
 */
import {isRecord, namedStages} from '../service/service-file-edit.js';
import {roleArnAccount, stageAccountProblems} from '../service/team-settings-edit.js';
import type {StageAccount, StageRole} from '../service/team-settings.js';
import type {InitTeamArguments} from './command-line.js';
import {readLine, type PromptTerminal} from './profile-prompt.js';
import {UsageError} from './usage-error.js';

/** What the service file already holds that the questions and the entries start from. */
export interface TeamDefaults {
	service?: string;
	/** provider.region when written as a plain value. */
	region?: string;
	/** custom.profiles (the wizard's stage mapping). */
	profiles: Record<string, string>;
	/** custom.deployAccounts entries as written (possibly incomplete or wrong). */
	existing: Record<string, Record<string, unknown>>;
	/** Stages the file names: the block's, custom.profiles', params/stages, provider.stage (or dev). */
	stages: string[];
}

export function teamDefaults(document: unknown): TeamDefaults {
	const root = isRecord(document) ? document : {};
	const provider = isRecord(root['provider']) ? root['provider'] : {};
	const custom = isRecord(root['custom']) ? root['custom'] : {};
	const profiles = Object.fromEntries(
		Object.entries(isRecord(custom['profiles']) ? custom['profiles'] : {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
	);
	const block = isRecord(custom['deployAccounts']) ? custom['deployAccounts'] : {};
	const existing = Object.fromEntries(Object.entries(block).filter((entry): entry is [string, Record<string, unknown>] => isRecord(entry[1])));
	const region = provider['region'];
	const service = root['service'];
	return {
		...(typeof service === 'string' && !service.includes('${') ? {service} : {}),
		...(typeof region === 'string' && !region.includes('${') ? {region} : {}),
		profiles,
		existing,
		stages: [...new Set([...Object.keys(existing), ...Object.keys(profiles), ...namedStages(document)])],
	};
}

/** Where a stage's account came from (shown, and in --json). */
export type AccountSource = 'option' | 'role' | 'sts' | 'file' | 'typed';

export interface StageDraft {
	entry: Omit<StageAccount, 'account'> & {account?: string};
	accountSource?: AccountSource;
}

/** On a terminal without --stage: which stages, and each one's profile. Enter takes the default shown. */
export async function askStages(terminal: PromptTerminal, defaults: TeamDefaults, fallbackName: string): Promise<Array<{stage: string; profile: string}>> {
	const offered = defaults.stages.length > 0 ? defaults.stages : ['dev'];
	let stages: string[] = [];
	while (stages.length === 0) {
		const answer = (await readLine(terminal, `Stages, separated by commas [${offered.join(', ')}]: `, {mask: false})).trim();
		stages = answer === '' ? offered : [...new Set(answer.split(/[\s,]+/).filter(Boolean))];
	}
	const chosen: Array<{stage: string; profile: string}> = [];
	for (const stage of stages) {
		const suggested = defaultProfile(stage, defaults, fallbackName);
		const answer = (await readLine(terminal, `Profile for ${stage} [${suggested}]: `, {mask: false})).trim();
		chosen.push({stage, profile: answer === '' ? suggested : answer});
	}
	return chosen;
}

function defaultProfile(stage: string, defaults: TeamDefaults, fallbackName: string): string {
	const written = defaults.existing[stage]?.['profile'];
	if (typeof written === 'string' && written !== '') return written;
	return defaults.profiles[stage] ?? `${defaults.service ?? fallbackName}-${stage}`;
}

/**
 * Each stage's settings as far as known without AWS: options first, then what the file holds. Values the user
 * typed that cannot be right (an 11-digit account, a user ARN as role) are a usage error (exit 2) before anything
 * is asked of AWS.
 */
export function draftStages(args: InitTeamArguments, chosen: Array<{stage: string; profile: string}>, defaults: TeamDefaults): StageDraft[] {
	const drafts = chosen.map(({stage, profile}): StageDraft => {
		const old = defaults.existing[stage] ?? {};
		const text = (key: string): string | undefined => (typeof old[key] === 'string' && old[key] !== '' ? (old[key] as string) : undefined);
		const role = roleOf(args, stage, old);
		const region = args.regions[stage] ?? text('region') ?? defaults.region;
		const fromRole = role ? roleArnAccount(role.arn) : undefined;
		const oldAccount = text('account') ?? (typeof old['account'] === 'number' ? String(old['account']).padStart(12, '0') : undefined);
		const [account, accountSource]: [string | undefined, AccountSource | undefined] =
			args.accounts[stage] !== undefined
				? [args.accounts[stage], 'option']
				: fromRole !== undefined
					? [fromRole, 'role']
					: [undefined, undefined];
		const entry = {stage, profile, ...(account === undefined ? {} : {account}), ...(region === undefined ? {} : {region}), ...(role ? {role} : {})};
		// Kept only as a fallback for --offline and failed lookups: a fresh answer from STS is worth more.
		return {entry: account === undefined && oldAccount !== undefined ? {...entry, account: oldAccount} : entry, ...(accountSource ? {accountSource} : account === undefined && oldAccount !== undefined ? {accountSource: 'file'} : {})};
	});
	// An account still to be asked of AWS stands in as a placeholder; what is said about it is not the user's doing.
	const unknown = new Set(drafts.filter(draft => draft.entry.account === undefined).map(draft => `custom.deployAccounts.${draft.entry.stage}.account`));
	const problems = stageAccountProblems(drafts.map(draft => ({...draft.entry, account: draft.entry.account ?? '000000000000'})));
	const [problem] = problems.filter(found => !unknown.has(found.where) && !found.message.includes('000000000000'));
	if (problem) throw new UsageError(problem.message.replace(/\.$/, '') + '.', problem.fix);
	return drafts;
}

/** `--role` and its companions; without `--role`, the role the file already names for the stage stays as it is. */
function roleOf(args: InitTeamArguments, stage: string, old: Record<string, unknown>): StageRole | undefined {
	const given = {sourceProfile: args.sourceProfiles[stage], mfaSerial: args.mfaSerials[stage], externalId: args.externalIds[stage]};
	const arn = args.roles[stage] ?? (typeof old['role_arn'] === 'string' ? old['role_arn'] : undefined);
	if (arn === undefined) {
		const stray = Object.entries({'--source-profile': given.sourceProfile, '--mfa-serial': given.mfaSerial, '--external-id': given.externalId}).find(([, value]) => value !== undefined);
		if (stray) throw new UsageError(`${stray[0]} ${stage}=…: stage ${stage} assumes no role.`, `Add --role ${stage}=arn:aws:iam::<account>:role/<name>, or leave ${stray[0]} out.`);
		return undefined;
	}
	const keep = args.roles[stage] === undefined;
	const oldText = (key: string): string | undefined => (keep && typeof old[key] === 'string' ? (old[key] as string) : undefined);
	const sourceProfile = given.sourceProfile ?? oldText('source_profile');
	const mfaSerial = given.mfaSerial ?? oldText('mfa_serial');
	const externalId = given.externalId ?? oldText('external_id');
	return {
		arn,
		...(sourceProfile === undefined ? {} : {sourceProfile}),
		...(mfaSerial === undefined ? {} : {mfaSerial}),
		...(externalId === undefined ? {} : {externalId}),
	};
}
