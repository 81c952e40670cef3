import type {Snapshot} from '../../gather/snapshot.js';
import type {Verdict} from '../../credentials/verdict.js';
import type {Finding} from '../finding.js';

/** `--profile` is the AWS CLI's flag; `serverless deploy` rejects it (lib/cli/ensure-supported-command.js). */
export function profileFlagChecks(snapshot: Snapshot, _verdict: Verdict): Finding[] {
	const profile = snapshot.options.profileFlag;
	if (profile === undefined) return [];
	return [
		{
			id: 'profile-flag',
			status: 'warn',
			title: '`--profile` is not a Serverless option',
			why: 'Serverless stops with `Detected unrecognized CLI options: "--profile".`; its option is --aws-profile (the AWS CLI is the one that takes --profile).',
			fix: `Use \`serverless deploy --stage ${snapshot.service.stage.value} --aws-profile ${profile || '<profile>'}\`.`,
		},
	];
}
