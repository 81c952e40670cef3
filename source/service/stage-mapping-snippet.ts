import type {ServiceInfo} from './service-info.js';
import {renderLines, type YamlSettings} from './yaml-in-place-edit.js';

/**
 * The documented per-stage pattern (credential-resolution.md §5.2). `${sls:stage}`, not `${opt:stage, 'dev'}`:
 * the latter ignores `provider.stage`, so a plain `serverless deploy` of a `provider.stage: prod` service would
 * pick the dev profile.
 */
export const PROFILE_BY_STAGE = '${self:custom.profiles.${sls:stage}}';

export type StageMapping = Readonly<Record<string, string>>;

/**
 * What to paste into the service file by hand: when there is none, when the user declines the edit, or when the
 * file is one the wizard does not rewrite (JSON, code). Written in the file's own language.
 */
export function stageMappingSnippet(mapping: StageMapping, format: ServiceInfo['format'] = 'yml'): string {
	return settingsSnippet({provider: {profile: PROFILE_BY_STAGE}, custom: {profiles: mapping}}, format);
}

/** Service-file settings to paste by hand, in the file's own language; top-level sections apart by a blank line in YAML. */
export function settingsSnippet(settings: YamlSettings, format: ServiceInfo['format'] = 'yml'): string {
	if (format === 'json') return JSON.stringify(settings, null, 2) + '\n';
	if (format === 'js' || format === 'ts') return codeLines(settings, 1).join('\n') + '\n';
	return Object.entries(settings).map(([key, value]) => renderLines({[key]: value}, 0, 2, 'PLAIN').join('\n') + '\n').join('\n');
}

/** Plain quotes, never backticks: in a template literal `${sls:stage}` would be JavaScript, not Serverless. */
function codeLines(settings: YamlSettings, level: number): string[] {
	const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));
	const indent = '  '.repeat(level);
	return Object.entries(settings).flatMap(([name, value]) =>
		typeof value === 'string'
			? [`${indent}${key(name)}: ${JSON.stringify(value)},`]
			: [`${indent}${key(name)}: {`, ...codeLines(value, level + 1), `${indent}},`],
	);
}
