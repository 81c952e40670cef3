import {describe, expect, it} from 'vitest';
import {deploymentRoleChecks} from '../../../source/doctor/checks/deployment-role.js';
import {dotenvChecks} from '../../../source/doctor/checks/dotenv.js';
import {invokeLocalChecks} from '../../../source/doctor/checks/invoke-local.js';
import {profileFlagChecks} from '../../../source/doctor/checks/profile-flag.js';
import {serviceFileChecks} from '../../../source/doctor/checks/service-file.js';
import {serviceNoteChecks} from '../../../source/doctor/checks/service-notes.js';
import type {Verdict} from '../../../source/credentials/verdict.js';
import {makeSnapshot, resolved, serviceFile, type SnapshotSpec} from '../snapshot-builder.js';
import {makeVerdict, staticWinner} from '../verdict-builder.js';
import {expectFixes, outcomes} from './finding-lookup.js';

describe('serviceFileChecks', () => {
	const table: Array<{name: string; spec: SnapshotSpec; engine?: Verdict['engine']; expected: string[]}> = [
		{name: 'plain yml', spec: {service: serviceFile()}, expected: []},
		{name: 'no service file', spec: {}, expected: ['service-file:info']},
		{name: 'serverless.ts is never evaluated', spec: {service: serviceFile({path: '/work/app/serverless.ts', format: 'ts'})}, expected: ['service-file:warn']},
		{name: 'yaml syntax error', spec: {service: serviceFile({error: 'bad indentation at line 4, column 3'})}, expected: ['service-file:fail']},
		{
			name: 'provider.profile from ${ssm:} fails in v3',
			spec: {service: serviceFile({profile: {kind: 'deploy-time', raw: '${ssm:/deploy/profile}', sources: ['ssm']}})},
			expected: ['profile-deploy-time:fail'],
		},
		{
			name: 'provider.profile from ${ssm:} is unknown in v4',
			spec: {service: serviceFile({profile: {kind: 'deploy-time', raw: '${ssm:/deploy/profile}', sources: ['ssm']}})},
			engine: 'serverless-v4',
			expected: ['profile-deploy-time:warn'],
		},
		{
			name: 'provider.region unresolved',
			spec: {service: serviceFile({region: {kind: 'unresolved', raw: '${env:REGION}', message: 'REGION is not set'}})},
			expected: ['region-unresolved:warn'],
		},
	];
	it.each(table)('$name', ({spec, engine, expected}) => {
		const findings = serviceFileChecks(makeSnapshot(spec), makeVerdict({engine: engine ?? 'serverless-v3'}));
		expect(outcomes(findings)).toEqual(expected);
		expectFixes(findings);
	});

	it('never guesses a deploy-time value', () => {
		const snapshot = makeSnapshot({service: serviceFile({profile: {kind: 'deploy-time', raw: '${ssm:/p}', sources: ['ssm']}})});
		const [finding] = serviceFileChecks(snapshot, makeVerdict());
		expect(finding!.title).toBe('provider.profile is resolved only at deploy time');
		expect(finding!.why).toContain('INACCESSIBLE_CONFIGURATION_PROPERTY');
	});
});

describe('serviceNoteChecks', () => {
	it('spots ${opt:stage, "dev"} while the stage comes from provider.stage (S35)', () => {
		const snapshot = makeSnapshot({
			service: serviceFile({
				stage: {value: 'prod', source: 'provider.stage'},
				profile: resolved('devProfile', "${self:custom.profiles.${opt:stage, 'dev'}}"),
				notes: ["${opt:stage, 'dev'} ignores provider.stage"],
			}),
		});
		const findings = serviceNoteChecks(snapshot, makeVerdict({stage: 'prod'}));
		expect(outcomes(findings)).toEqual(['opt-stage-default:warn']);
		expect(findings[0]!.fix).toBe("Write ${sls:stage} instead of ${opt:stage, 'dev'} in /work/app/serverless.yml.");
		expect(findings[0]!.why).toContain('"devProfile"');
	});

	it('is quiet when --stage is given', () => {
		const snapshot = makeSnapshot({
			service: serviceFile({stage: {value: 'prod', source: 'option'}, profile: resolved('prodProfile', "${self:custom.profiles.${opt:stage, 'dev'}}")}),
		});
		expect(serviceNoteChecks(snapshot, makeVerdict())).toEqual([]);
	});

	it('passes other notes on as info', () => {
		const snapshot = makeSnapshot({service: serviceFile({notes: ['useDotenv is not set: .env is not loaded by Serverless v3']})});
		expect(outcomes(serviceNoteChecks(snapshot, makeVerdict()))).toEqual(['service-note:info']);
	});
});

