import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {expandLikeDotenvExpand} from '../../source/service/dotenv-files.js';
import {applyDotenv} from '../support/real-parsers.js';
import {resolveYaml, SERVICE_DIR} from './resolve-service-support.js';

const profileFromEnv = 'provider:\n  profile: ${env:AWS_PROFILE}\n';

describe('v3 .env rules (only with useDotenv: true)', () => {
	it('ignores .env without useDotenv and says so', () => {
		const {service, env} = resolveYaml(profileFromEnv, {framework: 3, dotenvFiles: {'.env': 'AWS_PROFILE=fromDotenv\n'}});
		expect(service.dotenv).toEqual([]);
		expect(env['AWS_PROFILE']).toBeUndefined();
		expect(service.notes.join('\n')).toMatch(/\.env is not loaded by Serverless v3 because useDotenv: true is not set/);
	});

	it('loads .env.<stage> instead of .env', () => {
		const {service, env} = resolveYaml(`useDotenv: true\n${profileFromEnv}`, {
			framework: 3,
			options: {stage: 'prod'},
			dotenvFiles: {'.env': 'AWS_PROFILE=base\nONLY_BASE=1\n', '.env.prod': 'AWS_PROFILE=prod\n'},
		});
		expect(service.dotenv).toEqual([{path: `${SERVICE_DIR}/.env.prod`, values: {AWS_PROFILE: 'prod'}, applied: ['AWS_PROFILE']}]);
		expect(env).toEqual({AWS_PROFILE: 'prod'});
		expect(service.profile).toMatchObject({kind: 'value', value: 'prod'});
		expect(service.useDotenv).toBe(true);
	});

	it('falls back to .env when the stage file is missing', () => {
		const {env} = resolveYaml(`useDotenv: true\n${profileFromEnv}`, {framework: 3, dotenvFiles: {'.env': 'AWS_PROFILE=base\n', '.env.prod': 'AWS_PROFILE=prod\n'}});
		expect(env['AWS_PROFILE']).toBe('base');
	});

	it('never overrides the real environment', () => {
		const {service, env} = resolveYaml(`useDotenv: true\n${profileFromEnv}`, {framework: 3, env: {AWS_PROFILE: 'real'}, dotenvFiles: {'.env': 'AWS_PROFILE=file\nOTHER=x\n'}});
		expect(env).toEqual({AWS_PROFILE: 'real', OTHER: 'x'});
		expect(service.dotenv[0]?.applied).toEqual(['OTHER']);
	});

	it('expands ${VAR} like dotenv-expand', () => {
		const {env} = resolveYaml('useDotenv: true\n', {framework: 3, env: {HOME: '/home/me'}, dotenvFiles: {'.env': 'BASE=acme\nPROFILE=${BASE}-dev\nFILE=$HOME/creds\nLITERAL=\\$HOME\nDEFAULTED=${MISSING:-fallback}\n'}});
		expect(env).toMatchObject({PROFILE: 'acme-dev', FILE: '/home/me/creds', LITERAL: '$HOME', DEFAULTED: 'fallback'});
	});

	it('accepts useDotenv from a variable (resolved before .env loads)', () => {
		const {env} = resolveYaml('useDotenv: ${strToBool(${env:USE_DOTENV})}\n', {framework: 3, env: {USE_DOTENV: 'true'}, dotenvFiles: {'.env': 'A=1\n'}});
		expect(env['A']).toBe('1');
	});

	it('notes DOTENV_ENV_VAR_RESOLUTION_CONFLICT', () => {
		const {service} = resolveYaml("useDotenv: true\nprovider:\n  stage: ${env:STAGE, 'dev'}\n", {framework: 3, dotenvFiles: {'.env': 'STAGE=prod\n'}});
		expect(service.stage).toEqual({value: 'dev', source: 'provider.stage'});
		expect(service.notes.join('\n')).toMatch(/DOTENV_ENV_VAR_RESOLUTION_CONFLICT: STAGE/);
	});
});

