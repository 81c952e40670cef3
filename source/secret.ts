import {inspect} from 'node:util';

/**
 * A credential value (access key id, secret access key, session token) whose every printable form is masked.
 * Only the file writer and the SDK client factory call `reveal()`.
 */
export class Secret {
	readonly #value: string;

	constructor(value: string) {
		this.#value = value;
	}

	reveal(): string {
		return this.#value;
	}

	/** `AKIA…WXYZ`: the 4-letter prefix and the last 4 characters; short values are hidden entirely. */
	masked(): string {
		return maskValue(this.#value);
	}

	/** The last 4 characters, for telling keys apart (`…WXYZ`). */
	get lastFour(): string {
		return this.#value.length >= 12 ? this.#value.slice(-4) : '';
	}

	get length(): number {
		return this.#value.length;
	}

	equals(other: Secret | undefined): boolean {
		return other !== undefined && other.#value === this.#value;
	}

	toString(): string {
		return this.masked();
	}

	toJSON(): string {
		return this.masked();
	}

	[inspect.custom](): string {
		return `Secret(${this.masked()})`;
	}
}

export function maskValue(value: string): string {
	if (value.length < 12) return '****';
	return `${value.slice(0, 4)}…${value.slice(-4)}`;
}

/** Wraps a possibly-missing raw value. Empty strings stay empty (they matter for precedence rules). */
export function secretOrUndefined(value: string | undefined): Secret | undefined {
	return value === undefined ? undefined : new Secret(value);
}
