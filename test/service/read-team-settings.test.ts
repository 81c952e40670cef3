import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {parseServiceText} from '../../source/service/parse-service-file.js';
import {readTeamSettings} from '../../source/service/read-team-settings.js';
import type {TeamSettingsProblem, TeamSettingsRead} from '../../source/service/team-settings.js';

const PATH = '/repo/serverless.yml';

function read(text: string, declaredStages: string[] = []): TeamSettingsRead {
	const parsed = parseServiceText(text, 'yml');
	return readTeamSettings({document: parsed.document, path: PATH, text, declaredStages});
}

function problems(text: string, declaredStages: string[] = []): TeamSettingsProblem[] {
	const result = read(text, declaredStages);
	if (result.status !== 'invalid') throw new Error(`expected problems, got ${JSON.stringify(result)}`);
	return result.problems;
}

/** A service with one stage entry; `lines` go under the stage (indented 6). */
function stage(lines: string, name = 'prod'): string {
	return `service: shop\ncustom:\n  deployAccounts:\n    ${name}:\n${lines
		.split('\n')
		.map(line => `      ${line}`)
		.join('\n')}\n`;
}

const GOOD = `service: shop
provider:
  name: aws
  profile: \${self:custom.deployAccounts.\${sls:stage}.profile}
custom:
  deployAccounts:
    dev:
      profile: acme-dev
      account: '111111111111'
      region: eu-west-1
    prod:
      profile: acme-prod
      account: "222222222222"
      role_arn: arn:aws:iam::222222222222:role/deployer
      source_profile: acme-base
      mfa_serial: arn:aws:iam::111111111111:mfa/alice
      external_id: acme-deploy
`;

describe('readTeamSettings: valid blocks', () => {
	test('reads stages in file order, with the role', () => {
		expect(read(GOOD, ['dev', 'prod'])).toEqual({
			status: 'ok',
			settings: {
				path: PATH,
				providerProfileFromBlock: true,
				stages: [
					{stage: 'dev', profile: 'acme-dev', account: '111111111111', region: 'eu-west-1'},
					{
						stage: 'prod',
						profile: 'acme-prod',
						account: '222222222222',
						role: {arn: 'arn:aws:iam::222222222222:role/deployer', sourceProfile: 'acme-base', mfaSerial: 'arn:aws:iam::111111111111:mfa/alice', externalId: 'acme-deploy'},
					},
				],
			},
		});
	});

	test.each([
		['no custom', 'service: shop\n'],
		['custom without the block', 'service: shop\ncustom:\n  profiles:\n    dev: x\n'],
		['not a mapping at all', '- a\n- b\n'],
	])('absent: %s', (_name, text) => {
		expect(read(text)).toEqual({status: 'absent'});
	});

	test.each([
		['${self:custom.deployAccounts.${sls:stage}.profile}', true],
		['${self:custom.deployAccounts.${opt:stage}.profile}', true],
		["${self:custom.deployAccounts.${opt:stage, 'dev'}.profile}", true],
		['${self:custom.deployAccounts.${self:provider.stage}.profile}', true],
		['acme-dev', false],
		['${env:AWS_PROFILE}', false],
	])('provider.profile %s reads from the block: %s', (profile, expected) => {
		const text = `provider:\n  profile: "${profile}"\ncustom:\n  deployAccounts:\n    dev:\n      profile: acme-dev\n      account: '111111111111'\n`;
		const result = read(text);
		expect(result.status === 'ok' && result.settings.providerProfileFromBlock).toBe(expected);
	});

	test('an unquoted 12-digit account without a leading zero is kept', () => {
		const result = read(stage('profile: p\naccount: 222222222222'));
		expect(result.status === 'ok' && result.settings.stages[0]!.account).toBe('222222222222');
	});

	test('a hardware MFA serial number and other partitions are accepted', () => {
		const result = read(stage('profile: p\naccount: "222222222222"\nrole_arn: arn:aws-cn:iam::222222222222:role/path/deployer\nmfa_serial: GAHT12345678\nregion: cn-north-1'));
		expect(result.status).toBe('ok');
	});

	test('a JSON service file is read the same way', () => {
		const text = JSON.stringify({service: 'shop', custom: {deployAccounts: {dev: {profile: 'acme-dev', account: 11111111111}}}}, null, 2);
		const result = readTeamSettings({document: JSON.parse(text), path: '/repo/serverless.json', text, declaredStages: []});
		expect(result).toMatchObject({status: 'invalid', problems: [{where: 'custom.deployAccounts.dev.account', line: 7, message: expect.stringMatching(/11111111111 of stage dev is not a 12-digit/)}]});
	});
});

