import {inspectAwsFile, type FileIssueId} from '../../aws-files/file-issues.js';
import type {FileRead, Snapshot} from '../../gather/snapshot.js';
import type {Verdict} from '../../credentials/verdict.js';
import type {Finding} from '../finding.js';

/** Short titles; the inspector's message (what happens, per consumer) becomes the `why`. */
const titles: Partial<Record<FileIssueId, string>> = {
	bom: 'starts with a byte-order mark',
	'sdk-reads-nothing': 'reads as empty for the AWS SDK',
	'v2-reads-nothing': 'reads as empty for Serverless v3 (AWS SDK v2)',
	'duplicate-section': 'has a duplicate section',
	'duplicate-key': 'has a duplicate key',
	'profile-prefix-in-credentials': 'has a [profile …] section, which belongs in the config file',
	'config-section-in-credentials': 'has a section that belongs in the config file',
	'missing-profile-prefix': 'has a section without the "profile" prefix',
	'dotted-section-name': 'has a section name with a dot',
	'profile-default-twice': 'has both [default] and [profile default]',
	'v2-duplicate-profile': 'names one profile in two sections',
	'uppercase-default-section': 'has an upper-case DEFAULT section',
	'section-ignored-by-sdk': 'has a section the AWS SDK ignores',
	'built-in-name': 'has a profile named like a JavaScript built-in',
	'header-read-differently': 'has a section header the tools read differently',
	'key-not-lowercase': 'has a key that is not lower case',
	'colon-separator': 'has a "key: value" line',
	'inline-comment': 'has an inline comment',
	'empty-value': 'has an empty value',
	'indented-line': 'has an indented line',
	'quoted-value': 'has a quoted value',
	'before-first-section': 'has lines before the first section',
	'stray-line': 'has a line that is not "key = value"',
	'nested-block-error': 'has a broken nested block',
	'lone-carriage-return': 'has a lone carriage return',
	'cli-rejects-file': 'cannot be read by the AWS CLI',
};

/**
 * What the consumers disagree about in the shared files (aws-files.md §2): duplicates that make the AWS CLI reject
 * the whole file, sections the SDK never sees, and so on. Finding them is aws-files' job; this names file and line.
 */
export function awsFileIssueChecks(snapshot: Snapshot, _verdict: Verdict): Finding[] {
	return [...fileFindings(snapshot.credentialsFile, 'credentials'), ...fileFindings(snapshot.configFile, 'config')];
}

function fileFindings(file: FileRead, kind: 'credentials' | 'config'): Finding[] {
	if (!file.exists || file.text === undefined) return [];
	const issues = inspectAwsFile(file.text, kind);
	if (issues.length === 0) {
		return [
			{
				id: `${kind}-file`,
				status: 'ok',
				title: `The ${kind} file reads the same for the AWS CLI and the SDKs`,
				why: `${file.path} has no duplicates, misplaced sections or lines the parsers read differently.`,
			},
		];
	}
	return issues.map(issue => ({
		id: `${kind}-file:${issue.id}`,
		status: issue.severity,
		title: `The ${kind} file ${titles[issue.id] ?? 'has a problem'} (line ${issue.line})`,
		why: issue.message,
		fix: `In ${file.path}: ${issue.fix}`,
		details: [`${file.path}:${issue.line}`],
	}));
}
