/** How an engine's own answer is compared with a model's Verdict; a mismatch is described in one line. */
import type {Verdict} from '../../source/credentials/verdict.js';
import {KNOWN_KEYS} from './scenarios.js';
import {keyId} from '../credentials/snapshot-for.js';

export interface V3Credentials {
	type?: string;
	profile?: string;
	envPrefix?: string;
	accessKeyId?: string;
	roleArn?: string;
}

export type V3Answer =
	| {credentials: V3Credentials}
	| {none: true; fallback: {credentials: V3Credentials} | {error: {code?: string; name?: string; message: string}}}
	| {error: {code?: string; name?: string; message: string; phase?: string}};

export type SdkAnswer =
	| {credentials: {accessKeyId: string; source: Record<string, string>; arn?: string}}
	| {error: {name: string; code?: string; message: string}};

function describeWinner(verdict: Verdict): string {
	if (verdict.error) return `error ${verdict.error.code} "${verdict.error.message}"`;
	const winner = verdict.winner;
	if (!winner) return 'nothing';
	return `${winner.source} profile=${winner.profile ?? '-'} kind=${winner.kind} key=${winner.accessKeyId?.reveal() ?? '-'} role=${winner.roleArn ?? '-'}`;
}

const FALLBACK_KIND: Record<string, string[]> = {
	EnvironmentCredentials: ['static', 'temporary'],
	SharedIniFileCredentials: ['static', 'temporary', 'role'],
	ProcessCredentials: ['process'],
	TokenFileWebIdentityCredentials: ['web-identity'],
	SsoCredentials: ['sso'],
	ECSCredentials: ['container'],
};

function sameCredentials(real: V3Credentials, verdict: Verdict, fallback: boolean): boolean {
	const winner = verdict.winner;
	if (!winner || verdict.error) return false;
	if ((winner.source === 'sdk-default-chain') !== fallback) return false;
	if (fallback && !(FALLBACK_KIND[real.type ?? '']?.includes(winner.kind) ?? false)) return false;
	if (real.type === 'EnvironmentCredentials') {
		if (!fallback) {
			const expected = real.envPrefix === 'AWS' ? 'env-keys' : 'env-stage-keys';
			if (winner.source !== expected) return false;
		}
		return winner.accessKeyId?.reveal() === real.accessKeyId;
	}
	if (real.type === 'SharedIniFileCredentials') {
		if (winner.profile !== real.profile) return false;
		if (real.roleArn) return winner.roleArn === real.roleArn;
		return winner.accessKeyId?.reveal() === real.accessKeyId;
	}
	if (real.type === 'ProcessCredentials') return winner.profile === real.profile;
	return true;
}

export function compareV3(real: V3Answer, verdict: Verdict): string | undefined {
	const model = describeWinner(verdict);
	if ('error' in real) {
		const code = real.error.code ?? real.error.name;
		const same = verdict.error?.code === code && verdict.error?.message === real.error.message;
		return same ? undefined : `engine: error ${code} "${real.error.message}"; model: ${model}`;
	}
	if ('none' in real) {
		if ('error' in real.fallback) {
			const expected = real.fallback.error.code === 'ENOENT' ? 'ENOENT' : 'AWS_CREDENTIALS_NOT_FOUND';
			return verdict.error?.code === expected ? undefined : `engine: nothing in steps 1–7, SDK v2 chain failed (${real.fallback.error.code}: ${real.fallback.error.message}); model: ${model}`;
		}
		return sameCredentials(real.fallback.credentials, verdict, true) ? undefined : `engine: SDK v2 chain ${JSON.stringify(real.fallback.credentials)}; model: ${model}`;
	}
	return sameCredentials(real.credentials, verdict, false) ? undefined : `engine: ${JSON.stringify(real.credentials)}; model: ${model}`;
}

const roleName = (arn: string | undefined) => arn?.match(/:(?:assumed-)?role\/([^/]+)/)?.[1];

export function compareSdk(real: SdkAnswer, verdict: Verdict): string | undefined {
	const model = describeWinner(verdict);
	if ('error' in real) {
		const code = real.error.name === 'Error' ? (real.error.code ?? 'Error') : real.error.name;
		const same = verdict.error?.code === code && verdict.error?.message === real.error.message;
		return same ? undefined : `engine: ${code} "${real.error.message}"; model: ${model}`;
	}
	const winner = verdict.winner;
	const key = real.credentials.accessKeyId;
	const describeReal = `engine: key ${key}${real.credentials.arn ? ` (${real.credentials.arn})` : ''}; model: ${model}`;
	if (!winner || verdict.error) return describeReal;
	if (key === keyId('PRC9')) return winner.kind === 'process' ? undefined : describeReal;
	if (KNOWN_KEYS.includes(key)) return winner.accessKeyId?.reveal() === key ? undefined : describeReal;
	return roleName(real.credentials.arn) !== undefined && roleName(real.credentials.arn) === roleName(winner.roleArn) ? undefined : describeReal;
}

/** A short label of what the engine answered, for the coverage line of the summary. */
export function v3Category(real: V3Answer): string {
	if ('error' in real) return `error ${real.error.code ?? real.error.name}`;
	if ('none' in real) return 'error' in real.fallback ? `fallback error ${real.fallback.error.code}` : `fallback ${real.fallback.credentials.type}${real.fallback.credentials.roleArn ? ' role' : ''}`;
	return `${real.credentials.type}${real.credentials.roleArn ? ' role' : ''}${real.credentials.envPrefix ? ` ${real.credentials.envPrefix === 'AWS' ? 'AWS' : 'AWS_<STAGE>'}` : ''}`;
}

export function sdkCategory(real: SdkAnswer): string {
	if ('error' in real) return `error ${real.error.name === 'Error' ? (real.error.code ?? 'Error') : real.error.name}${/any providers/.test(real.error.message) ? ' (none)' : ''}`;
	const key = real.credentials.accessKeyId;
	if (key === keyId('PRC9')) return 'process';
	if (!KNOWN_KEYS.includes(key)) return 'assumed role';
	return key === keyId('ENV4') || key === 'undefined' ? 'env keys' : 'profile keys';
}

export function histogram(labels: string[]): string {
	const counts = new Map<string, number>();
	for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
	return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([label, count]) => `${label} ${count}`).join(', ');
}
