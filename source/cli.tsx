#!/usr/bin/env node
/**
 * Entry point: argv → command, TTY detection, exit codes. `--help`, `--version` and argument errors are answered
 * from the light modules imported here; Ink, React and the AWS SDK are imported only by the command that needs them.
 */
import {readFileSync} from 'node:fs';
import {parseCommandLine, type CommandLine} from './commands/command-line.js';
import {failureText} from './commands/failure-text.js';
import {UsageError} from './commands/usage-error.js';
import {doctorHelp, initTeamHelp, mainHelp, profileHelp, PROGRAM} from './commands/usage.js';

function toolVersion(): string {
	const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string};
	return manifest.version;
}

async function readStdin(): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
	return Buffer.concat(chunks).toString('utf8');
}

async function run(commandLine: CommandLine): Promise<number> {
	switch (commandLine.command) {
		case 'help':
			process.stdout.write(
				commandLine.topic === 'doctor' ? doctorHelp : commandLine.topic === 'profile' ? profileHelp : commandLine.topic === 'init-team' ? initTeamHelp : mainHelp,
			);
			return 0;
		case 'version':
			process.stdout.write(`${toolVersion()}\n`);
			return 0;
		case 'wizard':
			if (process.stdin.isTTY && process.stdout.isTTY) {
				const {runWizard} = await import('./commands/wizard.js');
				return runWizard(processIo(commandLine.debug));
			} else {
				process.stderr.write(
					`${PROGRAM}: the wizard needs an interactive terminal. Save keys with \`${PROGRAM} profile set <name> --key <id> --secret-stdin --yes\`, check a deploy with \`${PROGRAM} doctor\` (plain text without a terminal, --json for scripts), or see \`${PROGRAM} --help\`.\n`,
				);
			}
			return 2;
		case 'doctor': {
			const {doctor, debug} = commandLine;
			let explainText: string | undefined;
			if (doctor.explain && 'text' in doctor.explain) explainText = doctor.explain.text;
			if (doctor.explain && 'stdin' in doctor.explain) {
				if (process.stdin.isTTY) {
					throw new UsageError(
						'--explain needs the error text.',
						`Pass it as --explain "<text>", or pipe it in: serverless deploy 2>&1 | ${PROGRAM} doctor --explain`,
					);
				}
				explainText = await readStdin();
			}
			const {runDoctor} = await import('./commands/doctor.js');
			return runDoctor({...doctor, explainText}, processIo(debug));
		}
		case 'profile': {
			const {runProfile} = await import('./commands/profile.js');
			return runProfile(commandLine.profile, processIo(commandLine.debug));
		}
		case 'init-team': {
			const {runInitTeam} = await import('./commands/init-team.js');
			return runInitTeam(commandLine.initTeam, processIo(commandLine.debug));
		}
	}
}

/** This process's streams, folder and environment, as every command takes them. */
function processIo(debug: boolean) {
	return {
		cwd: process.cwd(),
		env: process.env,
		stdin: process.stdin,
		stdout: process.stdout,
		stderr: process.stderr,
		toolVersion: toolVersion(),
		describeCrash: (error: unknown) => failureText(error, debug).text,
	};
}

/** Waits until what was written has been handed to the OS, so exiting cannot cut a piped report short. */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
	return new Promise(resolve => {
		stream.write('', () => resolve());
	});
}

// NO_COLOR (https://no-color.org) wins over FORCE_COLOR. Our themes read it, but Ink's colour library (chalk) knows
// only FORCE_COLOR, so say it in its terms before Ink is imported.
if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';
let debug = process.argv.includes('--debug');
// Process warnings (the AWS SDK's notice about Node 20, deprecations) mean nothing to a user and would be painted
// over the full screen: show them only under --debug.
process.removeAllListeners('warning');
process.on('warning', warning => {
	if (debug) process.stderr.write(`${warning.name}: ${warning.message}\n`);
});
let code: number;
try {
	const commandLine = parseCommandLine(process.argv.slice(2));
	if ('debug' in commandLine) debug = commandLine.debug;
	code = await run(commandLine);
} catch (error) {
	const failure = failureText(error, debug);
	process.stderr.write(failure.text);
	code = failure.exitCode;
}
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
// Exit now rather than wait: an abandoned STS probe (the user quit the screen early) would keep the loop alive.
process.exit(code);
