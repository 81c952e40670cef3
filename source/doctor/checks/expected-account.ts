import type {Snapshot} from '../../gather/snapshot.js';
import type {Candidate, Verdict} from '../../credentials/verdict.js';
import {engineName} from '../../credentials/engine-name.js';
import {PROFILE_FROM_TEAM_SETTINGS} from '../../service/team-settings.js';
import type {Finding} from '../finding.js';
import {compareAccount, type AccountComparison, type KnownAccount} from '../expected-account.js';

/**
 * The wrong-account guard, offline half: the account the team settings expect for this stage against what is known
 * without AWS (the winning profile's role_arn or sso_account_id, or the account decoded from the winning key id,
 * "probably"). When AWS answers, identity-checks compares with STS and assemble-report drops these
 * (`expected-account-offline`), so the screen shows one verdict.
 */
export function expectedAccountChecks(snapshot: Snapshot, verdict: Verdict): Finding[] {
	const team = snapshot.service.team;
	if (team?.status === 'invalid') {
		// The doctor stops with exit 2 before this; other callers of the checks still see the problems.
		return team.problems.map(problem => ({
			id: 'team-settings',
			status: 'fail' as const,
			title: `The team settings in ${team.path} are invalid: ${problem.where}${problem.line ? ` (line ${problem.line})` : ''}`,
			why: problem.message,
			fix: problem.fix,
		}));
	}
	const comparison = compareAccount(snapshot, verdict);
	if (!comparison) return [];
	return [accountFinding(comparison, snapshot, verdict)];
}

/** One finding for a comparison; shared with the STS compare so both say it the same way. */
export function accountFinding(comparison: AccountComparison, snapshot: Snapshot, verdict: Verdict): Finding {
	const file = snapshot.service.path ?? 'serverless.yml';
	if (comparison.status === 'unlisted') {
		return {
			id: 'team-stage-unlisted',
			status: 'warn',
			title: `Stage ${comparison.stage} is not in the team settings`,
			why: `custom.deployAccounts in ${file} lists ${comparison.listed.join(', ')}, so nothing says which AWS account ${comparison.stage} must deploy to and the wrong-account guard cannot check it.`,
			fix: `Add ${comparison.stage} under custom.deployAccounts in ${file} with its profile and 12-digit account (\`sls-creds-wizard init-team\` writes it), or deploy with one of the listed stages.`,
		};
	}
	const {expected, stage} = comparison;
	const offline = comparison.status === 'unknown' || comparison.actual.basis !== 'sts';
	const id = offline ? 'expected-account-offline' : 'expected-account';
	if (comparison.status === 'unknown') {
		return {
			id,
			status: 'info',
			title: `Stage ${stage} must deploy to account ${expected.account}; not known offline`,
			why: `The team settings expect account ${expected.account}, and nothing on this machine says which account ${verdict.winner?.title ?? 'the credentials'} belong to: an older key id, or credentials resolved only at deploy time.`,
			fix: verdict.winner ? 'Run `sls-creds-wizard doctor` without --offline to ask AWS which account these credentials reach.' : undefined,
		};
	}
	const {actual} = comparison;
	if (comparison.status === 'match') {
		return {
			id,
			status: 'ok',
			title: `${stage} deploys to ${expected.account}${actual.probable ? ' (probably)' : ''} as expected`,
			why: `${basisText(actual, verdict)} The team settings expect ${expected.account} for ${stage}.`,
		};
	}
	const cause = causeOf(comparison.expected, actual, snapshot, verdict);
	return {
		id,
		status: 'fail',
		title: `${stage} would deploy to account ${actual.account}${actual.probable ? ' (probably)' : ''}, not ${expected.account}`,
		why: `The team settings in ${file} expect account ${expected.account} for ${stage}. ${basisText(actual, verdict)} ${cause.why}`,
		fix: cause.fix,
		details: cause.details,
	};
}

