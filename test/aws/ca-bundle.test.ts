import {beforeAll, describe, expect, test} from 'vitest';
import {caSettings, splitInlineCa, type CaProblemId} from '../../source/aws/ca-bundle.js';
import {readPemCertificates} from '../../source/aws/pem-certificates.js';
import {fileRead, makeSnapshot, serviceFile, type SnapshotSpec} from '../doctor/snapshot-builder.js';
import {makeTestCa, type TestCa} from './test-certificates.js';

let ca: TestCa;
let other: TestCa;
/** Taken after the certificates exist: their notBefore is truncated to the second they were made. */
let now = 0;
const DAY = 86_400_000;

beforeAll(() => {
	ca = makeTestCa('Test Corp Root');
	other = makeTestCa('Other Root');
	now = Date.now() + 1000;
});

function snapshot(spec: SnapshotSpec) {
	return makeSnapshot({now, ...spec});
}

function ids(spec: SnapshotSpec): CaProblemId[] {
	return caSettings(snapshot(spec)).problems.map(problem => problem.id);
}

const file = (path: string, text: string) => ({[path]: fileRead(path, text)});

describe('certificates', () => {
	test('a PEM file yields its certificate with subject, issuer, dates and self-signed flag', () => {
		const content = readPemCertificates(ca.caPem);
		expect(content.shape).toBe('pem');
		expect(content.certificates).toHaveLength(1);
		const [certificate] = content.certificates;
		expect(certificate).toMatchObject({subject: 'O=Test Corp, CN=Test Corp Root', issuer: 'O=Test Corp, CN=Test Corp Root', selfSigned: true, isCa: true});
		expect(Date.parse(certificate!.validTo)).toBeGreaterThan(now);
	});

	test('the server chain holds a leaf (not self-signed) and the root', () => {
		const content = readPemCertificates(ca.serverChainPem);
		expect(content.certificates.map(c => [c.subject, c.selfSigned])).toEqual([
			['CN=localhost', false],
			['O=Test Corp, CN=Test Corp Root', true],
		]);
	});

	test.each([
		['', 'empty'],
		['-----BEGIN PRIVATE KEY-----\nMIG\n-----END PRIVATE KEY-----\n', 'private-key'],
		['0\uFFFD\u0003\uFFFD binary', 'binary'],
		['hello', 'other'],
	] as const)('%j has shape %s', (text, shape) => {
		expect(readPemCertificates(text).shape).toBe(shape);
	});

	test('literal \\n in a PEM is recognised', () => {
		expect(readPemCertificates(ca.caPem.replace(/\n/g, '\\n')).shape).toBe('literal-newlines');
	});
});

describe('Serverless inline ca parsing (v3 rules)', () => {
	test('splits on commas without trimming and turns literal \\n into line breaks', () => {
		expect(splitInlineCa('a\\nb, c')).toEqual(['a\nb', ' c']);
	});

	test('two comma-joined one-line PEMs become two certificates', () => {
		const value = [ca.caPem, other.caPem].map(pem => pem.trim().replace(/\n/g, '\\n')).join(',');
		const settings = caSettings(snapshot({env: {ca: value}}));
		expect(settings.sources[0]).toMatchObject({variable: 'ca', active: true, readBy: ['serverless-v3', 'serverless-v4']});
		expect(settings.sources[0]!.certificates).toHaveLength(2);
		expect(settings.extraPems).toHaveLength(2);
	});
});

