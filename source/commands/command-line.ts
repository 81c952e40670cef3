/**
 * argv → what to run. Pure and light (node:util only): `--help`, `--version` and argument errors are answered
 * before anything heavy is imported.
 */
import {parseArgs} from 'node:util';
import {PROGRAM} from './usage.js';
import {UsageError} from './usage-error.js';

export interface DoctorArguments {
	stage?: string;
	region?: string;
	awsProfile?: string;
	config?: string;
	framework?: 'v3' | 'v4';
	useLocalCredentials: boolean;
	org?: string;
	app?: string;
	offline: boolean;
	timeoutSeconds: number;
	json: boolean;
	plain: boolean;
	/** The error text to explain; `{stdin: true}` when `--explain` came without text. */
	explain?: {text: string} | {stdin: true};
}

export type CommandLine =
	| {command: 'help'; topic: 'main' | 'doctor'}
	| {command: 'version'}
	| {command: 'wizard'; debug: boolean}
	| {command: 'doctor'; debug: boolean; doctor: DoctorArguments};

export const DEFAULT_TIMEOUT_SECONDS = 10;

const globalFlags = new Set(['--help', '-h', '--version', '--debug']);

const doctorOptions = {
	stage: {type: 'string', short: 's'},
	region: {type: 'string', short: 'r'},
	'aws-profile': {type: 'string'},
	config: {type: 'string', short: 'c'},
	framework: {type: 'string'},
	'use-local-credentials': {type: 'boolean'},
	org: {type: 'string'},
	app: {type: 'string'},
	offline: {type: 'boolean'},
	timeout: {type: 'string'},
	json: {type: 'boolean'},
	plain: {type: 'boolean'},
	explain: {type: 'string'},
	debug: {type: 'boolean'},
	help: {type: 'boolean', short: 'h'},
} as const;

type OptionConfig = Record<string, {type: 'string' | 'boolean'; short?: string}>;

export function parseCommandLine(argv: readonly string[]): CommandLine {
	let index = 0;
	const leading = new Set<string>();
	while (index < argv.length && globalFlags.has(argv[index]!)) leading.add(argv[index++]!);
	const debug = leading.has('--debug');
	if (leading.has('--help') || leading.has('-h')) return {command: 'help', topic: topicOf(argv[index])};
	if (leading.has('--version')) return {command: 'version'};
	const command = argv[index];
	const rest = argv.slice(index + 1);
	if (command === undefined) return {command: 'wizard', debug};
	if (command === 'help') return {command: 'help', topic: topicOf(rest[0])};
	if (command === 'doctor') return parseDoctor(rest, debug);
	if (command.startsWith('-')) throw unknownOption(command, 'main');
	throw new UsageError(`unknown command "${command}".`, `Run \`${PROGRAM} doctor\`, or \`${PROGRAM} --help\` for the commands.`);
}

function topicOf(word: string | undefined): 'main' | 'doctor' {
	return word === 'doctor' ? 'doctor' : 'main';
}

function parseDoctor(args: readonly string[], debug: boolean): CommandLine {
	const {values, tokens} = parseArgs({
		args: explainWithoutText(args),
		options: doctorOptions,
		strict: false,
		allowPositionals: true,
		tokens: true,
	});
	if (values.help === true) return {command: 'help', topic: 'doctor'};
	const config: OptionConfig = doctorOptions;
	for (const token of tokens) {
		if (token.kind === 'positional') {
			const hint =
				values.explain !== undefined
					? `Quote the error text: ${PROGRAM} doctor --explain "<text>", or pipe it in.`
					: `Run \`${PROGRAM} doctor --help\` for the options.`;
			throw new UsageError(`unexpected argument "${token.value}" for doctor.`, hint);
		}
		if (token.kind !== 'option') continue;
		const option = config[token.name];
		if (!option) throw unknownOption(token.rawName, 'doctor');
		if (option.type === 'boolean' && token.value !== undefined) {
			throw new UsageError(`${token.rawName} takes no value (got "${token.value}").`, `Write ${token.rawName} on its own.`);
		}
		if (option.type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('-') && token.name !== 'explain'))) {
			throw new UsageError(
				`${token.rawName} needs a value.`,
				`Write ${token.rawName} <value> (a value that starts with "-" goes as ${token.rawName}=<value>).`,
			);
		}
	}
	const text = (name: keyof typeof doctorOptions): string | undefined => {
		const value = values[name];
		return typeof value === 'string' ? value : undefined;
	};
	const flag = (name: keyof typeof doctorOptions): boolean => values[name] === true;
	if (flag('json') && flag('plain')) throw new UsageError('--json and --plain cannot be used together.', 'Pick one: --json for scripts, --plain for text.');
	const explain = text('explain');
	return {
		command: 'doctor',
		debug: debug || flag('debug'),
		doctor: {
			stage: nonEmpty('--stage', text('stage')),
			region: nonEmpty('--region', text('region')),
			awsProfile: nonEmpty('--aws-profile', text('aws-profile')),
			config: nonEmpty('--config', text('config')),
			framework: frameworkOf(text('framework')),
			useLocalCredentials: flag('use-local-credentials'),
			org: nonEmpty('--org', text('org')),
			app: nonEmpty('--app', text('app')),
			offline: flag('offline'),
			timeoutSeconds: timeoutOf(text('timeout')),
			json: flag('json'),
			plain: flag('plain'),
			explain: explain === undefined ? undefined : explain.trim() === '' || explain === '-' ? {stdin: true} : {text: explain},
		},
	};
}

/**
 * `--explain` takes optional text, which parseArgs cannot express: when no text follows (end of the line or
 * another option), give it an empty inline value, which means "read stdin".
 */
function explainWithoutText(args: readonly string[]): string[] {
	return args.map((arg, index) => {
		if (arg !== '--explain') return arg;
		const next = args[index + 1];
		return next === undefined || (next.startsWith('-') && next !== '-') ? '--explain=' : arg;
	});
}

function unknownOption(rawName: string, topic: 'main' | 'doctor'): UsageError {
	const name = rawName.split('=')[0]!;
	if (name === '--profile') {
		return new UsageError(
			'--profile is not an option: Serverless rejects it too ("Detected unrecognized CLI options").',
			'Use --aws-profile <name>, as in `serverless deploy --aws-profile <name>`.',
		);
	}
	const help = topic === 'doctor' ? `${PROGRAM} doctor --help` : `${PROGRAM} --help`;
	return new UsageError(`unknown option ${name}.`, `Run \`${help}\` for the options.`);
}

function nonEmpty(flagName: string, value: string | undefined): string | undefined {
	if (value === undefined) return undefined;
	if (value.trim() === '') throw new UsageError(`${flagName} is empty.`, `Give ${flagName} a value, or leave it out.`);
	return value;
}

function frameworkOf(value: string | undefined): 'v3' | 'v4' | undefined {
	if (value === undefined) return undefined;
	const normal = value.trim().toLowerCase();
	if (normal === 'v3' || normal === '3') return 'v3';
	if (normal === 'v4' || normal === '4') return 'v4';
	throw new UsageError(`--framework must be v3 or v4 (got "${value}").`, 'Write --framework v3 or --framework v4.');
}

function timeoutOf(value: string | undefined): number {
	if (value === undefined) return DEFAULT_TIMEOUT_SECONDS;
	const seconds = Number(value);
	if (value.trim() === '' || !Number.isFinite(seconds) || seconds <= 0) {
		throw new UsageError(`--timeout must be a number of seconds above 0 (got "${value}").`, 'Write for example --timeout 30.');
	}
	return seconds;
}
