import type {Candidate, Engine, EngineError, SourceStatus, CredentialKind, SourceId} from '../credentials/verdict.js';
import type {Finding} from './finding.js';
import type {Identity, ProbeFailure} from '../aws/identity.js';

export const REPORT_SCHEMA = 'https://github.com/sls-creds-wizard/schemas/doctor-report' as const;
export const REPORT_VERSION = 1 as const;

/** A ladder rung as serialised: secrets already masked. */
export interface ReportCandidate {
	rank: number;
	source: SourceId;
	title: string;
	status: SourceStatus;
	reason: string;
	profile?: string;
	kind?: CredentialKind;
	accessKeyId?: string;
	shadowedBy?: SourceId;
	fix?: string;
	origin?: string[];
}

export interface ReportWinner {
	source: SourceId;
	title: string;
	kind: CredentialKind;
	profile?: string;
	/** Masked: first 4 + … + last 4. */
	accessKeyId?: string;
	roleArn?: string;
}

/**
 * The wrong-account guard's verdict for this stage, when the service has team settings (`custom.deployAccounts`).
 * `match`/`mismatch`: `actual` is known (from STS, or offline from the profile's role_arn / sso_account_id, or
 * decoded from the key id with `probable: true`); `unknown`: nothing says offline; `unlisted`: the stage is not in
 * the team settings.
 */
export interface ReportExpectedAccount {
	stage: string;
	status: 'match' | 'mismatch' | 'unknown' | 'unlisted';
	/** The 12-digit account the team settings expect (absent for `unlisted`). */
	account?: string;
	/** The team's profile for the stage. */
	profile?: string;
	/** The role the team's profile assumes. */
	roleArn?: string;
	/** The account the winning credentials reach. */
	actual?: string;
	basis?: 'sts' | 'role-arn' | 'sso-account-id' | 'access-key-id';
	/** True when `actual` was decoded from the access key id (not confirmed by AWS). */
	probable?: boolean;
}

/** The one serialisable model every view renders (`--json` prints it as is). */
export interface Report {
	$schema: typeof REPORT_SCHEMA;
	version: typeof REPORT_VERSION;
	tool: {name: 'sls-creds-wizard'; version: string};
	generatedAt: string;
	service: {
		path?: string;
		name?: string;
		stage: string;
		stageSource: string;
		region?: string;
		regionSource: string;
	};
	framework: {engine: Engine; major?: 3 | 4; source: string; detail?: string};
	winner?: ReportWinner;
	error?: EngineError;
	ladder: ReportCandidate[];
	/** What the other engines would pick, for contrast ("aws sts get-caller-identity works but deploy doesn't"). */
	otherEngines: Array<{engine: Engine; winner?: ReportWinner; error?: EngineError}>;
	identity:
		| {status: 'ok'; account: string; arn: string; principal: Identity['principal']; clockSkewMs?: number; endpoint: string}
		| {status: 'failed'; failure: ProbeFailure; explanation?: {title: string; what: string; fix: string[]}}
		| {status: 'skipped'; reason: string};
	/** Present only when the service has team settings. */
	expectedAccount?: ReportExpectedAccount;
	findings: Finding[];
	traps: string[];
	summary: {ok: number; warn: number; fail: number; info: number};
	/** 0 nothing failed, 1 a finding failed or no usable credentials. */
	exitCode: 0 | 1;
}

export type {Candidate};
