/**
 * A failure caused by what the user typed (a flag value, a path), not by a bug: the CLI prints `message`,
 * `cause` and `fix` and exits without a stack trace.
 */
export class UserInputError extends Error {
	readonly code: string;
	readonly fix: string;

	constructor(input: {code: string; message: string; fix: string; cause?: string}) {
		super(input.message, input.cause === undefined ? undefined : {cause: input.cause});
		this.name = 'UserInputError';
		this.code = input.code;
		this.fix = input.fix;
	}
}
