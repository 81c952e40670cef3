/**
 * `sls-creds-wizard profile remove <name>`: delete a profile's sections (and the comment block above each) from
 * both files, nothing else. Shown as a masked diff, confirmed, written through safeWrite with a backup.
 */
import {planRemoveProfile, type ProfilePlan} from '../aws-files/profile-edits.js';
import type {ProfileRemoveArguments} from './command-line.js';
import {readProfileFiles, type ProfileFiles} from './profile-files.js';
import type {ProfileIo, ProfileOutput} from './profile-output.js';
import {confirm, type PromptTerminal} from './profile-prompt.js';
import {PROGRAM} from './usage.js';
import {UsageError} from './usage-error.js';
import {applyPlan, planDiff, planIsEmpty, refusalFailure, writtenFiles} from './profile-write.js';

export async function runProfileRemove(args: ProfileRemoveArguments, io: ProfileIo, out: ProfileOutput): Promise<number> {
	const terminal: PromptTerminal = {input: io.stdin, output: io.stderr};
	const canConfirm = Boolean(io.stdin.isTTY && io.stderr.isTTY) && !args.json;
	if (!args.yes && !args.dryRun && !canConfirm) {
		throw new UsageError(
			'profile remove changes your AWS files only after you confirm, and there is no terminal to confirm on.',
			'Add --yes to remove without asking (or --dry-run to see the change first).',
		);
	}
	const files = await readProfileFiles(io.env);
	const plan = planFor(args, files);
	const report: Record<string, unknown> = {command: 'profile remove', profile: args.profile, status: 'refused', files: [], diff: [], warnings: plan.warnings};
	if (plan.refusal) {
		const failure = refusalFailure(plan.refusal);
		report['error'] = failure;
		if (args.json) out.json(report);
		out.failure(failure);
		return 1;
	}
	for (const warning of plan.warnings) out.warn(warning);
	const diff = planDiff(files, plan);
	report['diff'] = diff;
	if (planIsEmpty(plan)) {
		report['status'] = 'unchanged';
		if (args.json) out.json(report);
		else out.out(`Profile "${args.profile}" has nothing to remove.`);
		return 0;
	}
	if (args.dryRun) {
		report['status'] = 'dry-run';
		if (args.json) out.json(report);
		else out.out([...diff, '', 'Dry run: nothing was written.'].join('\n'));
		return 0;
	}
	// With --yes the diff is still printed: it is the record of what was changed.
	if (!args.json) out.out(diff.join('\n'));
	if (!args.yes && !(await confirm(terminal, `Remove profile "${args.profile}"?`))) {
		report['status'] = 'declined';
		out.err('Nothing was written.');
		return 1;
	}
	const applied = await applyPlan(files, plan, (current) => planFor(args, current));
	for (const file of applied.files) if (file.result.looseModeWarning) out.warn(file.result.looseModeWarning);
	report['status'] = 'removed';
	report['files'] = writtenFiles(applied);
	if (args.json) {
		out.json(report);
		return 0;
	}
	const lines = applied.files
		.filter(({result}) => result.changed)
		.map(({result}) => `Profile "${args.profile}" removed from ${result.path}${result.backup ? ` (backup: ${result.backup})` : ''}.`);
	lines.push(`Undo with: ${PROGRAM} profile restore`);
	out.out(lines.join('\n'));
	return 0;
}

function planFor(args: ProfileRemoveArguments, files: ProfileFiles): ProfilePlan {
	return planRemoveProfile({
		profile: args.profile,
		...(files.credentials.text === undefined ? {} : {credentialsText: files.credentials.text}),
		...(files.config.text === undefined ? {} : {configText: files.config.text}),
		credentialsPath: files.credentials.path,
		configPath: files.config.path,
		allowUnparseable: args.allowUnparseable,
	});
}
