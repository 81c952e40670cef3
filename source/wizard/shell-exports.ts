import type {Env} from '../gather/snapshot.js';
import {Secret} from '../secret.js';

/** The shell families whose syntax for setting a variable differs. */
export type Shell = 'posix' | 'fish' | 'powershell' | 'cmd';

export const SHELLS: readonly Shell[] = ['posix', 'fish', 'powershell', 'cmd'];

export const SHELL_NAMES: Readonly<Record<Shell, string>> = {
	posix: 'bash / zsh',
	fish: 'fish',
	powershell: 'PowerShell',
	cmd: 'Windows cmd',
};

/** What to put into the environment: a profile name, or keys (secrets stay `Secret`s until the copy form). */
export type ExportValues = (
	| {profile: string}
	| {accessKeyId: Secret; secretAccessKey: Secret; sessionToken?: Secret}
) & {
	region?: string;
	/** Serverless v3's per-stage names, `AWS_<STAGE>_PROFILE` / `AWS_<STAGE>_ACCESS_KEY_ID`…, instead of the plain ones. */
	stage?: string;
	/** Variables to clear first, e.g. `AWS_PROFILE` before keys (Serverless v4 ignores env keys while a profile is named). */
	unset?: readonly string[];
};

export interface ExportLines {
	shell: Shell;
	/** For the screen: keys masked (`AKIA…WXYZ`). */
	shown: string[];
	/** The real lines for the clipboard, newline-separated; every printable form of it is masked. */
	copy: Secret;
	/** What the user should know about these lines (history, per-stage names). */
	notes: string[];
}

/**
 * Which shell the user is typing into, from the environment alone. On Windows `SHELL` is set only by Git Bash,
 * MSYS and Cygwin; `PSModulePath` exists in cmd too (system-wide), but only PowerShell adds the user's own module
 * folder to it. Elsewhere `PSModulePath` is set only inside pwsh, whatever the login shell in `SHELL` is.
 */
export function detectShell(env: Env): Shell {
	const shell = lookup(env, 'SHELL');
	const name = shell === undefined ? undefined : (shell.split(/[\\/]/).at(-1) ?? '').toLowerCase().replace(/\.exe$/, '');
	const windows = lookup(env, 'OS') === 'Windows_NT' || lookup(env, 'ComSpec') !== undefined;
	const modulePath = lookup(env, 'PSModulePath');
	if (name === 'pwsh' || name === 'powershell') return 'powershell';
	if (windows) {
		if (name) return name === 'fish' ? 'fish' : 'posix';
		return modulePath !== undefined && hasUserModuleFolder(modulePath, lookup(env, 'USERPROFILE')) ? 'powershell' : 'cmd';
	}
	if (modulePath !== undefined) return 'powershell';
	return name === 'fish' ? 'fish' : 'posix';
}

/** The lines that set `values` in `shell`, masked for the screen and real for copying. */
export function exportLines(shell: Shell, values: ExportValues): ExportLines {
	const prefix = values.stage === undefined ? 'AWS_' : `AWS_${values.stage.toUpperCase()}_`;
	const settings: Array<{name: string; value: string | Secret}> = [];
	if ('profile' in values) {
		settings.push({name: `${prefix}PROFILE`, value: values.profile});
	} else {
		settings.push({name: `${prefix}ACCESS_KEY_ID`, value: values.accessKeyId});
		settings.push({name: `${prefix}SECRET_ACCESS_KEY`, value: values.secretAccessKey});
		if (values.sessionToken !== undefined) settings.push({name: `${prefix}SESSION_TOKEN`, value: values.sessionToken});
	}
	if (values.region !== undefined) settings.push({name: 'AWS_REGION', value: values.region});
	for (const {value} of settings) {
		// Only what the caller validated reaches here; the value itself never goes into the message.
		if (/[\0\r\n]/.test(typeof value === 'string' ? value : value.reveal())) throw new TypeError('exportLines: a value holds a line break or NUL');
	}
	const unset = values.unset ?? [];
	const notes: string[] = [];
	const hasSecret = settings.some(setting => setting.value instanceof Secret);
	const nameless = (shell === 'posix' || shell === 'fish') && settings.some(setting => !/^[A-Za-z_]\w*$/.test(setting.name));

	let shown: string[];
	let real: string[];
	if (nameless) {
		// POSIX shells and fish cannot hold `AWS_MY-STAGE_PROFILE`; `env` can pass it to one command (spec §2.5).
		const command = `serverless deploy --stage ${posixWord(values.stage ?? '')}`;
		shown = [...unset.map(name => unsetLine(shell, name)), `env ${settings.map(s => posixWord(`${s.name}=${masked(s.value)}`, s.value instanceof Secret)).join(' ')} ${command}`];
		real = [...unset.map(name => unsetLine(shell, name)), `env ${settings.map(s => posixWord(`${s.name}=${reveal(s.value)}`)).join(' ')} ${command}`];
		notes.push(`${SHELL_NAMES[shell]} cannot export ${settings.find(s => !/^[A-Za-z_]\w*$/.test(s.name))?.name}, so the line runs the deploy with it through env.`);
	} else {
		shown = [...unset.map(name => unsetLine(shell, name)), ...settings.map(s => setLine(shell, s.name, masked(s.value), s.value instanceof Secret))];
		real = [...unset.map(name => unsetLine(shell, name)), ...settings.map(s => setLine(shell, s.name, reveal(s.value), false))];
	}
	if (hasSecret && (shell === 'posix' || shell === 'fish')) {
		// A leading space keeps a line out of fish's history, and out of bash's/zsh's with ignorespace/HIST_IGNORE_SPACE.
		real = real.map(line => ` ${line}`);
		notes.push(
			shell === 'fish'
				? 'The copied lines start with a space, so fish keeps them out of its history.'
				: 'The copied lines start with a space: bash keeps them out of its history when HISTCONTROL has ignorespace (zsh: setopt HIST_IGNORE_SPACE).',
		);
	}
	if (hasSecret && shell === 'powershell') notes.push('PSReadLine 2.2 and later keep lines that mention SECRET or TOKEN out of the history file; the key id line is saved.');
	if (values.stage !== undefined) notes.push(`Only Serverless v3 reads ${prefix}* variables; v4 ignores them.`);
	if (hasSecret) notes.push('These keys stay set only in this terminal window; a new window needs them again.');
	return {shell, shown, copy: new Secret(real.join('\n')), notes};
}

