/**
 * `roleSettingsIn: 'credentials'`: a role's settings in the credentials file (for Serverless v3, whose aws-sdk v2
 * reads the config file only with AWS_SDK_LOAD_CONFIG), region still in the config file. Table cases, generated
 * plans with the same independent checks as every other plan, and the written files read back by the real engines:
 * the JS SDK v3 loader, aws-sdk v2 without AWS_SDK_LOAD_CONFIG, and botocore with its credentials-file merge.
 */
import fc from 'fast-check';
import {afterAll, describe, expect, it} from 'vitest';
import {maskedDiff} from '../../source/aws-files/masked-diff.js';
import {planSetProfile, ROLE_SETTINGS as ROLE_KEYS, type SetProfileInput} from '../../source/aws-files/profile-edits.js';
import {readCliIni} from '../../source/aws-files/cli-reader.js';
import {cliConfigProfileName} from '../../source/aws-files/profile-sections.js';
import {acceptedPlanProblem, intended, refusalProblem, roleSetCase, runCase} from './profile-plans.js';
import {assertAwsSdkV2, loadAwsSdkV2, realBotocore, realSdkFiles, realV2Profiles, scratchDir, type BotocoreResult} from './real-readers.js';

const ROLE = 'arn:aws:iam::333333333333:role/deployer';
const KEY = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const BASE = `[base]\naws_access_key_id = ${KEY}\naws_secret_access_key = ${SECRET}\n`;
const ROLE_SETTINGS = {role_arn: ROLE, source_profile: 'base', external_id: 'team-id', region: 'eu-west-1'};

const MFA = 'arn:aws:iam::111111111111:mfa/me';
const OLD_ROLE = 'arn:aws:iam::111111111111:role/old';
const STALE_WARNING = (what: string) =>
	`Removed the old role's ${what} for profile "deployer-prod": the new role settings do not include them, and the AWS SDK and the AWS CLI would still apply them to the role (they merge both files).`;

function set(input: Partial<SetProfileInput>) {
	return planSetProfile({profile: 'deployer-prod', overwrite: false, settings: ROLE_SETTINGS, roleSettingsIn: 'credentials', ...input});
}

const scratch = scratchDir('role-placement');
afterAll(() => scratch.remove());

describe('planSetProfile with roleSettingsIn: credentials', () => {
	it('writes the role settings to [name] in the credentials file and region to [profile name] in the config file', () => {
		const plan = set({credentialsText: BASE});
		expect(plan.refusal).toBeUndefined();
		expect(plan.warnings).toEqual([]);
		expect(plan.credentials).toEqual({before: BASE, after: `${BASE}\n[deployer-prod]\nrole_arn = ${ROLE}\nsource_profile = base\nexternal_id = team-id\n`});
		expect(plan.config).toEqual({after: '[profile deployer-prod]\nregion = eu-west-1\n'});
	});

	it('leaves the config file alone when only role settings are given', () => {
		const plan = set({settings: {role_arn: ROLE, source_profile: 'base'}, credentialsText: BASE, configText: '[profile base]\nregion = us-east-1\n'});
		expect(plan.config).toBeUndefined();
		expect(plan.credentials?.after).toContain('[deployer-prod]\nrole_arn');
	});

	it('moves the role settings of an overwritten config-file role profile, drops the old role\'s mfa_serial, keeps its other settings', () => {
		const configText = `[profile deployer-prod]\nrole_arn = arn:aws:iam::111111111111:role/old\nsource_profile = base\nmfa_serial = arn:aws:iam::111111111111:mfa/me\noutput = json\n`;
		const plan = set({overwrite: true, credentialsText: BASE, configText});
		expect(plan.refusal).toBeUndefined();
		expect(plan.config?.after).toBe('[profile deployer-prod]\noutput = json\nregion = eu-west-1\n');
		expect(plan.warnings).toEqual([
			'Moved role_arn, source_profile of profile "deployer-prod" from ~/.aws/config to ~/.aws/credentials: Serverless v3 reads the role there without AWS_SDK_LOAD_CONFIG.',
			STALE_WARNING('mfa_serial from ~/.aws/config'),
		]);
	});

	it('still moves region out of the credentials file', () => {
		const plan = set({overwrite: true, credentialsText: `${BASE}\n[deployer-prod]\nregion = us-west-2\nrole_arn = ${ROLE}\n`});
		expect(plan.credentials?.after).toBe(`${BASE}\n[deployer-prod]\nrole_arn = ${ROLE}\nsource_profile = base\nexternal_id = team-id\n`);
		expect(plan.config?.after).toBe('[profile deployer-prod]\nregion = eu-west-1\n');
	});

	it.each([
		['an existing profile without overwrite', {credentialsText: `[deployer-prod]\nrole_arn = ${ROLE}\nsource_profile = base\n`}, 'profile-exists'],
		['a credential among the settings', {settings: {role_arn: ROLE, aws_secret_access_key: SECRET}}, 'credentials-in-settings'],
		['a bad setting name', {settings: {'Role ARN': ROLE}}, 'invalid-key'],
		['a file the AWS CLI rejects', {credentialsText: `${BASE}[base]\nx = y\n`}, 'file-unreadable-by-cli'],
	] as const)('refuses %s, as for the config file', (_label, input, code) => {
		const plan = set(input);
		expect(plan.refusal?.code).toBe(code);
		expect(plan.credentials).toBeUndefined();
		expect(plan.config).toBeUndefined();
		expect(JSON.stringify(plan)).not.toContain(SECRET);
	});

	it('keeps the default placement: role settings in the config file', () => {
		const plan = planSetProfile({profile: 'deployer-prod', overwrite: false, settings: ROLE_SETTINGS, credentialsText: BASE});
		expect(plan.credentials).toBeUndefined();
		expect(plan.config?.after).toBe(`[profile deployer-prod]\nrole_arn = ${ROLE}\nsource_profile = base\nexternal_id = team-id\nregion = eu-west-1\n`);
	});

	it('shows the change as a masked diff: role settings in clear, the base profile keys masked', () => {
		const plan = set({credentialsText: BASE});
		const diff = maskedDiff('~/.aws/credentials', plan.credentials?.before, plan.credentials?.after ?? '').join('\n');
		expect(diff).toContain(`+role_arn = ${ROLE}`);
		expect(diff).not.toContain(SECRET);
		expect(diff).not.toContain(KEY);
	});
});

