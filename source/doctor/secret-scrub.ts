import type {FileRead, Snapshot} from '../gather/snapshot.js';
import {maskValue} from '../secret.js';

const secretVariable = /(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN|SECURITY_TOKEN|ACCESS_KEY|LICENSE_KEY)$/i;
const secretFileKey = /^\s*(aws_access_key_id|aws_secret_access_key|aws_session_token|aws_security_token)\s*[=:]\s*(.*?)\s*$/i;

/** Values shorter than this are too common to replace in free text (and mask to `****` anyway). */
const minimumLength = 8;

/**
 * Every secret value the snapshot holds as a plain string: environment, `.env` files, the shared files and v4
 * resolvers. The report is built from typed Secrets, so this is the second guard: any of these values that reaches
 * report text through an engine message or a file line is replaced by its mask.
 */
export function knownSecrets(snapshot: Snapshot): string[] {
	const values = new Set<string>();
	const add = (value: string | undefined) => {
		if (value === undefined) return;
		for (const candidate of [value, value.trim(), value.trim().replaceAll(/^["']|["']$/g, '')]) {
			if (candidate.length >= minimumLength && candidate !== 'undefined') values.add(candidate);
		}
	};
	for (const env of [snapshot.processEnv, snapshot.env]) {
		for (const [name, value] of Object.entries(env)) if (secretVariable.test(name)) add(value);
	}
	for (const file of snapshot.service.dotenv) {
		for (const [name, value] of Object.entries(file.values)) if (secretVariable.test(name)) add(value);
	}
	for (const resolver of snapshot.service.resolvers) {
		add(resolver.accessKeyId);
		add(resolver.secretAccessKey);
		add(resolver.sessionToken);
	}
	const files: Array<FileRead | undefined> = [
		snapshot.credentialsFile,
		snapshot.configFile,
		snapshot.homeCredentialsFile,
		snapshot.homeConfigFile,
	];
	for (const file of files) {
		for (const line of file?.text?.split(/\r?\n/) ?? []) add(secretFileKey.exec(line)?.[2]);
	}
	// Longest first, so a secret that contains another is masked whole.
	return [...values].sort((a, b) => b.length - a.length);
}

/** A deep copy of `value` with every occurrence of a known secret in any string replaced by its mask. */
export function scrubSecrets<T>(value: T, secrets: string[]): T {
	if (secrets.length === 0) return value;
	return scrub(value, indexByPrefix(secrets)) as T;
}

/**
 * Secrets grouped by their first `minimumLength` characters (longest first within a group), so a string is
 * scanned once, position by position, instead of once per secret: a 10,000-profile file holds 20,000 secrets.
 */
function indexByPrefix(secrets: string[]): Map<string, string[]> {
	const index = new Map<string, string[]>();
	for (const secret of secrets) {
		const prefix = secret.slice(0, minimumLength);
		const group = index.get(prefix);
		if (group) group.push(secret);
		else index.set(prefix, [secret]);
	}
	for (const group of index.values()) group.sort((a, b) => b.length - a.length);
	return index;
}

function scrubText(text: string, index: Map<string, string[]>): string {
	let result = '';
	let copied = 0;
	let position = 0;
	while (position <= text.length - minimumLength) {
		const match = index.get(text.slice(position, position + minimumLength))?.find(secret => text.startsWith(secret, position));
		if (match) {
			result += text.slice(copied, position) + maskValue(match);
			position += match.length;
			copied = position;
		} else {
			position++;
		}
	}
	return copied === 0 ? text : result + text.slice(copied);
}

function scrub(value: unknown, index: Map<string, string[]>): unknown {
	if (typeof value === 'string') return scrubText(value, index);
	if (Array.isArray(value)) return value.map(item => scrub(item, index));
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrub(item, index)]));
	}
	return value;
}
