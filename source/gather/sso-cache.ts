import {readFile} from 'node:fs/promises';
import path from 'node:path';
import type {SsoCacheEntry} from './snapshot.js';

type Sections = Record<string, Record<string, string>>;

/**
 * The cache keys `aws sso login` writes for the profiles in the config file: an `sso_session` profile (and
 * every `[sso-session]`) is cached under the session name, a legacy profile under its `sso_start_url`.
 */
export function ssoCacheKeys(profiles: {merged: Sections; ssoSessions: Sections}): string[] {
	const keys = new Set<string>();
	for (const values of Object.values(profiles.merged)) {
		const session = values['sso_session'];
		const startUrl = values['sso_start_url'];
		if (session) keys.add(session);
		else if (startUrl) keys.add(startUrl);
	}
	Object.keys(profiles.ssoSessions).forEach(name => keys.add(name));
	return [...keys];
}

/** The SDK's cache file name (sha1 of the start URL or session name); node:crypto is loaded only when an SSO profile asks. */
export function ssoCachePath(home: string, key: string): string {
	return path.join(home, '.aws', 'sso', 'cache', `${process.getBuiltinModule('node:crypto').createHash('sha1').update(key).digest('hex')}.json`);
}

/** Reads only `expiresAt`: the token itself never enters the snapshot. */
export async function readSsoCache(home: string, keys: string[]): Promise<SsoCacheEntry[]> {
	return Promise.all(
		keys.map(async (key): Promise<SsoCacheEntry> => {
			const cachePath = ssoCachePath(home, key);
			let text: string;
			try {
				text = await readFile(cachePath, 'utf8');
			} catch (error) {
				const code = (error as NodeJS.ErrnoException).code;
				if (code === 'ENOENT' || code === 'ENOTDIR') return {path: cachePath, key, exists: false};
				return {path: cachePath, key, exists: true, error: `${code ?? 'error'}: cannot read the SSO cache file`};
			}
			try {
				const parsed = JSON.parse(text) as {expiresAt?: unknown};
				if (typeof parsed.expiresAt === 'string') return {path: cachePath, key, exists: true, expiresAt: parsed.expiresAt};
				return {path: cachePath, key, exists: true, error: 'the SSO cache file has no expiresAt'};
			} catch {
				return {path: cachePath, key, exists: true, error: 'the SSO cache file is not valid JSON'};
			}
		}),
	);
}