interface StaleCase {
	placement: 'config' | 'credentials';
	settings: Record<string, string>;
	credentialsText?: string;
	configText?: string;
	credentialsAfter: string;
	configAfter: string;
	warning?: string;
}

/**
 * An overwritten role profile: every role setting of the old role that the new settings leave out goes, from both
 * files; non-role settings stay. The result is read back by the SDK v3 loader, aws-sdk v2 and botocore.
 */
const STALE_CASES: Array<[string, StaleCase]> = [
	[
		'stale mfa_serial in the config file, role placed in the credentials file',
		{
			placement: 'credentials',
			settings: {role_arn: ROLE, source_profile: 'base'},
			credentialsText: BASE,
			configText: `[profile deployer-prod]\nrole_arn = ${OLD_ROLE}\nsource_profile = base\nmfa_serial = ${MFA}\nregion = us-east-1\n`,
			credentialsAfter: `${BASE}\n[deployer-prod]\nrole_arn = ${ROLE}\nsource_profile = base\n`,
			configAfter: '[profile deployer-prod]\nregion = us-east-1\n',
			warning: STALE_WARNING('mfa_serial from ~/.aws/config'),
		},
	],
	[
		'stale mfa_serial in the config file, role placed in the config file',
		{
			placement: 'config',
			settings: {role_arn: ROLE, source_profile: 'base', region: 'eu-west-1'},
			credentialsText: BASE,
			configText: `[profile deployer-prod]\nrole_arn = ${OLD_ROLE}\nmfa_serial = ${MFA}\nsource_profile = base\noutput = json\n`,
			credentialsAfter: BASE,
			configAfter: `[profile deployer-prod]\nrole_arn = ${ROLE}\nsource_profile = base\noutput = json\nregion = eu-west-1\n`,
			warning: STALE_WARNING('mfa_serial from ~/.aws/config'),
		},
	],
	[
		'stale external_id and duration_seconds in the credentials file, role placed in the config file',
		{
			placement: 'config',
			settings: {role_arn: ROLE, source_profile: 'base'},
			credentialsText: `${BASE}\n[deployer-prod]\nexternal_id = old-team\nduration_seconds = 900\n`,
			configText: `[profile deployer-prod]\nrole_arn = ${OLD_ROLE}\nsource_profile = base\n`,
			credentialsAfter: `${BASE}\n[deployer-prod]\n`,
			configAfter: `[profile deployer-prod]\nrole_arn = ${ROLE}\nsource_profile = base\n`,
			warning: STALE_WARNING('external_id, duration_seconds from ~/.aws/credentials'),
		},
	],
	[
		'stale external_id in the credentials file, role placed in the credentials file',
		{
			placement: 'credentials',
			settings: {role_arn: ROLE, source_profile: 'base'},
			credentialsText: `${BASE}\n[deployer-prod]\nrole_arn = ${OLD_ROLE}\nsource_profile = base\nexternal_id = old-team\n`,
			credentialsAfter: `${BASE}\n[deployer-prod]\nrole_arn = ${ROLE}\nsource_profile = base\n`,
			configAfter: '',
			warning: STALE_WARNING('external_id from ~/.aws/credentials'),
		},
	],
	[
		'stale role_arn, source_profile and mfa_serial in the other file (credentials), role placed in the config file',
		{
			placement: 'config',
			settings: {role_arn: ROLE, source_profile: 'base'},
			credentialsText: `${BASE}\n[deployer-prod]\nrole_arn = ${OLD_ROLE}\nsource_profile = old-base\nmfa_serial = ${MFA}\n`,
			configText: '[profile deployer-prod]\nregion = us-east-1\n',
			credentialsAfter: `${BASE}\n[deployer-prod]\n`,
			configAfter: `[profile deployer-prod]\nregion = us-east-1\nrole_arn = ${ROLE}\nsource_profile = base\n`,
			warning: STALE_WARNING('mfa_serial from ~/.aws/credentials'),
		},
	],
	[
		'stale role_session_name in [default] of both files, non-role settings and keys kept',
		{
			placement: 'credentials',
			settings: {role_arn: ROLE, source_profile: 'base', external_id: 'team-id'},
			credentialsText: `${BASE}\n[default]\naws_access_key_id = ${KEY}\naws_secret_access_key = ${SECRET}\nrole_session_name = old\n`,
			configText: `[default]\nregion = us-east-1\nrole_session_name = older\nmfa_serial = ${MFA}\noutput = text\n`,
			credentialsAfter: `${BASE}\n[default]\naws_access_key_id = ${KEY}\naws_secret_access_key = ${SECRET}\nrole_arn = ${ROLE}\nsource_profile = base\nexternal_id = team-id\n`,
			configAfter: '[default]\nregion = us-east-1\noutput = text\n',
			warning: STALE_WARNING('mfa_serial, role_session_name from ~/.aws/config and role_session_name from ~/.aws/credentials'),
		},
	],
];

