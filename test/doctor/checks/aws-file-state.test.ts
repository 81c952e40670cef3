import {describe, expect, it} from 'vitest';
import {awsFileReadableChecks} from '../../../source/doctor/checks/aws-file-readable.js';
import {credentialsFileModeChecks} from '../../../source/doctor/checks/credentials-file-mode.js';
import {sdkLoadConfigChecks} from '../../../source/doctor/checks/sdk-load-config.js';
import {makeSnapshot, type SnapshotSpec} from '../snapshot-builder.js';
import {makeVerdict} from '../verdict-builder.js';
import {expectFixes, outcomes} from './finding-lookup.js';

const text = '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n';

describe('credentialsFileModeChecks', () => {
	const table: Array<{name: string; spec: SnapshotSpec; expected: string[]}> = [
		{name: '0600 is ok', spec: {credentials: {text, mode: 0o600}}, expected: ['credentials-file-mode:ok']},
		{name: '0400 is ok', spec: {credentials: {text, mode: 0o400}}, expected: ['credentials-file-mode:ok']},
		{name: '0644 is readable by everyone', spec: {credentials: {text, mode: 0o644}}, expected: ['credentials-file-mode:warn']},
		{name: '0640 is readable by the group', spec: {credentials: {text, mode: 0o640}}, expected: ['credentials-file-mode:warn']},
		{name: 'Windows has no mode bits', spec: {credentials: {text, mode: 0o666}, platform: 'win32'}, expected: []},
		{name: 'absent file', spec: {}, expected: []},
		{name: 'unreadable file is another check', spec: {credentials: {mode: 0o644, error: {code: 'EACCES', message: 'permission denied'}}}, expected: []},
	];
	it.each(table)('$name', ({spec, expected}) => {
		const findings = credentialsFileModeChecks(makeSnapshot(spec), makeVerdict());
		expect(outcomes(findings)).toEqual(expected);
		expectFixes(findings);
	});

	it('gives the chmod command with the real path, quoted when needed', () => {
		const snapshot = makeSnapshot({env: {AWS_SHARED_CREDENTIALS_FILE: '/home/dev/my creds'}, credentials: {text, mode: 0o644}});
		const [finding] = credentialsFileModeChecks(snapshot, makeVerdict());
		expect(finding!.fix).toBe("Run `chmod 600 '/home/dev/my creds'`.");
		expect(finding!.why).toContain('mode 0644');
		expect(finding!.why).toContain('every user');
	});
});

describe('awsFileReadableChecks', () => {
	const table: Array<{name: string; spec: SnapshotSpec; expected: string[]; fix?: RegExp}> = [
		{name: 'readable files', spec: {credentials: text, config: '[default]\nregion = eu-west-1\n'}, expected: []},
		{name: 'absent default files are normal', spec: {}, expected: []},
		{
			name: 'EACCES on the credentials file',
			spec: {credentials: {error: {code: 'EACCES', message: 'EACCES: permission denied'}}},
			expected: ['credentials-file-readable:fail'],
			fix: /sudo chown "\$\(id -un\)" \/home\/dev\/\.aws\/credentials && chmod 600/,
		},
		{
			name: 'EISDIR on the config file',
			spec: {config: {error: {code: 'EISDIR', message: 'EISDIR: illegal operation on a directory'}}},
			expected: ['config-file-readable:fail'],
			fix: /is a directory/,
		},
		{
			name: 'AWS_SHARED_CREDENTIALS_FILE pointing nowhere',
			spec: {env: {AWS_SHARED_CREDENTIALS_FILE: '/ci/creds'}},
			expected: ['credentials-file-readable:warn'],
			fix: /unset AWS_SHARED_CREDENTIALS_FILE/,
		},
		{
			name: 'AWS_CONFIG_FILE pointing nowhere',
			spec: {env: {AWS_CONFIG_FILE: '/ci/config'}},
			expected: ['config-file-readable:warn'],
		},
	];
	it.each(table)('$name', ({spec, expected, fix}) => {
		const findings = awsFileReadableChecks(makeSnapshot(spec), makeVerdict());
		expect(outcomes(findings)).toEqual(expected);
		if (fix) expect(findings[0]!.fix).toMatch(fix);
		expectFixes(findings);
	});
});

describe('sdkLoadConfigChecks', () => {
	const table: Array<{name: string; spec: SnapshotSpec; engine?: 'serverless-v4'; expected: string[]}> = [
		{name: 'set without a config file', spec: {env: {AWS_SDK_LOAD_CONFIG: '1'}}, expected: ['sdk-load-config-without-config-file:warn']},
		{name: '"0" is truthy for SDK v2 too', spec: {env: {AWS_SDK_LOAD_CONFIG: '0'}}, expected: ['sdk-load-config-without-config-file:warn']},
		{name: 'set with a config file', spec: {env: {AWS_SDK_LOAD_CONFIG: '1'}, config: '[default]\n'}, expected: []},
		{name: 'not set', spec: {}, expected: []},
		{name: 'irrelevant for v4', spec: {env: {AWS_SDK_LOAD_CONFIG: '1'}}, engine: 'serverless-v4', expected: []},
	];
	it.each(table)('$name', ({spec, engine, expected}) => {
		const findings = sdkLoadConfigChecks(makeSnapshot(spec), makeVerdict({engine: engine ?? 'serverless-v3'}));
		expect(outcomes(findings)).toEqual(expected);
		expectFixes(findings);
	});
});
