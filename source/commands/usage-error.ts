/** A command line the program cannot run: printed as one line plus the fix, exit code 2, never with a stack. */
export class UsageError extends Error {
	readonly fix: string;

	constructor(message: string, fix: string) {
		super(message);
		this.name = 'UsageError';
		this.fix = fix;
	}
}
