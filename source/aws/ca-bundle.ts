/**
 * Which extra certificate authorities this machine configures, who reads them (Node, Serverless v3, Serverless v4,
 * the aws CLI) and what goes wrong with them (errors-and-tls.md §9). Pure: file contents come from `snapshot.caFiles`.
 */
import path from 'node:path';
import type {FileRead, Snapshot} from '../gather/snapshot.js';
import {readPemCertificates, type CaCertificate, type PemContent} from './pem-certificates.js';
import {cliProfileName, snapshotProfiles} from './profile-setting.js';
import {engineProblems, FILE_GROUP, INLINE_GROUP, inputProblems} from './ca-problems.js';
import {shellQuote as quote} from './errors/catalogue-entry.js';
import {proxySettings, type ProxySettings} from './proxy-settings.js';

export type CaVariable =
	| 'NODE_EXTRA_CA_CERTS'
	| 'ca'
	| 'HTTPS_CA'
	| 'https_ca'
	| 'cafile'
	| 'HTTPS_CAFILE'
	| 'https_cafile'
	| 'AWS_CA_BUNDLE'
	| 'ca_bundle';

/** One piece of a setting: a file path, or one comma-separated entry of an inline `ca`. */
export interface CaInput {
	/** The path, or `ca entry 2`. */
	label: string;
	path?: string;
	/** For paths: what gather found. */
	file?: 'read' | 'missing' | 'unreadable' | 'not-gathered';
	fileError?: string;
	content?: PemContent;
}

export interface CaSource {
	variable: CaVariable;
	/** `environment`, `.env (<path>)`, `profile "x" in <config path>`. */
	origin: string;
	/** Paths as written; inline PEMs summarised (`2 PEM blocks, 2.4 kB`). */
	value: string;
	/** First non-empty of its group: the one its readers use. */
	active: boolean;
	shadowedBy?: CaVariable;
	/** Programs that honour it. */
	readBy: string[];
	inputs: CaInput[];
	certificates: CaCertificate[];
	/** Inline values only: the PEM uses literal `\n` (two characters) for line breaks. */
	literalNewlines?: boolean;
}

export type CaProblemId =
	| 'ca-file-missing'
	| 'ca-file-unreadable'
	| 'ca-not-pem'
	| 'ca-invalid-certificate'
	| 'ca-expired'
	| 'ca-not-yet-valid'
	| 'ca-literal-newline'
	| 'ca-comma-joined'
	| 'ca-path-in-inline'
	| 'ca-replaces-roots-v3'
	| 'ca-proxy-quirk-v3'
	| 'ca-v4-direct-ignored'
	| 'ca-bundle-ignored'
	| 'ca-node-extra-dotenv'
	| 'ca-shadowed'
	| 'ca-verification-disabled';

export interface CaProblem {
	id: CaProblemId;
	severity: 'fail' | 'warn' | 'info';
	variable?: CaVariable;
	title: string;
	why: string;
	fix?: string;
	details?: string[];
}

export interface CaSettings {
	sources: CaSource[];
	proxy: ProxySettings;
	/** PEM blocks this tool adds to Node's bundled roots for its own AWS clients (active sources, parsed certificates only). */
	extraPems: string[];
	/** NODE_TLS_REJECT_UNAUTHORIZED=0: Node verifies nothing. */
	verificationDisabled: boolean;
	problems: CaProblem[];
}

const SERVERLESS = ['serverless-v3', 'serverless-v4'];

