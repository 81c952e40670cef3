import type {ServiceInfo} from './service-info.js';
import {quoted} from './yaml-in-place-edit.js';

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
	if (format === 'json') return jsonSnippet(mapping);
	if (format === 'js' || format === 'ts') return codeSnippet(mapping);
	return yamlSnippet(mapping);
}

function yamlSnippet(mapping: StageMapping): string {
	const stages = Object.entries(mapping).map(([stage, profile]) => `    ${quoted(stage, 'PLAIN')}: ${quoted(profile, 'PLAIN')}`);
	return ['provider:', `  profile: ${PROFILE_BY_STAGE}`, '', 'custom:', '  profiles:', ...stages, ''].join('\n');
}

function jsonSnippet(mapping: StageMapping): string {
	return JSON.stringify({provider: {profile: PROFILE_BY_STAGE}, custom: {profiles: mapping}}, null, 2) + '\n';
}

/** Plain quotes, never backticks: in a template literal `${sls:stage}` would be JavaScript, not Serverless. */
function codeSnippet(mapping: StageMapping): string {
	const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));
	const stages = Object.entries(mapping).map(([stage, profile]) => `      ${key(stage)}: ${JSON.stringify(profile)},`);
	return [
		'  provider: {',
		`    profile: ${JSON.stringify(PROFILE_BY_STAGE)},`,
		'  },',
		'  custom: {',
		'    profiles: {',
		...stages,
		'    },',
		'  },',
		'',
	].join('\n');
}
