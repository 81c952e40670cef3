import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {readCliIni} from '../../source/aws-files/cli-reader.js';
import {inspectAwsFile, type AwsFileKind} from '../../source/aws-files/file-issues.js';
import {readSdkIni, sdkSectionKey} from '../../source/aws-files/sdk-reader.js';
import {growthRatio} from './big-file.js';
import {cleanishFile, iniNoise, iniText} from './ini-arbitrary.js';

const KEY = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

function ids(text: string, kind: AwsFileKind): Array<[string, number]> {
	return inspectAwsFile(text, kind).map((issue) => [issue.id, issue.line]);
}

describe('inspectAwsFile', () => {
	it.each<[string, AwsFileKind, string, Array<[string, number]>]>([
		['a clean credentials file', 'credentials', `[default]\naws_access_key_id = ${KEY}\naws_secret_access_key = ${SECRET}\n`, []],
		['a clean config file', 'config', '# mine\n[default]\nregion = eu-west-1\n\n[profile dev]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = default\ns3 =\n  max_concurrent_requests = 20\n[sso-session corp]\nsso_region = eu-west-1\n', []],
		['BOM', 'config', '\uFEFF[default]\nregion = x\n', [['bom', 1]]],
		['__proto__ wipes the file', 'credentials', '[default]\na = 1\n[__proto__]\nb = 2\n', [['sdk-reads-nothing', 3]]],
		['__proto__ after a prefix (SDK v2 only)', 'config', '[sso-session __proto__]\na = 1\n', [['v2-reads-nothing', 1]]],
		['duplicate section', 'credentials', '[dev]\na = 1\n[dev]\nb = 2\n', [['duplicate-section', 3]]],
		['duplicate key', 'credentials', '[dev]\nregion = a\nRegion = b\n', [['duplicate-key', 3], ['key-not-lowercase', 3]]],
		['[profile x] in credentials', 'credentials', '[profile dev]\na = 1\n', [['profile-prefix-in-credentials', 1]]],
		['[sso-session x] in credentials', 'credentials', '[sso-session corp]\na = 1\n', [['config-section-in-credentials', 1]]],
		['[x] in config', 'config', '[dev]\nregion = x\n', [['missing-profile-prefix', 1]]],
		['[plugins] in config is the CLI own', 'config', '[plugins]\ncli_legacy_plugin_path = /x\n', []],
		['[profile default] next to [default]', 'config', '[default]\nregion = a\n[profile default]\nregion = b\n', [['profile-default-twice', 3]]],
		['[x] next to [profile x]', 'config', '[profile dev]\nregion = a\n[dev]\noutput = json\n', [['missing-profile-prefix', 3], ['v2-duplicate-profile', 3]]],
		['[DEFAULT]', 'credentials', '[DEFAULT]\nregion = a\n', [['uppercase-default-section', 1]]],
		['space in a name', 'config', '[profile my prof]\nregion = a\n', [['section-ignored-by-sdk', 1]]],
		['upper-case prefix', 'config', '[PROFILE dev]\nregion = a\n', [['section-ignored-by-sdk', 1]]],
		['odd characters', 'config', '[profile a!b]\nregion = a\n', [['section-ignored-by-sdk', 1]]],
		['dotted name', 'config', '[profile.dev]\nregion = a\n', [['dotted-section-name', 1]]],
		['quoted and bare name', 'config', '[profile "dev"]\nregion = a\n[profile dev]\noutput = json\n', [['duplicate-section', 3]]],
		['built-in name', 'credentials', '[toString]\na = 1\n', [['built-in-name', 1]]],
		['header with trailing text', 'credentials', '[default] junk\na = 1\n', [['header-read-differently', 1]]],
		['upper-case key', 'credentials', `[default]\nAWS_ACCESS_KEY_ID = ${KEY}\n`, [['key-not-lowercase', 2]]],
		['colon separator', 'config', '[default]\nregion: eu-west-1\n', [['colon-separator', 2]]],
		['inline comment', 'config', '[default]\nregion = eu-west-1 ; mine\n', [['inline-comment', 2]]],
		['# without a space is kept', 'config', '[default]\noutput = json#x\n', []],
		['empty value', 'config', '[default]\nregion =\n', [['empty-value', 2]]],
		['indented key', 'config', '[default]\nregion = x\n  output = json\n', [['indented-line', 3]]],
		['indented text', 'config', '[default]\ncredential_process = run\n  --flag\n', [['indented-line', 3]]],
		['quoted value', 'config', '[default]\nregion = "eu-west-1"\n', [['quoted-value', 2]]],
		['quoted credential_process is fine', 'config', '[default]\ncredential_process = "C:\\Program Files\\x.exe"\n', []],
		['key before the first section', 'credentials', `aws_access_key_id = ${KEY}\n[default]\n`, [['before-first-section', 1]]],
		['stray line', 'credentials', `[default]\n${SECRET}\n`, [['stray-line', 2]]],
		['line starting with =', 'credentials', '[default]\n= x\n', [['stray-line', 2]]],
		['nested block without =', 'config', '[default]\ns3 =\n  oops\n', [['empty-value', 2], ['nested-block-error', 3]]],
		['lone CR', 'config', '[default]\rregion = x\n', [['header-read-differently', 1], ['lone-carriage-return', 1]]],
	])('%s', (_label, kind, text, expected) => {
		expect(ids(text, kind)).toEqual(expected);
	});

	it('gives a one-line message and an exact fix, naming the line', () => {
		const [issue] = inspectAwsFile('[default]\nregion = a\n[dev]\nregion = b\n[dev]\noutput = json\n', 'credentials');
		expect(issue).toEqual({
			id: 'duplicate-section',
			severity: 'warn',
			line: 5,
			message: 'Section [dev] appears again (first on line 3): the AWS CLI rejects the whole file; the SDKs merge both, later keys win.',
			fix: 'Move the keys under line 5 into [dev] on line 3 and delete the header on line 5.',
		});
		expect(inspectAwsFile('[profile dev]\na = 1\n[dev]\nb = 2\n', 'credentials')[0]?.fix).toBe(
			'Move its keys into [dev] (line 3) and delete the header on line 1.',
		);
		expect(inspectAwsFile('[profile my prof]\na = 1\n', 'config')[0]?.fix).toBe('Rename the header on line 1 to [profile my-prof].');
		expect(inspectAwsFile('[default]\n[__proto__]\na = 1\n', 'credentials')[0]).toMatchObject({severity: 'fail', line: 2});
	});

	it('never prints a value, a pasted secret or an unknown key', () => {
		const text = `${SECRET}\n[default]\n${KEY}\nAWS_SECRET_ACCESS_KEY = ${SECRET} ; note\n${SECRET}: x\naws_session_token = "${SECRET}"\n  ${KEY}\n[profile ${KEY}]\n[default]\nwJalrXUtnFEMI = ${SECRET}\nwJalrXUtnFEMI = again\n`;
		for (const kind of ['credentials', 'config'] as const) {
			const issues = inspectAwsFile(text, kind);
			expect(issues.length).toBeGreaterThan(5);
			for (const issue of issues) {
				for (const part of [issue.message, issue.fix]) {
					expect(part).not.toContain(KEY);
					expect(part).not.toContain('wJalrXUtnFEMI');
					expect(part).not.toContain('\n');
				}
			}
		}
	});

	it('finds every difference between the AWS SDK and the AWS CLI in generated files', () => {
		const files = fc.oneof({weight: 4, arbitrary: cleanishFile}, {weight: 2, arbitrary: iniText}, {weight: 1, arbitrary: iniNoise});
		fc.assert(
			fc.property(files, fc.constantFrom<AwsFileKind>('credentials', 'config'), (text, kind) => {
				const issues = inspectAwsFile(text, kind);
				for (const issue of issues) {
					if (issue.line < 1 || issue.message.includes('\n') || issue.fix.includes('\n')) throw new Error(JSON.stringify(issue));
				}
				if (issues.length > 0) return;
				// No issue reported: the CLI accepts the file and reads exactly what the SDK reads.
				const cli = readCliIni(text);
				expect(cli.ok, JSON.stringify(text)).toBe(true);
				if (!cli.ok) return;
				const cliAsSdk: Record<string, Record<string, string>> = {};
				for (const [name, values] of Object.entries(cli.sections)) {
					const key = sdkSectionKey(name);
					if (key !== undefined && Object.keys(values).length > 0) cliAsSdk[key] = {...cliAsSdk[key], ...values};
				}
				const sdk = Object.fromEntries(Object.entries(readSdkIni(text)).map(([name, values]) => [name, {...values}]));
				expect(sdk, JSON.stringify(text)).toEqual(cliAsSdk);
			}),
			{numRuns: 3000, seed: 333},
		);
	});

	it('inspects a 10,000-profile file in linear time', () => {
		expect(growthRatio((text) => inspectAwsFile(text, 'config'), 3)).toBeLessThan(5);
	});
});
