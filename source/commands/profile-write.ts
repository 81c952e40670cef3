/**
 * Carrying out a confirmed plan: one safeWrite per file (credentials first: it is the one a deploy needs). Each
 * write re-plans from the text on disk under the lock, so a change another program made meanwhile is kept, and
 * what was planned and what is on disk afterwards are both returned for the read-back check.
 */
import {readFile} from 'node:fs/promises';
import {maskedDiff} from '../aws-files/masked-diff.js';
import type {ProfilePlan} from '../aws-files/profile-edits.js';
import {safeWrite, type WriteResult} from '../aws-files/safe-write.js';
import type {AwsFileRole, ProfileFiles} from './profile-files.js';
import {octalMode, type ProfileFailure} from './profile-output.js';

const ROLES: readonly AwsFileRole[] = ['credentials', 'config'];

export interface AppliedPlan {
	files: Array<{role: AwsFileRole; result: WriteResult}>;
	/** What each file was meant to hold once written (its old text when the plan leaves it alone). */
	planned: Partial<Record<AwsFileRole, string>>;
	/** What each file holds now, read back after the writes. */
	onDisk: Partial<Record<AwsFileRole, string>>;
}

/** The plan refused when it was made again under the lock (another program changed the file meanwhile). */
export class PlanRefused extends Error {
	readonly code: string;
	readonly fix: string;

	constructor(refusal: NonNullable<ProfilePlan['refusal']>) {
		super(refusal.message);
		this.name = 'PlanRefused';
		this.code = refusal.code;
		this.fix = refusal.fix;
	}
}

/** A write failed after an earlier file of the same change was written: say which, so nothing is a surprise. */
export class PartlyWritten extends Error {
	readonly code: string;
	readonly fix: string;
	declare readonly cause: string | undefined;

	constructor(failure: ProfileFailure, written: WriteResult[]) {
		const done = written.map((result) => `${result.path}${result.backup ? ` (backup: ${result.backup})` : ''}`).join(', ');
		super(`${failure.message.replace(/\.$/, '')}; ${done} was already written.`, failure.cause ? {cause: failure.cause} : undefined);
		this.name = 'PartlyWritten';
		this.code = failure.code;
		this.fix = failure.fix;
	}
}

export function refusalFailure(refusal: NonNullable<ProfilePlan['refusal']>): ProfileFailure {
	return {code: refusal.code, message: refusal.message, fix: refusal.fix};
}

export function planIsEmpty(plan: ProfilePlan): boolean {
	return ROLES.every((role) => {
		const change = plan[role];
		return change === undefined || change.before === change.after;
	});
}

/** Both files' changes, unified-diff style, every secret masked. */
export function planDiff(files: ProfileFiles, plan: ProfilePlan): string[] {
	return ROLES.flatMap((role) => {
		const change = plan[role];
		if (!change || change.before === change.after) return [];
		return maskedDiff(files[role].path, change.before, change.after);
	});
}

export async function applyPlan(files: ProfileFiles, plan: ProfilePlan, replan: (files: ProfileFiles) => ProfilePlan): Promise<AppliedPlan> {
	const applied: AppliedPlan = {files: [], planned: {}, onDisk: {}};
	for (const role of ROLES) {
		const original = files[role].text;
		if (original !== undefined) applied.planned[role] = original;
		const change = plan[role];
		if (!change || change.before === change.after) continue;
		try {
			const result = await safeWrite({
				path: files[role].path,
				build: (current) => {
					// Unchanged since the plan was made (the usual case): planning again would give the same text.
					if (current === original) {
						applied.planned[role] = change.after;
						return change.after;
					}
					const fresh = replan({...files, [role]: {path: files[role].path, text: current}});
					if (fresh.refusal) throw new PlanRefused(fresh.refusal);
					const after = fresh[role]?.after;
					const meant = after ?? current;
					if (meant === undefined) delete applied.planned[role];
					else applied.planned[role] = meant;
					return after;
				},
			});
			applied.files.push({role, result});
		} catch (error) {
			const written = applied.files.filter((file) => file.result.changed).map((file) => file.result);
			if (written.length > 0 && isFailure(error)) throw new PartlyWritten(error, written);
			throw error;
		}
	}
	for (const role of ROLES) {
		const text = await readFile(files[role].path, 'utf8').catch(() => undefined);
		if (text !== undefined) applied.onDisk[role] = text;
	}
	return applied;
}

function isFailure(error: unknown): error is ProfileFailure & Error {
	return error instanceof Error && typeof (error as {fix?: unknown}).fix === 'string';
}

/** The files as `--json` reports them. */
export function writtenFiles(applied: AppliedPlan): Array<{
	file: AwsFileRole;
	path: string;
	realPath: string;
	changed: boolean;
	created: boolean;
	backup?: string;
	mode: string;
	looseModeWarning?: string;
}> {
	return applied.files.map(({role, result}) => ({
		file: role,
		path: result.path,
		realPath: result.realPath,
		changed: result.changed,
		created: result.created,
		...(result.backup ? {backup: result.backup} : {}),
		mode: octalMode(result.mode),
		...(result.looseModeWarning ? {looseModeWarning: result.looseModeWarning} : {}),
	}));
}
