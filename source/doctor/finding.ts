export type FindingStatus = 'ok' | 'warn' | 'fail' | 'info';

/** One checklist item. `id` is stable (part of the JSON schema). Text never contains a secret. */
export interface Finding {
	id: string;
	status: FindingStatus;
	title: string;
	/** Why this matters / what was seen, one or two sentences. */
	why: string;
	/** The exact fix: a command to run or an edit to make. Absent for 'ok'. */
	fix?: string;
	/** Extra lines for the details view (paths, line numbers, masked values). */
	details?: string[];
}
