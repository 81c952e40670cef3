import {describe, expect, it} from 'vitest';
import {parseCommandLine} from '../../source/commands/command-line.js';
import {UsageError} from '../../source/commands/usage-error.js';

function initTeam(...args: string[]) {
	const line = parseCommandLine(['init-team', ...args]);
	if (line.command !== 'init-team') throw new Error(`parsed as ${line.command}`);
	return line.initTeam;
}

describe('init-team arguments', () => {
	it('per-stage options, in the order given', () => {
		expect(
			initTeam(
				'-s', 'dev=acme-dev',
				'--stage=prod=acme-prod',
				'--account', 'dev=111111111111',
				'--role', 'prod=arn:aws:iam::222222222222:role/deployer',
				'--source-profile', 'prod=acme-base',
				'--mfa-serial', 'prod=arn:aws:iam::111111111111:mfa/alice',
				'--external-id', 'prod=x=y',
				'-r', 'prod=eu-west-1',
				'-c', 'api/serverless.yml',
				'--offline', '--dry-run', '--json', '--timeout', '3',
			),
		).toEqual({
			stages: [
				{stage: 'dev', profile: 'acme-dev'},
				{stage: 'prod', profile: 'acme-prod'},
			],
			accounts: {dev: '111111111111'},
			roles: {prod: 'arn:aws:iam::222222222222:role/deployer'},
			sourceProfiles: {prod: 'acme-base'},
			mfaSerials: {prod: 'arn:aws:iam::111111111111:mfa/alice'},
			externalIds: {prod: 'x=y'},
			regions: {prod: 'eu-west-1'},
			config: 'api/serverless.yml',
			replaceProfile: false,
			keepProfile: false,
			yes: false,
			dryRun: true,
			json: true,
			offline: true,
			timeoutSeconds: 3,
		});
	});

	it('no --stage: the stages are asked for, and the other options may name any stage', () => {
		expect(initTeam('--account', 'qa=111111111111', '-y')).toMatchObject({stages: [], accounts: {qa: '111111111111'}, yes: true});
	});

	it.each([
		[['--stage', 'dev'], /--stage dev: expected <stage>=<profile>/],
		[['--stage', '=x'], /expected <stage>=<profile>/],
		[['--stage', 'dev='], /expected <stage>=<profile>/],
		[['--stage', 'dev=a', '--stage', 'dev=b'], /--stage is given twice for stage dev/],
		[['--stage', 'dev=a', '--region', 'prod=eu-west-1'], /stage prod has no --stage prod=<profile>/],
		[['--account', '111111111111'], /--account 111111111111: expected <stage>=<12-digit account id>/],
		[['--replace-profile', '--keep-profile'], /cannot be used together/],
		[['dev=a'], /unexpected argument "dev=a" for init-team/],
		[['--stage'], /--stage needs a value/],
		[['--timeout', '0'], /--timeout must be a number/],
		[['--yes=1'], /--yes takes no value/],
	])('%j is a usage error', (args, message) => {
		expect(() => initTeam(...args)).toThrow(UsageError);
		expect(() => initTeam(...args)).toThrow(message);
	});

	it('--help and help init-team show its help', () => {
		expect(parseCommandLine(['init-team', '--help'])).toEqual({command: 'help', topic: 'init-team'});
		expect(parseCommandLine(['help', 'init-team'])).toEqual({command: 'help', topic: 'init-team'});
	});
});
