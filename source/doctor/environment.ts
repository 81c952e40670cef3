import type {Env, Snapshot} from '../gather/snapshot.js';

/** A variable that is set to something other than the empty string (engines treat `""` as unset). */
export function envSet(env: Env, name: string): string | undefined {
	const value = env[name];
	return value === undefined || value === '' ? undefined : value;
}

/** Serverless v3 / SDK v2 test `AWS_SDK_LOAD_CONFIG` for truthiness only, so `0` and `false` count as set. */
export function loadsConfigFile(env: Env): boolean {
	return envSet(env, 'AWS_SDK_LOAD_CONFIG') !== undefined;
}

/** The `.env` file that supplied a variable, when the real environment did not have it. */
export function dotenvOrigin(snapshot: Snapshot, name: string): string | undefined {
	return snapshot.service.dotenv.find(file => file.applied.includes(name))?.path;
}

/**
 * How to get rid of variables: an edit of the `.env` file that supplied them, or a shell command.
 * Windows users get PowerShell, because that is the default shell there.
 */
export function removeVariablesFix(snapshot: Snapshot, names: string[]): string {
	const fromDotenv = names.filter(name => dotenvOrigin(snapshot, name) !== undefined);
	const fromShell = names.filter(name => !fromDotenv.includes(name));
	const parts: string[] = [];
	if (fromShell.length > 0) parts.push(`run \`${unsetCommand(snapshot.platform, fromShell)}\``);
	const files = [...new Set(fromDotenv.map(name => dotenvOrigin(snapshot, name)))];
	for (const file of files) {
		const inFile = fromDotenv.filter(name => dotenvOrigin(snapshot, name) === file);
		parts.push(`delete the ${inFile.join(', ')} line${inFile.length === 1 ? '' : 's'} from ${file}`);
	}
	return parts.join(' and ');
}

export function unsetCommand(platform: NodeJS.Platform, names: string[]): string {
	if (platform === 'win32') return names.map(name => `Remove-Item Env:${name}`).join('; ');
	return `unset ${names.join(' ')}`;
}

export function exportCommand(platform: NodeJS.Platform, name: string, value: string): string {
	if (platform === 'win32') return `$Env:${name} = "${value}"`;
	return `export ${name}=${value}`;
}
