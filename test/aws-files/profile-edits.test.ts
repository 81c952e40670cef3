import {describe, expect, it} from 'vitest';
import {listProfiles, planRemoveProfile, planSetProfile, type ProfilePlan, type SetProfileInput} from '../../source/aws-files/profile-edits.js';
import {Secret} from '../../source/secret.js';

const KEY = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const TEMP_KEY = 'ASIAY34FZKBOKMUTVV7A';
const TOKEN = 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ==';
/** Shaped like real keys, and found nowhere else: must never show in a message. */
const CANARY_KEY = 'AKIAZZZZCANARY234567';
const CANARY_SECRET = 'CanarySecretCanarySecretCanarySecret0000';

function keys(accessKeyId = KEY, secretAccessKey = SECRET, sessionToken?: string): NonNullable<SetProfileInput['credentials']> {
	return {
		accessKeyId: new Secret(accessKeyId),
		secretAccessKey: new Secret(secretAccessKey),
		...(sessionToken === undefined ? {} : {sessionToken: new Secret(sessionToken)}),
	};
}

function set(input: Partial<SetProfileInput>): ProfilePlan {
	return planSetProfile({profile: 'dev', overwrite: false, ...input});
}

describe('planSetProfile: placement', () => {
	it('writes static keys to [name] in the credentials file and settings to [profile name] in the config file', () => {
		const plan = set({credentials: keys(), settings: {region: 'eu-west-1', output: 'json'}});
		expect(plan.refusal).toBeUndefined();
		expect(plan.credentials).toEqual({after: `[dev]\naws_access_key_id = ${KEY}\naws_secret_access_key = ${SECRET}\n`});
		expect(plan.config).toEqual({after: '[profile dev]\nregion = eu-west-1\noutput = json\n'});
	});

	it('writes default as [default] in the config file, never [profile default]', () => {
		const plan = set({profile: 'default', settings: {region: 'eu-west-1'}, configText: '# mine\n[profile dev]\nregion = x\n'});
		expect(plan.config?.after).toBe('# mine\n[profile dev]\nregion = x\n\n[default]\nregion = eu-west-1\n');
	});

	it('edits an existing [profile default] in place instead of adding [default]', () => {
		const plan = set({profile: 'default', overwrite: true, settings: {region: 'b'}, configText: '[profile default]\nregion = a\n'});
		expect(plan.config?.after).toBe('[profile default]\nregion = b\n');
	});

	it('edits a quoted spelling in place', () => {
		const plan = set({overwrite: true, settings: {region: 'b'}, configText: '[profile "dev"]\nregion = a\n'});
		expect(plan.config?.after).toBe('[profile "dev"]\nregion = b\n');
	});

	it('adds keys to an existing profile without touching the rest of either file', () => {
		const credentialsText = `# team file\n[default]\naws_access_key_id = ${KEY} ; main\naws_secret_access_key = ${SECRET}\n\n# ci below\n[ci]\naws_access_key_id = ${KEY}\naws_secret_access_key = ${SECRET}\n`;
		const plan = set({profile: 'default', overwrite: true, credentialsText, credentials: keys('AKIAQAAAAAAAGMKEM7X5', SECRET)});
		expect(plan.credentials?.after).toBe(credentialsText.replace(`${KEY} ; main`, 'AKIAQAAAAAAAGMKEM7X5'));
		expect(plan.config).toBeUndefined();
	});

	it('moves a setting out of the credentials file, where the JS SDK would keep reading it', () => {
		const plan = set({overwrite: true, credentialsText: `[dev]\naws_access_key_id = ${KEY}\nregion = us-east-1\n`, settings: {region: 'eu-west-1'}});
		expect(plan.credentials?.after).toBe(`[dev]\naws_access_key_id = ${KEY}\n`);
		expect(plan.config?.after).toBe('[profile dev]\nregion = eu-west-1\n');
		expect(plan.warnings.join('\n')).toMatch(/Moved region of profile "dev" from ~\/\.aws\/credentials to ~\/\.aws\/config/);
	});

	it('uses the given paths in messages', () => {
		const plan = set({credentialsText: '[dev]\na = 1\n', credentialsPath: '/tmp/x/credentials', credentials: keys()});
		expect(plan.refusal?.message).toContain('/tmp/x/credentials');
	});

	it('plans no change when the values are already there', () => {
		const plan = set({overwrite: true, configText: '[profile dev]\nregion = a\n', settings: {region: 'a'}});
		expect(plan).toEqual({warnings: []});
	});

	it('keeps CRLF and a missing final newline', () => {
		const plan = set({overwrite: true, configText: '[profile dev]\r\nregion = a', settings: {output: 'json'}});
		expect(plan.config?.after).toBe('[profile dev]\r\nregion = a\r\noutput = json');
	});

	it('refuses a file with a byte order mark (the AWS CLI rejects it), and keeps the mark when allowed', () => {
		const input = {overwrite: true, configText: '\uFEFF[profile dev]\nregion = a\n', settings: {output: 'json'}};
		expect(set(input).refusal).toMatchObject({code: 'file-unreadable-by-cli', fix: expect.stringMatching(/byte order mark|BOM/i)});
		expect(set({...input, allowUnparseable: true}).config?.after).toBe('\uFEFF[profile dev]\nregion = a\noutput = json\n');
	});
});

