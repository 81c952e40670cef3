import type {Snapshot} from '../../gather/snapshot.js';
import type {Verdict} from '../../credentials/verdict.js';
import type {Finding} from '../finding.js';
import {loadsConfigFile, removeVariablesFix} from '../environment.js';
import {shellQuote} from '../shell-quote.js';

/** AWS SDK v2 (Serverless v3) was seen to crash with ENOENT when AWS_SDK_LOAD_CONFIG is set and there is no config file. */
export function sdkLoadConfigChecks(snapshot: Snapshot, verdict: Verdict): Finding[] {
	if (verdict.engine !== 'serverless-v3' || !loadsConfigFile(snapshot.env)) return [];
	const file = snapshot.configFile;
	if (file.exists) return [];
	const path = shellQuote(file.path);
	return [
		{
			id: 'sdk-load-config-without-config-file',
			status: 'warn',
			title: 'AWS_SDK_LOAD_CONFIG is set but there is no config file',
			why: `The AWS SDK v2 inside Serverless v3 then tries to open ${file.path} and can fail with \`ENOENT: no such file or directory\` when it builds a client.`,
			fix: `Create an empty config file (\`mkdir -p "$(dirname ${path})" && touch ${path}\`) or ${removeVariablesFix(snapshot, ['AWS_SDK_LOAD_CONFIG'])}.`,
		},
	];
}
