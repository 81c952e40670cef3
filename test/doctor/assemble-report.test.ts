import {describe, expect, it} from 'vitest';
import type {ProbeResult} from '../../source/aws/identity.js';
import type {Verdict} from '../../source/credentials/verdict.js';
import {buildReport, type ReportInput} from '../support/real-parsers.js';
import type {Finding, FindingStatus} from '../../source/doctor/finding.js';
import {REPORT_SCHEMA, REPORT_VERSION} from '../../source/doctor/report.js';
import {renderJson} from '../../source/render/json.js';
import {renderPlain} from '../../source/render/plain.js';
import {Secret} from '../../source/secret.js';
import {makeSnapshot, serviceFile, TEST_NOW} from './snapshot-builder.js';
import {candidate, makeVerdict, staticWinner} from './verdict-builder.js';

const ok: ProbeResult = {
	status: 'ok',
	identity: {account: '123456789012', arn: 'arn:aws:iam::123456789012:user/d', userId: 'AIDAX', principal: 'user', endpoint: 'https://sts.amazonaws.com'},
};
const finding = (status: FindingStatus, id = `f-${status}`): Finding => ({id, status, title: id, why: 'because'});

function input(overrides: Partial<ReportInput> = {}): ReportInput {
	return {
		snapshot: makeSnapshot({service: serviceFile({stage: {value: 'dev', source: 'default'}})}),
		primary: makeVerdict({winner: staticWinner(), candidates: [candidate({source: 'env-profile', status: 'winner', rank: 1})]}),
		others: [],
		probe: ok,
		findings: [],
		toolVersion: '1.2.3',
		...overrides,
	};
}

describe('buildReport', () => {
	it('fills the envelope', () => {
		const report = buildReport(input());
		expect(report.$schema).toBe(REPORT_SCHEMA);
		expect(report.version).toBe(REPORT_VERSION);
		expect(report.tool).toEqual({name: 'sls-creds-wizard', version: '1.2.3'});
		expect(report.generatedAt).toBe(new Date(TEST_NOW).toISOString());
		expect(report.service).toEqual({path: '/work/app/serverless.yml', name: 'orders', stage: 'dev', stageSource: 'default', region: 'eu-west-1', regionSource: 'provider.region'});
		expect(report.framework).toEqual({engine: 'serverless-v3', major: 3, source: 'default'});
		expect(report.winner).toEqual({source: 'env-profile', title: 'AWS_PROFILE=dev', kind: 'static', profile: 'dev', accessKeyId: 'AKIA…MPLE'});
		expect(report.identity).toEqual({status: 'ok', account: '123456789012', arn: 'arn:aws:iam::123456789012:user/d', principal: 'user', endpoint: 'https://sts.amazonaws.com'});
	});

	const exitTable: Array<{name: string; overrides: Partial<ReportInput>; exitCode: 0 | 1}> = [
		{name: 'all ok', overrides: {findings: [finding('ok'), finding('info')]}, exitCode: 0},
		{name: 'warnings do not fail', overrides: {findings: [finding('warn')]}, exitCode: 0},
		{name: 'a failing finding', overrides: {findings: [finding('ok'), finding('fail')]}, exitCode: 1},
		{name: 'no winner', overrides: {primary: makeVerdict()}, exitCode: 1},
		{
			name: 'engine error even with a winner-looking verdict',
			overrides: {primary: makeVerdict({winner: staticWinner(), error: {code: 'UNRECOGNIZED_AWS_PROFILE', message: 'x'}})},
			exitCode: 1,
		},
		{name: 'probe failed', overrides: {probe: {status: 'failed', failure: {code: 'InvalidClientTokenId', message: 'invalid'}}}, exitCode: 1},
		{name: 'probe skipped (offline)', overrides: {probe: {status: 'skipped', reason: '--offline'}}, exitCode: 0},
	];
	it.each(exitTable)('exit code: $name', ({overrides, exitCode}) => {
		expect(buildReport(input(overrides)).exitCode).toBe(exitCode);
	});

	it('sorts findings fail → warn → info → ok, keeping check order within a status, and counts them', () => {
		const findings = [finding('ok', 'a'), finding('info', 'b'), finding('fail', 'c'), finding('warn', 'd'), finding('fail', 'e'), finding('ok', 'f')];
		const report = buildReport(input({findings}));
		expect(report.findings.map(f => f.id)).toEqual(['c', 'e', 'd', 'b', 'a', 'f']);
		expect(report.summary).toEqual({ok: 2, warn: 1, fail: 2, info: 1});
	});

	it('orders the ladder by rank and masks keys', () => {
		const primary = makeVerdict({
			candidates: [
				candidate({source: 'env-keys', status: 'shadowed', rank: 2, accessKeyId: new Secret('AKIAY34FZKBOKENVENV4'), shadowedBy: 'env-profile'}),
				candidate({source: 'env-profile', status: 'winner', rank: 1}),
			],
			winner: staticWinner(),
		});
		const report = buildReport(input({primary}));
		expect(report.ladder.map(rung => rung.rank)).toEqual([1, 2]);
		expect(report.ladder[1]).toMatchObject({accessKeyId: 'AKIA…ENV4', shadowedBy: 'env-profile'});
	});

	it('summarises the other engines', () => {
		const others: Verdict[] = [
			makeVerdict({engine: 'aws-sdk-v3', winner: staticWinner({source: 'env-keys', title: 'AWS_ACCESS_KEY_ID', profile: undefined})}),
			makeVerdict({engine: 'serverless-v4', error: {code: 'AWS_CREDENTIALS_MISSING', message: 'AWS credentials missing or invalid.'}}),
		];
		const report = buildReport(input({others}));
		expect(report.otherEngines).toEqual([
			{engine: 'aws-sdk-v3', winner: {source: 'env-keys', title: 'AWS_ACCESS_KEY_ID', kind: 'static', accessKeyId: 'AKIA…MPLE'}},
			{engine: 'serverless-v4', error: {code: 'AWS_CREDENTIALS_MISSING', message: 'AWS credentials missing or invalid.'}},
		]);
	});

	it('explains a failed probe from the catalogue', () => {
		const report = buildReport(input({probe: {status: 'failed', failure: {code: 'ExpiredToken', message: 'The security token included in the request is expired', httpStatus: 403}}}));
		expect(report.identity.status).toBe('failed');
		if (report.identity.status !== 'failed') return;
		expect(report.identity.failure.code).toBe('ExpiredToken');
		expect(report.identity.explanation?.fix.length).toBeGreaterThan(0);
	});

	it('is a plain JSON value: serialising and parsing gives it back', () => {
		const report = buildReport(input({findings: [finding('warn')], others: [makeVerdict({engine: 'aws-sdk-v3'})]}));
		expect(JSON.parse(JSON.stringify(report))).toEqual(report);
	});
});