describe('planSetProfile: existing profiles and session tokens', () => {
	it("refuses an existing profile without overwrite, with Serverless' message", () => {
		const plan = set({credentialsText: `[dev]\naws_access_key_id = ${KEY}\n`, credentials: keys()});
		expect(plan.refusal).toMatchObject({
			code: 'profile-exists',
			message: 'Profile "dev" is already configured in ~/.aws/credentials. Use the overwrite flag ("-o" or "--overwrite") to force the update.',
		});
		expect(plan.credentials).toBeUndefined();
	});

	it('counts a profile that exists only in the config file', () => {
		const plan = set({configText: '[profile dev]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = default\n', credentials: keys()});
		expect(plan.refusal?.message).toContain('is already configured in ~/.aws/config');
	});

	it('removes the old session token when a long-term key replaces a temporary one', () => {
		const credentialsText = `[dev]\naws_access_key_id = ${TEMP_KEY}\naws_secret_access_key = ${SECRET}\naws_session_token = ${TOKEN}\n`;
		const plan = set({overwrite: true, credentialsText, credentials: keys()});
		expect(plan.credentials?.after).toBe(`[dev]\naws_access_key_id = ${KEY}\naws_secret_access_key = ${SECRET}\n`);
		expect(plan.warnings).toContain('Removed the old aws_session_token from [dev]: a session token belongs to the key it came with, not to the new one.');
	});

	it('replaces the token when a new temporary key comes with its own', () => {
		const credentialsText = `[dev]\naws_access_key_id = ${TEMP_KEY}\naws_secret_access_key = ${SECRET}\naws_session_token = old\n`;
		const plan = set({overwrite: true, credentialsText, credentials: keys('ASIAQAAAAAAAGMKEM7X5', SECRET, TOKEN)});
		expect(plan.credentials?.after).toBe(`[dev]\naws_access_key_id = ASIAQAAAAAAAGMKEM7X5\naws_secret_access_key = ${SECRET}\naws_session_token = ${TOKEN}\n`);
	});

	it('keeps the token when the same temporary key is set again without one', () => {
		const credentialsText = `[dev]\naws_access_key_id = ${TEMP_KEY}\naws_secret_access_key = x\naws_session_token = ${TOKEN}\n`;
		const plan = set({overwrite: true, credentialsText, credentials: keys(TEMP_KEY, SECRET)});
		expect(plan.credentials?.after).toContain(`aws_session_token = ${TOKEN}`);
	});

	it('writes a session token with = padding (which ini would quote)', () => {
		const plan = set({credentials: keys(TEMP_KEY, SECRET, TOKEN)});
		expect(plan.credentials?.after).toContain(`\naws_session_token = ${TOKEN}\n`);
	});
});

