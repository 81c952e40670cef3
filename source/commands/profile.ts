/**
 * `sls-creds-wizard profile set|list|remove|restore`: wiring only. Every change is planned purely
 * (aws-files/profile-edits), shown as a masked diff, confirmed, and written through aws-files/safe-write.
 *
 * Exit codes: 0 done (or nothing to change), 1 refused, declined, rejected by AWS or the write failed,
 * 2 usage (thrown as UsageError, printed by the entry), 130 Ctrl-C at a prompt.
 */
import type {ProfileArguments} from './command-line.js';
import {ProfileOutput, type ProfileFailure, type ProfileIo} from './profile-output.js';
import {PromptInterrupted} from './profile-prompt.js';
import {UsageError} from './usage-error.js';

export type {ProfileIo} from './profile-output.js';

export async function runProfile(args: ProfileArguments, io: ProfileIo): Promise<number> {
	const out = new ProfileOutput(io);
	try {
		switch (args.action) {
			case 'set': {
				const {runProfileSet} = await import('./profile-set.js');
				return await runProfileSet(args, io, out);
			}
			case 'list': {
				const {runProfileList} = await import('./profile-list.js');
				return await runProfileList(args, io, out);
			}
			case 'remove': {
				const {runProfileRemove} = await import('./profile-remove.js');
				return await runProfileRemove(args, io, out);
			}
			case 'restore': {
				const {runProfileRestore} = await import('./profile-restore.js');
				return await runProfileRestore(args, io, out);
			}
		}
	} catch (error) {
		if (error instanceof PromptInterrupted) {
			out.err('Interrupted: nothing was written.');
			return 130;
		}
		if (error instanceof UsageError) {
			// The entry prints usage errors; the secrets this run saw must not reach it unmasked.
			throw new UsageError(out.scrub(error.message), out.scrub(error.fix));
		}
		if (!isFailure(error)) {
			if (error instanceof Error) {
				error.message = out.scrub(error.message);
				if (error.stack) error.stack = out.scrub(error.stack);
			}
			throw error;
		}
		const failure: ProfileFailure = {
			code: error.code ?? 'FAILED',
			message: error.message,
			...(typeof error.cause === 'string' && error.cause !== '' ? {cause: error.cause} : {}),
			fix: error.fix,
		};
		if (args.json) out.json({command: `profile ${args.action}`, status: 'failed', error: failure});
		out.failure(failure);
		return 1;
	}
}

function isFailure(error: unknown): error is Error & {code?: string; fix: string; cause?: unknown} {
	return error instanceof Error && typeof (error as {fix?: unknown}).fix === 'string';
}