function setLine(shell: Shell, name: string, value: string, isMasked: boolean): string {
	switch (shell) {
		case 'posix':
			return `export ${name}=${isMasked ? value : posixWord(value)}`;
		case 'fish':
			// `--` so a value starting with "-" is not read as an option of `set`.
			return `set -gx ${value.startsWith('-') ? '-- ' : ''}${name} ${isMasked ? value : fishWord(value)}`;
		case 'powershell':
			return `${powershellVariable(name)} = ${powershellString(value)}`;
		case 'cmd':
			return `set ${name}=${isMasked ? value : cmdText(value)}`;
	}
}

function unsetLine(shell: Shell, name: string): string {
	switch (shell) {
		case 'posix':
			return `unset ${name}`;
		case 'fish':
			return `set -e ${name}`;
		case 'powershell':
			return `${powershellVariable(name)} = $null`;
		case 'cmd':
			return `set ${name}=`;
	}
}

/** Single quotes stop every expansion in sh, bash and zsh; a quote inside is closed, escaped and reopened. */
export function posixWord(value: string, isMasked = false): string {
	if (isMasked || /^[\w@%+:,./=-]+$/.test(value)) return value === '' ? "''" : value;
	return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** In fish single quotes only `\'` and `\\` are escapes. */
export function fishWord(value: string): string {
	if (/^[\w@+:,./=-]+$/.test(value)) return value;
	return `'${value.replace(/[\\']/g, '\\$&')}'`;
}

/** Single-quoted: no `$` or backtick expansion; PowerShell also takes typographic single quotes as quotes, so those double too. */
export function powershellString(value: string): string {
	return `'${value.replace(/['\u2018\u2019\u201A\u201B]/g, '$&$&')}'`;
}

function powershellVariable(name: string): string {
	return /^\w+$/.test(name) ? `$env:${name}` : `\${env:${name.replace(/[`{}]/g, '`$&')}}`;
}

/**
 * cmd takes `set NAME=…` to the end of the line, spaces included. `^` escapes the characters cmd would act on;
 * `%` cannot be escaped at the prompt, but `%^x` never names a variable and the caret is removed afterwards.
 */
export function cmdText(value: string): string {
	let result = '';
	let afterPercent = false;
	for (const char of value) {
		if (afterPercent || '^&|<>"()'.includes(char)) result += '^';
		result += char;
		afterPercent = char === '%';
	}
	return result;
}

function masked(value: string | Secret): string {
	return typeof value === 'string' ? value : value.masked();
}

function reveal(value: string | Secret): string {
	return typeof value === 'string' ? value : value.reveal();
}

/** Windows keeps variable names case-insensitive (`ComSpec`, `COMSPEC`). */
function lookup(env: Env, name: string): string | undefined {
	const direct = env[name];
	if (direct !== undefined) return direct === '' ? undefined : direct;
	const lower = name.toLowerCase();
	for (const [key, value] of Object.entries(env)) {
		if (key.toLowerCase() === lower && value !== undefined && value !== '') return value;
	}
	return undefined;
}

function hasUserModuleFolder(modulePath: string, userProfile: string | undefined): boolean {
	const home = userProfile?.toLowerCase();
	return modulePath
		.split(';')
		.map(entry => entry.toLowerCase())
		.some(entry => (home !== undefined && entry.startsWith(home + '\\')) || entry.includes('\\documents\\'));
}