describe('buildReport and secrets', () => {
	// Canaries: never valid keys, easy to grep, long enough to be masked.
	const keyId = 'AKIAZCANARYZCANARY77';
	const secret = 'CanarySecretCanarySecretCanarySecret4040';
	const token = `CanaryToken${'Z'.repeat(120)}`;
	const middle = [keyId.slice(4, -4), secret.slice(4, -4), token.slice(4, -4)];
	const probeKey = 'ASIAZCANARYZPROBE777';

	function canaryReport() {
		const keySecret = new Secret(keyId);
		const snapshot = makeSnapshot({
			env: {AWS_ACCESS_KEY_ID: keyId, AWS_SECRET_ACCESS_KEY: secret, AWS_SESSION_TOKEN: token, AWS_PROD_SECRET_ACCESS_KEY: secret},
			credentials: `[dev]\naws_access_key_id = ${keyId}\naws_secret_access_key = ${secret}\naws_session_token = ${token}\n`,
			service: serviceFile({
				dotenv: [{path: '/work/app/.env', values: {AWS_SECRET_ACCESS_KEY: secret}, applied: []}],
				resolvers: [{name: 'r', from: 'default', accessKeyId: keyId, secretAccessKey: secret, sessionToken: token}],
			}),
		});
		const leaky = `key=${keyId} secret=${secret} token=${token}`;
		const primary = makeVerdict({
			candidates: [
				candidate({source: 'env-keys', status: 'winner', accessKeyId: keySecret, reason: `engine bug: ${leaky}`, fix: leaky, origin: [leaky]}),
			],
			winner: {
				source: 'env-keys',
				title: `AWS_ACCESS_KEY_ID ${leaky}`,
				kind: 'temporary',
				accessKeyId: keySecret,
				credentials: {type: 'static', accessKeyId: keySecret, secretAccessKey: new Secret(secret), sessionToken: new Secret(token)},
			},
			error: {code: 'X', message: leaky},
			traps: [leaky],
		});
		const findings: Finding[] = [{id: 'leak', status: 'warn', title: leaky, why: leaky, fix: leaky, details: [leaky]}];
		const probe: ProbeResult = {status: 'failed', failure: {code: 'SignatureDoesNotMatch', message: `${leaky} Credential=${probeKey}/20300101/us-east-1/sts/aws4_request`}};
		return buildReport({snapshot, primary, others: [primary], probe, findings, toolVersion: '0'});
	}

	it('keeps no secret in any field, and the JSON and plain views show only masks', () => {
		const report = canaryReport();
		const outputs = [JSON.stringify(report), renderJson(report), renderPlain(report), renderPlain(report, {color: true, width: 40})];
		for (const output of outputs) {
			for (const value of [keyId, secret, token, probeKey, ...middle]) expect(output).not.toContain(value);
		}
		expect(renderJson(report)).toContain('AKIA…RY77');
		expect(renderJson(report)).toContain('Cana…4040');
	});
});