describe('planSetProfile: refusals', () => {
	it.each<[string, Partial<SetProfileInput>, string]>([
		['a name with a space', {profile: 'my prof', settings: {region: 'a'}}, 'invalid-profile-name'],
		['__proto__', {profile: '__proto__', settings: {region: 'a'}}, 'invalid-profile-name'],
		['a built-in name', {profile: 'constructor', settings: {region: 'a'}}, 'invalid-profile-name'],
		['a bracket', {profile: 'a]b', settings: {region: 'a'}}, 'invalid-profile-name'],
		['nothing to set', {}, 'nothing-to-set'],
		['an upper-case setting', {settings: {Region: 'a'}}, 'invalid-key'],
		['a credential as a setting', {settings: {aws_secret_access_key: 'a'}}, 'credentials-in-settings'],
		['an empty value', {settings: {region: '  '}}, 'empty-value'],
		['an inline comment', {settings: {region: 'eu-west-1 # mine'}}, 'invalid-value'],
		['a line break', {settings: {region: 'eu-west-1\nregion = x'}}, 'invalid-value'],
		['a secret with a space inside', {credentials: keys(KEY, 'abc def')}, 'invalid-value'],
		['a file the AWS CLI rejects', {credentialsText: '[a]\nx = 1\n[a]\ny = 2\n', credentials: keys()}, 'file-unreadable-by-cli'],
		['a profile spelled twice', {overwrite: true, profile: 'default', configText: '[default]\nregion = a\n[profile default]\noutput = json\n', settings: {region: 'b'}}, 'profile-defined-twice'],
		['a profile only the AWS CLI reads', {overwrite: true, configText: '[profile  dev]\nregion = a\n', settings: {region: 'b'}}, 'profile-read-differently'],
		['another key read differently', {overwrite: true, configText: '[profile dev]\noutput = json ; mine\n', settings: {region: 'b'}}, 'profile-read-differently'],
	])('%s', (_label, input, code) => {
		const plan = set(input);
		expect(plan.refusal?.code).toBe(code);
		expect(plan.refusal?.message).not.toMatch(/\n/);
		expect(plan.refusal?.fix.length).toBeGreaterThan(5);
		expect(plan.credentials).toBeUndefined();
		expect(plan.config).toBeUndefined();
	});

	it('lets the caller edit a file the AWS CLI rejects when asked', () => {
		const plan = set({allowUnparseable: true, credentialsText: '[a]\nx = 1\n[a]\ny = 2\n', credentials: keys()});
		expect(plan.refusal).toBeUndefined();
		expect(plan.credentials?.after).toBe(`[a]\nx = 1\n[a]\ny = 2\n\n[dev]\naws_access_key_id = ${KEY}\naws_secret_access_key = ${SECRET}\n`);
	});

	it('replaces a key the readers disagree on, since the edit removes the disagreement', () => {
		const plan = set({overwrite: true, configText: '[profile dev]\nregion = a ; mine\n', settings: {region: 'b'}});
		expect(plan.config?.after).toBe('[profile dev]\nregion = b\n');
	});

	it('names the line and gives the exact fix for a rejected file', () => {
		const plan = set({credentialsText: `[a]\n${CANARY_SECRET}\n`, credentials: keys()});
		expect(plan.refusal).toEqual({
			code: 'file-unreadable-by-cli',
			message: 'The AWS CLI cannot read ~/.aws/credentials: a line is neither a [section], a key = value line nor a comment on line 2. Editing it would keep it broken.',
			fix: expect.stringContaining('line 2'),
		});
	});

	it('never shows a secret in a refusal or a warning', () => {
		const plans = [
			set({credentials: keys(CANARY_KEY, `"${CANARY_SECRET}" `)}),
			set({credentials: keys(CANARY_KEY, `${CANARY_SECRET} #x`)}),
			set({credentials: keys(`AROA${CANARY_KEY.slice(4)}`, CANARY_SECRET)}),
			set({credentials: keys(CANARY_SECRET, CANARY_KEY)}),
			set({credentialsText: `[x]\n${CANARY_SECRET}\n`, credentials: keys(CANARY_KEY, CANARY_SECRET)}),
			set({credentialsText: `[dev]\naws_access_key_id = ${CANARY_KEY}\n`, credentials: keys(CANARY_KEY, CANARY_SECRET)}),
		];
		const shown = JSON.stringify(plans.map((plan) => [plan.refusal, plan.warnings]));
		expect(shown).not.toContain(CANARY_SECRET);
		expect(shown).not.toContain(CANARY_KEY);
		expect(shown).not.toContain(CANARY_KEY.slice(4));
	});
});

