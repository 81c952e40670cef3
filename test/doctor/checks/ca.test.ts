import {beforeAll, describe, expect, test} from 'vitest';
import {caChecks} from '../../../source/doctor/checks/ca.js';
import {fileRead, makeSnapshot, type SnapshotSpec} from '../../doctor/snapshot-builder.js';
import {makeTestCa, type TestCa} from '../../aws/test-certificates.js';
import {expectFixes, only, outcomes} from './finding-lookup.js';

let ca: TestCa;
/** Taken after the certificates exist: their notBefore is truncated to the second they were made. */
let now = 0;

beforeAll(() => {
	ca = makeTestCa('Finding Root');
	now = Date.now() + 1000;
});

const caFile = (path = '/ca.pem') => ({[path]: fileRead(path, ca.caPem)});
const check = (spec: SnapshotSpec) => caChecks(makeSnapshot({now, ...spec}));

describe('caChecks', () => {
	const cases: Array<[string, () => SnapshotSpec, string[]]> = [
		['no CA settings', () => ({}), ['ca-ok:ok']],
		['NODE_EXTRA_CA_CERTS fine', () => ({env: {NODE_EXTRA_CA_CERTS: '/ca.pem'}, caFiles: caFile()}), ['ca-ok:ok']],
		['missing cafile', () => ({env: {cafile: '/missing.pem'}, caFiles: {'/missing.pem': {path: '/missing.pem', exists: false}}}), ['ca-file-missing:fail', 'ca-replaces-roots-v3:warn']],
		['file with literal \\n', () => ({env: {NODE_EXTRA_CA_CERTS: '/ca.pem'}, caFiles: {'/ca.pem': fileRead('/ca.pem', ca.caPem.replace(/\n/g, '\\n'))}}), ['ca-literal-newline:fail']],
		['not PEM', () => ({env: {NODE_EXTRA_CA_CERTS: '/ca.pem'}, caFiles: {'/ca.pem': fileRead('/ca.pem', 'not a certificate')}}), ['ca-not-pem:warn']],
		['expired', () => ({now: now + 30 * 86_400_000, env: {NODE_EXTRA_CA_CERTS: '/ca.pem'}, caFiles: caFile()}), ['ca-expired:warn']],
		['v3 proxy + cafile', () => ({env: {cafile: '/ca.pem', http_proxy: 'http://proxy:3128'}, caFiles: caFile()}), ['ca-proxy-quirk-v3:warn']],
		['v3 proxy + cafile + NODE_EXTRA_CA_CERTS', () => ({env: {cafile: '/ca.pem', http_proxy: 'http://proxy:3128', NODE_EXTRA_CA_CERTS: '/ca.pem'}, caFiles: caFile()}), ['ca-ok:ok', 'ca-proxy-quirk-v3:info']],
		['v3 ca without proxy', () => ({env: {HTTPS_CA: ca.caPem}}), ['ca-replaces-roots-v3:warn']],
		['v4 cafile direct', () => ({framework: 4, env: {cafile: '/ca.pem'}, caFiles: caFile()}), ['ca-v4-direct-ignored:warn']],
		['AWS_CA_BUNDLE only', () => ({env: {AWS_CA_BUNDLE: '/ca.pem'}, caFiles: caFile()}), ['ca-bundle-ignored:warn']],
		['.env NODE_EXTRA_CA_CERTS', () => ({env: {NODE_EXTRA_CA_CERTS: '/ca.pem'}, processEnv: {}, caFiles: caFile()}), ['ca-node-extra-dotenv:warn']],
		['verification off', () => ({env: {NODE_TLS_REJECT_UNAUTHORIZED: '0'}}), ['ca-verification-disabled:warn']],
	];
	test.each(cases)('%s', (_name, spec, expected) => {
		const findings = check(spec());
		expect(outcomes(findings)).toEqual(expected);
		expectFixes(findings);
		expect(new Set(findings.map(finding => finding.id)).size).toBe(findings.length);
	});

	test('the ok finding lists the certificates that are added', () => {
		const finding = only(check({env: {NODE_EXTRA_CA_CERTS: '/ca.pem'}, caFiles: caFile()}), 'ca-ok');
		expect(finding.title).toBe('Custom CA settings look fine (1 certificate)');
		expect(finding.details?.join('\n')).toContain('O=Test Corp, CN=Finding Root');
		expect(finding.details?.join('\n')).toContain('self-signed root');
	});

	test('a whole system bundle lists the first 8 certificates and counts the rest', () => {
		const bundle = Array.from({length: 12}, (_, index) => makeTestCa(`Bundle Root ${index}`).caPem).join('\n');
		const finding = only(check({now: Date.now() + 1000, env: {NODE_EXTRA_CA_CERTS: '/bundle.pem'}, caFiles: {'/bundle.pem': fileRead('/bundle.pem', bundle)}}), 'ca-ok');
		expect(finding.title).toBe('Custom CA settings look fine (12 certificates)');
		expect(finding.details?.filter(line => line.includes('Bundle Root'))).toHaveLength(8);
		expect(finding.details?.at(-1)).toBe('  … and 4 more');
	});

	test('the same problem in two variables is one finding with both in the details', () => {
		const missing = (path: string) => ({[path]: {path, exists: false}});
		const findings = check({env: {cafile: '/a.pem', NODE_EXTRA_CA_CERTS: '/b.pem'}, caFiles: {...missing('/a.pem'), ...missing('/b.pem')}});
		const finding = only(findings, 'ca-file-missing');
		expect(finding.status).toBe('fail');
		expect(finding.details).toEqual(['NODE_EXTRA_CA_CERTS points at a file that does not exist', 'cafile points at a file that does not exist']);
	});

	test('the proxy quirk recommends NODE_EXTRA_CA_CERTS with the cafile path', () => {
		const finding = only(check({env: {cafile: '/ca.pem', HTTPS_PROXY: 'http://u:pw-secret@proxy:3128'}, caFiles: caFile()}), 'ca-proxy-quirk-v3');
		expect(finding.fix).toContain('export NODE_EXTRA_CA_CERTS=/ca.pem');
		expect(finding.why).toContain('http://u:****@proxy:3128');
		expect(JSON.stringify(finding)).not.toContain('pw-secret');
	});
});
