import {safeWrite, type WriteResult} from '../aws-files/safe-write.js';
import type {StageMappingEdit} from '../service/stage-mapping.js';
import {UserInputError} from '../service/user-input-error.js';

export type StageMappingWrite = Omit<WriteResult, 'looseModeWarning'>;

/**
 * Writes a confirmed stage-mapping edit through the one safe-write path (lock, backup, atomic replace, read back).
 * The user confirmed a diff of `plan.before`; if the file changed since, nothing is written — the diff they saw
 * would no longer be the change made.
 */
export async function writeStageMapping(
	path: string,
	plan: StageMappingEdit,
	options: {backupDir?: string; keepBackups?: number} = {},
): Promise<StageMappingWrite> {
	const result = await safeWrite({
		path,
		// Beside serverless.yml by default; few copies, since a service folder is packaged and committed.
		keepBackups: options.keepBackups ?? 3,
		...(options.backupDir === undefined ? {} : {backupDir: options.backupDir}),
		build: current => {
			if (current === undefined) {
				throw new UserInputError({
					code: 'SERVICE_FILE_GONE',
					message: `${path} was removed after the change was shown; nothing was written.`,
					fix: 'Run the wizard again in the service folder, or paste the snippet into a new serverless.yml.',
				});
			}
			if (current !== plan.before) {
				throw new UserInputError({
					code: 'SERVICE_FILE_CHANGED',
					message: `${path} changed after the change was shown (another editor or tool saved it); nothing was written.`,
					fix: 'Look at the new diff and confirm again.',
				});
			}
			return plan.changed ? plan.after : undefined;
		},
	});
	// serverless.yml is meant to be shared; the 0600 advice for ~/.aws files does not apply to it.
	const {looseModeWarning: _ignored, ...written} = result;
	return written;
}
