/**
 * argv → what to run. Pure and light (node:util only): `--help`, `--version` and argument errors are answered
 * before anything heavy is imported.
 */
import {parseArgs} from 'node:util';
import {maskValue, Secret} from '../secret.js';
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
	/** `--all-stages`: check every stage the service knows (team settings, else the stages in the file). */
	allStages?: boolean;
}

/** What every writing `profile` action shares. */
export interface ProfileWriteOptions {
	/** Write without asking (required when there is no terminal to ask on). */
	yes: boolean;
	/** Show the change, write nothing. */
	dryRun: boolean;
	json: boolean;
	/** Edit a file the AWS CLI cannot parse, or whose profile reads differently between parsers. */
	allowUnparseable: boolean;
}

export interface ProfileSetArguments extends ProfileWriteOptions {
	action: 'set';
	/** Default `default`, as `serverless config credentials`. */
	profile: string;
	key?: string;
	/** From `--secret` on the command line (warned about: shell history, process list). */
	secret?: Secret;
	secretStdin: boolean;
	sessionToken?: Secret;
	region?: string;
	overwrite: boolean;
	verify: boolean;
	timeoutSeconds: number;
}

export interface ProfileListArguments {
	action: 'list';
	json: boolean;
}

export interface ProfileRemoveArguments extends ProfileWriteOptions {
	action: 'remove';
	profile: string;
}

export interface ProfileRestoreArguments extends ProfileWriteOptions {
	action: 'restore';
	/** A backup file; without it a terminal offers a numbered list. */
	backup?: string;
}

export type ProfileArguments = ProfileSetArguments | ProfileListArguments | ProfileRemoveArguments | ProfileRestoreArguments;

/** `init-team`: the team settings a lead writes into serverless.yml; per-stage values keyed by stage. */
export interface InitTeamArguments {
	/** `--stage <stage>=<profile>`, in the order given; empty: ask on the terminal. */
	stages: Array<{stage: string; profile: string}>;
	accounts: Record<string, string>;
	roles: Record<string, string>;
	sourceProfiles: Record<string, string>;
	mfaSerials: Record<string, string>;
	externalIds: Record<string, string>;
	regions: Record<string, string>;
	config?: string;
	/** Replace a provider.profile that holds something else. */
	replaceProfile: boolean;
	/** Leave provider.profile as it is; write only custom.deployAccounts. */
	keepProfile: boolean;
	yes: boolean;
	dryRun: boolean;
	json: boolean;
	offline: boolean;
	timeoutSeconds: number;
}

export type HelpTopic = 'main' | 'doctor' | 'profile' | 'init-team';

export type CommandLine =
	| {command: 'help'; topic: HelpTopic}
	| {command: 'version'}
	| {command: 'wizard'; debug: boolean}
	| {command: 'doctor'; debug: boolean; doctor: DoctorArguments}
	| {command: 'profile'; debug: boolean; profile: ProfileArguments}
	| {command: 'init-team'; debug: boolean; initTeam: InitTeamArguments};

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
	'all-stages': {type: 'boolean'},
	debug: {type: 'boolean'},
	help: {type: 'boolean', short: 'h'},
} as const;

const writeOptions = {
	yes: {type: 'boolean', short: 'y'},
	'dry-run': {type: 'boolean'},
	json: {type: 'boolean'},
	'allow-unparseable': {type: 'boolean'},
	debug: {type: 'boolean'},
	help: {type: 'boolean', short: 'h'},
} as const;

/** `serverless config credentials` options (-p, -k, -s, -n, -o) plus this tool's own. */
const profileSetOptions = {
	...writeOptions,
	provider: {type: 'string', short: 'p'},
	key: {type: 'string', short: 'k'},
	secret: {type: 'string', short: 's'},
	'secret-stdin': {type: 'boolean'},
	'session-token': {type: 'string'},
	profile: {type: 'string', short: 'n'},
	region: {type: 'string', short: 'r'},
	overwrite: {type: 'boolean', short: 'o'},
	verify: {type: 'boolean'},
	timeout: {type: 'string'},
} as const;

const profileRemoveOptions = {...writeOptions, profile: {type: 'string', short: 'n'}} as const;

const profileRestoreOptions = {...writeOptions, backup: {type: 'string'}} as const;

const profileListOptions = {json: {type: 'boolean'}, debug: {type: 'boolean'}, help: {type: 'boolean', short: 'h'}} as const;

const PROFILE_ACTIONS = ['set', 'list', 'remove', 'restore'] as const;

