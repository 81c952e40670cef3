import {describe, expect, test} from 'vitest';
import {DEFAULT_TIMEOUT_SECONDS, parseCommandLine, type DoctorArguments, type ProfileSetArguments} from '../../source/commands/command-line.js';
import {UsageError} from '../../source/commands/usage-error.js';

const defaults: DoctorArguments = {
	useLocalCredentials: false,
	offline: false,
	timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
	json: false,
	plain: false,
	stage: undefined,
	region: undefined,
	awsProfile: undefined,
	config: undefined,
	framework: undefined,
	org: undefined,
	app: undefined,
	explain: undefined,
};

describe('parseCommandLine: what runs', () => {
	test.each([
		[[], {command: 'wizard', debug: false}],
		[['--debug'], {command: 'wizard', debug: true}],
		[['--help'], {command: 'help', topic: 'main'}],
		[['-h'], {command: 'help', topic: 'main'}],
		[['help'], {command: 'help', topic: 'main'}],
		[['help', 'doctor'], {command: 'help', topic: 'doctor'}],
		[['--help', 'doctor'], {command: 'help', topic: 'doctor'}],
		[['doctor', '--help'], {command: 'help', topic: 'doctor'}],
		[['doctor', '-h'], {command: 'help', topic: 'doctor'}],
		[['--version'], {command: 'version'}],
		[['doctor'], {command: 'doctor', debug: false, doctor: defaults}],
		[['--debug', 'doctor'], {command: 'doctor', debug: true, doctor: defaults}],
		[['profile'], {command: 'help', topic: 'profile'}],
		[['profile', '--help'], {command: 'help', topic: 'profile'}],
		[['profile', 'set', '-h'], {command: 'help', topic: 'profile'}],
		[['help', 'profile'], {command: 'help', topic: 'profile'}],
		[['--help', 'profile'], {command: 'help', topic: 'profile'}],
		[['profile', 'list'], {command: 'profile', debug: false, profile: {action: 'list', json: false}}],
		[['profile', 'list', '--json', '--debug'], {command: 'profile', debug: true, profile: {action: 'list', json: true}}],
		[['doctor', '--debug'], {command: 'doctor', debug: true, doctor: defaults}],
	])('%j', (argv, expected) => {
		expect(parseCommandLine(argv)).toEqual(expected);
	});
});

describe('parseCommandLine: doctor options', () => {
	test.each<[string[], Partial<DoctorArguments>]>([
		[['--stage', 'prod'], {stage: 'prod'}],
		[['-s', 'prod'], {stage: 'prod'}],
		[['--stage=prod'], {stage: 'prod'}],
		[['-r', 'eu-west-1'], {region: 'eu-west-1'}],
		[['--region', 'eu-west-1'], {region: 'eu-west-1'}],
		[['--aws-profile', 'deployer'], {awsProfile: 'deployer'}],
		[['-c', 'infra/serverless.yml'], {config: 'infra/serverless.yml'}],
		[['--framework', 'v4'], {framework: 'v4'}],
		[['--framework', '3'], {framework: 'v3'}],
		[['--framework', 'V3'], {framework: 'v3'}],
		[['--use-local-credentials'], {useLocalCredentials: true}],
		[['--org', 'acme', '--app', 'shop'], {org: 'acme', app: 'shop'}],
		[['--offline'], {offline: true}],
		[['--timeout', '2.5'], {timeoutSeconds: 2.5}],
		[['--json'], {json: true}],
		[['--plain'], {plain: true}],
		[['--explain', 'ExpiredToken: the token expired'], {explain: {text: 'ExpiredToken: the token expired'}}],
		[['--explain=-- odd text'], {explain: {text: '-- odd text'}}],
		[['--explain'], {explain: {stdin: true}}],
		[['--explain', '--json'], {explain: {stdin: true}, json: true}],
		[['--explain', '-'], {explain: {stdin: true}}],
		[['--stage', 'a', '--stage', 'b'], {stage: 'b'}],
	])('%j', (args, expected) => {
		expect(parseCommandLine(['doctor', ...args])).toEqual({command: 'doctor', debug: false, doctor: {...defaults, ...expected}});
	});
});

