import {describe, expect, test} from 'vitest';
import {DEFAULT_TIMEOUT_SECONDS, parseCommandLine, type DoctorArguments} from '../../source/commands/command-line.js';
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
