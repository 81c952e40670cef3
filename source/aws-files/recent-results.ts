/**
 * Remembers the last few results of a pure function of file texts. The precedence models replay one machine's
 * configuration many times (each suggested fix is checked by re-running the model), and a 10,000-profile file must
 * not be parsed again for every replay. Arguments are compared by identity (`===`): the texts come from one
 * Snapshot, so a hit is a pointer comparison. Results are shared between callers, which treat them as read-only.
 */
export function rememberRecent<A extends unknown[], R>(compute: (...args: A) => R, keyOf: (...args: A) => readonly unknown[], size = 8): (...args: A) => R {
	const recent: Array<{key: readonly unknown[]; result: R}> = [];
	return (...args: A): R => {
		const key = keyOf(...args);
		const hit = recent.find(entry => entry.key.length === key.length && entry.key.every((part, index) => part === key[index]));
		if (hit) return hit.result;
		const result = compute(...args);
		recent.unshift({key, result});
		if (recent.length > size) recent.pop();
		return result;
	};
}