describe('an overwritten role profile keeps no setting of the old role', () => {
	it.each(STALE_CASES)('%s', async (_label, stale) => {
		const profile = stale.credentialsAfter.includes('[default]') ? 'default' : 'deployer-prod';
		const plan = planSetProfile({
			profile,
			overwrite: true,
			settings: stale.settings,
			roleSettingsIn: stale.placement,
			...(stale.credentialsText === undefined ? {} : {credentialsText: stale.credentialsText}),
			...(stale.configText === undefined ? {} : {configText: stale.configText}),
		});
		expect(plan.refusal).toBeUndefined();
		const text = {credentials: plan.credentials?.after ?? stale.credentialsText ?? '', config: plan.config?.after ?? stale.configText ?? ''};
		expect(text).toEqual({credentials: stale.credentialsAfter, config: stale.configAfter});
		const warning = stale.warning?.replace('"deployer-prod"', `"${profile}"`);
		expect(plan.warnings.filter((line) => line.startsWith('Removed the old role'))).toEqual(warning ? [warning] : []);
		expect(JSON.stringify(plan.warnings)).not.toContain(SECRET);

		const removed = [...ROLE_KEYS].filter((key) => !Object.hasOwn(stale.settings, key));
		const credentialsFile = scratch.file(text.credentials, 'credentials')!;
		const configFile = scratch.file(text.config, 'config')!;
		const sdk = await realSdkFiles(credentialsFile, configFile);
		const [cliCredentials, cliConfig] = await realBotocore([text.credentials, text.config], scratch);
		if (!cliCredentials?.ok || !cliConfig?.ok) throw new Error(`botocore rejected ${JSON.stringify(text)}`);
		const configSection = Object.entries(cliConfig.sections).filter(([name]) => cliConfigProfileName(name) === profile).at(-1)?.[1];
		const readers: Record<string, Record<string, unknown> | undefined> = {
			'SDK v3': (sdk.merged as Record<string, Record<string, string>>)[profile],
			botocore: {...configSection, ...cliCredentials.sections[profile]},
		};
		if (stale.placement === 'credentials') {
			const v2 = realV2Profiles(loadAwsSdkV2(), credentialsFile, undefined);
			readers['aws-sdk v2'] = typeof v2 === 'string' ? {error: v2} : v2[profile];
		}
		for (const [reader, read] of Object.entries(readers)) {
			for (const [key, value] of Object.entries(stale.settings)) expect(read?.[key], `${reader} ${key}`).toBe(value);
			for (const key of removed) expect(read?.[key], `${reader} ${key}`).toBeUndefined();
		}
	});

	it('leaves a profile alone when the new settings have no role_arn', () => {
		const configText = `[profile deployer-prod]\nrole_arn = ${OLD_ROLE}\nsource_profile = base\nmfa_serial = ${MFA}\n`;
		const credentialsText = `${BASE}\n[deployer-prod]\nexternal_id = old-team\n`;
		const plan = set({overwrite: true, settings: {region: 'eu-west-1'}, credentialsText, configText});
		expect(plan.refusal).toBeUndefined();
		expect(plan.credentials).toBeUndefined();
		expect(plan.config?.after).toBe(`${configText}region = eu-west-1\n`);
		expect(plan.warnings).toEqual([]);
	});

	it('still refuses an existing role profile without overwrite, removing nothing', () => {
		const plan = set({settings: {role_arn: ROLE}, configText: `[profile deployer-prod]\nrole_arn = ${OLD_ROLE}\nmfa_serial = ${MFA}\n`});
		expect(plan.refusal?.code).toBe('profile-exists');
		expect(plan.config).toBeUndefined();
		expect(plan.credentials).toBeUndefined();
	});
});

