/** Hand-built Reports for the doctor screen tests (the real pipeline is tested elsewhere). Keys are masked already. */
import {REPORT_SCHEMA, REPORT_VERSION, type Report, type ReportCandidate} from '../../source/doctor/report.js';
import type {Finding} from '../../source/doctor/finding.js';

function summarise(findings: Finding[]): Report['summary'] {
	const summary = {ok: 0, warn: 0, fail: 0, info: 0};
	for (const finding of findings) summary[finding.status]++;
	return summary;
}

export function makeReport(overrides: Partial<Report> = {}): Report {
	const findings = overrides.findings ?? [];
	const summary = overrides.summary ?? summarise(findings);
	return {
		$schema: REPORT_SCHEMA,
		version: REPORT_VERSION,
		tool: {name: 'sls-creds-wizard', version: '0.1.0'},
		generatedAt: '2025-01-01T00:00:00.000Z',
		service: {
			path: '/work/api/serverless.yml',
			name: 'orders-api',
			stage: 'dev',
			stageSource: '--stage',
			region: 'eu-west-1',
			regionSource: 'provider.region',
		},
		framework: {engine: 'serverless-v3', major: 3, source: 'frameworkVersion', detail: '3'},
		ladder: [],
		otherEngines: [],
		identity: {status: 'skipped', reason: '--offline'},
		traps: [],
		exitCode: summary.fail > 0 ? 1 : 0,
		...overrides,
		findings,
		summary,
	};
}

const absent = (rank: number, source: ReportCandidate['source'], title: string): ReportCandidate => ({
	rank,
	source,
	title,
	status: 'absent',
	reason: 'not set',
});

/** AWS_PROFILE=dev wins; env keys and provider.profile would have worked but lose. */
export const winnerWithShadowed: Report = makeReport({
	winner: {source: 'env-profile', title: 'AWS_PROFILE=dev', kind: 'static', profile: 'dev', accessKeyId: 'AKIA…DEV1'},
	ladder: [
		{rank: 1, source: 'default-profile', title: 'profile "default"', status: 'shadowed', reason: 'usable, but later steps override it', profile: 'default', kind: 'static', accessKeyId: 'AKIA…DEF1', shadowedBy: 'env-profile', origin: ['~/.aws/credentials:1']},
		{rank: 2, source: 'provider-profile', title: 'provider.profile "prod" (serverless.yml)', status: 'shadowed', reason: 'AWS_PROFILE beats provider.profile in Serverless v3', profile: 'prod', kind: 'static', accessKeyId: 'AKIA…PRD3', shadowedBy: 'env-profile', fix: 'unset AWS_PROFILE', origin: ['serverless.yml:5']},
		absent(3, 'env-stage-keys', 'AWS_DEV_ACCESS_KEY_ID / AWS_DEV_SECRET_ACCESS_KEY'),
		absent(4, 'env-stage-profile', 'AWS_DEV_PROFILE'),
		{rank: 5, source: 'env-keys', title: 'AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY', status: 'shadowed', reason: 'AWS_PROFILE is read after the keys and replaces them', kind: 'static', accessKeyId: 'AKIA…ENV4', shadowedBy: 'env-profile', fix: 'unset AWS_PROFILE', origin: ['environment: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY']},
		{rank: 6, source: 'env-profile', title: 'AWS_PROFILE=dev', status: 'winner', reason: 'profile "dev" has static keys', profile: 'dev', kind: 'static', accessKeyId: 'AKIA…DEV1', origin: ['environment: AWS_PROFILE', '~/.aws/credentials:4']},
		absent(7, 'cli-aws-profile', '--aws-profile'),
	],
	identity: {status: 'ok', account: '123456789012', arn: 'arn:aws:iam::123456789012:user/dev-deployer', principal: 'user', clockSkewMs: 120, endpoint: 'https://sts.eu-west-1.amazonaws.com'},
	traps: ['AWS_PROFILE beats provider.profile in Serverless v3'],
	otherEngines: [
		{engine: 'serverless-v4', winner: {source: 'cli-aws-profile', title: 'provider.profile "prod" (serverless.yml)', kind: 'static', profile: 'prod', accessKeyId: 'AKIA…PRD3'}},
		{engine: 'aws-sdk-v3', winner: {source: 'env-keys', title: 'AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY', kind: 'static', accessKeyId: 'AKIA…ENV4'}},
	],
	findings: [
		{id: 'credentials.winner', status: 'ok', title: 'Deploy uses AWS_PROFILE=dev (static keys)', why: 'Serverless v3 reads AWS_PROFILE after the default profile, provider.profile and the env keys, so it wins.'},
		{id: 'precedence.env-profile-over-provider', status: 'warn', title: 'AWS_PROFILE overrides provider.profile "prod"', why: 'serverless.yml asks for profile "prod", but AWS_PROFILE=dev is set in this shell and Serverless v3 prefers it.', fix: 'unset AWS_PROFILE', details: ['serverless.yml:5  profile: prod', 'environment: AWS_PROFILE=dev']},
		{id: 'identity.ok', status: 'ok', title: 'AWS accepts the credentials (account 123456789012)', why: 'STS GetCallerIdentity answered for user/dev-deployer.'},
	],
});