describe('dotenvChecks', () => {
	it('lists AWS variables a .env file supplies, never their values', () => {
		const snapshot = makeSnapshot({
			env: {AWS_PROFILE: 'dev', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'},
			processEnv: {},
			service: serviceFile({
				dotenv: [
					{
						path: '/work/app/.env',
						values: {AWS_PROFILE: 'dev', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', DB_URL: 'x'},
						applied: ['AWS_PROFILE', 'AWS_SECRET_ACCESS_KEY', 'DB_URL'],
					},
				],
			}),
		});
		const findings = dotenvChecks(snapshot, makeVerdict());
		expect(outcomes(findings)).toEqual(['dotenv-aws-variables:info']);
		expect(findings[0]!.title).toBe('/work/app/.env sets AWS_PROFILE, AWS_SECRET_ACCESS_KEY');
		expect(JSON.stringify(findings)).not.toContain('EXAMPLEKEY');
	});

	it('warns when the shell overrides a .env value', () => {
		const snapshot = makeSnapshot({
			env: {AWS_PROFILE: 'prod'},
			processEnv: {AWS_PROFILE: 'prod'},
			service: serviceFile({dotenv: [{path: '/work/app/.env.dev', values: {AWS_PROFILE: 'dev'}, applied: []}]}),
		});
		const findings = dotenvChecks(snapshot, makeVerdict());
		expect(outcomes(findings)).toEqual(['dotenv-overridden:warn']);
		expectFixes(findings);
	});

	it('ignores files without AWS variables', () => {
		const snapshot = makeSnapshot({service: serviceFile({dotenv: [{path: '/work/app/.env', values: {DB_URL: 'x'}, applied: ['DB_URL']}]})});
		expect(dotenvChecks(snapshot, makeVerdict())).toEqual([]);
	});
});

describe('notes about other commands', () => {
	it('explains provider.iam.deploymentRole', () => {
		const snapshot = makeSnapshot({service: serviceFile({deploymentRole: 'arn:aws:iam::123456789012:role/cfn'})});
		const findings = deploymentRoleChecks(snapshot, makeVerdict({winner: staticWinner()}));
		expect(outcomes(findings)).toEqual(['deployment-role:info']);
		expect(findings[0]!.why).toContain('iam:PassRole');
	});

	const invokeTable: Array<{name: string; spec: SnapshotSpec; verdict: Partial<Verdict>; expected: string[]}> = [
		{
			name: 'invoke local uses provider.profile while the deploy uses AWS_PROFILE (S3)',
			spec: {service: serviceFile({profile: resolved('prod')})},
			verdict: {winner: staticWinner()},
			expected: ['invoke-local-profile:info'],
		},
		{name: 'same profile', spec: {service: serviceFile({profile: resolved('dev')})}, verdict: {winner: staticWinner()}, expected: []},
		{name: 'v4 is not affected', spec: {service: serviceFile({profile: resolved('prod')})}, verdict: {engine: 'serverless-v4', winner: staticWinner()}, expected: []},
		{name: 'no provider.profile', spec: {service: serviceFile()}, verdict: {winner: staticWinner()}, expected: []},
	];
	it.each(invokeTable)('$name', ({spec, verdict, expected}) => {
		expect(outcomes(invokeLocalChecks(makeSnapshot(spec), makeVerdict(verdict)))).toEqual(expected);
	});

	it('says --profile is not a Serverless option', () => {
		const findings = profileFlagChecks(makeSnapshot({options: {profileFlag: 'dev'}}), makeVerdict());
		expect(outcomes(findings)).toEqual(['profile-flag:warn']);
		expect(findings[0]!.fix).toBe('Use `serverless deploy --stage dev --aws-profile dev`.');
		expect(profileFlagChecks(makeSnapshot(), makeVerdict())).toEqual([]);
	});
});
