import type {Snapshot} from '../../gather/snapshot.js';
import type {Verdict} from '../../credentials/verdict.js';
import type {Finding} from '../finding.js';
import {shellQuote} from '../shell-quote.js';

/** The AWS CLI warns about group/other access since aws/aws-cli#10341; Windows has no such bits. */
export function credentialsFileModeChecks(snapshot: Snapshot, _verdict: Verdict): Finding[] {
	const file = snapshot.credentialsFile;
	if (snapshot.platform === 'win32' || !file.exists || file.mode === undefined || file.error) return [];
	const mode = `0${(file.mode & 0o777).toString(8).padStart(3, '0')}`;
	if ((file.mode & 0o077) === 0) {
		return [
			{
				id: 'credentials-file-mode',
				status: 'ok',
				title: 'Only you can read the credentials file',
				why: `${file.path} has mode ${mode}.`,
			},
		];
	}
	return [
		{
			id: 'credentials-file-mode',
			status: 'warn',
			title: 'Other users can read the credentials file',
			why: `${file.path} has mode ${mode}, so ${file.mode & 0o007 ? 'every user on this machine' : 'your group'} can read your secret keys. The AWS CLI warns about this too.`,
			fix: `Run \`chmod 600 ${shellQuote(file.path)}\`.`,
		},
	];
}