describe('generated role plans', () => {
	it('accept or refuse 2,000 cases correctly', () => {
		let changed = 0;
		fc.assert(
			fc.property(roleSetCase, (input) => {
				const plan = runCase(input);
				if (plan.refusal) {
					const problem = refusalProblem(input, plan);
					if (problem) expect({problem, input}).toBeUndefined();
					return;
				}
				if (plan.credentials || plan.config) changed++;
				const problem = acceptedPlanProblem(input, plan);
				if (problem) expect({problem, input, plan}).toBeUndefined();
			}),
			{numRuns: 2_000},
		);
		expect(changed).toBeGreaterThan(600);
	});

	it('the real readers take the role from the credentials file: SDK v3, aws-sdk v2 without AWS_SDK_LOAD_CONFIG, botocore merged', async () => {
		assertAwsSdkV2();
		const AWS = loadAwsSdkV2();
		const sample = fc
			.sample(roleSetCase, {numRuns: 300, seed: 20_261_128})
			.map((input) => ({input, plan: runCase(input)}))
			.filter(({input, plan}) => !plan.refusal && !input.allowUnparseable && (plan.credentials || plan.config))
			.map(({input, plan}) => ({input, plan, text: {credentials: plan.credentials?.after ?? input.credentialsText ?? '', config: plan.config?.after ?? input.configText ?? ''}}))
			// A file the plan did not touch may be one the AWS CLI already rejected: no merge to compare there.
			.filter(({text}) => readCliIni(text.credentials).ok && readCliIni(text.config).ok);
		expect(sample.length).toBeGreaterThan(60);
		const texts = sample.map(({text}) => text);
		const botocore = await realBotocore(texts.flatMap((text) => [text.credentials, text.config]), scratch);
		for (const [index, {input, plan}] of sample.entries()) {
			const text = texts[index]!;
			const credentialsFile = scratch.file(text.credentials, 'credentials')!;
			const configFile = scratch.file(text.config, 'config')!;
			const want = Object.fromEntries(Object.entries(intended(input, plan).credentials).filter(([key, value]) => Object.hasOwn(input.settings, key) && value !== undefined));
			const sdk = await realSdkFiles(credentialsFile, configFile);
			const v2 = realV2Profiles(AWS, credentialsFile, undefined);
			const cliCredentials = botocore[index * 2] as BotocoreResult;
			const cliConfig = botocore[index * 2 + 1] as BotocoreResult;
			if (!cliCredentials.ok || !cliConfig.ok) {
				expect({input, cliCredentials, cliConfig}).toBeUndefined();
				continue;
			}
			// botocore `Session.full_config`: the config profile, updated with the credentials file's section.
			const configSection = Object.entries(cliConfig.sections).filter(([name]) => cliConfigProfileName(name) === input.profile).at(-1)?.[1];
			const cli = {...configSection, ...cliCredentials.sections[input.profile]};
			// An overwritten role keeps none of the old role's settings that the new ones leave out.
			const gone = input.overwrite ? [...ROLE_KEYS].filter((key) => !Object.hasOwn(input.settings, key)) : [];
			for (const [key, value] of [...Object.entries(want), ...gone.map((key) => [key, undefined] as const)]) {
				const context = `${key} of ${input.profile} in ${JSON.stringify(text)}`;
				expect((sdk.merged as Record<string, Record<string, string>>)[input.profile]?.[key], `SDK v3 ${context}`).toBe(value);
				expect(typeof v2 === 'string' ? v2 : v2[input.profile]?.[key], `aws-sdk v2 ${context}`).toBe(value);
				expect(cli[key], `botocore ${context}`).toBe(value);
			}
		}
	});
});
