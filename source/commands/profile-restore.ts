/**
 * `sls-creds-wizard profile restore`: put a file back from one of the backups every write takes. The backup is
 * chosen with --backup or from a numbered list, the change is shown as a masked diff, and the restore goes through
 * safeWrite like any other change (so it takes a backup too, and can itself be undone).
 */
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {listBackups, restoreBackup, type BackupEntry} from '../aws-files/backups.js';
import {maskedDiff} from '../aws-files/masked-diff.js';
import type {ProfileRestoreArguments} from './command-line.js';
import {profileFilePaths, type AwsFileRole} from './profile-files.js';
import {octalMode, type ProfileIo, type ProfileOutput} from './profile-output.js';
import {chooseNumber, confirm, type PromptTerminal} from './profile-prompt.js';
import {PROGRAM} from './usage.js';
import {UsageError} from './usage-error.js';

interface Candidate extends BackupEntry {
	role: AwsFileRole;
	/** The file it is a backup of. */
	target: string;
}

export async function runProfileRestore(args: ProfileRestoreArguments, io: ProfileIo, out: ProfileOutput): Promise<number> {
	const terminal: PromptTerminal = {input: io.stdin, output: io.stderr};
	const canConfirm = Boolean(io.stdin.isTTY && io.stderr.isTTY) && !args.json;
	const paths = profileFilePaths(io.env);
	const candidates: Candidate[] = [
		...listBackups(paths.credentials).map((entry) => ({...entry, role: 'credentials' as const, target: paths.credentials})),
		...listBackups(paths.config).map((entry) => ({...entry, role: 'config' as const, target: paths.config})),
	].sort((a, b) => b.time.getTime() - a.time.getTime());

	let chosen: Candidate | undefined;
	if (args.backup !== undefined) {
		chosen = candidateFor(args.backup, candidates, paths);
	} else {
		if (candidates.length === 0) {
			const failure = {
				code: 'NO_BACKUPS',
				message: `There are no backups of ${paths.credentials} or ${paths.config} yet.`,
				fix: `${PROGRAM} takes one each time it changes a file (profile set, profile remove).`,
			};
			if (args.json) out.json({command: 'profile restore', status: 'none', backups: [], error: failure});
			out.failure(failure);
			return 1;
		}
		if (!canConfirm) {
			if (args.json) out.json({command: 'profile restore', status: 'choose', backups: candidates.map(backupJson)});
			else out.out(backupTable(candidates).join('\n'));
			throw new UsageError(
				'profile restore needs --backup <file> when there is no terminal to choose on.',
				`Pick one of the backups listed: \`${PROGRAM} profile restore --backup <file> --yes\`.`,
			);
		}
		out.out(backupTable(candidates).join('\n'));
		const number = await chooseNumber(terminal, `Restore which backup? [1-${candidates.length}, Enter to stop] `, candidates.length);
		if (number === undefined) {
			out.err('Nothing was restored.');
			return 1;
		}
		chosen = candidates[number - 1];
	}
	if (!chosen) throw new Error('no backup chosen');
	if (!args.yes && !args.dryRun && !canConfirm) {
		throw new UsageError(
			'profile restore changes your AWS files only after you confirm, and there is no terminal to confirm on.',
			'Add --yes to restore without asking (or --dry-run to see the change first).',
		);
	}

	const current = await readFile(chosen.target, 'utf8').catch(() => undefined);
	const saved = await readFile(chosen.path, 'utf8').catch(() => undefined);
	const diff = saved === undefined ? [] : maskedDiff(chosen.target, current, saved);
	const report = {command: 'profile restore', status: 'restored', file: chosen.role, path: chosen.target, backup: chosen.path, diff} as Record<string, unknown>;
	if (saved !== undefined && saved === current) {
		report['status'] = 'unchanged';
		if (args.json) out.json(report);
		else out.out(`${chosen.target} already holds what ${chosen.path} holds; nothing to restore.`);
		return 0;
	}
	if (args.dryRun) {
		report['status'] = 'dry-run';
		if (args.json) out.json(report);
		else out.out([...diff, '', 'Dry run: nothing was written.'].join('\n'));
		return 0;
	}
	if (!args.json) out.out(diff.join('\n'));
	if (!args.yes && !(await confirm(terminal, `Restore ${chosen.target} from this backup?`))) {
		out.err('Nothing was restored.');
		return 1;
	}
	const result = await restoreBackup(chosen.target, chosen);
	if (result.looseModeWarning) out.warn(result.looseModeWarning);
	report['mode'] = octalMode(result.mode);
	if (result.backup) report['previous'] = result.backup;
	if (args.json) out.json(report);
	else {
		const previous = result.backup ? ` What it held before is in ${result.backup}.` : '';
		out.out(`Restored ${result.path} from ${chosen.path}.${previous}`);
	}
	return 0;
}

/** `--backup` names a backup of one of the two files: by the list, else by its name (`credentials.<time>.bak`). */
function candidateFor(backup: string, candidates: Candidate[], paths: {credentials: string; config: string}): Candidate {
	const wanted = path.resolve(backup);
	const listed = candidates.find((candidate) => path.resolve(candidate.path) === wanted);
	if (listed) return listed;
	const roles = (['credentials', 'config'] as const).filter((role) => path.basename(wanted).startsWith(`${path.basename(paths[role])}.`));
	const role = roles.length === 1 ? roles[0] : roles.find((each) => path.dirname(paths[each]) === path.dirname(wanted));
	if (!role) {
		throw new UsageError(
			`${backup} is not a backup of ${paths.credentials} or ${paths.config}.`,
			`Run \`${PROGRAM} profile restore\` in a terminal to choose from the list, or name a file like ${path.basename(paths.credentials)}.<time>.bak.`,
		);
	}
	return {path: wanted, name: path.basename(wanted), time: new Date(0), size: 0, role, target: paths[role]};
}

function backupJson(candidate: Candidate): Record<string, unknown> {
	return {file: candidate.role, path: candidate.path, target: candidate.target, time: candidate.time.toISOString(), size: candidate.size};
}

function backupTable(candidates: Candidate[]): string[] {
	const width = String(candidates.length).length;
	return [
		'Backups, newest first:',
		...candidates.map((candidate, index) => {
			const when = candidate.time.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
			return `  ${String(index + 1).padStart(width)}  ${candidate.role.padEnd(11)}  ${when}  ${candidate.path}`;
		}),
	];
}
