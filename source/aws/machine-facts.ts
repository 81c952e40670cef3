/**
 * The few facts about this machine that turn a generic error explanation into "here, this is why" — derived from the
 * snapshot and verdict only (pure). Never holds a secret: keys appear masked, secrets only as yes/no properties.
 */
import type {Snapshot} from '../gather/snapshot.js';
import type {Verdict, Winner} from '../credentials/verdict.js';
import type {SdkProfiles} from '../aws-files/sdk-profiles.js';
import {caSettings, type CaSettings} from './ca-bundle.js';
import {snapshotProfiles} from './profile-setting.js';

export interface ErrorContext {
	snapshot?: Snapshot;
	verdict?: Verdict;
	/** The credentials the failing call used, when it is not the verdict's winner (e.g. the probe's). */
	winner?: Winner;
}

export interface WinnerFacts {
	title: string;
	source: Winner['source'];
	kind: Winner['kind'];
	profile?: string;
	/** `AKIA…WXYZ`. */
	maskedKey?: string;
	/** AKIA (long-term user key), ASIA (temporary), or another prefix. */
	keyPrefix?: string;
	/** For static credentials: whether a session token is present. */
	hasSessionToken?: boolean;
	/** Shape problems of the secret, described without revealing it. */
	secretIssues: string[];
}

export interface MachineFacts {
	framework?: 3 | 4;
	winner?: WinnerFacts;
	/** AWS_CREDENTIAL_EXPIRATION or the winner's expiration, when known. */
	expiration?: {value: string; source: string; past: boolean};
	envKeys: boolean;
	envProfile?: string;
	sdkLoadConfig: boolean;
	region?: string;
	now?: number;
	ca?: CaSettings;
	profiles?: SdkProfiles;
	/** SSO token cache entries whose expiresAt is in the past. */
	expiredSsoTokens: string[];
	licenseKey: boolean;
	dashboardLogin: boolean;
}

export function machineFacts(context: ErrorContext = {}): MachineFacts {
	const {snapshot, verdict} = context;
	const winner = context.winner ?? verdict?.winner;
	const env = snapshot?.env ?? {};
	const facts: MachineFacts = {
		framework: snapshot?.framework.major,
		envKeys: Boolean(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY),
		envProfile: env.AWS_PROFILE || undefined,
		sdkLoadConfig: Boolean(env.AWS_SDK_LOAD_CONFIG),
		region: verdict?.region.value ?? (env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined),
		now: snapshot?.now,
		expiredSsoTokens: [],
		licenseKey: Boolean(snapshot?.dashboard.licenseKeyInEnv),
		dashboardLogin: Boolean(snapshot?.dashboard.loggedIn || snapshot?.dashboard.accessKeyInEnv),
	};
	if (winner) facts.winner = winnerFacts(winner);
	const expiration = winner?.credentials.type === 'static' ? winner.credentials.expiration : undefined;
	const expirationValue = expiration ?? env.AWS_CREDENTIAL_EXPIRATION;
	if (expirationValue && snapshot) {
		const at = Date.parse(expirationValue);
		facts.expiration = {
			value: expirationValue,
			source: expiration ? winner?.title ?? 'the credentials' : 'AWS_CREDENTIAL_EXPIRATION',
			past: Number.isNaN(at) || at <= snapshot.now,
		};
	}
	if (snapshot) {
		try {
			facts.ca = caSettings(snapshot);
		} catch {
			// Explanations must work even when the snapshot is partial.
		}
		try {
			facts.profiles = snapshotProfiles(snapshot);
		} catch {
			// same
		}
		facts.expiredSsoTokens = snapshot.ssoCache
			.filter(entry => entry.exists && entry.expiresAt !== undefined && Date.parse(entry.expiresAt) <= snapshot.now)
			.map(entry => entry.key);
	}
	return facts;
}

function winnerFacts(winner: Winner): WinnerFacts {
	const facts: WinnerFacts = {
		title: winner.title,
		source: winner.source,
		kind: winner.kind,
		profile: winner.profile,
		maskedKey: winner.accessKeyId?.masked(),
		keyPrefix: winner.accessKeyId?.reveal().slice(0, 4),
		secretIssues: [],
	};
	if (winner.credentials.type === 'static') {
		const {accessKeyId, secretAccessKey, sessionToken} = winner.credentials;
		facts.maskedKey = accessKeyId.masked();
		facts.keyPrefix = accessKeyId.reveal().slice(0, 4);
		facts.hasSessionToken = Boolean(sessionToken && sessionToken.length > 0);
		facts.secretIssues = secretShapeIssues(secretAccessKey.reveal(), accessKeyId.reveal());
	}
	return facts;
}

/** What is visibly wrong with a secret, in words that do not leak it. */
export function secretShapeIssues(secret: string, keyId: string): string[] {
	const issues: string[] = [];
	if (secret !== secret.trim()) issues.push('the secret access key starts or ends with whitespace');
	if (/["'`]/.test(secret)) issues.push('the secret access key contains quote characters');
	if (/\s/.test(secret.trim())) issues.push('the secret access key contains spaces');
	if (secret.trim().length !== 40) issues.push(`the secret access key is ${secret.trim().length} characters long (AWS secrets are 40)`);
	if (keyId !== keyId.trim()) issues.push('the access key id starts or ends with whitespace');
	return issues;
}
