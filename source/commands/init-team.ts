/**
 * `sls-creds-wizard init-team`: a team lead writes the team settings (custom.deployAccounts, see
 * service/team-settings.ts) into serverless.yml. Planned purely (service/team-settings-edit), shown as a diff,
 * confirmed, and written through the stage-mapping writer (safe-write: lock, backup, atomic replace).
 *
 * Exit codes: 0 written or nothing to change, 1 refused, declined, AWS could not tell an account or the write
 * failed, 2 usage (UsageError, printed by the entry), 130 Ctrl-C at a prompt.
 */
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {maskedDiff} from '../aws-files/masked-diff.js';
import {parseServiceText} from '../service/parse-service-file.js';
import {findServiceFile} from '../service/find-service-file.js';
import {planTeamSettings, type TeamSettingsPlan} from '../service/team-settings-edit.js';
import type {StageAccount} from '../service/team-settings.js';
import {UserInputError} from '../service/user-input-error.js';
import type {InitTeamArguments} from './command-line.js';
import {askStages, draftStages, teamDefaults, type AccountSource, type StageDraft} from './init-team-stages.js';
import {ProfileOutput, type ProfileFailure, type ProfileIo} from './profile-output.js';
import {confirm, PromptInterrupted, readLine, type PromptTerminal} from './profile-prompt.js';
import {PROGRAM} from './usage.js';
import {UsageError} from './usage-error.js';

interface InitTeamReport {
	command: 'init-team';
	status: 'written' | 'unchanged' | 'dry-run' | 'declined' | 'refused' | 'failed';
	path?: string;
	stages: Array<StageAccount & {accountSource: AccountSource; arn?: string}>;
	diff: string[];
	warnings: string[];
	backup?: string;
	snippet?: string;
	error?: ProfileFailure;
}

export async function runInitTeam(args: InitTeamArguments, io: ProfileIo): Promise<number> {
	const out = new ProfileOutput(io);
	const report: InitTeamReport = {command: 'init-team', status: 'failed', stages: [], diff: [], warnings: []};
	try {
		return await initTeam(args, io, out, report);
	} catch (error) {
		if (error instanceof PromptInterrupted) {
			out.err('Interrupted: nothing was written.');
			return 130;
		}
		if (error instanceof UsageError || !isFailure(error)) throw error;
		if (error instanceof UserInputError && report.path === undefined) throw error;
		const failure: ProfileFailure = {
			code: error.code ?? 'FAILED',
			message: error.message,
			...(typeof error.cause === 'string' && error.cause !== '' ? {cause: error.cause} : {}),
			fix: error.fix,
		};
		report.status = 'failed';
		report.error = failure;
		if (args.json) out.json(report);
		out.failure(failure);
		return 1;
	}
}

