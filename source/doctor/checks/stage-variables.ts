import type {Snapshot} from '../../gather/snapshot.js';
import type {Verdict} from '../../credentials/verdict.js';
import type {Finding} from '../finding.js';
import {envSet, removeVariablesFix} from '../environment.js';

const suffixes = ['PROFILE', 'ACCESS_KEY_ID', 'SECRET_ACCESS_KEY', 'SESSION_TOKEN'];

/**
 * `AWS_<STAGE>_*`: an undocumented Serverless v3 feature (stage upper-cased, nothing else replaced) that outranks
 * AWS_PROFILE and provider.profile; v4 dropped it (credential-resolution.md §2.5, §3.4).
 */
export function stageVariableChecks(snapshot: Snapshot, verdict: Verdict): Finding[] {
	if (verdict.engine === 'serverless-v3') return v3Checks(snapshot, verdict);
	if (verdict.engine === 'serverless-v4') return v4Checks(snapshot, verdict);
	return [];
}

function v3Checks(snapshot: Snapshot, verdict: Verdict): Finding[] {
	const findings: Finding[] = [];
	const stage = verdict.stage.toUpperCase();
	const names = suffixes.map(suffix => `AWS_${stage}_${suffix}`);
	const set = names.filter(name => envSet(snapshot.env, name));
	if (/[^A-Za-z0-9_]/.test(verdict.stage)) {
		const shellSafe = stage.replaceAll(/[^A-Z0-9_]/g, '_');
		const lookalikes = suffixes
			.map(suffix => `AWS_${shellSafe}_${suffix}`)
			.filter(name => envSet(snapshot.env, name));
		const example = `AWS_${stage}_PROFILE`;
		findings.push({
			id: 'stage-variable-names',
			status: lookalikes.length > 0 ? 'warn' : 'info',
			title: `Stage "${verdict.stage}" makes Serverless v3 read ${example}`,
			why:
				`Serverless v3 only upper-cases the stage, so it looks for ${example} and AWS_${stage}_ACCESS_KEY_ID; POSIX shells cannot \`export\` a name containing "${verdict.stage.replaceAll(/[A-Za-z0-9_]/g, '').slice(0, 1)}".` +
				(lookalikes.length > 0
					? ` ${lookalikes.join(', ')} ${lookalikes.length === 1 ? 'is' : 'are'} set, but ${lookalikes.length === 1 ? 'it is' : 'they are'} ignored.`
					: ''),
			fix: `Pass it for one command: \`env '${example}=<profile>' serverless deploy --stage ${verdict.stage}\`, or use --aws-profile / provider.profile instead.`,
		});
	}
	const winner = verdict.winner?.source;
	if (set.length > 0 && (winner === 'env-stage-keys' || winner === 'env-stage-profile')) {
		findings.push({
			id: 'stage-variables-in-use',
			status: 'info',
			title: `${set.join(', ')} decide${set.length === 1 ? 's' : ''} the credentials for stage ${verdict.stage}`,
			why: 'Serverless v3 lets AWS_<STAGE>_* variables beat AWS_PROFILE, environment keys and provider.profile. They are undocumented, so leftovers from another project silently send the deploy to another account (serverless/serverless#6481).',
			fix: `If this is not intended, ${removeVariablesFix(snapshot, set)}.`,
		});
	}
	return findings;
}

function v4Checks(snapshot: Snapshot, verdict: Verdict): Finding[] {
	const findings: Finding[] = [];
	const stage = verdict.stage.toUpperCase();
	const ignored = suffixes.map(suffix => `AWS_${stage}_${suffix}`).filter(name => envSet(snapshot.env, name));
	if (ignored.length > 0) {
		findings.push({
			id: 'stage-variables-ignored',
			status: 'warn',
			title: `${ignored.join(', ')} ${ignored.length === 1 ? 'is' : 'are'} ignored by Serverless v4`,
			why: `Serverless v3 used AWS_<STAGE>_* variables for stage ${verdict.stage}; v4 does not read them, so this deploy uses ${verdict.winner?.title ?? 'other credentials'}.`,
			fix: `Use a resolver for the stage (\`stages.${verdict.stage}.resolvers\` with \`type: aws\` and \`profile:\`) or \`--aws-profile\`, then ${removeVariablesFix(snapshot, ignored)}.`,
		});
	}
	const defaultProfile = envSet(snapshot.env, 'AWS_DEFAULT_PROFILE');
	if (defaultProfile !== undefined) {
		findings.push({
			id: 'default-profile-ignored',
			status: 'warn',
			title: `AWS_DEFAULT_PROFILE=${defaultProfile} is ignored by Serverless v4`,
			why: 'Serverless v3 and the AWS CLI v1 honour AWS_DEFAULT_PROFILE; Serverless v4 and the AWS SDK v3 only read AWS_PROFILE.',
			fix: `Use AWS_PROFILE=${defaultProfile} instead, or pass \`--aws-profile ${defaultProfile}\`.`,
		});
	}
	return findings;
}