describe('which variables count', () => {
	test('first non-empty of each group wins; the others are reported as ignored', () => {
		const settings = caSettings(snapshot({env: {cafile: '/ca.pem', HTTPS_CAFILE: '/other.pem', https_ca: ''}, caFiles: {...file('/ca.pem', ca.caPem), ...file('/other.pem', other.caPem)}}));
		expect(settings.sources.map(s => [s.variable, s.active, s.shadowedBy])).toEqual([
			['cafile', true, undefined],
			['HTTPS_CAFILE', false, 'cafile'],
		]);
		expect(settings.extraPems).toEqual([readPemCertificates(ca.caPem).certificates[0]!.pem]);
		expect(settings.problems.map(p => p.id)).toContain('ca-shadowed');
	});

	test('cafile is a comma-separated list of trimmed paths, each may hold several PEMs', () => {
		const settings = caSettings(snapshot({env: {cafile: '/a.pem , /b.pem'}, caFiles: {...file('/a.pem', ca.caPem + other.caPem), ...file('/b.pem', ca.caPem)}}));
		expect(settings.sources[0]!.inputs.map(input => input.path)).toEqual(['/a.pem', '/b.pem']);
		// duplicates (same fingerprint) are added once
		expect(settings.extraPems).toHaveLength(2);
	});

	test('NODE_EXTRA_CA_CERTS counts only from the real environment', () => {
		const settings = caSettings(snapshot({env: {NODE_EXTRA_CA_CERTS: '/ca.pem'}, processEnv: {}, caFiles: file('/ca.pem', ca.caPem)}));
		expect(settings.sources).toEqual([]);
		expect(settings.problems.map(p => p.id)).toEqual(['ca-node-extra-dotenv']);
	});

	test('AWS_CA_BUNDLE beats the profile ca_bundle; both are read for this tool', () => {
		const settings = caSettings(
			snapshot({
				env: {AWS_CA_BUNDLE: '/bundle.pem', AWS_PROFILE: 'corp'},
				config: '[profile corp]\nca_bundle = /profile.pem\n',
				caFiles: {...file('/bundle.pem', ca.caPem), ...file('/profile.pem', other.caPem)},
			}),
		);
		expect(settings.sources.map(s => [s.variable, s.active, s.readBy])).toEqual([
			['AWS_CA_BUNDLE', true, ['aws-cli']],
			['ca_bundle', false, ['aws-cli']],
		]);
		expect(settings.extraPems).toHaveLength(1);
	});

	test('a relative cafile is found under the service folder', () => {
		const settings = caSettings(snapshot({env: {cafile: 'certs/ca.pem'}, service: serviceFile(), caFiles: file('/work/app/certs/ca.pem', ca.caPem)}));
		expect(settings.sources[0]!.inputs[0]!.file).toBe('read');
	});

	test('proxy passwords are masked', () => {
		const settings = caSettings(snapshot({env: {HTTPS_PROXY: 'http://me:hunter2secret@proxy:8080'}}));
		expect(settings.proxy.v3).toEqual({variable: 'HTTPS_PROXY', url: 'http://me:****@proxy:8080'});
		expect(JSON.stringify(settings)).not.toContain('hunter2secret');
	});

	test('v3 prefers HTTP_PROXY even for HTTPS; v4 core takes HTTPS_PROXY', () => {
		const settings = caSettings(snapshot({env: {HTTP_PROXY: 'http://a:1', HTTPS_PROXY: 'http://b:2'}}));
		expect(settings.proxy.v3?.variable).toBe('HTTP_PROXY');
		expect(settings.proxy.v4?.variable).toBe('HTTPS_PROXY');
	});
});