type OptionConfig = Record<string, {type: 'string' | 'boolean'; short?: string}>;

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

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
	if (command === 'profile') return parseProfile(rest, debug);
	if (command === 'init-team') return parseInitTeam(rest, debug);
	if (command.startsWith('-')) throw unknownOption(command, 'main');
	throw new UsageError(`unknown command "${command}".`, `Run \`${PROGRAM} doctor\`, or \`${PROGRAM} --help\` for the commands.`);
}

function topicOf(word: string | undefined): HelpTopic {
	return word === 'doctor' || word === 'profile' || word === 'init-team' ? word : 'main';
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
	for (const token of tokens) {
		if (token.kind === 'positional') {
			const hint =
				values.explain !== undefined
					? `Quote the error text: ${PROGRAM} doctor --explain "<text>", or pipe it in.`
					: `Run \`${PROGRAM} doctor --help\` for the options.`;
			throw new UsageError(`unexpected argument "${token.value}" for doctor.`, hint);
		}
		checkOptionToken(token, doctorOptions, 'doctor', ['explain']);
	}
	const text = (name: keyof typeof doctorOptions): string | undefined => {
		const value = values[name];
		return typeof value === 'string' ? value : undefined;
	};
	const flag = (name: keyof typeof doctorOptions): boolean => values[name] === true;
	if (flag('json') && flag('plain')) throw new UsageError('--json and --plain cannot be used together.', 'Pick one: --json for scripts, --plain for text.');
	const explain = text('explain');
	if (flag('all-stages')) rejectWithAllStages(text('stage'), explain);
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
			// Left out unless given, so a plain `doctor` parses to the same arguments as before.
			...(flag('all-stages') ? {allStages: true} : {}),
		},
	};
}