export function caSettings(snapshot: Snapshot, options: {profile?: string} = {}): CaSettings {
	const env = snapshot.env;
	const sources: CaSource[] = [];
	const problems: CaProblem[] = [];
	const originOf = (name: string): string => {
		if (snapshot.processEnv[name] === env[name]) return 'environment';
		const file = snapshot.service.dotenv.find(dotenv => dotenv.applied.includes(name));
		return file ? `.env (${file.path})` : 'environment';
	};

	// Node reads NODE_EXTRA_CA_CERTS once at process start, so only the real environment counts.
	const nodeExtra = snapshot.processEnv.NODE_EXTRA_CA_CERTS;
	if (nodeExtra) {
		sources.push(fileSource(snapshot, 'NODE_EXTRA_CA_CERTS', 'environment', nodeExtra, [nodeExtra], ['node', ...SERVERLESS, 'aws-sdk-v3'], true));
	} else if (env.NODE_EXTRA_CA_CERTS) {
		problems.push({
			id: 'ca-node-extra-dotenv',
			severity: 'warn',
			variable: 'NODE_EXTRA_CA_CERTS',
			title: 'NODE_EXTRA_CA_CERTS is set only in a .env file',
			why: `Node reads NODE_EXTRA_CA_CERTS once when the process starts; a value loaded later from ${originOf('NODE_EXTRA_CA_CERTS')} has no effect on Serverless.`,
			fix: `export NODE_EXTRA_CA_CERTS=${quote(env.NODE_EXTRA_CA_CERTS)} in your shell (or CI settings) before running serverless.`,
		});
	}

	const inline = firstNonEmpty(env, INLINE_GROUP);
	for (const variable of INLINE_GROUP) {
		const value = env[variable];
		if (!value) continue;
		const active = variable === inline;
		sources.push({
			variable,
			origin: originOf(variable),
			value: summariseInline(value),
			active,
			shadowedBy: active ? undefined : inline,
			readBy: SERVERLESS,
			inputs: inlineInputs(value),
			certificates: [],
			literalNewlines: /\\n/.test(value),
		});
	}

	const file = firstNonEmpty(env, FILE_GROUP);
	for (const variable of FILE_GROUP) {
		const value = env[variable];
		if (!value) continue;
		const paths = value.split(',').map(entry => entry.trim());
		sources.push(fileSource(snapshot, variable, originOf(variable), value, paths, SERVERLESS, variable === file, file));
	}

	const profile = options.profile ?? cliProfileName(snapshot);
	const profileBundle = profileCaBundle(snapshot, profile);
	if (env.AWS_CA_BUNDLE) {
		sources.push(fileSource(snapshot, 'AWS_CA_BUNDLE', originOf('AWS_CA_BUNDLE'), env.AWS_CA_BUNDLE, [env.AWS_CA_BUNDLE], ['aws-cli'], true));
	}
	if (profileBundle) {
		const active = !env.AWS_CA_BUNDLE;
		sources.push(
			fileSource(snapshot, 'ca_bundle', `profile "${profile}" in ${snapshot.configFile.path}`, profileBundle, [profileBundle], ['aws-cli'], active, active ? undefined : 'AWS_CA_BUNDLE'),
		);
	}

	for (const source of sources) {
		source.certificates = source.inputs.flatMap(input => input.content?.certificates ?? []);
	}

	const proxy = proxySettings(env);
	const verificationDisabled = snapshot.processEnv.NODE_TLS_REJECT_UNAUTHORIZED === '0' || env.NODE_TLS_REJECT_UNAUTHORIZED === '0';
	problems.push(...inputProblems(sources, snapshot.now), ...engineProblems(sources, proxy, snapshot.framework.major));
	if (verificationDisabled) {
		problems.push({
			id: 'ca-verification-disabled',
			severity: 'warn',
			title: 'NODE_TLS_REJECT_UNAUTHORIZED=0 turns off certificate checks',
			why: 'Node then accepts any certificate, so credentials can be read by whoever sits between you and AWS.',
			fix: 'unset NODE_TLS_REJECT_UNAUTHORIZED and trust your CA instead: export NODE_EXTRA_CA_CERTS=/path/to/corporate-root.pem',
		});
	}

	const seen = new Set<string>();
	const extraPems: string[] = [];
	for (const source of sources) {
		if (!source.active) continue;
		for (const certificate of source.certificates) {
			if (seen.has(certificate.fingerprint256)) continue;
			seen.add(certificate.fingerprint256);
			extraPems.push(certificate.pem);
		}
	}
	return {sources, proxy, extraPems, verificationDisabled, problems};
}

function firstNonEmpty(env: Snapshot['env'], names: CaVariable[]): CaVariable | undefined {
	return names.find(name => Boolean(env[name]));
}

/** Serverless v3/v4 framework parsing: split on `,` (not trimmed), literal `\n` → newline. */
export function splitInlineCa(value: string): string[] {
	return value.split(',').map(entry => entry.replace(/\\n/g, '\n'));
}

function inlineInputs(value: string): CaInput[] {
	return splitInlineCa(value).map((entry, index) => ({label: `ca entry ${index + 1}`, content: readPemCertificates(entry)}));
}

function summariseInline(value: string): string {
	const blocks = (value.match(/-----BEGIN CERTIFICATE-----/g) ?? []).length;
	if (blocks === 0) return value.length > 80 ? `${value.slice(0, 77)}…` : value;
	return `${blocks} PEM block${blocks === 1 ? '' : 's'}, ${value.length} characters`;
}

function fileSource(
	snapshot: Snapshot,
	variable: CaVariable,
	origin: string,
	value: string,
	paths: string[],
	readBy: string[],
	active: boolean,
	shadowedBy?: CaVariable,
): CaSource {
	const inputs = paths.map((filePath): CaInput => {
		const read = lookupCaFile(snapshot, filePath);
		if (!read) return {label: filePath, path: filePath, file: 'not-gathered'};
		if (!read.exists) return {label: filePath, path: filePath, file: 'missing'};
		if (read.error || read.text === undefined) {
			return {label: filePath, path: filePath, file: 'unreadable', fileError: read.error?.message ?? 'not readable'};
		}
		return {label: filePath, path: filePath, file: 'read', content: readPemCertificates(read.text)};
	});
	return {variable, origin, value, active, shadowedBy: active ? undefined : shadowedBy, readBy, inputs, certificates: []};
}

/** gather keys `caFiles` by the path as written; relative paths may also be keyed resolved against the service folder. */
export function lookupCaFile(snapshot: Snapshot, filePath: string): FileRead | undefined {
	const direct = snapshot.caFiles[filePath];
	if (direct) return direct;
	if (filePath.startsWith('~/')) {
		const expanded = snapshot.caFiles[path.join(snapshot.home, filePath.slice(2))];
		if (expanded) return expanded;
	}
	if (!path.isAbsolute(filePath) && snapshot.service.path) {
		return snapshot.caFiles[path.resolve(path.dirname(snapshot.service.path), filePath)];
	}
	return undefined;
}

function profileCaBundle(snapshot: Snapshot, profile: string): string | undefined {
	if (!snapshot.configFile.text && !snapshot.credentialsFile.text) return undefined;
	const value = snapshotProfiles(snapshot).merged[profile]?.ca_bundle;
	return value ? value : undefined;
}
