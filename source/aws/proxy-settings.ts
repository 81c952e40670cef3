import type {Env} from '../gather/snapshot.js';

/** A proxy variable as an engine reads it. The URL is shown with its password masked. */
export interface ProxySetting {
	variable: string;
	url: string;
}

export interface ProxySettings {
	/** Serverless v3 (`lib/aws/request.js`): first non-empty of proxy > HTTP_PROXY > http_proxy > HTTPS_PROXY > https_proxy. */
	v3?: ProxySetting;
	/** Serverless v4 core for HTTPS calls: HTTPS_PROXY/https_proxy, else a lone HTTP_PROXY/http_proxy, else an https `proxy`. */
	v4?: ProxySetting;
	/** NO_PROXY / no_proxy (ignored by v3; all-or-nothing in v4 core). */
	noProxy?: string;
}

const V3_ORDER = ['proxy', 'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy'] as const;

export function proxySettings(env: Env): ProxySettings {
	const first = (names: readonly string[]): ProxySetting | undefined => {
		for (const name of names) {
			const value = env[name];
			if (value) return {variable: name, url: maskProxyUrl(value)};
		}
		return undefined;
	};
	const v3 = first(V3_ORDER);
	let v4 = first(['HTTPS_PROXY', 'https_proxy']) ?? first(['HTTP_PROXY', 'http_proxy']);
	if (!v4 && env.proxy && /^https:/i.test(env.proxy)) v4 = {variable: 'proxy', url: maskProxyUrl(env.proxy)};
	const noProxy = env.NO_PROXY || env.no_proxy || undefined;
	// v4 core skips the proxy only when every AWS test URL matches NO_PROXY; `*` is the one value that surely does.
	if (v4 && noProxy?.split(',').some(entry => entry.trim() === '*')) v4 = undefined;
	return {v3, v4, noProxy};
}

/** `http://user:secret@proxy:8080` → `http://user:****@proxy:8080` (proxy passwords are secrets too). */
export function maskProxyUrl(value: string): string {
	return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*):[^@/\s]*@/i, '$1:****@');
}