/** Serverless v3 with `AWS_PROFILE=nosuch`: the framework itself throws before any request. */
export const unrecognizedProfile: Report = makeReport({
	error: {code: 'UNRECOGNIZED_AWS_PROFILE', message: 'AWS profile "nosuch" doesn\'t seem to be configured', source: 'env-profile'},
	ladder: [
		{rank: 1, source: 'default-profile', title: 'profile "default"', status: 'absent', reason: 'no [default] in ~/.aws/credentials'},
		absent(2, 'provider-profile', 'provider.profile'),
		absent(3, 'env-stage-keys', 'AWS_DEV_ACCESS_KEY_ID / AWS_DEV_SECRET_ACCESS_KEY'),
		absent(4, 'env-stage-profile', 'AWS_DEV_PROFILE'),
		absent(5, 'env-keys', 'AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY'),
		{rank: 6, source: 'env-profile', title: 'AWS_PROFILE=nosuch', status: 'error', reason: 'no profile "nosuch" in ~/.aws/credentials', profile: 'nosuch', fix: 'aws configure --profile nosuch', origin: ['environment: AWS_PROFILE']},
		{rank: 7, source: 'cli-aws-profile', title: '--aws-profile', status: 'not-evaluated', reason: 'resolution stopped at the error above'},
	],
	identity: {status: 'skipped', reason: 'no usable credentials'},
	otherEngines: [{engine: 'aws-sdk-v3', error: {code: 'CredentialsProviderError', message: 'Could not load credentials from any providers'}}],
	findings: [
		{id: 'credentials.engine-error', status: 'fail', title: 'Serverless stops: AWS profile "nosuch" doesn\'t seem to be configured', why: 'AWS_PROFILE names a profile that is not in ~/.aws/credentials. Serverless v3 reads only the credentials file unless AWS_SDK_LOAD_CONFIG is set.', fix: 'aws configure --profile nosuch', details: ['~/.aws/credentials: profiles default-less: dev, prod']},
	],
});

/** Static keys that AWS rejects. */
export const probeFailure: Report = makeReport({
	winner: {source: 'env-keys', title: 'AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY', kind: 'static', accessKeyId: 'AKIA…OLD9'},
	ladder: [
		absent(1, 'default-profile', 'profile "default"'),
		{rank: 5, source: 'env-keys', title: 'AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY', status: 'winner', reason: 'both keys set', kind: 'static', accessKeyId: 'AKIA…OLD9', origin: ['environment']},
	],
	identity: {
		status: 'failed',
		failure: {code: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.', httpStatus: 403, explanationId: 'invalid-access-key'},
		explanation: {title: 'AWS does not know this access key', what: 'The access key id was deleted, deactivated, or belongs to another partition.', fix: ['Create a new access key in the IAM console', 'aws configure --profile default']},
	},
	findings: [
		{id: 'identity.failed', status: 'fail', title: 'AWS rejects the access key AKIA…OLD9', why: 'STS answered InvalidClientTokenId: the key was deleted or deactivated.', fix: 'Create a new access key for the user and run `aws configure`', details: ['HTTP 403 from https://sts.eu-west-1.amazonaws.com']},
	],
});

/** A long checklist that needs scrolling on a small terminal. */
export const manyFindings: Report = makeReport({
	...winnerWithShadowed,
	findings: Array.from({length: 24}, (_, index): Finding => ({
		id: `check.${index + 1}`,
		status: index % 5 === 0 ? 'fail' : index % 3 === 0 ? 'warn' : 'ok',
		title: `Check number ${index + 1} with a title long enough to need truncating on a narrow terminal`,
		why: `Reason ${index + 1}. `.repeat(12).trim(),
		fix: index % 5 === 0 ? `sls-creds-wizard fix --check ${index + 1}` : undefined,
		details: Array.from({length: 6}, (__, line) => `detail line ${line + 1} of check ${index + 1}`),
	})),
	summary: undefined as unknown as Report['summary'],
});