describe('planSetProfile: warnings', () => {
	it('trims pasted whitespace and quotes, and says so', () => {
		const plan = set({credentials: keys(` ${KEY}\n`, `'${SECRET}'`), settings: {region: '"eu-west-1"'}});
		expect(plan.credentials?.after).toBe(`[dev]\naws_access_key_id = ${KEY}\naws_secret_access_key = ${SECRET}\n`);
		expect(plan.config?.after).toBe('[profile dev]\nregion = eu-west-1\n');
		expect(plan.warnings).toEqual([
			'Removed the quotes around the pasted region.',
			'Removed the spaces or line breaks around the pasted access key ID.',
			'Removed the quotes around the pasted secret access key.',
		]);
	});

	it('warns about a role ID pasted as a key, an ASIA key without a token, swapped values', () => {
		expect(set({credentials: keys('AROAY34FZKBOKMUTVV7A', SECRET)}).warnings[0]).toMatch(/AROA: that is an IAM role ID/);
		expect(set({credentials: keys(TEMP_KEY, SECRET)}).warnings).toEqual([expect.stringMatching(/ASIA… keys are temporary/)]);
		expect(set({credentials: keys(SECRET, KEY)}).warnings.join('\n')).toMatch(/look swapped/);
	});

	it('warns when the profile is a role profile that the keys will not drive', () => {
		const plan = set({
			overwrite: true,
			configText: '[profile dev]\nrole_arn = arn:aws:iam::123456789012:role/x\nsource_profile = base\n',
			credentials: keys(),
		});
		expect(plan.warnings.join('\n')).toMatch(/reads profile "dev" as a role profile/);
	});

	it('warns about a [profile name] section in the credentials file', () => {
		const plan = set({credentialsText: `[profile dev]\naws_access_key_id = ${KEY}\n`, credentials: keys()});
		expect(plan.warnings.join('\n')).toMatch(/also has a \[profile dev\] section \(line 1\)/);
	});
});

