import {describe, expect, it} from 'vitest';
import {accessKeyWarnings, cleanPastedValue, fileEditProblem, profileNameProblem, settingKeyProblem, valueProblem} from '../../source/aws-files/profile-validation.js';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe('profileNameProblem', () => {
	it.each(['default', 'dev', 'team-a', 'b.c', 'q@r', 'p+1', 's%t', 'u:v', 'w/z', 'A_1', '007'])('accepts %j', (name) => {
		expect(profileNameProblem(name)).toBeUndefined();
	});

	it.each(['', 'my prof', 'a]b', '[a', 'x\ny', 'x\r', 'tab\there', '"q"', "it's", 'a#b', 'a;b', 'a=b', 'é', '__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
		'refuses %j',
		(name) => {
			expect(profileNameProblem(name)?.code).toBe('invalid-profile-name');
		},
	);
});

describe('settingKeyProblem / valueProblem', () => {
	it.each(['region', 'output', 'role_arn', 'sso_start_url', 's3', 'max_attempts'])('accepts the key %j', (key) => {
		expect(settingKeyProblem(key)).toBeUndefined();
	});

	it.each<[string, string | undefined]>([
		['Region', 'Write it as region.'],
		['AWS_REGION', 'Write it as aws_region.'],
		['my key', undefined],
		['a.b', undefined],
		['', undefined],
		['1x', undefined],
	])('refuses the key %j', (key, fix) => {
		const problem = settingKeyProblem(key);
		expect(problem?.code).toBe('invalid-key');
		if (fix) expect(problem?.fix).toBe(fix);
	});

	it.each(['us-east-1', 'a=b', 'x#y', 'v;w', 'arn:aws:iam::1:role/x', '"C:\\Program Files\\x.exe" --json', 'x y'])('accepts the value %j', (value) => {
		expect(valueProblem('region', value)).toBeUndefined();
	});

	it.each<[string, string]>([
		['', 'empty-value'],
		['a # b', 'invalid-value'],
		['a\t;b', 'invalid-value'],
		['#a', 'invalid-value'],
		[';a', 'invalid-value'],
		['a\nb', 'invalid-value'],
		['a\rb', 'invalid-value'],
		['a\u0085b', 'invalid-value'],
		['a\u2028b', 'invalid-value'],
		['a\u0000b', 'invalid-value'],
	])('refuses the value %j', (value, code) => {
		expect(valueProblem('region', value)?.code).toBe(code);
	});

	it('does not quote a secret value', () => {
		const problem = valueProblem('secret access key', `${SECRET} #x`, {secret: true});
		expect(JSON.stringify(problem)).not.toContain(SECRET.slice(4, -4));
		expect(valueProblem('secret access key', 'abc def', {secret: true})?.code).toBe('invalid-value');
		expect(valueProblem('region', 'abc def')).toBeUndefined();
	});
});

describe('cleanPastedValue', () => {
	it.each<[string, boolean, string, string | undefined]>([
		['AKIA', true, 'AKIA', undefined],
		['  AKIA\n', true, 'AKIA', 'Removed the spaces or line breaks around the pasted x.'],
		['"AKIA"', true, 'AKIA', 'Removed the quotes around the pasted x.'],
		[' "AKIA', true, 'AKIA', 'Removed the quotes and spaces around the pasted x.'],
		['`AKIA`', true, 'AKIA', 'Removed the quotes around the pasted x.'],
		['"eu-west-1"', false, 'eu-west-1', 'Removed the quotes around the pasted x.'],
		["'eu-west-1'", false, 'eu-west-1', 'Removed the quotes around the pasted x.'],
		['"C:\\x.exe" --json', false, '"C:\\x.exe" --json', undefined],
		['"a', false, '"a', undefined],
	])('%j (secret: %s)', (raw, secret, value, note) => {
		expect(cleanPastedValue('x', raw, {secret})).toEqual(note === undefined ? {value} : {value, note});
	});
});

describe('accessKeyWarnings', () => {
	it.each<[string, string, string | undefined, RegExp[]]>([
		['AKIAQAAAAAAAGMKEM7X5', SECRET, undefined, []],
		['ASIAY34FZKBOKMUTVV7A', SECRET, 'token', []],
		['ASIAY34FZKBOKMUTVV7A', SECRET, undefined, [/ASIA… keys are temporary/]],
		['AKIAQAAAAAAAGMKEM7X5', SECRET, 'token', [/AKIA… keys are long-term/]],
		['AROAY34FZKBOKMUTVV7A', SECRET, undefined, [/AROA: that is an IAM role ID/]],
		['AIDAY34FZKBOKMUTVV7A', SECRET, undefined, [/AIDA: that is an IAM user ID/]],
		['AKIAQAAAAAAAGMKEM7X', SECRET, undefined, [/is 19 characters/]],
		['AKIAIOSFODNN8EXAMPLE', SECRET, undefined, [/characters AWS key IDs do not use/]],
		['XYZ', SECRET, undefined, [/does not start with AKIA or ASIA/]],
		['AKIAQAAAAAAAGMKEM7X5', 'short', undefined, [/secret access key is 5 characters/]],
		[SECRET, 'AKIAQAAAAAAAGMKEM7X5', undefined, [/does not start with AKIA/, /look swapped/]],
	])('%s / %s / token %s', (accessKeyId, secretAccessKey, sessionToken, expected) => {
		const warnings = accessKeyWarnings({accessKeyId, secretAccessKey, ...(sessionToken ? {sessionToken} : {})});
		expect(warnings).toHaveLength(expected.length);
		expected.forEach((pattern, index) => expect(warnings[index]).toMatch(pattern));
		expect(warnings.join(' ')).not.toContain(SECRET);
	});
});

describe('fileEditProblem', () => {
	const check = (text: string | undefined, kind: 'credentials' | 'config' = 'config', replacing?: string[]) =>
		fileEditProblem({kind, path: '/x/config', text, profile: 'dev', ...(replacing ? {replacing} : {})});

	it.each<[string, string | undefined, string | undefined]>([
		['a missing file', undefined, undefined],
		['a clean file', '[profile dev]\nregion = a\n[profile x]\nregion = b ; other profiles do not matter\n', undefined],
		['a duplicate section', '[profile dev]\na = 1\n[profile dev]\nb = 2\n', 'file-unreadable-by-cli'],
		['a stray line', '[profile x]\noops\n', 'file-unreadable-by-cli'],
		['two spellings', '[profile dev]\na = 1\n[profile "dev"]\nb = 2\n', 'profile-defined-twice'],
		['[profile.dev] beside [profile dev]', '[profile dev]\na = 1\n[profile.dev]\nb = 2\n', 'profile-defined-twice'],
		['an inline comment', '[profile dev]\nregion = a ; b\n', 'profile-read-differently'],
		['an upper-case key', '[profile dev]\nREGION = a\n', 'profile-read-differently'],
		['a continuation', '[profile dev]\nregion = a\n  output = json\n', 'profile-read-differently'],
		['a spelling only the CLI reads', '[profile  dev]\nregion = a\n', 'profile-read-differently'],
		['a spelling only the SDK reads', '[profile.dev]\nregion = a\n', 'profile-read-differently'],
	])('%s', (_label, text, code) => {
		expect(check(text)?.code).toBe(code);
	});

	it('ignores disagreements on the keys being replaced', () => {
		expect(check('[profile dev]\nregion = a ; b\n', 'config', ['region'])).toBeUndefined();
		expect(check('[profile dev]\nREGION = a\n', 'config', ['region'])).toBeUndefined();
	});

	it('points at the line and gives the doctor fix', () => {
		expect(check('[profile dev]\noutput = json\nregion = a ; b\n')).toEqual({
			code: 'profile-read-differently',
			message: 'The AWS SDK and the AWS CLI read "region" of profile "dev" differently (line 3 of /x/config).',
			fix: expect.stringContaining('line 3'),
		});
	});
});