describe('v4 .env rules (always)', () => {
	it('loads .env.<stage> then .env, first write wins', () => {
		const {service, env} = resolveYaml(profileFromEnv, {
			framework: 4,
			dotenvFiles: {'.env': 'AWS_PROFILE=base\nONLY_BASE=1\n', '.env.dev': 'AWS_PROFILE=dev\n', '.env.prod': 'AWS_PROFILE=prod\n'},
		});
		expect(env).toEqual({AWS_PROFILE: 'dev', ONLY_BASE: '1'});
		expect(service.dotenv.map(file => [file.path, file.applied])).toEqual([
			[`${SERVICE_DIR}/.env.dev`, ['AWS_PROFILE']],
			[`${SERVICE_DIR}/.env`, ['ONLY_BASE']],
		]);
		expect(service.profile).toMatchObject({value: 'dev'});
	});

	it('picks the stage file by --stage and by provider.stage, not by .env', () => {
		const files = {'.env.prod': 'AWS_PROFILE=prod\n', '.env.qa': 'AWS_PROFILE=qa\n', '.env': 'STAGE=qa\n'};
		expect(resolveYaml('provider:\n  stage: prod\n', {dotenvFiles: files}).env['AWS_PROFILE']).toBe('prod');
		expect(resolveYaml('provider:\n  stage: ${env:STAGE, "prod"}\n', {dotenvFiles: files}).env['AWS_PROFILE']).toBe('prod');
		expect(resolveYaml('', {options: {stage: 'qa'}, dotenvFiles: files}).env['AWS_PROFILE']).toBe('qa');
	});

	it('does not expand variables', () => {
		expect(resolveYaml('', {dotenvFiles: {'.env': 'BASE=a\nX=${BASE}-b\n'}}).env['X']).toBe('${BASE}-b');
	});

	it('still loads .env with useDotenv: false (sf-core ignores the flag) and says so', () => {
		const {service, env} = resolveYaml('useDotenv: false\n', {dotenvFiles: {'.env': 'A=1\n'}});
		expect(env['A']).toBe('1');
		expect(service.notes.join('\n')).toMatch(/useDotenv: false does not stop Serverless v4/);
	});

	it('loads useDotenv folders and files after the local ones', () => {
		const {env, service} = resolveYaml('useDotenv:\n  - ../shared\n  - ./extra.env\n', {
			options: {stage: 'prod'},
			dotenvFiles: {'.env': 'A=local\n', '../shared/.env.prod': 'A=shared\nB=sharedProd\n', '../shared/.env': 'B=sharedBase\nC=sharedBase\n', './extra.env': 'C=extra\nD=extra\n'},
		});
		expect(env).toEqual({A: 'local', B: 'sharedProd', C: 'sharedBase', D: 'extra'});
		expect(service.dotenv).toHaveLength(4);
	});
});

describe('the real environment always wins', () => {
	const name = fc.constantFrom('AWS_PROFILE', 'AWS_REGION', 'A', 'B', 'STAGE');
	const value = fc.string({unit: fc.constantFrom('a', 'b', '1', '-', '_')});
	it.each([3, 4] as const)('v%i', framework => {
		fc.assert(
			fc.property(fc.dictionary(name, value), fc.dictionary(name, value), fc.dictionary(name, value), (real, stageFile, baseFile) => {
				const text = (values: Record<string, string>) =>
					Object.entries(values)
						.map(([key, content]) => `${key}=${content}`)
						.join('\n');
				const result = applyDotenv({framework, stage: 'dev', useDotenv: true, files: {'.env.dev': text(stageFile), '.env': text(baseFile)}, realEnv: real});
				for (const [key, content] of Object.entries(real)) expect(result.env[key]).toBe(content);
				for (const file of result.files) for (const applied of file.applied) expect(real[applied]).toBeUndefined();
			}),
		);
	});
});

describe('expandLikeDotenvExpand', () => {
	it('stops on self-reference instead of overflowing the stack', () => {
		expect(() => expandLikeDotenvExpand({A: '$A'}, {})).not.toThrow();
	});
});

describe('v3 useDotenv truthiness', () => {
	it("loads .env for useDotenv: 'yes' (v3 tests truthiness)", () => {
		expect(resolveYaml("useDotenv: 'yes'\n", {framework: 3, dotenvFiles: {'.env': 'A=1\n'}}).env['A']).toBe('1');
	});
});
