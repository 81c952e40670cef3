/**
 * The JS SDKs store sections in plain `{}` objects, so a section or profile named like a member of
 * `Object.prototype` (`[toString]`, `[constructor]`) lands on a shared built-in function instead of a fresh object.
 * These tables let the readers reproduce what that does without touching the real built-ins.
 */

/** Own property names of `Object.prototype` (Node 20). */
export const PROTOTYPE_NAMES: ReadonlySet<string> = new Set([
	'constructor',
	'__defineGetter__',
	'__defineSetter__',
	'hasOwnProperty',
	'__lookupGetter__',
	'__lookupSetter__',
	'isPrototypeOf',
	'propertyIsEnumerable',
	'toString',
	'valueOf',
	'__proto__',
	'toLocaleString',
]);

export function isPrototypeName(name: string): boolean {
	return PROTOTYPE_NAMES.has(name);
}

/** Keys whose setter throws on every function (`Function.prototype.caller`/`arguments`), even in sloppy code. */
export function throwsOnFunction(key: string): boolean {
	return key === 'caller' || key === 'arguments';
}

/** Keys that are read-only on the built-in function behind `name`: sloppy assignment drops them, strict throws. */
export function readOnlyOnFunction(name: string, key: string): boolean {
	return key === 'name' || key === 'length' || (name === 'constructor' && key === 'prototype');
}

/** A record without a prototype, so any section or key name is an ordinary own property. */
export function emptyRecord<T>(): Record<string, T> {
	return Object.create(null) as Record<string, T>;
}