describe('planRemoveProfile', () => {
	const credentialsText = `[default]\naws_access_key_id = ${KEY}\naws_secret_access_key = ${SECRET}\n\n# dev keys\n[dev]\naws_access_key_id = ${KEY}\naws_secret_access_key = ${SECRET}\n\n[ci]\naws_access_key_id = ${KEY}\n`;
	const configText = '[default]\nregion = eu-west-1\n\n[profile dev]\nregion = us-east-1\n\n[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/Admin\nsource_profile = dev\n';

	it('removes the profile from both files, with its comment block, and warns about profiles that use it', () => {
		const plan = planRemoveProfile({credentialsText, configText, profile: 'dev'});
		expect(plan.refusal).toBeUndefined();
		expect(plan.credentials?.after).toBe(`[default]\naws_access_key_id = ${KEY}\naws_secret_access_key = ${SECRET}\n\n[ci]\naws_access_key_id = ${KEY}\n`);
		expect(plan.config?.after).toBe('[default]\nregion = eu-west-1\n\n[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/Admin\nsource_profile = dev\n');
		expect(plan.warnings).toEqual(['Profile "admin" uses "dev" as its source_profile (line 6 of ~/.aws/config): it stops working without it.']);
	});

	it('removes default and every spelling of it', () => {
		const plan = planRemoveProfile({configText: '[default]\nregion = a\n\n[profile default]\noutput = json\n\n[profile x]\nregion = b\n', profile: 'default'});
		expect(plan.config?.after).toBe('[profile x]\nregion = b\n');
		expect(plan.credentials).toBeUndefined();
	});

	it('refuses a profile that is not there', () => {
		expect(planRemoveProfile({credentialsText, configText, profile: 'nope'}).refusal?.code).toBe('profile-not-found');
	});

	it('refuses a file the AWS CLI rejects unless allowed', () => {
		const broken = '[dev]\na = 1\n[dev]\nb = 2\n[x]\nc = 3\n';
		expect(planRemoveProfile({credentialsText: broken, profile: 'dev'}).refusal?.code).toBe('file-unreadable-by-cli');
		expect(planRemoveProfile({credentialsText: broken, profile: 'dev', allowUnparseable: true}).credentials?.after).toBe('[x]\nc = 3\n');
	});
});

describe('listProfiles', () => {
	it('lists every profile with its kind and where each key is, credentials masked', () => {
		const credentialsText = `[default]\naws_access_key_id = ${KEY}\naws_secret_access_key = ${SECRET}\n[tmp]\naws_access_key_id = ${TEMP_KEY}\naws_secret_access_key = ${SECRET}\naws_session_token = ${TOKEN}\n`;
		const configText = '[default]\nregion = eu-west-1\n[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/Admin\nsource_profile = default\n[sso-session corp]\nsso_region = eu-west-1\n';
		expect(listProfiles(credentialsText, configText)).toEqual([
			{
				name: 'default',
				kind: 'static',
				keys: [
					{key: 'aws_access_key_id', value: 'AKIA…MPLE', file: 'credentials', line: 2},
					{key: 'aws_secret_access_key', value: 'wJal…EKEY', file: 'credentials', line: 3},
					{key: 'region', value: 'eu-west-1', file: 'config', line: 2},
				],
			},
			{
				name: 'tmp',
				kind: 'temporary',
				keys: [
					{key: 'aws_access_key_id', value: 'ASIA…VV7A', file: 'credentials', line: 5},
					{key: 'aws_secret_access_key', value: 'wJal…EKEY', file: 'credentials', line: 6},
					{key: 'aws_session_token', value: 'IQoJ…IQ==', file: 'credentials', line: 7},
				],
			},
			{
				name: 'admin',
				kind: 'role',
				keys: [
					{key: 'role_arn', value: 'arn:aws:iam::123456789012:role/Admin', file: 'config', line: 4},
					{key: 'source_profile', value: 'default', file: 'config', line: 5},
				],
			},
		]);
	});

	it('follows the JS SDK: [profile default] replaces [default], later keys win', () => {
		const listing = listProfiles(undefined, '[default]\nregion = a\n[profile default]\noutput = json\n[profile x]\nregion = b\nregion = c\n');
		expect(listing.map((profile) => [profile.name, profile.keys.map((key) => `${key.key}=${key.value}@${key.line}`)])).toEqual([
			['default', ['output=json@4']],
			['x', ['region=c@7']],
		]);
	});

	it('lists nothing for missing files', () => {
		expect(listProfiles()).toEqual([]);
	});

	it('never shows a credential whole', () => {
		const text = `[a]\naws_access_key_id = ${CANARY_KEY}\naws_secret_access_key = ${CANARY_SECRET}\ncredential_process = echo ${CANARY_SECRET}\n`;
		const shown = JSON.stringify(listProfiles(text, text.replace('[a]', '[profile a]')));
		expect(shown).not.toContain(CANARY_KEY);
		expect(shown).not.toContain(CANARY_SECRET);
	});
});
