import type {Snapshot} from '../../gather/snapshot.js';
import type {Verdict} from '../../credentials/verdict.js';
import type {Finding} from '../finding.js';

/** Variables in `.env` that change which credentials, region or CA a deploy uses. */
const influential = /^(AWS_|AMAZON_|SERVERLESS_(ACCESS|LICENSE|USER_ACCESS)_KEY$|(HTTPS?_)?CA(FILE)?$|https?_ca(file)?$|ca(file)?$|NODE_EXTRA_CA_CERTS$)/i;

/**
 * `.env` files take part in credential selection: v3 loads them (with useDotenv) before getCredentials(), v4 always
 * unless useDotenv: false (credential-resolution.md §5.1, §5.3). The real environment wins over them.
 */
export function dotenvChecks(snapshot: Snapshot, _verdict: Verdict): Finding[] {
	// Earlier .env files win over later ones (v4); only the shell's own values are worth a warning.
	const findings: Finding[] = [];
	for (const file of snapshot.service.dotenv) {
		const names = Object.keys(file.values).filter(name => influential.test(name));
		if (names.length === 0) continue;
		const applied = names.filter(name => file.applied.includes(name));
		const overridden = names.filter(
			name => !file.applied.includes(name) && snapshot.processEnv[name] !== undefined && snapshot.processEnv[name] !== file.values[name],
		);
		if (applied.length > 0) {
			findings.push({
				id: 'dotenv-aws-variables',
				status: 'info',
				title: `${file.path} sets ${applied.join(', ')}`,
				why: 'Serverless loads this file before it picks credentials, so these values decide the deploy even though your shell does not show them (`env` will not list them).',
				fix: `If they should not apply to deploys, delete them from ${file.path}.`,
			});
		}
		if (overridden.length > 0) {
			findings.push({
				id: 'dotenv-overridden',
				status: 'warn',
				title: `${overridden.join(', ')} in ${file.path} ${overridden.length === 1 ? 'is' : 'are'} overridden by your shell`,
				why: 'Variables already set in the environment win over `.env`, so the values in the file are not used.',
				fix: `Unset ${overridden.join(', ')} in your shell if the file should decide, or delete ${overridden.length === 1 ? 'it' : 'them'} from ${file.path}.`,
			});
		}
	}
	return findings;
}