async function initTeam(args: InitTeamArguments, io: ProfileIo, out: ProfileOutput, report: InitTeamReport): Promise<number> {
	const terminal: PromptTerminal = {input: io.stdin, output: io.stderr};
	const canAsk = Boolean(io.stdin.isTTY && io.stderr.isTTY);
	const canConfirm = canAsk && !args.json;
	if (args.stages.length === 0 && !canAsk) {
		throw new UsageError(
			'init-team needs the stages, and there is no terminal to ask for them on.',
			'Give each stage with its profile: --stage dev=acme-dev --stage prod=acme-prod.',
		);
	}
	if (!args.yes && !args.dryRun && !canConfirm) {
		throw new UsageError(
			'init-team changes serverless.yml only after you confirm, and there is no terminal to confirm on.',
			'Add --yes to write without asking (or --dry-run to see the change first).',
		);
	}

	const found = findServiceFile(io.cwd, args.config);
	if (found.path === undefined) {
		throw new UserInputError({
			code: 'NO_SERVICE_FILE',
			message: `There is no serverless.yml in ${io.cwd}.`,
			fix: 'Run init-team in the service folder, or pass the file with --config <path>.',
		});
	}
	const file = found.path;
	const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
		throw new UserInputError({code: `READ_${error.code ?? 'FAILED'}`, message: `Could not read ${file}.`, cause: error.message, fix: 'Check the file\'s permissions, or pass another one with --config.'});
	});
	const fileName = path.basename(file);
	const parsed = found.format === 'yml' || found.format === 'json' ? parseServiceText(text, found.format, fileName) : {document: undefined};
	const defaults = teamDefaults(parsed.document);

	const chosen = args.stages.length > 0 ? args.stages : await askStages(terminal, defaults, path.basename(path.dirname(file)));
	const drafts = draftStages(args, chosen, defaults);
	report.path = file;
	const stages = await withAccounts(drafts, args, io, out, terminal, canAsk);
	report.stages = stages.map(({entry, accountSource, arn}) => ({...entry, accountSource, ...(arn ? {arn} : {})}));
	const entries = stages.map(stage => stage.entry);

	let plan = plan_(text, found.format, fileName, entries, args, args.replaceProfile);
	if (plan.refusal?.canOverride && !args.replaceProfile && canConfirm) {
		out.err(`${PROGRAM}: ${plan.refusal.message}`);
		const replace = await confirm(terminal, 'Replace provider.profile? (No: write only custom.deployAccounts)');
		plan = replace ? plan_(text, found.format, fileName, entries, args, true) : plan_(text, found.format, fileName, entries, {...args, keepProfile: true}, false);
	}
	report.warnings = plan.warnings;
	if (plan.refusal) {
		const {code, message, fix, snippet} = plan.refusal;
		report.status = 'refused';
		report.snippet = snippet;
		report.error = {code, message, fix};
		if (args.json) out.json(report);
		else out.out([`Add this to ${fileName} by hand:`, '', snippet.trimEnd()].join('\n'));
		out.failure(report.error);
		return 1;
	}
	for (const warning of plan.warnings) out.warn(warning);
	report.diff = plan.changed ? maskedDiff(file, plan.before, plan.after) : [];
	if (!plan.changed) {
		report.status = 'unchanged';
		if (args.json) out.json(report);
		else out.out(`${fileName} already holds these team settings; nothing to change.`);
		return 0;
	}
	if (args.dryRun) {
		report.status = 'dry-run';
		if (args.json) out.json(report);
		else out.out([...report.diff, '', 'Dry run: nothing was written.'].join('\n'));
		return 0;
	}
	// With --yes the diff is still printed: it is the record of what was changed.
	if (!args.json) out.out(report.diff.join('\n'));
	if (!args.yes && !(await confirm(terminal, `Write the team settings to ${fileName}?`))) {
		report.status = 'declined';
		out.err('Nothing was written.');
		return 1;
	}
	const {writeStageMapping} = await import('../wizard/write-stage-mapping.js');
	const written = await writeStageMapping(file, plan);
	report.status = 'written';
	if (written.backup) report.backup = written.backup;
	if (args.json) {
		out.json(report);
		return 0;
	}
	out.out(
		[
			`Team settings written to ${written.path}${written.backup ? ` (backup: ${written.backup})` : ''}.`,
			`Next: commit ${fileName}. A teammate runs \`${PROGRAM}\` in this folder to set up each stage's profile, and \`${PROGRAM} doctor --stage <stage>\` fails when a stage's credentials belong to another account.`,
		].join('\n'),
	);
	return 0;
}

function plan_(text: string, format: Parameters<typeof planTeamSettings>[0]['format'], fileName: string, stages: StageAccount[], args: InitTeamArguments, replaceProfile: boolean): TeamSettingsPlan {
	return planTeamSettings({text, format, fileName, stages, setProviderProfile: !args.keepProfile, replaceProfile});
}

interface StageWithAccount {
	entry: StageAccount;
	accountSource: AccountSource;
	arn?: string;
}

/**
 * Fills each account nobody gave: STS GetCallerIdentity with the stage's profile (each profile asked once, all at
 * once), else what the file held, else — on a terminal — typed in. `--offline` asks nothing of AWS.
 */
