import path from 'node:path';
import type {TeamSettingsProblem, TeamSettingsRead} from './team-settings.js';
import {UserInputError} from './user-input-error.js';

/**
 * Invalid team settings stop the doctor (exit 2, like a missing --config file): guarding a deploy against the wrong
 * account with a mapping that cannot be read would give a false "ok". One line per problem, each with its fix.
 */
export function teamSettingsError(read: TeamSettingsRead | undefined): UserInputError | undefined {
	if (read?.status !== 'invalid' || read.problems.length === 0) return undefined;
	const file = path.basename(read.path);
	const problems = read.problems;
	const last = problems.at(-1)!;
	// failureText prints "message fix": the last problem's fix closes the last line, so every line has its own fix.
	const message = [
		...(problems.length === 1 ? [] : [`the team settings (custom.deployAccounts) in ${file} have ${problems.length} problems; fix them, then run the doctor again:`]),
		...problems.slice(0, -1).map(problem => `  ${location(problem, file)}${problem.message} ${oneLine(problem.fix)}`),
		`${problems.length === 1 ? '' : '  '}${location(last, file)}${last.message}`,
	].join('\n');
	return new UserInputError({code: 'TEAM_SETTINGS_INVALID', message, fix: oneLine(last.fix)});
}

function location(problem: TeamSettingsProblem, file: string): string {
	// A syntax error's message already names the file and position.
	if (problem.where === file) return '';
	return `${file}${problem.line === undefined ? '' : `:${problem.line}`} ${problem.where}: `;
}

/** Multi-line example fixes become one line, so each problem stays on its own line. */
function oneLine(text: string): string {
	return text.replace(/\n\s*/g, ' ↵ ').trim();
}
