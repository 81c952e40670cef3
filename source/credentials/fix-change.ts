/**
 * The changes a fix is made of. Each one can be applied to a Snapshot, so every proposed fix is checked by running the
 * same precedence model again before it is shown; and each one renders as the exact command or edit the user types.
 */
import type {DeployOptions, Snapshot} from '../gather/snapshot.js';
import {isShellName} from './environment.js';
import type {Engine} from './verdict.js';

export type Change =
	| {type: 'unset-env'; names: string[]}
	| {type: 'set-env'; name: string; value: string}
	| {type: 'aws-profile'; profile: string}
	| {type: 'drop-aws-profile'}
	| {type: 'use-local-credentials'}
	| {type: 'remove-provider-profile'}
	| {type: 'remove-resolver-keys'; resolver: string}
	| {type: 'remove-resolver-profile'; resolver: string}
	/** `eval "$(aws configure export-credentials …)"`: puts a profile's temporary keys into the environment. */
	| {type: 'export-credentials'; profile: string}
	/** A manual edit the model cannot replay (adding a key to a file, fixing a value). */
	| {type: 'edit'; text: string};

/** Placeholder keys standing in for what `export-credentials` would put in the environment. */
const EXPORTED = {id: 'ASIAEXPORTEDPLACEHOLDER', secret: 'exported-secret-placeholder', token: 'exported-token-placeholder'};

export function applyChanges(snapshot: Snapshot, changes: readonly Change[]): Snapshot {
	let env: Record<string, string | undefined> = {...snapshot.env};
	let options: DeployOptions = {...snapshot.options};
	let service = snapshot.service;
	for (const change of changes) {
		switch (change.type) {
			case 'unset-env':
				for (const name of change.names) delete env[name];
				break;
			case 'set-env':
				env[change.name] = change.value;
				break;
			case 'aws-profile':
				options = {...options, awsProfile: change.profile};
				break;
			case 'drop-aws-profile': {
				const {awsProfile: _dropped, ...rest} = options;
				options = rest;
				break;
			}
			case 'use-local-credentials':
				options = {...options, useLocalCredentials: true};
				break;
			case 'remove-provider-profile': {
				const {profile: _removed, ...rest} = service;
				service = rest;
				break;
			}
			case 'remove-resolver-keys':
				service = {
					...service,
					resolvers: service.resolvers.map((resolver) => {
						if (resolver.name !== change.resolver) return resolver;
						const {accessKeyId: _id, secretAccessKey: _secret, sessionToken: _token, ...rest} = resolver;
						return rest;
					}),
				};
				break;
			case 'remove-resolver-profile':
				service = {
					...service,
					resolvers: service.resolvers.map((resolver) => {
						if (resolver.name !== change.resolver) return resolver;
						const {profile: _profile, ...rest} = resolver;
						return rest;
					}),
				};
				break;
			case 'export-credentials':
				env = {...env, AWS_ACCESS_KEY_ID: EXPORTED.id, AWS_SECRET_ACCESS_KEY: EXPORTED.secret, AWS_SESSION_TOKEN: EXPORTED.token};
				break;
			case 'edit':
				break;
		}
	}
	return {...snapshot, env, options, service};
}

/** Changes that only the user can make (the model assumes they work). */
export function isReplayable(change: Change): boolean {
	return change.type !== 'edit';
}

export interface FixContext {
	engine: Engine;
	stage: string;
	options: DeployOptions;
}

/** One line: edits first, then the shell command (`unset … && serverless deploy --stage … …`). */
export function renderFix(changes: readonly Change[], context: FixContext): string {
	const edits: string[] = [];
	const shell: string[] = [];
	const unsetNames: string[] = [];
	const envPrefix: string[] = [];
	let options: DeployOptions = {...context.options};
	let optionsChanged = false;
	for (const change of changes) {
		switch (change.type) {
			case 'unset-env':
				for (const name of change.names) {
					if (isShellName(name)) unsetNames.push(name);
					else envPrefix.push(`-u '${name}'`);
				}
				break;
			case 'set-env':
				shell.push(`export ${change.name}=${quote(change.value)}`);
				break;
			case 'export-credentials':
				shell.push(`eval "$(aws configure export-credentials --profile ${quote(change.profile)} --format env)"`);
				break;
			case 'aws-profile':
				options = {...options, awsProfile: change.profile};
				optionsChanged = true;
				break;
			case 'drop-aws-profile': {
				const {awsProfile: _dropped, ...rest} = options;
				options = rest;
				optionsChanged = true;
				break;
			}
			case 'use-local-credentials':
				options = {...options, useLocalCredentials: true};
				optionsChanged = true;
				break;
			case 'remove-provider-profile':
				edits.push('remove `profile` under `provider` in serverless.yml');
				break;
			case 'remove-resolver-keys':
				edits.push(`remove accessKeyId/secretAccessKey from resolver "${change.resolver}" in serverless.yml`);
				break;
			case 'remove-resolver-profile':
				edits.push(`remove profile from resolver "${change.resolver}" in serverless.yml`);
				break;
			case 'edit':
				edits.push(change.text);
				break;
		}
	}
	if (unsetNames.length > 0) shell.unshift(`unset ${unsetNames.join(' ')}`);
	const serverless = context.engine !== 'aws-sdk-v3';
	const needsCommand = serverless && (optionsChanged || shell.length > 0 || envPrefix.length > 0);
	if (needsCommand) {
		const command = deployCommand(context.stage, options);
		shell.push(envPrefix.length > 0 ? `env ${envPrefix.join(' ')} ${command}` : command);
	} else if (envPrefix.length > 0) {
		shell.push(`env ${envPrefix.join(' ')} <your command>`);
	}
	const command = shell.join(' && ');
	if (edits.length === 0) return command;
	const editText = edits.join('; ');
	return command ? `${editText}, then run: ${command}` : editText;
}

export function deployCommand(stage: string, options: DeployOptions): string {
	const parts = ['serverless deploy', `--stage ${quote(stage)}`];
	if (options.region) parts.push(`--region ${quote(options.region)}`);
	if (options.awsProfile) parts.push(`--aws-profile ${quote(options.awsProfile)}`);
	if (options.useLocalCredentials) parts.push('--use-local-credentials');
	return parts.join(' ');
}

function quote(value: string): string {
	return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}
