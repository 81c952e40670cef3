import type {MachineFacts} from '../machine-facts.js';

/** What a match found: the message it matched and the named groups of the pattern (profile, action, inner, …). */
export interface ErrorMatch {
	message: string;
	groups: Record<string, string>;
}

/** One known error: every spelling it comes in, and how to explain it on this machine. */
export interface CatalogueEntry {
	/** Stable id (part of the JSON schema via ProbeFailure.explanationId). */
	id: string;
	title: string;
	/**
	 * Every identifier it is reported under: AWS wire codes and SDK shape names (both spellings), Serverless codes,
	 * Node `code`s. Serverless v3's `AWS_<SERVICE>_<METHOD>_<CODE>` forms are derived from the CamelCase ones.
	 */
	codes: readonly string[];
	/** Message patterns; named groups feed the explanation. Also used to find the error in pasted logs. */
	patterns: readonly RegExp[];
	/** Search `codes` as whole words in pasted text (off for codes that are ordinary words, like `Timeout`). */
	codesInText?: boolean;
	/** Entries this one replaces when both match the same error (clock skew reported as SignatureDoesNotMatch). */
	supersedes?: readonly string[];
	/** What happened, in plain words. */
	what: string;
	/** Likely causes, most specific to this machine first. */
	causes(facts: MachineFacts, match: ErrorMatch): string[];
	fix(facts: MachineFacts, match: ErrorMatch): string[];
}

/** Shell-quotes a value for a copy-paste command. */
export function shellQuote(value: string): string {
	return /^[\w@%+=:,./~-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `--profile x` when a profile is known, for aws CLI commands. */
export function profileFlag(profile: string | undefined): string {
	return profile && profile !== 'default' ? ` --profile ${shellQuote(profile)}` : '';
}