describe('parseCommandLine: usage errors name the problem and the fix', () => {
	test.each<[string[], RegExp, RegExp]>([
		[['doctor', '--profile', 'dev'], /--profile is not an option/, /--aws-profile <name>/],
		[['doctor', '--profile=dev'], /--profile is not an option/, /--aws-profile/],
		[['doctor', '--bogus'], /unknown option --bogus/, /doctor --help/],
		[['doctor', '-x'], /unknown option -x/, /doctor --help/],
		[['--bogus'], /unknown option --bogus/, /sls-creds-wizard --help/],
		[['deploy'], /unknown command "deploy"/, /sls-creds-wizard doctor/],
		[['doctor', 'prod'], /unexpected argument "prod"/, /--help/],
		[['doctor', '--explain', 'The', 'token'], /unexpected argument "token"/, /Quote the error text/],
		[['doctor', '--stage'], /--stage needs a value/, /--stage <value>/],
		[['doctor', '--stage', '--json'], /--stage needs a value/, /--stage=<value>/],
		[['doctor', '--stage', ''], /--stage is empty/, /Give --stage a value/],
		[['doctor', '--json=yes'], /--json takes no value/, /on its own/],
		[['doctor', '--framework', 'v5'], /must be v3 or v4/, /--framework v3/],
		[['doctor', '--timeout', 'soon'], /--timeout must be a number/, /--timeout 30/],
		[['doctor', '--timeout', '0'], /--timeout must be a number/, /--timeout 30/],
		[['doctor', '--json', '--plain'], /cannot be used together/, /Pick one/],
	])('%j', (argv, message, fix) => {
		let caught: unknown;
		try {
			parseCommandLine(argv);
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(UsageError);
		const error = caught as UsageError;
		expect(error.message).toMatch(message);
		expect(error.fix).toMatch(fix);
		expect(`${error.message} ${error.fix}`).not.toContain('\n');
	});
});

const writeDefaults = {yes: false, dryRun: false, json: false, allowUnparseable: false};
const setDefaults: ProfileSetArguments = {
	action: 'set',
	...writeDefaults,
	profile: 'default',
	key: undefined,
	secret: undefined,
	secretStdin: false,
	sessionToken: undefined,
	region: undefined,
	overwrite: false,
	verify: false,
	timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
};

describe('parseCommandLine: profile set (the options of `serverless config credentials` and more)', () => {
	test.each<[string[], Partial<ProfileSetArguments>]>([
		[[], {}],
		[['dev'], {profile: 'dev'}],
		[['-n', 'dev'], {profile: 'dev'}],
		[['--profile', 'dev'], {profile: 'dev'}],
		[['dev', '--profile', 'dev'], {profile: 'dev'}],
		[['-k', 'AKIAIOSFODNN7EXAMPLE'], {key: 'AKIAIOSFODNN7EXAMPLE'}],
		[['--key=AKIAIOSFODNN7EXAMPLE'], {key: 'AKIAIOSFODNN7EXAMPLE'}],
		[['-p', 'aws', '-o'], {overwrite: true}],
		[['--provider', 'AWS', '--overwrite'], {overwrite: true}],
		[['--secret-stdin', '--yes', '--verify', '--timeout', '3'], {secretStdin: true, yes: true, verify: true, timeoutSeconds: 3}],
		[['-r', 'eu-west-1', '--dry-run', '--json', '--allow-unparseable'], {region: 'eu-west-1', dryRun: true, json: true, allowUnparseable: true}],
		[['-y'], {yes: true}],
	])('%j', (args, expected) => {
		expect(parseCommandLine(['profile', 'set', ...args])).toEqual({command: 'profile', debug: false, profile: {...setDefaults, ...expected}});
	});

	test('secrets from argv are Secret values: masked when printed, revealed only on purpose', () => {
		const line = parseCommandLine(['profile', 'set', '-s', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '--session-token', 'FwoGZXIvYXdzEJr//////////wEaDEXAMPLETOKEN']);
		if (line.command !== 'profile' || line.profile.action !== 'set') throw new Error('not profile set');
		expect(line.profile.secret?.reveal()).toBe('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
		expect(JSON.stringify(line)).not.toContain('bPxRfiCY');
		expect(JSON.stringify(line)).not.toContain('EXAMPLETOKEN');
	});

	test('remove and restore', () => {
		expect(parseCommandLine(['profile', 'remove', 'dev', '-y'])).toEqual({command: 'profile', debug: false, profile: {action: 'remove', ...writeDefaults, yes: true, profile: 'dev'}});
		expect(parseCommandLine(['profile', 'remove', '-n', 'dev', '--dry-run'])).toEqual({command: 'profile', debug: false, profile: {action: 'remove', ...writeDefaults, dryRun: true, profile: 'dev'}});
		expect(parseCommandLine(['profile', 'restore', '--backup', '/tmp/credentials.x.bak', '--yes'])).toEqual({
			command: 'profile',
			debug: false,
			profile: {action: 'restore', ...writeDefaults, yes: true, backup: '/tmp/credentials.x.bak'},
		});
	});
});

describe('parseCommandLine: profile usage errors', () => {
	test.each<[string[], RegExp, RegExp]>([
		[['profile', 'add'], /unknown profile action "add"/, /set, list, remove, restore/],
		[['profile', '--json'], /unknown option --json/, /profile --help/],
		[['profile', 'set', '--provider', 'azure'], /Provider "azure" is not supported\. Supported providers are: "aws"\./, /--provider aws/],
		[['profile', 'set', '-k', ''], /Please include --key and --secret options for AWS\./, /--secret-stdin/],
		[['profile', 'set', '-s', ' '], /Please include --key and --secret options for AWS\./, /--secret-stdin/],
		[['profile', 'set', '-s', 'x', '--secret-stdin'], /cannot be used together/, /--secret-stdin keeps/],
		[['profile', 'set', '--session-token', ''], /--session-token is empty/, /leave it out/],
		[['profile', 'set', 'a', 'b'], /unexpected argument "b" for profile set/, /profile --help/],
		[['profile', 'set', 'a', '-n', 'b'], /two profile names given/, /once/],
		[['profile', 'set', '-k'], /-k needs a value/, /-k <value>/],
		[['profile', 'set', '--timeout', 'x'], /--timeout must be a number/, /--timeout 30/],
		[['profile', 'set', '--stage', 'dev'], /unknown option --stage/, /profile --help/],
		[['profile', 'list', '--yes'], /unknown option --yes/, /profile --help/],
		[['profile', 'list', 'dev'], /unexpected argument "dev" for profile list/, /profile --help/],
		[['profile', 'remove'], /profile remove needs the name/, /profile list/],
		[['profile', 'remove', '-n', ''], /--profile is empty/, /Give --profile a value/],
		[['profile', 'restore', 'x'], /unexpected argument "x" for profile restore/, /profile --help/],
		[['profile', 'restore', '--backup'], /--backup needs a value/, /--backup <value>/],
		// A secret typed without -s, or glued to a flag without a value, is not printed back.
		[['profile', 'set', '-k', 'AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'], /profile name "wJal…EKEY" looks like an access key or a secret/, /-s/],
		[['profile', 'set', 'dev', '-k', 'AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'], /unexpected argument "wJal…EKEY"/, /profile --help/],
		[['profile', 'set', 'AKIAIOSFODNN7EXAMPLE'], /profile name "AKIA…MPLE" looks like/, /-k/],
		[['profile', 'set', '--secret-stdin=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'], /--secret-stdin takes no value \(got "wJal…EKEY"\)/, /on its own/],
	])('%j', (argv, message, fix) => {
		let caught: unknown;
		try {
			parseCommandLine(argv);
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(UsageError);
		const error = caught as UsageError;
		expect(error.message).toMatch(message);
		expect(error.fix).toMatch(fix);
		expect(`${error.message} ${error.fix}`).not.toContain('\n');
		expect(`${error.message} ${error.fix}`).not.toContain('bPxRfiCY');
	});
});
