import type {ProbeResult} from '../aws/identity.js';
import {accountFromAccessKeyId} from '../aws/account-from-key-id.js';
import {sdkProfiles} from '../aws-files/sdk-profiles.js';
import type {Verdict} from '../credentials/verdict.js';
import type {Snapshot} from '../gather/snapshot.js';
import {stageAccount, type StageAccount} from '../service/team-settings.js';

/**
 * How the account the deploy reaches was learned: `sts` GetCallerIdentity (after any AssumeRole), the winning
 * profile's `role_arn` or `sso_account_id` (exact, offline), or decoded from the winning access key id (probable).
 */
export type AccountBasis = 'sts' | 'role-arn' | 'sso-account-id' | 'access-key-id';

export interface KnownAccount {
	account: string;
	basis: AccountBasis;
	/** True when decoded from the key id: AWS has not confirmed it. */
	probable: boolean;
	/** The ARN STS named (basis sts) or the role assumed (basis role-arn). */
	arn?: string;
}

/** The team settings' expectation for this stage against what is known about the winning credentials. */
export type AccountComparison =
	| {status: 'unlisted'; stage: string; listed: string[]}
	| {status: 'unknown'; stage: string; expected: StageAccount}
	| {status: 'match' | 'mismatch'; stage: string; expected: StageAccount; actual: KnownAccount};

const ROLE_ACCOUNT = /^arn:[a-z][a-z0-9-]*:iam::(\d{12}):role\//;

/**
 * Pure. Undefined when the service has no valid team settings. With a probe that answered, STS decides; otherwise
 * the best offline knowledge does.
 */
export function compareAccount(snapshot: Snapshot, verdict: Verdict, probe?: ProbeResult): AccountComparison | undefined {
	const team = snapshot.service.team;
	if (team?.status !== 'ok') return undefined;
	const stage = verdict.stage;
	const expected = stageAccount(team, stage);
	if (!expected) return {status: 'unlisted', stage, listed: team.settings.stages.map(entry => entry.stage)};
	const actual: KnownAccount | undefined =
		probe?.status === 'ok'
			? {account: probe.identity.account, basis: 'sts', probable: false, arn: probe.identity.arn}
			: offlineAccount(snapshot, verdict);
	if (!actual) return {status: 'unknown', stage, expected};
	return {status: actual.account === expected.account ? 'match' : 'mismatch', stage, expected, actual};
}

/** What can be known without AWS about the account the winning credentials reach. */
export function offlineAccount(snapshot: Snapshot, verdict: Verdict): KnownAccount | undefined {
	const winner = verdict.winner;
	if (!winner) return undefined;
	const roleAccount = winner.roleArn ? ROLE_ACCOUNT.exec(winner.roleArn)?.[1] : undefined;
	if (roleAccount) return {account: roleAccount, basis: 'role-arn', probable: false, arn: winner.roleArn};
	if (winner.kind === 'sso' && winner.profile) {
		const profiles = sdkProfiles({credentials: snapshot.credentialsFile.text, config: snapshot.configFile.text});
		const ssoAccount = Object.hasOwn(profiles.merged, winner.profile) ? profiles.merged[winner.profile]?.['sso_account_id'] : undefined;
		if (ssoAccount && /^\d{12}$/.test(ssoAccount)) return {account: ssoAccount, basis: 'sso-account-id', probable: false};
	}
	if (winner.accessKeyId && (winner.kind === 'static' || winner.kind === 'temporary')) {
		// The account is not a secret and the id goes nowhere else: it is read here only to decode it.
		const decoded = accountFromAccessKeyId(winner.accessKeyId.reveal());
		if (decoded) return {account: decoded, basis: 'access-key-id', probable: true};
	}
	return undefined;
}