async function withAccounts(drafts: StageDraft[], args: InitTeamArguments, io: ProfileIo, out: ProfileOutput, terminal: PromptTerminal, canAsk: boolean): Promise<StageWithAccount[]> {
	const ask = drafts.filter(draft => draft.accountSource === undefined || draft.accountSource === 'file');
	const answers = new Map<string, Awaited<ReturnType<typeof import('./profile-verify.js').verifyProfile>>>();
	if (ask.length > 0 && !args.offline) {
		const profiles = [...new Set(ask.map(draft => draft.entry.profile))];
		if (!args.json) out.err(`Asking AWS (STS) which account ${profiles.length === 1 ? `profile ${profiles[0]} belongs` : `profiles ${profiles.join(', ')} belong`} to…`);
		const [{verifyProfile}, {gather}] = await Promise.all([import('./profile-verify.js'), import('../gather/gather.js')]);
		const snapshot = await gather({cwd: io.cwd, ...(args.config === undefined ? {} : {configPath: args.config}), options: {}, processEnv: io.env});
		await Promise.all(
			profiles.map(async profile => {
				const region = ask.find(draft => draft.entry.profile === profile)?.entry.region;
				answers.set(profile, await verifyProfile({cwd: io.cwd, env: io.env, profile, ...(region ? {region} : {}), timeoutSeconds: args.timeoutSeconds, snapshot}));
			}),
		);
	}
	const result: StageWithAccount[] = [];
	for (const draft of drafts) {
		const {stage, profile} = draft.entry;
		if (draft.accountSource !== undefined && draft.accountSource !== 'file' && draft.entry.account !== undefined) {
			result.push({entry: {...draft.entry, account: draft.entry.account}, accountSource: draft.accountSource});
			continue;
		}
		const answer = answers.get(profile);
		if (answer?.status === 'ok') {
			if (!args.json) out.err(`${stage}: profile ${profile} is ${answer.arn} (account ${answer.account}).`);
			result.push({entry: {...draft.entry, account: answer.account}, accountSource: 'sts', arn: answer.arn});
			continue;
		}
		const why = answer === undefined ? '' : ` (${answer.code}: ${answer.message.replace(/\.$/, '')})`;
		if (draft.entry.account !== undefined) {
			if (answer) out.warn(`AWS could not say which account profile ${profile} belongs to${why}; stage ${stage} keeps account ${draft.entry.account} from the file.`);
			result.push({entry: {...draft.entry, account: draft.entry.account}, accountSource: 'file'});
			continue;
		}
		if (canAsk) {
			if (answer) out.warn(`AWS could not say which account profile ${profile} belongs to${why}.`);
			result.push({entry: {...draft.entry, account: await askAccount(terminal, stage)}, accountSource: 'typed'});
			continue;
		}
		if (answer === undefined) {
			throw new UsageError(`--offline: stage ${stage} needs its account.`, `Add --account ${stage}=<12-digit account id> (or --role ${stage}=<role ARN>).`);
		}
		throw Object.assign(new Error(`AWS could not say which account profile ${profile} (stage ${stage}) belongs to${why}.`), {
			code: 'ACCOUNT_UNKNOWN',
			fix: `Give it with --account ${stage}=<12-digit account id>, or check the profile with \`${PROGRAM} doctor --aws-profile ${profile}\`.`,
		});
	}
	return result;
}

async function askAccount(terminal: PromptTerminal, stage: string): Promise<string> {
	for (;;) {
		const answer = (await readLine(terminal, `AWS account id for ${stage} (12 digits): `, {mask: false})).trim().replaceAll('-', '');
		if (/^\d{12}$/.test(answer)) return answer;
		terminal.output.write('An AWS account id has 12 digits (e.g. 123456789012).\n');
	}
}

function isFailure(error: unknown): error is Error & {code?: string; fix: string; cause?: unknown} {
	return error instanceof Error && typeof (error as {fix?: unknown}).fix === 'string';
}