describe('problems', () => {
	const caFile = () => file('/ca.pem', ca.caPem);
	const cases: Array<[string, () => SnapshotSpec, CaProblemId[]]> = [
		['nothing configured', () => ({}), []],
		['NODE_EXTRA_CA_CERTS with a good file', () => ({env: {NODE_EXTRA_CA_CERTS: '/ca.pem'}, caFiles: caFile()}), []],
		['missing cafile (v3 crashes at start)', () => ({env: {cafile: '/nope.pem'}, caFiles: {'/nope.pem': {path: '/nope.pem', exists: false}}}), ['ca-file-missing', 'ca-replaces-roots-v3']],
		['unreadable NODE_EXTRA_CA_CERTS', () => ({env: {NODE_EXTRA_CA_CERTS: '/ca.pem'}, caFiles: {'/ca.pem': {path: '/ca.pem', exists: true, error: {code: 'EACCES', message: 'permission denied'}}}}), ['ca-file-unreadable']],
		['NODE_EXTRA_CA_CERTS with a private key', () => ({env: {NODE_EXTRA_CA_CERTS: '/ca.pem'}, caFiles: file('/ca.pem', '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n')}), ['ca-not-pem']],
		['file with literal \\n', () => ({env: {NODE_EXTRA_CA_CERTS: '/ca.pem'}, caFiles: file('/ca.pem', ca.caPem.replace(/\n/g, '\\n'))}), ['ca-literal-newline']],
		['expired certificate', () => ({now: now + 10 * DAY, env: {NODE_EXTRA_CA_CERTS: '/ca.pem'}, caFiles: caFile()}), ['ca-expired']],
		['not yet valid certificate', () => ({now: now - 10 * DAY, env: {NODE_EXTRA_CA_CERTS: '/ca.pem'}, caFiles: caFile()}), ['ca-not-yet-valid']],
		['comma-separated NODE_EXTRA_CA_CERTS', () => ({env: {NODE_EXTRA_CA_CERTS: '/a.pem,/b.pem'}, caFiles: {'/a.pem,/b.pem': {path: '/a.pem,/b.pem', exists: false}}}), ['ca-comma-joined']],
		['a path in the inline ca variable', () => ({env: {ca: '/etc/ssl/corp.pem'}}), ['ca-path-in-inline', 'ca-replaces-roots-v3']],
		['v3: cafile without proxy replaces the roots', () => ({env: {cafile: '/ca.pem'}, caFiles: caFile()}), ['ca-replaces-roots-v3']],
		['v3: cafile with a proxy does not reach AWS', () => ({env: {cafile: '/ca.pem', HTTPS_PROXY: 'http://proxy:3128'}, caFiles: caFile()}), ['ca-proxy-quirk-v3']],
		['v4: cafile without proxy is ignored by the core', () => ({framework: 4, env: {cafile: '/ca.pem'}, caFiles: caFile()}), ['ca-v4-direct-ignored']],
		['v4: comma-joined inline PEMs behind a proxy', () => ({framework: 4, env: {HTTPS_PROXY: 'http://p:1', ca: [ca.caPem, other.caPem].join(',')}}), ['ca-comma-joined']],
		['v4: literal \\n in inline ca behind a proxy', () => ({framework: 4, env: {HTTPS_PROXY: 'http://p:1', ca: ca.caPem.replace(/\n/g, '\\n')}}), ['ca-literal-newline']],
		['AWS_CA_BUNDLE alone: the CLI works, Serverless does not', () => ({env: {AWS_CA_BUNDLE: '/ca.pem'}, caFiles: caFile()}), ['ca-bundle-ignored']],
		['verification turned off', () => ({env: {NODE_TLS_REJECT_UNAUTHORIZED: '0'}}), ['ca-verification-disabled']],
	];
	test.each(cases)('%s', (_name, spec, expected) => {
		expect(ids(spec())).toEqual(expected);
	});

	test('with NODE_EXTRA_CA_CERTS working, the proxy quirk is only informational and has no fix', () => {
		const problems = caSettings(
			snapshot({env: {cafile: '/ca.pem', NODE_EXTRA_CA_CERTS: '/ca.pem', HTTP_PROXY: 'http://proxy:3128'}, caFiles: file('/ca.pem', ca.caPem)}),
		).problems;
		expect(problems).toEqual([expect.objectContaining({id: 'ca-proxy-quirk-v3', severity: 'info', fix: undefined})]);
	});

	test('missing cafile is a failure (Serverless stops), missing AWS_CA_BUNDLE only a warning', () => {
		const missing = {path: '/x.pem', exists: false};
		const severity = (env: Record<string, string>) => caSettings(snapshot({env, caFiles: {'/x.pem': missing}})).problems.find(p => p.id === 'ca-file-missing')?.severity;
		expect(severity({cafile: '/x.pem'})).toBe('fail');
		expect(severity({AWS_CA_BUNDLE: '/x.pem'})).toBe('warn');
	});

	test('the fix for the proxy quirk names the cafile path in NODE_EXTRA_CA_CERTS', () => {
		const problem = caSettings(snapshot({env: {cafile: '/etc/corp ca.pem', HTTP_PROXY: 'http://proxy:3128'}, caFiles: file('/etc/corp ca.pem', ca.caPem)})).problems[0];
		expect(problem?.fix).toContain("export NODE_EXTRA_CA_CERTS='/etc/corp ca.pem'");
	});
});