function basisText(actual: KnownAccount, verdict: Verdict): string {
	const source = verdict.winner?.title ?? 'the winning credentials';
	switch (actual.basis) {
		case 'sts':
			return `AWS STS says ${source} ${actual.arn ? `is ${actual.arn}` : 'belongs to'} in account ${actual.account}.`;
		case 'role-arn':
			return `${source} assumes ${actual.arn}, a role in account ${actual.account}.`;
		case 'sso-account-id':
			return `${source} signs in to account ${actual.account} (sso_account_id).`;
		case 'access-key-id':
			return `Key ${verdict.winner?.accessKeyId?.masked() ?? ''} of ${source} probably belongs to account ${actual.account} (decoded from the key id offline; only AWS can confirm).`;
	}
}

/**
 * Why those credentials were used, in the Verdict's words: a source that beat the team's profile (e.g. a leftover
 * AWS_PROFILE under v3) carries the fix the precedence model already computed; the team's own profile pointing
 * elsewhere needs new keys or another role.
 */
function causeOf(
	expected: {stage: string; profile: string; account: string; role?: {arn: string}},
	actual: KnownAccount,
	snapshot: Snapshot,
	verdict: Verdict,
): {why: string; fix: string; details?: string[]} {
	const winner = verdict.winner;
	const engine = engineName(verdict.engine);
	const winning = verdict.candidates.find(candidate => candidate.status === 'winner');
	if (winner?.profile === expected.profile) {
		if (actual.basis === 'role-arn' || (actual.basis === 'sts' && winner.roleArn)) {
			return {
				why: `${winner.title} is the team's profile for ${expected.stage}, but its role_arn points at another account.`,
				fix: `Set role_arn = ${expected.role?.arn ?? `arn:aws:iam::${expected.account}:role/<role>`} in [profile ${expected.profile}] of ~/.aws/config (\`npx sls-creds-wizard\` writes it).`,
			};
		}
		return {
			why: `${winner.title} is the team's profile for ${expected.stage}, but the keys in it belong to another account.`,
			fix: `Put access keys of account ${expected.account} into profile ${expected.profile}: run \`npx sls-creds-wizard\`, or \`sls-creds-wizard profile set ${expected.profile} --key <access key id> --secret-stdin\`.`,
		};
	}
	const teamCandidate =
		verdict.candidates.find(candidate => candidate.source === 'provider-profile' && candidate.profile === expected.profile) ??
		verdict.candidates.find(candidate => candidate.profile === expected.profile && candidate.status !== 'winner');
	const used = winner ? `${winner.title}${winner.profile && !winner.title.includes(winner.profile) ? ` (profile ${winner.profile})` : ''}` : 'other credentials';
	if (teamCandidate && teamCandidate.status === 'shadowed') {
		return {
			why: `The deploy uses ${used}, not the team's profile ${expected.profile}: ${engine} takes ${winner?.title ?? 'it'} before ${teamCandidate.title}.`,
			fix: teamCandidate.fix ?? `Remove ${winner?.title ?? 'that source'}, or deploy with --aws-profile ${expected.profile}.`,
			details: origins(winning),
		};
	}
	const team = snapshot.service.team;
	const fromBlock = team?.status === 'ok' && team.settings.providerProfileFromBlock;
	return {
		why: `The deploy uses ${used}, not the team's profile ${expected.profile}${fromBlock ? '' : ', because provider.profile does not read it from the team settings'}.${winning ? ` ${winning.reason}` : ''}`,
		fix: fromBlock
			? `Deploy with --aws-profile ${expected.profile}, or remove ${winner?.title ?? 'the source that wins'}.`
			: `Set provider.profile: ${PROFILE_FROM_TEAM_SETTINGS} in ${snapshot.service.path ?? 'serverless.yml'} so each stage uses its team profile (or deploy with --aws-profile ${expected.profile}).`,
		details: origins(winning),
	};
}

function origins(candidate: Candidate | undefined): string[] | undefined {
	return candidate?.origin && candidate.origin.length > 0 ? [...candidate.origin] : undefined;
}
