import {readFileSync} from 'node:fs';
import {diffLines} from 'diff';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseServiceText} from '../../source/service/parse-service-file.js';
import {readTeamSettings} from '../../source/service/read-team-settings.js';
import {PROFILE_BY_STAGE} from '../../source/service/stage-mapping.js';
import {
	planTeamSettings,
	roleArnAccount,
	stageAccountProblems,
	type TeamSettingsEdit,
	type TeamSettingsInput,
	type TeamSettingsRefusalCode,
} from '../../source/service/team-settings-edit.js';
import {PROFILE_FROM_TEAM_SETTINGS, type StageAccount} from '../../source/service/team-settings.js';
import {changes, profileFor, variants} from './service-edit-support.js';

const BOM = '\uFEFF';
const PROFILE_LINE = `profile: ${PROFILE_FROM_TEAM_SETTINGS}`;
const CLOUDFORMATION_TAGS = ['!Ref', '!GetAtt', '!Sub', '!Equals', '!Not', '!Or', '!And', '!Condition', '!If', '!Select', '!Cidr', '!GetAZs', '!ImportValue', '!Base64', '!Join', '!FindInMap', '!Split'];

function fixture(name: string): string {
	return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

function edit(input: Partial<TeamSettingsInput> & {text: string}): TeamSettingsEdit {
	const plan = planTeamSettings({format: 'yml', stages: STAGES, setProviderProfile: true, ...input});
	if (plan.refusal) throw new Error(`refused: ${plan.refusal.code}: ${plan.refusal.message}`);
	return plan;
}

/** `after` minus the added lines (and with the removed ones back) is `before`, byte for byte: checked by rebuilding it. */
function outsideEditUnchanged(before: string, after: string): boolean {
	let rebuilt = '';
	for (const part of diffLines(before, after)) if (!part.added) rebuilt += part.value;
	return rebuilt === before;
}

const STAGES: StageAccount[] = [
	{stage: 'dev', profile: 'acme-dev', account: '111111111111', region: 'eu-west-1'},
	{
		stage: 'prod',
		profile: 'acme-prod',
		account: '222222222222',
		role: {arn: 'arn:aws:iam::222222222222:role/deployer', sourceProfile: 'acme-base', mfaSerial: 'arn:aws:iam::111111111111:mfa/alice', externalId: 'acme-deploy'},
	},
];

const BLOCK_LINES = [
	'    dev:',
	'      profile: acme-dev',
	"      account: '111111111111'",
	'      region: eu-west-1',
	'    prod:',
	'      profile: acme-prod',
	"      account: '222222222222'",
	'      role_arn: arn:aws:iam::222222222222:role/deployer',
	'      source_profile: acme-base',
	'      mfa_serial: arn:aws:iam::111111111111:mfa/alice',
	'      external_id: acme-deploy',
];

describe('planTeamSettings on commented files', () => {
	const cases: Array<{file: string; replaceProfile?: boolean; removed: string[]; added: string[]}> = [
		{file: 'commented.yml', removed: [], added: [`  ${PROFILE_LINE}`, '  deployAccounts:', ...BLOCK_LINES]},
		{
			file: 'team-mapped.yml',
			replaceProfile: true,
			removed: ['  profile: ${self:custom.profiles.${sls:stage}} # per stage'],
			added: [`  ${PROFILE_LINE} # per stage`, '  deployAccounts:', ...BLOCK_LINES],
		},
		{file: 'four-spaces.yml', removed: [], added: [`    ${PROFILE_LINE}`, '    deployAccounts:', ...BLOCK_LINES.map(line => line.replace(/^( +)/, (_all, indent: string) => ' '.repeat(indent.length * 2)))]},
	];

	for (const {file, replaceProfile, removed, added} of cases) {
		describe(file, () => {
			const original = fixture(file);
			it.each(variants(original))('%s: bytes outside the edit are identical', (_name, text) => {
				const plan = edit({text, replaceProfile});
				expect(plan.before).toBe(text);
				expect(plan.changed).toBe(true);
				expect(changes(text, plan.after)).toEqual({removed, added});
				if (removed.length === 0) expect(outsideEditUnchanged(text, plan.after)).toBe(true);
				expect(plan.after.startsWith(BOM)).toBe(text.startsWith(BOM));
				if (text.includes('\r\n')) expect(plan.after).not.toMatch(/(^|[^\r])\n/);
				for (const tag of CLOUDFORMATION_TAGS) expect(plan.after.split(tag).length).toBe(text.split(tag).length);
				for (const anchor of text.match(/[&*][\w-]+/g) ?? []) expect(plan.after).toContain(anchor);
			});

			it.each([3, 4] as const)('re-resolves to each stage\'s profile (Serverless v%i)', framework => {
				const {after} = edit({text: original, replaceProfile});
				for (const entry of STAGES) {
					expect(profileFor(after, entry.stage, framework)).toEqual({kind: 'value', value: entry.profile, raw: PROFILE_FROM_TEAM_SETTINGS});
				}
			});

			it('reads as the old file plus exactly the team settings', () => {
				const {after} = edit({text: original, replaceProfile});
				const before = parseServiceText(original, 'yml').document as any;
				const now = parseServiceText(after, 'yml').document as any;
				const {provider: oldProvider, custom: oldCustom, ...oldRest} = before;
				const {provider: newProvider, custom: newCustom, ...newRest} = now;
				expect(newRest).toEqual(oldRest);
				expect(newProvider).toEqual({...oldProvider, profile: PROFILE_FROM_TEAM_SETTINGS});
				expect(newCustom).toEqual({
					...oldCustom,
					deployAccounts: {
						dev: {profile: 'acme-dev', account: '111111111111', region: 'eu-west-1'},
						prod: {
							profile: 'acme-prod',
							account: '222222222222',
							role_arn: 'arn:aws:iam::222222222222:role/deployer',
							source_profile: 'acme-base',
							mfa_serial: 'arn:aws:iam::111111111111:mfa/alice',
							external_id: 'acme-deploy',
						},
					},
				});
			});

			it('is idempotent: planning the result again changes nothing and warns of nothing', () => {
				const {after} = edit({text: original, replaceProfile});
				const again = edit({text: after});
				expect(again.changed).toBe(false);
				expect(again.after).toBe(after);
			});
		});
	}

	it('the wizard\'s mapping: refused until the user agrees, offered because the block carries the same profiles', () => {
		const plan = planTeamSettings({text: fixture('team-mapped.yml'), format: 'yml', stages: STAGES, setProviderProfile: true});
		expect(plan.refusal).toMatchObject({code: 'PROVIDER_PROFILE_SET', canOverride: true, currentProfile: PROFILE_BY_STAGE});
		expect(plan.refusal?.message).toMatch(/reads the profile from custom\.profiles; the team settings carry the same profile names/);
		expect(plan.refusal?.fix).toMatch(/--replace-profile.*--keep-profile/);
		expect(plan.refusal?.snippet).toContain(`provider:\n  ${PROFILE_LINE}\n\ncustom:\n  deployAccounts:\n`);
	});

	it('keeps provider.profile when not asked to set it, and says what that means', () => {
		const text = fixture('team-mapped.yml');
		const plan = edit({text, setProviderProfile: false});
		expect(changes(text, plan.after)).toEqual({removed: [], added: ['  deployAccounts:', ...BLOCK_LINES]});
		expect(profileFor(plan.after, 'prod', 3)).toMatchObject({value: 'payments-prod', raw: PROFILE_BY_STAGE});
		expect(plan.warnings.join('\n')).toMatch(/provider\.profile does not read custom\.deployAccounts/);
	});
});

describe('planTeamSettings edits in place', () => {
	const dev: StageAccount[] = [{stage: 'dev', profile: 'a-dev', account: '111111111111'}];
	const cases: Array<[string, string, StageAccount[], boolean, string]> = [
		['a file without custom', 'service: a\nprovider:\n  name: aws\n', dev, true, `service: a\nprovider:\n  name: aws\n  ${PROFILE_LINE}\ncustom:\n  deployAccounts:\n    dev:\n      profile: a-dev\n      account: '111111111111'\n`],
		['custom: ~ (block only)', 'provider:\n  name: aws\ncustom: ~\n', dev, false, `provider:\n  name: aws\ncustom:\n  deployAccounts:\n    dev:\n      profile: a-dev\n      account: '111111111111'\n`],
		['an empty file', '', dev, true, `provider:\n  ${PROFILE_LINE}\ncustom:\n  deployAccounts:\n    dev:\n      profile: a-dev\n      account: '111111111111'\n`],
		[
			'an existing entry: a changed account and a new region, the comment stays',
			`provider:\n  ${PROFILE_LINE}\ncustom:\n  deployAccounts:\n    dev: # Alice\n      profile: a-dev\n      account: '999999999999' # old\n`,
			[{stage: 'dev', profile: 'a-dev', account: '111111111111', region: 'us-east-1'}],
			true,
			`provider:\n  ${PROFILE_LINE}\ncustom:\n  deployAccounts:\n    dev: # Alice\n      profile: a-dev\n      account: '111111111111' # old\n      region: us-east-1\n`,
		],
		[
			'an account written as a number is rewritten as text',
			`provider:\n  ${PROFILE_LINE}\ncustom:\n  deployAccounts:\n    dev:\n      profile: a-dev\n      account: 111111111111\n`,
			dev,
			true,
			`provider:\n  ${PROFILE_LINE}\ncustom:\n  deployAccounts:\n    dev:\n      profile: a-dev\n      account: '111111111111'\n`,
		],
		[
			'a leading-zero account (a number in YAML) is quoted',
			'custom:\n  x: 1\n',
			[{stage: 'dev', profile: 'a-dev', account: '012345678901'}],
			false,
			`custom:\n  x: 1\n  deployAccounts:\n    dev:\n      profile: a-dev\n      account: '012345678901'\n`,
		],
		[
			'a new stage beside double-quoted ones follows their quotes',
			`provider:\n  ${PROFILE_LINE}\ncustom:\n  deployAccounts:\n    dev:\n      profile: "a-dev"\n      account: "111111111111"\n`,
			[{stage: 'prod', profile: 'a-prod', account: '222222222222'}],
			true,
			`provider:\n  ${PROFILE_LINE}\ncustom:\n  deployAccounts:\n    dev:\n      profile: "a-dev"\n      account: "111111111111"\n    prod:\n      profile: a-prod\n      account: '222222222222'\n`,
		],
		[
			'an empty provider.profile',
			'provider:\n  name: aws\n  profile:\n',
			dev,
			true,
			`provider:\n  name: aws\n  ${PROFILE_LINE}\ncustom:\n  deployAccounts:\n    dev:\n      profile: a-dev\n      account: '111111111111'\n`,
		],
	];

	it.each(cases)('%s', (_name, text, stages, setProviderProfile, expected) => {
		expect(edit({text, stages, setProviderProfile}).after).toBe(expected);
	});

	it('says what it changed in an existing entry, and what it leaves', () => {
		const text = `provider:\n  ${PROFILE_LINE}\ncustom:\n  deployAccounts:\n    prod:\n      profile: p\n      account: '222222222222'\n      role_arn: arn:aws:iam::222222222222:role/old\n`;
		const plan = edit({text, stages: [{stage: 'prod', profile: 'q', account: '222222222222'}]});
		expect(plan.warnings).toContain('custom.deployAccounts.prod.profile was "p"; now "q".');
		expect(plan.warnings.join('\n')).toMatch(/custom\.deployAccounts\.prod\.role_arn stays "arn:aws:iam::222222222222:role\/old".*delete the line by hand/);
	});

	it('warns about stages the file names that would have no entry', () => {
		const text = 'provider:\n  name: aws\nparams:\n  prod: {}\n  staging: {}\n';
		const plan = edit({text, stages: [{stage: 'dev', profile: 'a', account: '111111111111'}]});
		const missing = plan.warnings.map(warning => /^Stage (\S+) has no entry/.exec(warning)?.[1]).filter(Boolean);
		expect(missing.sort()).toEqual(['prod', 'staging']);
		expect(plan.warnings[0]).toMatch(/would stop because provider\.profile cannot be resolved/);
	});

	it('changes nothing when the file already holds the settings', () => {
		const text = `provider:\n  ${PROFILE_LINE}\ncustom:\n  deployAccounts:\n    dev:\n      profile: a-dev\n      account: '111111111111'\n`;
		const plan = edit({text, stages: [{stage: 'dev', profile: 'a-dev', account: '111111111111'}]});
		expect(plan).toMatchObject({changed: false, after: text, warnings: []});
	});
});

describe('planTeamSettings refuses, with the snippet to paste', () => {
	const cases: Array<[string, Partial<TeamSettingsInput> & {text: string}, TeamSettingsRefusalCode, RegExp]> = [
		['JSON', {text: '{}', format: 'json', fileName: 'serverless.json'}, 'NOT_YAML', /serverless\.json is JSON: init-team edits only YAML/],
		['TypeScript', {text: 'export default {}', format: 'ts', fileName: 'serverless.ts'}, 'NOT_YAML', /is code/],
		['JavaScript', {text: 'module.exports = {}', format: 'js', fileName: 'serverless.js'}, 'NOT_YAML', /is code/],
		['provider.profile names one profile', {text: 'provider:\n  profile: default\n'}, 'PROVIDER_PROFILE_SET', /already "default"/],
		['provider.profile through a merge key', {text: fixture('merge-keys.yml')}, 'PROVIDER_PROFILE_SET', /merge key/],
		['a syntax error', {text: 'provider:\n  name: [aws\n'}, 'UNPARSABLE', /YAML syntax error at line/],
		['two documents', {text: fixture('two-documents.yml')}, 'UNPARSABLE', /more than one YAML document/],
		['the block from a file', {text: 'custom:\n  deployAccounts: ${file(./accounts.yml)}\n', setProviderProfile: false}, 'DEPLOY_ACCOUNTS_NOT_A_MAP', /the text "\$\{file/],
		['the block on one line', {text: 'custom:\n  deployAccounts: {dev: {}}\n', setProviderProfile: false}, 'DEPLOY_ACCOUNTS_NOT_A_MAP', /on one line/],
		['a stage entry that is text', {text: 'custom:\n  deployAccounts:\n    dev: acme-dev\n', setProviderProfile: false}, 'NOT_A_MAP', /custom\.deployAccounts\.dev .* the text "acme-dev"/],
		['custom shared through an anchor', {text: fixture('shared-anchor.yml'), setProviderProfile: false}, 'EDIT_CHECK_FAILED', /would also change resources/],
		['a bad account id', {text: '', stages: [{stage: 'dev', profile: 'a', account: '1234'}]}, 'INVALID_STAGES', /account "1234" of stage dev is not a 12-digit AWS account id/],
		['a malformed role ARN', {text: '', stages: [{stage: 'dev', profile: 'a', account: '111111111111', role: {arn: 'arn:aws:iam::role/x'}}]}, 'INVALID_STAGES', /is not an IAM role ARN/],
		['a role in another account', {text: '', stages: [{stage: 'dev', profile: 'a', account: '111111111111', role: {arn: 'arn:aws:iam::333333333333:role/x'}}]}, 'INVALID_STAGES', /a role in account 333333333333, but the stage's account is 111111111111/],
		['a stage with a dot', {text: '', stages: [{stage: 'dev.eu', profile: 'a', account: '111111111111'}]}, 'INVALID_STAGES', /a dot splits the path/],
		['a stage twice', {text: '', stages: [...STAGES, STAGES[0]!]}, 'INVALID_STAGES', /given twice/],
		['no stages', {text: '', stages: []}, 'INVALID_STAGES', /No stage/],
	];

	it.each(cases)('%s', (_name, input, code, message) => {
		const plan = planTeamSettings({format: 'yml', stages: STAGES, setProviderProfile: true, ...input});
		expect(plan.refusal?.code).toBe(code);
		expect(plan.refusal?.message).toMatch(message);
		expect(plan.refusal?.fix).toBeTruthy();
		expect(plan.refusal?.canOverride).toBe(code === 'PROVIDER_PROFILE_SET');
		expect(plan.refusal?.snippet).toContain('deployAccounts');
	});

	it('the snippet for serverless.json is JSON, for serverless.ts object properties without backticks', () => {
		const json = planTeamSettings({text: '{}', format: 'json', stages: STAGES, setProviderProfile: true});
		expect(JSON.parse(json.refusal!.snippet)).toMatchObject({provider: {profile: PROFILE_FROM_TEAM_SETTINGS}, custom: {deployAccounts: {dev: {account: '111111111111'}}}});
		const code = planTeamSettings({text: '', format: 'ts', stages: STAGES, setProviderProfile: true}).refusal!.snippet;
		expect(code).not.toContain('`');
		expect(new Function(`return {\n${code}}`)()).toMatchObject({custom: {deployAccounts: {prod: {role_arn: 'arn:aws:iam::222222222222:role/deployer'}}}});
	});
});

describe('stageAccountProblems', () => {
	const base: StageAccount = {stage: 'prod', profile: 'p', account: '222222222222'};
	it.each<[string, Partial<StageAccount>, string[]]>([
		['a good entry', {}, []],
		['a good role entry', {role: {arn: 'arn:aws:iam::222222222222:role/path/deployer', sourceProfile: 'base', mfaSerial: 'GAHT12345678', externalId: 'x1'}}, []],
		['a GovCloud role', {role: {arn: 'arn:aws-us-gov:iam::222222222222:role/d'}}, []],
		['an 11-digit account', {account: '22222222222'}, ['account']],
		['an account with letters', {account: '22222222222x'}, ['account']],
		['a region typo', {region: 'eu-west'}, ['region']],
		['a user ARN as role', {role: {arn: 'arn:aws:iam::222222222222:user/bob'}}, ['role_arn']],
		['an MFA that is an ARN of something else', {role: {arn: 'arn:aws:iam::222222222222:role/d', mfaSerial: 'arn:aws:iam::1:user/x'}}, ['mfa_serial']],
		['a one-character external id', {role: {arn: 'arn:aws:iam::222222222222:role/d', externalId: 'x'}}, ['external_id']],
		['a source profile with a space', {role: {arn: 'arn:aws:iam::222222222222:role/d', sourceProfile: 'my base'}}, ['source_profile']],
		['a profile with a space', {profile: 'a b'}, ['profile']],
		['a stage with a dot (its path is the stage)', {stage: 'x.y'}, ['y']],
	])('%s', (_name, change, settings) => {
		expect(stageAccountProblems([{...base, ...change}]).map(problem => problem.where.split('.').slice(3).join('.') || 'stage')).toEqual(settings);
	});

	it('roleArnAccount reads the account of a role ARN', () => {
		expect(roleArnAccount('arn:aws:iam::333333333333:role/x')).toBe('333333333333');
		expect(roleArnAccount('arn:aws:iam::333:role/x')).toBeUndefined();
	});
});

describe('planTeamSettings with generated stages (property)', () => {
	const stageName = fc.constantFrom('dev', 'prod', 'staging', 'test-eu', 'qa_1', 'yes', '2024', 'null');
	const profileName = fc.oneof(fc.constantFrom('default', 'yes', 'null', '0755', '1:20', 'a:b', 'team/dev', '@p', '-p'), fc.stringMatching(/^[\w\-@+.%:/]{1,12}$/).filter(name => !(name in Object.prototype)));
	const account = fc.stringMatching(/^\d{12}$/);
	const entry = fc.record({
		stage: stageName,
		profile: profileName,
		account,
		region: fc.option(fc.constantFrom('eu-west-1', 'us-east-1', 'us-gov-west-1'), {nil: undefined}),
		role: fc.option(fc.record({sourceProfile: fc.option(profileName, {nil: undefined}), externalId: fc.option(fc.constantFrom('x1', 'a=b', 'yes'), {nil: undefined})}), {nil: undefined}),
	});
	// One profile reaches one account (the reader refuses otherwise): a profile used twice keeps its first account.
	type Entry = typeof entry extends fc.Arbitrary<infer T> ? T : never;
	const consistent = (list: Entry[]) =>
		list.map(item => ({...item, account: list.find(other => other.profile === item.profile)!.account}));
	const stages = fc.uniqueArray(entry, {minLength: 1, maxLength: 4, selector: item => item.stage}).map(list =>
		consistent(list).map(({role, region, ...rest}): StageAccount => ({
			...rest,
			...(region === undefined ? {} : {region}),
			...(role === undefined
				? {}
				: {role: {arn: `arn:aws:iam::${rest.account}:role/deployer`, ...(role.sourceProfile ? {sourceProfile: role.sourceProfile} : {}), ...(role.externalId ? {externalId: role.externalId} : {})}}),
		})),
	);
	const file = fc.constantFrom(...['commented.yml', 'four-spaces.yml', 'markers.yml'].flatMap(name => variants(fixture(name)).map(([, text]) => text)));

	it('adds only the block and the profile line, re-resolves per stage, reads back as given, and is idempotent', () => {
		fc.assert(
			fc.property(file, stages, (text, entries) => {
				const plan = edit({text, stages: entries});
				const {removed, added} = changes(text, plan.after);
				expect(removed).toEqual([]);
				expect(outsideEditUnchanged(text, plan.after)).toBe(true);
				for (const line of added) expect(/^\s*(profile: \$\{self:custom\.deployAccounts|deployAccounts:$|custom:$|'?[\w-]+'?:$|(profile|account|region|role_arn|source_profile|external_id): )/.test(line), line).toBe(true);
				const block = (parseServiceText(plan.after.replace(/^\uFEFF/, ''), 'yml').document as any).custom.deployAccounts;
				for (const stage of entries) {
					expect(block[stage.stage]).toMatchObject({profile: stage.profile, account: stage.account});
					expect(profileFor(plan.after, stage.stage, 3)).toEqual({kind: 'value', value: stage.profile, raw: PROFILE_FROM_TEAM_SETTINGS});
				}
				expect(edit({text: plan.after, stages: entries}).changed).toBe(false);
				// What init-team writes is what the doctor's reader accepts, stage for stage.
				const read = readTeamSettings({document: parseServiceText(plan.after.replace(/^\uFEFF/, ''), 'yml').document, path: '/srv/serverless.yml', text: plan.after, declaredStages: []});
				// (sorted: an integer-like stage name such as 2024 comes first in any JavaScript object)
				const byStage = (list: StageAccount[]) => [...list].sort((a, b) => a.stage.localeCompare(b.stage));
				expect(read.status === 'ok' ? byStage(read.settings.stages.filter(stage => entries.some(entry => entry.stage === stage.stage))) : read).toEqual(byStage(entries));
				expect(read.status === 'ok' && read.settings.providerProfileFromBlock).toBe(true);
			}),
			{numRuns: 80},
		);
	}, 60_000);
});
