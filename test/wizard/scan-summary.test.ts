/** What the wizard's first screen lists, and that it carries no raw secret. */
import {inspect} from 'node:util';
import {expect, test} from 'vitest';
import {analyse} from '../../source/credentials/analyse.js';
import type {Snapshot} from '../../source/gather/snapshot.js';
import {Secret} from '../../source/secret.js';
import {summarizeScan} from '../../source/wizard/scan-summary.js';
import {makeSnapshot, resolved, serviceFile} from '../doctor/snapshot-builder.js';
import {ADMIN_KEY, ADMIN_SECRET, CANARIES, CANARY_KEY, CANARY_SECRET, projectSnapshot} from './wizard-fixtures.js';

const summary = (snapshot: Snapshot) => summarizeScan(snapshot, analyse(snapshot).primary);

test('a project with env keys, a profile and serverless.yml', () => {
	const result = summary(projectSnapshot());
	expect(result.profiles).toEqual([{name: 'old', kind: 'static', files: ['credentials'], accessKeyId: expect.anything()}]);
	expect(result.profiles[0]?.accessKeyId?.equals(new Secret(CANARY_KEY))).toBe(true);
	expect(result.environmentKeys).toMatchObject({sessionToken: false, from: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']});
	expect(result.service).toMatchObject({path: '/work/app/serverless.yml', format: 'yml', name: 'orders', region: 'eu-west-1', stages: ['dev', 'prod']});
	expect(result.doctor).toMatchObject({stage: 'dev', winner: expect.stringContaining('AWS_ACCESS_KEY_ID')});
	expect(result.iamCandidates.map((candidate) => candidate.label)).toEqual([expect.stringContaining('AWS_ACCESS_KEY_ID'), 'profile "old"']);
	expect(result.iamCandidates[0]?.winner).toMatchObject({source: 'env-keys', kind: 'static', credentials: {type: 'static'}});
	expect(result.iamCandidates[1]?.winner).toMatchObject({source: 'ini-profile', profile: 'old', credentials: {type: 'profile', profile: 'old'}});
});

test('no raw key or secret in any printable form', () => {
	const result = summary(projectSnapshot());
	for (const form of [JSON.stringify(result), inspect(result, {depth: null}), String(result.iamCandidates[0]?.winner.accessKeyId)]) {
		for (const canary of CANARIES) expect(form).not.toContain(canary);
	}
	// The raw values are still there for the effect runner (through reveal()).
	const credentials = result.iamCandidates[0]?.winner.credentials;
	expect(credentials?.type === 'static' && credentials.secretAccessKey.reveal()).toBe(ADMIN_SECRET);
	expect(credentials?.type === 'static' && credentials.accessKeyId.reveal()).toBe(ADMIN_KEY);
	expect(CANARY_SECRET).not.toBe(ADMIN_SECRET);
});

test('profile variables, CA variables, provider.profile and v4', () => {
	const result = summary(
		makeSnapshot({
			env: {AWS_PROFILE: 'acme', AWS_PROD_PROFILE: 'acme-prod', NODE_EXTRA_CA_CERTS: '/ca.pem', cafile: '/corp.pem'},
			config: '[profile acme]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = Admin\nregion = eu-west-1\n[sso-session corp]\nsso_start_url = https://x\nsso_region = eu-west-1\n',
			service: serviceFile({profile: resolved('acme-dev', '${self:custom.profiles.${sls:stage}}'), stageProfiles: {dev: 'acme-dev'}}),
			framework: 4,
		}),
	);
	expect(result.environmentProfiles).toEqual([
		{variable: 'AWS_PROD_PROFILE', value: 'acme-prod'},
		{variable: 'AWS_PROFILE', value: 'acme'},
	]);
	expect(result.caVariables).toEqual(['NODE_EXTRA_CA_CERTS', 'cafile']);
	expect(result.service).toMatchObject({providerProfile: 'acme-dev', stageProfiles: {dev: 'acme-dev'}});
	expect(result.framework.major).toBe(4);
	expect(result.profiles).toEqual([{name: 'acme', kind: 'sso', files: ['config'], region: 'eu-west-1'}]);
	expect(result.environmentKeys).toBeUndefined();
});

test('nothing configured: no candidates, the doctor error is reported', () => {
	const result = summary(makeSnapshot());
	expect(result.iamCandidates).toEqual([]);
	expect(result.profiles).toEqual([]);
	expect(result.doctor.winner).toBeUndefined();
	expect(result.service.format).toBe('none');
});

test('profiles without usable credentials are not offered for creating users', () => {
	const result = summary(makeSnapshot({credentials: '[half]\naws_access_key_id = AKIAHALFKEY000000000\n[full]\naws_access_key_id = A\naws_secret_access_key = B\n'}));
	expect(result.iamCandidates.map((candidate) => candidate.label)).toEqual(['profile "full"']);
	expect(result.iamCandidates.some((candidate) => candidate.label === 'profile "half"')).toBe(false);
});