describe('readTeamSettings: every problem says where, what and the fix', () => {
	test.each<[string, string, string[], {where?: string; line?: number; message: RegExp; fix: RegExp}]>([
		['account with a lost leading zero', stage('profile: p\naccount: 012345678901'), [], {where: 'custom.deployAccounts.prod.account', line: 6, message: /read as the number 12345678901: YAML drops the leading zero/, fix: /Quote it: account: '012345678901'/}],
		['account too short', stage("profile: p\naccount: '12345'"), [], {line: 6, message: /"12345" of stage prod is not a 12-digit AWS account id/, fix: /12 digits/}],
		['account with dashes', stage("profile: p\naccount: '2222-2222-2222'"), [], {message: /not a 12-digit/, fix: /without spaces or dashes: account: '222222222222'/}],
		['account as a number with 13 digits', stage('profile: p\naccount: 2222222222222'), [], {message: /2222222222222 of stage prod is not a 12-digit/, fix: /in quotes/}],
		['account missing', stage('profile: p'), [], {where: 'custom.deployAccounts.prod', message: /Stage prod has no account/, fix: /account: '111111111111'/}],
		['profile missing', stage("account: '222222222222'"), [], {message: /Stage prod has no profile/, fix: /profile: acme-prod/}],
		['profile with a space', stage("profile: acme prod\naccount: '222222222222'"), [], {where: 'custom.deployAccounts.prod.profile', message: /characters the AWS SDK cannot read/, fix: /letters, digits/}],
		['profile that is a list', stage("profile: [a, b]\naccount: '222222222222'"), [], {message: /profile of stage prod is a list; it must be text/, fix: /profile: <value>/}],
		['malformed role ARN', stage("profile: p\naccount: '222222222222'\nrole_arn: arn:aws:iam:222222222222:role/deployer"), [], {where: 'custom.deployAccounts.prod.role_arn', line: 7, message: /is not an IAM role ARN/, fix: /arn:aws:iam::<12-digit account>:role\/<role name>/}],
		['a user ARN as role_arn', stage("profile: p\naccount: '222222222222'\nrole_arn: arn:aws:iam::222222222222:user/alice"), [], {message: /not an IAM role ARN/, fix: /role/}],
		['role in another account', stage("profile: p\naccount: '222222222222'\nrole_arn: arn:aws:iam::333333333333:role/deployer"), [], {message: /role in account 333333333333, but the stage's account is 222222222222/, fix: /arn:aws:iam::222222222222:role\/deployer.*or set account: '333333333333'/}],
		['bad MFA ARN', stage("profile: p\naccount: '222222222222'\nrole_arn: arn:aws:iam::222222222222:role/d\nmfa_serial: arn:aws:iam::111111111111:user/alice"), [], {where: 'custom.deployAccounts.prod.mfa_serial', message: /neither an MFA device ARN nor a hardware token serial/, fix: /mfa\/<name>/}],
		['too short a serial number', stage("profile: p\naccount: '222222222222'\nrole_arn: arn:aws:iam::222222222222:role/d\nmfa_serial: abc"), [], {message: /neither an MFA/, fix: /serial number/}],
		['bad external id', stage("profile: p\naccount: '222222222222'\nrole_arn: arn:aws:iam::222222222222:role/d\nexternal_id: 'a b'"), [], {where: 'custom.deployAccounts.prod.external_id', message: /not a valid external id/, fix: /trust policy/}],
		['source_profile without a role', stage("profile: p\naccount: '222222222222'\nsource_profile: base"), [], {where: 'custom.deployAccounts.prod.source_profile', message: /no role to go with/, fix: /Add role_arn/}],
		['bad region', stage("profile: p\naccount: '222222222222'\nregion: Frankfurt"), [], {where: 'custom.deployAccounts.prod.region', message: /Frankfurt of stage prod is not an AWS region name/, fix: /us-east-1/}],
		['unknown key with a typo', stage("profile: p\naccount: '222222222222'\nregoin: eu-west-1"), [], {where: 'custom.deployAccounts.prod.regoin', line: 7, message: /Unknown setting regoin in stage prod/, fix: /Did you mean region\?/}],
		['camelCase key', stage("profile: p\naccount: '222222222222'\nroleArn: arn:aws:iam::222222222222:role/d"), [], {message: /Unknown setting roleArn/, fix: /Did you mean role_arn\?/}],
		['unknown key far from any', stage("profile: p\naccount: '222222222222'\ncolour: blue"), [], {message: /Unknown setting colour/, fix: /Remove it; the settings are profile, account/}],
		['a variable as value', stage("profile: ${env:PROFILE}\naccount: '222222222222'"), [], {where: 'custom.deployAccounts.prod.profile', message: /uses a variable \(\$\{env:PROFILE\}\)/, fix: /Write the value itself/}],
		['a variable as account', stage("profile: p\naccount: ${ssm:/acme/account}"), [], {message: /account of stage prod uses a variable/, fix: /value itself/}],
		['the block from a variable', 'custom:\n  deployAccounts: ${file(./accounts.yml)}\n', [], {where: 'custom.deployAccounts', line: 2, message: /loaded from a variable/, fix: /Write the stages into serverless.yml/}],
		['a stage from a variable', 'custom:\n  deployAccounts:\n    prod: ${file(./prod.yml)}\n', [], {where: 'custom.deployAccounts.prod', message: /loaded from a variable/, fix: /directly/}],
		['an empty block', 'custom:\n  deployAccounts:\n', [], {where: 'custom.deployAccounts', message: /lists no stages/, fix: /deployAccounts:\n/}],
		['a list as block', 'custom:\n  deployAccounts:\n    - dev\n', [], {message: /must be a mapping of stage names/, fix: /profile: acme-dev/}],
		['a stage that is not a mapping', 'custom:\n  deployAccounts:\n    prod: acme-prod\n', [], {message: /Stage prod must be a mapping/, fix: /account: '111111111111'/}],
		['unknown stage with a near name', stage("profile: p\naccount: '222222222222'", 'prd'), ['dev', 'prod'], {where: 'custom.deployAccounts.prd', line: 4, message: /Stage prd is not a stage of this service \(it declares dev, prod\)/, fix: /Did you mean prod\?/}],
		['unknown stage far from any', stage("profile: p\naccount: '222222222222'", 'staging'), ['dev', 'prod'], {message: /Stage staging is not a stage/, fix: /one of dev, prod, or declare staging under params/}],
	])('%s', (_name, text, declared, expected) => {
		const found = problems(text, declared);
		expect(found).toHaveLength(1);
		const [problem] = found;
		const {message, fix, ...rest} = expected;
		expect(problem).toMatchObject(rest);
		expect(problem!.message).toMatch(message);
		expect(problem!.fix).toMatch(fix);
	});

	test('all problems are collected, in file order', () => {
		const text = `custom:\n  deployAccounts:\n    dev:\n      profile: a\n      account: '1'\n    prod:\n      profile: b\n      account: '222222222222'\n      role_arn: nope\n`;
		expect(problems(text).map(problem => [problem.where, problem.line])).toEqual([
			['custom.deployAccounts.dev.account', 5],
			['custom.deployAccounts.prod.role_arn', 9],
		]);
	});

	test('two stages sharing one profile with different accounts', () => {
		const text = `custom:\n  deployAccounts:\n    dev:\n      profile: acme\n      account: '111111111111'\n    prod:\n      profile: acme\n      account: '222222222222'\n`;
		expect(problems(text)).toEqual([
			expect.objectContaining({where: 'custom.deployAccounts.prod.profile', line: 7, message: expect.stringMatching(/both use profile acme but expect different accounts/), fix: expect.stringMatching(/profile: acme-prod/)}),
		]);
	});

	test('stages are not checked when the service declares none', () => {
		expect(read(stage("profile: p\naccount: '222222222222'", 'anything')).status).toBe('ok');
	});

	test('without the text there are no line numbers, the rest is the same', () => {
		const text = stage('profile: p\naccount: 012345678901');
		const result = readTeamSettings({document: parseServiceText(text, 'yml').document, path: PATH, declaredStages: []});
		expect(result).toMatchObject({status: 'invalid', problems: [{where: 'custom.deployAccounts.prod.account', message: expect.stringMatching(/12345678901/)}]});
		expect(result.status === 'invalid' && result.problems[0]!.line).toBeUndefined();
	});
});

describe('readTeamSettings: a service file that does not parse', () => {
	test('with the block: one problem carrying the syntax error and its line', () => {
		const text = `custom:\n  deployAccounts:\n    prod:\n      profile: p\n     account: '222222222222'\n`;
		const result = readTeamSettings({document: undefined, path: PATH, text, declaredStages: []});
		expect(result).toMatchObject({status: 'invalid', path: PATH, problems: [{where: 'serverless.yml', line: expect.any(Number)}]});
		const [problem] = result.status === 'invalid' ? result.problems : [];
		expect(problem!.message).toMatch(/^serverless.yml: YAML syntax error at line \d+, column \d+: .+; the team settings \(custom.deployAccounts\) cannot be read\.$/);
		expect(problem!.fix).toMatch(/Fix the syntax at line \d+ of serverless.yml/);
	});

	test('without the block: absent (the doctor reports the syntax error as usual)', () => {
		expect(readTeamSettings({document: undefined, path: PATH, text: 'service: [\n', declaredStages: []})).toEqual({status: 'absent'});
	});
});

describe('readTeamSettings: properties', () => {
	test('any quoted 12-digit account is read as written; unquoted with a leading zero asks to quote it', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^\d{12}$/), account => {
				const quoted = read(stage(`profile: p\naccount: '${account}'`));
				expect(quoted.status === 'ok' && quoted.settings.stages[0]!.account).toBe(account);
				if (account.startsWith('0')) {
					const bare = problems(stage(`profile: p\naccount: ${account}`));
					expect(bare[0]!.fix).toBe(`Quote it: account: '${account}'.`);
				}
			}),
		);
	});

	test('never throws, whatever the document holds under custom.deployAccounts', () => {
		fc.assert(
			fc.property(fc.jsonValue(), value => {
				const result = readTeamSettings({document: {custom: {deployAccounts: value}}, path: PATH, declaredStages: ['dev']});
				expect(['ok', 'invalid']).toContain(result.status);
				if (result.status === 'invalid') for (const problem of result.problems) expect(problem.fix.length).toBeGreaterThan(0);
			}),
		);
	});
});
