/** resolveService fills ServiceInfo.team for yml and json files; no block, no field. */
import {describe, expect, test} from 'vitest';
import {parseServiceText} from '../../source/service/parse-service-file.js';
import {resolveService} from '../support/real-parsers.js';

function resolve(text: string, format: 'yml' | 'json' = 'yml', options: {stage?: string} = {}) {
	const parsed = parseServiceText(text, format);
	return resolveService({document: parsed.document, path: `/srv/app/serverless.${format}`, format, framework: 3, options, env: {}, text}).service;
}

const YAML = `service: shop
provider:
  name: aws
  profile: \${self:custom.deployAccounts.\${sls:stage}.profile}
params:
  dev: {}
  prod: {}
custom:
  deployAccounts:
    dev:
      profile: acme-dev
      account: '111111111111'
    prod:
      profile: acme-prod
      account: '222222222222'
`;

describe('ServiceInfo.team', () => {
	test('yml: read, and provider.profile resolves through the block for the stage', () => {
		const service = resolve(YAML, 'yml', {stage: 'prod'});
		expect(service.team).toMatchObject({status: 'ok', settings: {path: '/srv/app/serverless.yml', providerProfileFromBlock: true}});
		expect(service.profile).toMatchObject({kind: 'value', value: 'acme-prod'});
	});

	test('team stages join the known stages, after the declared ones', () => {
		expect(resolve(YAML).knownStages).toEqual(['dev', 'prod']);
	});

	test('params declare stages, so an extra team stage is a problem', () => {
		const service = resolve(YAML.replace('    prod:\n      profile', '    staging:\n      profile'));
		expect(service.team).toMatchObject({status: 'invalid', problems: [{where: 'custom.deployAccounts.staging', line: 13}]});
	});

	test('params.default makes every stage real: no stage check', () => {
		const service = resolve(YAML.replace('params:\n', 'params:\n  default: {}\n').replace('    prod:\n      profile', '    staging:\n      profile'));
		expect(service.team).toMatchObject({status: 'ok'});
	});

	test('json: read the same way', () => {
		const text = JSON.stringify({service: 'shop', custom: {deployAccounts: {dev: {profile: 'acme-dev', account: '111111111111'}}}});
		expect(resolve(text, 'json').team).toMatchObject({status: 'ok', settings: {stages: [{stage: 'dev', account: '111111111111'}]}});
	});

	test('no block: no team field', () => {
		expect('team' in resolve('service: shop\n')).toBe(false);
	});

	test('a file that does not parse but holds the block: invalid with the syntax error', () => {
		const text = 'service: shop\ncustom:\n  deployAccounts:\n    dev:\n      profile: acme-dev\n     account: "1"\n';
		const service = resolveService({document: undefined, path: '/srv/app/serverless.yml', format: 'yml', framework: 3, options: {}, env: {}, text}).service;
		expect(service.team).toMatchObject({status: 'invalid', problems: [{where: 'serverless.yml', message: expect.stringMatching(/YAML syntax error/)}]});
	});
});