/** `--all-stages` picks the stages itself, and explains no single deploy's error. */
function rejectWithAllStages(stage: string | undefined, explain: string | undefined): void {
	if (stage !== undefined) {
		throw new UsageError('--all-stages and --stage cannot be used together.', `Drop --stage to check every stage, or drop --all-stages to check stage "${stage}" only.`);
	}
	if (explain !== undefined) {
		throw new UsageError('--all-stages and --explain cannot be used together.', 'An error message belongs to one deploy: use --explain with --stage <stage>.');
	}
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

/**
 * parseArgs runs with `strict: false` so that every mistake gets this tool's wording: unknown options, a value given
 * to a flag, a missing value (or one that looks like the next option: write it `--name=-value`).
 */
function checkOptionToken(token: Token, config: OptionConfig, topic: HelpTopic, dashValueAllowed: readonly string[] = []): void {
	if (token.kind !== 'option') return;
	const option = config[token.name];
	if (!option) throw unknownOption(token.rawName, topic);
	if (option.type === 'boolean' && token.value !== undefined) {
		throw new UsageError(`${token.rawName} takes no value (got "${shown(token.value)}").`, `Write ${token.rawName} on its own.`);
	}
	if (
		option.type === 'string' &&
		(token.value === undefined || (!token.inlineValue && token.value.startsWith('-') && !dashValueAllowed.includes(token.name)))
	) {
		throw new UsageError(
			`${token.rawName} needs a value.`,
			`Write ${token.rawName} <value> (a value that starts with "-" goes as ${token.rawName}=<value>).`,
		);
	}
}

function parseProfile(args: readonly string[], debug: boolean): CommandLine {
	const action = args[0];
	if (action === undefined || action === '--help' || action === '-h') return {command: 'help', topic: 'profile'};
	if (action.startsWith('-')) throw unknownOption(action, 'profile');
	if (!(PROFILE_ACTIONS as readonly string[]).includes(action)) {
		throw new UsageError(`unknown profile action "${action}".`, `Use one of: ${PROFILE_ACTIONS.join(', ')} (\`${PROGRAM} profile --help\`).`);
	}
	const rest = args.slice(1);
	const config: OptionConfig =
		action === 'set' ? profileSetOptions : action === 'remove' ? profileRemoveOptions : action === 'restore' ? profileRestoreOptions : profileListOptions;
	const {values, positionals, tokens} = parseArgs({args: [...rest], options: config, strict: false, allowPositionals: true, tokens: true});
	if (values['help'] === true) return {command: 'help', topic: 'profile'};
	for (const token of tokens) checkOptionToken(token, config, 'profile');
	const text = (name: string): string | undefined => {
		const value = values[name];
		return typeof value === 'string' ? value : undefined;
	};
	const flag = (name: string): boolean => values[name] === true;
	const withDebug = debug || flag('debug');
	if (action === 'list') {
		rejectPositionals(positionals, 'list', 0);
		return {command: 'profile', debug: withDebug, profile: {action: 'list', json: flag('json')}};
	}
	const write: ProfileWriteOptions = {yes: flag('yes'), dryRun: flag('dry-run'), json: flag('json'), allowUnparseable: flag('allow-unparseable')};
	if (action === 'restore') {
		rejectPositionals(positionals, 'restore', 0);
		return {command: 'profile', debug: withDebug, profile: {action: 'restore', ...write, backup: nonEmpty('--backup', text('backup'))}};
	}
	rejectPositionals(positionals, action, 1);
	const named = profileName(positionals[0], nonEmpty('--profile', text('profile')));
	if (action === 'remove') {
		if (named === undefined) {
			throw new UsageError('profile remove needs the name of the profile.', `Write \`${PROGRAM} profile remove <name>\` (\`${PROGRAM} profile list\` shows the names).`);
		}
		return {command: 'profile', debug: withDebug, profile: {action: 'remove', ...write, profile: named}};
	}
	const provider = text('provider');
	if (provider !== undefined && provider.trim().toLowerCase() !== 'aws') {
		// Serverless' own INVALID_PROVIDER text.
		throw new UsageError(`Provider "${provider}" is not supported. Supported providers are: "aws".`, 'Write --provider aws, or leave it out.');
	}
	const key = text('key');
	const secret = text('secret');
	if (key?.trim() === '' || secret?.trim() === '') {
		// Serverless' MISSING_KEY_AND_SECRET_CLI_OPTIONS text.
		throw new UsageError('Please include --key and --secret options for AWS.', 'Give --key a value; leave --secret out to be asked for it, or pipe it in with --secret-stdin.');
	}
	if (secret !== undefined && flag('secret-stdin')) {
		throw new UsageError('--secret and --secret-stdin cannot be used together.', 'Pick one: --secret-stdin keeps the secret out of your shell history.');
	}
	const sessionToken = text('session-token');
	if (sessionToken?.trim() === '') throw new UsageError('--session-token is empty.', 'Give --session-token a value, or leave it out.');
	return {
		command: 'profile',
		debug: withDebug,
		profile: {
			action: 'set',
			...write,
			profile: named ?? 'default',
			key,
			secret: secret === undefined ? undefined : new Secret(secret),
			secretStdin: flag('secret-stdin'),
			sessionToken: sessionToken === undefined ? undefined : new Secret(sessionToken),
			region: nonEmpty('--region', text('region')),
			overwrite: flag('overwrite'),
			verify: flag('verify'),
			timeoutSeconds: timeoutOf(text('timeout')),
		},
	};
}

const initTeamOptions = {
	stage: {type: 'string', short: 's', multiple: true},
	account: {type: 'string', multiple: true},
	role: {type: 'string', multiple: true},
	'source-profile': {type: 'string', multiple: true},
	'mfa-serial': {type: 'string', multiple: true},
	'external-id': {type: 'string', multiple: true},
	region: {type: 'string', short: 'r', multiple: true},
	config: {type: 'string', short: 'c'},
	'replace-profile': {type: 'boolean'},
	'keep-profile': {type: 'boolean'},
	yes: {type: 'boolean', short: 'y'},
	'dry-run': {type: 'boolean'},
	json: {type: 'boolean'},
	offline: {type: 'boolean'},
	timeout: {type: 'string'},
	debug: {type: 'boolean'},
	help: {type: 'boolean', short: 'h'},
} as const;

/** What each per-stage option holds after `<stage>=`, for the usage error of a value without it. */
const PER_STAGE_VALUE: Record<string, string> = {
	stage: '<profile>',
	account: '<12-digit account id>',
	role: '<role ARN>',
	'source-profile': '<profile>',
	'mfa-serial': '<MFA device ARN>',
	'external-id': '<external id>',
	region: '<region>',
};

function parseInitTeam(args: readonly string[], debug: boolean): CommandLine {
	const {values, tokens} = parseArgs({args: [...args], options: initTeamOptions, strict: false, allowPositionals: true, tokens: true});
	if (values.help === true) return {command: 'help', topic: 'init-team'};
	for (const token of tokens) {
		if (token.kind === 'positional') {
			throw new UsageError(`unexpected argument "${shown(token.value)}" for init-team.`, `Give stages as --stage <stage>=<profile> (\`${PROGRAM} init-team --help\`).`);
		}
		checkOptionToken(token, initTeamOptions, 'init-team');
	}
	const flag = (name: keyof typeof initTeamOptions): boolean => values[name] === true;
	const perStage = (name: keyof typeof PER_STAGE_VALUE & keyof typeof initTeamOptions): Array<[string, string]> => {
		const given = values[name];
		const list = Array.isArray(given) ? given.filter((item): item is string => typeof item === 'string') : [];
		const seen = new Set<string>();
		return list.map(item => {
			const equals = item.indexOf('=');
			const stage = equals === -1 ? '' : item.slice(0, equals).trim();
			const value = equals === -1 ? '' : item.slice(equals + 1).trim();
			if (equals === -1 || stage === '' || value === '') {
				throw new UsageError(
					`--${name} ${shown(item)}: expected <stage>=${PER_STAGE_VALUE[name]}.`,
					`Write for example --${name} ${name === 'stage' ? 'dev=acme-dev' : `prod=${PER_STAGE_VALUE[name]}`}.`,
				);
			}
			if (seen.has(stage)) throw new UsageError(`--${name} is given twice for stage ${stage}.`, `Give --${name} once per stage.`);
			seen.add(stage);
			return [stage, value];
		});
	};
	const stages = perStage('stage').map(([stage, profile]) => ({stage, profile}));
	const named = new Set(stages.map(entry => entry.stage));
	const record = (name: keyof typeof PER_STAGE_VALUE & keyof typeof initTeamOptions): Record<string, string> => {
		const entries = perStage(name);
		for (const [stage] of entries) {
			if (stages.length > 0 && !named.has(stage)) {
				throw new UsageError(`--${name} ${stage}=…: stage ${stage} has no --stage ${stage}=<profile>.`, `Add --stage ${stage}=<profile>, or check the stage name.`);
			}
		}
		return Object.fromEntries(entries);
	};
	if (flag('replace-profile') && flag('keep-profile')) {
		throw new UsageError('--replace-profile and --keep-profile cannot be used together.', 'Pick one: replace provider.profile, or keep it and write only custom.deployAccounts.');
	}
	const config = values.config;
	return {
		command: 'init-team',
		debug: debug || flag('debug'),
		initTeam: {
			stages,
			accounts: record('account'),
			roles: record('role'),
			sourceProfiles: record('source-profile'),
			mfaSerials: record('mfa-serial'),
			externalIds: record('external-id'),
			regions: record('region'),
			config: nonEmpty('--config', typeof config === 'string' ? config : undefined),
			replaceProfile: flag('replace-profile'),
			keepProfile: flag('keep-profile'),
			yes: flag('yes'),
			dryRun: flag('dry-run'),
			json: flag('json'),
			offline: flag('offline'),
			timeoutSeconds: timeoutOf(typeof values.timeout === 'string' ? values.timeout : undefined),
		},
	};
}

/**
 * A stray word in an error message, masked when it may be a key or a secret: `profile set -k AKIA… <secret>`
 * (the secret without -s) must not be printed back.
 */
function shown(value: string): string {
	return /^[A-Za-z0-9/+=]{16,}$/.test(value) ? maskValue(value) : value;
}

function rejectPositionals(positionals: readonly string[], action: string, allowed: number): void {
	const extra = positionals[allowed];
	if (extra === undefined) return;
	throw new UsageError(`unexpected argument "${shown(extra)}" for profile ${action}.`, `Run \`${PROGRAM} profile --help\` for the options.`);
}

/** The name as a word (`profile set dev`) or as Serverless' `--profile/-n`; both only when they agree. */
function profileName(positional: string | undefined, option: string | undefined): string | undefined {
	if (positional !== undefined && option !== undefined && positional !== option) {
		throw new UsageError(`two profile names given ("${positional}" and "${option}").`, 'Give the name once, as a word or with --profile.');
	}
	const name = positional ?? option;
	if (name !== undefined && looksLikeCredential(name)) {
		throw new UsageError(
			`the profile name "${maskValue(name)}" looks like an access key or a secret, not a name.`,
			'Give the name with -n <name>, the key with -k and the secret with -s (or leave -s out to be asked for it).',
		);
	}
	return name;
}

/** An access key ID, or a 30+ character base64 run mixing cases and digits (a secret or a token). */
function looksLikeCredential(value: string): boolean {
	if (/^(?:AKIA|ASIA)[A-Z0-9]{12,}$/.test(value)) return true;
	return /^[A-Za-z0-9/+=]{30,}$/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value);
}

function unknownOption(rawName: string, topic: HelpTopic): UsageError {
	const name = rawName.split('=')[0]!;
	if (name === '--profile' && topic !== 'profile') {
		return new UsageError(
			'--profile is not an option: Serverless rejects it too ("Detected unrecognized CLI options").',
			'Use --aws-profile <name>, as in `serverless deploy --aws-profile <name>`.',
		);
	}
	const help = topic === 'main' ? `${PROGRAM} --help` : `${PROGRAM} ${topic} --help`;
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
