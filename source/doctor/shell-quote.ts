/** Quotes a path or word for a POSIX shell command line only when it needs quoting. */
export function shellQuote(word: string): string {
	return /^[\w@%+=:,./~-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
