/** `doctor --all-stages` on the command line: what it combines with, and what it refuses (exit 2). */
import {describe, expect, test} from 'vitest';
import {parseCommandLine, type DoctorArguments} from '../../source/commands/command-line.js';
import {UsageError} from '../../source/commands/usage-error.js';

function doctorOf(argv: string[]): DoctorArguments {
	const line = parseCommandLine(['doctor', ...argv]);
	if (line.command !== 'doctor') throw new Error(`expected doctor, got ${line.command}`);
	return line.doctor;
}

describe('doctor --all-stages: accepted', () => {
	test.each<[string[], Partial<DoctorArguments>]>([
		[['--all-stages'], {allStages: true}],
		[['--all-stages', '--json'], {allStages: true, json: true}],
		[['--json', '--all-stages', '--offline'], {allStages: true, json: true, offline: true}],
		[['--all-stages', '--plain'], {allStages: true, plain: true}],
		[['--all-stages', '--aws-profile', 'ci'], {allStages: true, awsProfile: 'ci'}],
		[['--all-stages', '-c', 'infra/serverless.yml', '--framework', 'v4'], {allStages: true, config: 'infra/serverless.yml', framework: 'v4'}],
		[['--all-stages', '--timeout', '3', '--region', 'eu-west-1'], {allStages: true, timeoutSeconds: 3, region: 'eu-west-1'}],
	])('%j', (argv, expected) => {
		expect(doctorOf(argv)).toMatchObject(expected);
	});

	test('left out unless given, so a plain doctor parses as before', () => {
		expect(doctorOf([])).not.toHaveProperty('allStages');
		expect(doctorOf(['--stage', 'prod'])).not.toHaveProperty('allStages');
	});

	test('doctor --all-stages --help is the doctor help', () => {
		expect(parseCommandLine(['doctor', '--all-stages', '--help'])).toEqual({command: 'help', topic: 'doctor'});
	});
});

describe('doctor --all-stages: usage errors name the problem and the fix', () => {
	test.each<[string[], RegExp, RegExp]>([
		[['--all-stages', '--stage', 'prod'], /--all-stages and --stage cannot be used together/, /Drop --stage.*"prod"/],
		[['-s', 'dev', '--all-stages'], /--all-stages and --stage/, /--all-stages to check stage "dev"/],
		[['--all-stages', '--stage=prod'], /--all-stages and --stage/, /Drop --stage/],
		[['--all-stages', '--explain', 'AccessDenied'], /--all-stages and --explain/, /--explain with --stage/],
		[['--all-stages', '--explain'], /--all-stages and --explain/, /--stage <stage>/],
		[['--all-stages=yes'], /--all-stages takes no value/, /on its own/],
		[['--all-stages', '--json', '--plain'], /--json and --plain/, /Pick one/],
		[['--all-stage'], /unknown option --all-stage\b/, /doctor --help/],
	])('%j', (argv, message, fix) => {
		let caught: unknown;
		try {
			parseCommandLine(['doctor', ...argv]);
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(UsageError);
		expect((caught as UsageError).message).toMatch(message);
		expect((caught as UsageError).fix).toMatch(fix);
	});
});
