/** Errors AWS itself returns (errors-and-tls.md §2–§5). */
import type {MachineFacts} from '../machine-facts.js';
import {profileFlag, type CatalogueEntry} from './catalogue-entry.js';

const WIZARD = 'npx sls-creds-wizard';

/** Regions that must be enabled in the account before use. */
const OPT_IN_REGIONS = new Set([
	'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-south-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-6',
	'ap-southeast-7', 'ca-west-1', 'eu-central-2', 'eu-south-1', 'eu-south-2', 'il-central-1', 'me-central-1', 'me-south-1', 'mx-central-1',
]);

function winnerPhrase(facts: MachineFacts): string {
	const winner = facts.winner;
	if (!winner) return 'the credentials';
	return winner.maskedKey ? `${winner.title} (key ${winner.maskedKey})` : winner.title;
}

function newKeyFix(facts: MachineFacts): string {
	const profile = facts.winner?.profile;
	return `Create a fresh access key in the IAM console (Users → Security credentials) and store it with \`${WIZARD}\`${profile ? ` for profile ${profile}` : ''}, or \`aws configure${profileFlag(profile)}\`.`;
}

const UNSET_ENV_KEYS = 'unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_CREDENTIAL_EXPIRATION';

export const awsServiceErrors: CatalogueEntry[] = [
	{
		id: 'invalid-client-token-id',
		title: 'AWS does not recognise the access key',
		// EC2's AuthFailure is its generic form; clock skew under it is caught by the message patterns.
		codes: ['InvalidClientTokenId', 'UnrecognizedClientException', 'InvalidAccessKeyId', 'AuthFailure'],
		patterns: [
			/The security token included in the request is invalid/i,
			/The AWS Access Key Id you provided does not exist in our records/i,
			/AWS was not able to validate the provided access credentials/i,
		],
		what: 'The access key id that signed the request is unknown to AWS, so the request was rejected before any permission check.',
		causes(facts) {
			const causes: string[] = [];
			const winner = facts.winner;
			if (winner?.keyPrefix === 'ASIA' && winner.hasSessionToken === false) {
				causes.push(`${winnerPhrase(facts)} is a temporary ASIA… key, but no session token is set with it: AWS cannot recognise a temporary key without its token.`);
			} else if (winner?.keyPrefix === 'ASIA') {
				causes.push(`${winnerPhrase(facts)} is a temporary key; its session may have been revoked, or the token belongs to another key.`);
			} else if (winner?.keyPrefix === 'AKIA') {
				causes.push(`${winnerPhrase(facts)} is a long-term user key: it was probably deleted or deactivated, mistyped, or belongs to another partition (China, GovCloud).`);
			}
			if (winner?.source === 'env-keys' || winner?.source === 'env-stage-keys') {
				causes.push('The winning keys come from environment variables: keys exported in an old shell session or CI secret often override the profile you meant to use.');
			}
			causes.push(
				'The key was deleted or deactivated, or has a typo.',
				'A temporary (ASIA…) key was sent without its session token.',
				'The key belongs to another partition (China/GovCloud) than the endpoint.',
			);
			return dedupe(causes);
		},
		fix(facts) {
			const fixes: string[] = [];
			const winner = facts.winner;
			if (winner?.keyPrefix === 'ASIA' && winner.hasSessionToken === false) {
				fixes.push(
					winner.profile
						? `Add the session token: aws configure set aws_session_token <token>${profileFlag(winner.profile)} (it comes from the same assume-role/SSO output as the key).`
						: 'export AWS_SESSION_TOKEN=<token> from the same assume-role/SSO output as the key, or fetch a new set.',
				);
			}
			if (winner?.source === 'env-keys' || winner?.source === 'env-stage-keys') fixes.push(`If the profile is what you meant: ${UNSET_ENV_KEYS}`);
			fixes.push(newKeyFix(facts), `Check which source wins and why: ${WIZARD} doctor`);
			return fixes;
		},
	},
	{
		id: 'signature-does-not-match',
		title: 'The secret access key does not match the key id',
		codes: ['SignatureDoesNotMatch'],
		patterns: [/The request signature we calculated does not match the signature you provided/i],
		what: 'AWS knows the access key id, but the request was signed with a different secret.',
		causes(facts) {
			const causes = (facts.winner?.secretIssues ?? []).map(issue => `In ${winnerPhrase(facts)}, ${issue}.`);
			causes.push(
				'The secret was mistyped, or pasted with surrounding spaces or quotes.',
				'The key id and the secret come from two different keys (e.g. one rotated, the other not).',
			);
			return causes;
		},
		fix(facts) {
			const profile = facts.winner?.profile;
			const envWins = facts.winner?.source === 'env-keys' || facts.winner?.source === 'env-stage-keys';
			return [
				envWins
					? 'Re-export the secret without quotes or spaces: export AWS_SECRET_ACCESS_KEY=<secret>'
					: `Re-enter the secret (no quotes, no spaces): aws configure${profileFlag(profile)}, or ${WIZARD}.`,
				'If the secret is lost, create a new key in the IAM console and delete the old one (AWS never shows a secret again).',
			];
		},
	},
	{
		id: 'clock-skew',
		title: "This machine's clock is off",
		codes: ['RequestExpired', 'InvalidSignatureException', 'RequestTimeTooSkewed', 'RequestInTheFuture'],
		patterns: [
			/Signature (?:expired|not yet current):[^\n]*/i,
			/The difference between the request time and the current time is too large/i,
			/Request has expired/i,
		],
		supersedes: ['signature-does-not-match', 'access-denied'],
		what: 'AWS rejects signed requests whose time stamp differs from AWS time by more than 5–15 minutes.',
		causes(facts) {
			const causes = [
				'The system clock is wrong or not synchronised (common after sleep in WSL2, in VMs and in Docker Desktop).',
				'The time zone is set but the clock itself was set by hand to local time.',
			];
			if (facts.framework === 3) causes.push('Serverless v3 (AWS SDK v2) does not correct clock skew, so it fails where the aws CLI or SDK v3 may retry and succeed.');
			return causes;
		},
		fix: () => [
			'Synchronise the clock — Linux: sudo timedatectl set-ntp true (or sudo chronyc makestep); macOS: sudo sntp -sS time.apple.com; Windows: w32tm /resync.',
			'WSL2: sudo hwclock -s (or wsl --shutdown and reopen); Docker Desktop: restart it.',
			'Check with: date -u, and compare with https://time.is',
		],
	},
	{
		id: 'expired-token',
		title: 'The temporary credentials have expired',
		codes: ['ExpiredToken', 'ExpiredTokenException', 'TokenRefreshRequired'],
		patterns: [/The security token included in the request is expired/i, /The provided token has expired/i],
		what: 'Temporary credentials (SSO, an assumed role, ASIA… keys with a session token) were used after their lifetime ended.',
		causes(facts) {
			const causes: string[] = [];
			if (facts.expiration?.past) causes.push(`${facts.expiration.source} says the credentials expired at ${facts.expiration.value}.`);
			const winner = facts.winner;
			if (winner?.kind === 'sso') causes.push(`${winner.title} is an SSO profile: its SSO session has ended.`);
			if (facts.expiredSsoTokens.length > 0) causes.push(`Expired SSO tokens in the cache: ${facts.expiredSsoTokens.join(', ')}.`);
			if (winner?.kind === 'temporary' || winner?.keyPrefix === 'ASIA') {
				causes.push(`${winnerPhrase(facts)} are temporary keys stored as-is (${winner.source === 'env-keys' ? 'exported in this shell' : 'in a profile'}); nothing refreshes them.`);
			}
			causes.push('Temporary credentials last 1–12 hours; a long session or an old shell/CI variable outlives them.');
			return causes;
		},
		fix(facts) {
			const winner = facts.winner;
			const fixes: string[] = [];
			if (winner?.kind === 'sso') fixes.push(`aws sso login${profileFlag(winner.profile)}`);
			else if (winner?.kind === 'role') fixes.push('Run the command again: role profiles get new credentials on each run (check that the source profile is not itself expired).');
			else if (winner?.source === 'env-keys' || winner?.source === 'env-stage-keys' || facts.expiration?.source === 'AWS_CREDENTIAL_EXPIRATION') {
				fixes.push(`${UNSET_ENV_KEYS}, then fetch fresh credentials (SSO portal, aws sts assume-role, or your CI's role step).`);
			} else fixes.push('Fetch fresh credentials: aws sso login, or assume the role again, and store them where the deploy reads them.');
			fixes.push(`Prefer a profile that refreshes itself (sso_session or role_arn + source_profile): ${WIZARD}`);
			return fixes;
		},
	},
	{
		id: 'access-denied',
		title: 'The identity is not allowed to do this',
		codes: ['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation'],
		patterns: [
			/User: (?<arn>arn:aws[\w-]*:[^\s]+) is not authorized to perform: (?<action>[\w-]+:[\w*-]+)(?: on resource: (?<resource>\S+))?/i,
			/is not authorized to perform: (?<action>[\w-]+:[\w*-]+)/i,
		],
		what: 'AWS accepted the credentials — they are valid — but the identity lacks permission for this action (an IAM policy, a permissions boundary or an organisation SCP denies it).',
		causes(facts, match) {
			const causes: string[] = [];
			const {action, arn} = match.groups;
			if (action === 'sts:AssumeRole') {
				causes.push(`${arn ?? 'The source identity'} may not assume the role: it lacks sts:AssumeRole, or the role's trust policy does not trust it.`);
			} else if (action) causes.push(`${arn ?? 'The identity'} has no policy allowing ${action}${match.groups.resource ? ` on ${match.groups.resource}` : ''}.`);
			if (facts.winner) causes.push(`The deploy uses ${winnerPhrase(facts)}: if that is not the identity you meant, the wrong source won.`);
			causes.push('A Service Control Policy or permissions boundary can deny an action even when the user policy allows it.');
			return causes;
		},
		fix(_facts, match) {
			const {action, arn} = match.groups;
			return [
				action ? `Grant ${action} to ${arn ?? 'this identity'} (IAM console → the user/role → Add permissions), or deploy with an identity that has it.` : 'Grant the action in IAM, or deploy with an identity that has it.',
				`Check which identity is used: ${WIZARD} doctor (aws sts get-caller-identity shows the same).`,
			];
		},
	},
	{
		id: 'opt-in-required',
		title: 'The AWS account is not (yet) subscribed to this service',
		codes: ['OptInRequired', 'SubscriptionRequiredException', 'NotSignedUp'],
		patterns: [
			/The AWS Access Key Id needs a subscription for the service/i,
			/You are not subscribed to this service/i,
			/Your account is not signed up for the S3 service/i,
		],
		what: 'The credentials are fine, but AWS will not serve this account yet — the service/region is not activated for it.',
		causes(facts) {
			const causes: string[] = [];
			if (facts.region && OPT_IN_REGIONS.has(facts.region)) causes.push(`${facts.region} is an opt-in region: it must be enabled in the account before use.`);
			causes.push(
				'Account sign-up is not finished, or no valid payment method is on file (new AWS users must add a card).',
				'A new account is not activated yet (this can take up to 24 hours), or the account is suspended.',
			);
			return causes;
		},
		fix(facts) {
			const fixes = [
				'Sign in to the AWS console as the account owner: Billing and Cost Management → Payment preferences — add or fix the card; finish any pending sign-up step and check e-mail for the activation notice.',
				'If the account is brand new, wait for activation, then try again.',
			];
			if (facts.region && OPT_IN_REGIONS.has(facts.region)) {
				fixes.unshift(`Enable ${facts.region}: AWS console → Account → AWS Regions → Enable, or deploy elsewhere: serverless deploy --region us-east-1`);
			}
			return fixes;
		},
	},
	{
		id: 'region-disabled',
		title: 'STS is not activated in this region',
		codes: ['RegionDisabledException', 'RegionDisabled'],
		patterns: [/STS is not activated in this region/i],
		what: 'The account has STS turned off for the region the request went to.',
		causes: facts => [`STS is deactivated for ${facts.region ?? 'this region'} in the account settings, or the region is an opt-in region that is not enabled.`],
		fix: facts => [
			`IAM console → Account settings → Security Token Service (STS) → activate ${facts.region ?? 'the region'}, or use another region (AWS_REGION=us-east-1).`,
		],
	},
	{
		id: 'entity-already-exists',
		title: 'An IAM entity with that name already exists',
		codes: ['EntityAlreadyExists', 'EntityAlreadyExistsException'],
		patterns: [/(?:User|Role|Policy|Group) (?:with name )?(?<name>[\w+=,.@-]+) already exists/i],
		what: 'IAM names are unique per account; the create call was refused.',
		causes: () => ['An earlier run (or a colleague) already created it.'],
		fix: () => ['Reuse the existing entity, or choose another name.'],
	},
	{
		id: 'limit-exceeded',
		title: 'An IAM quota was reached',
		codes: ['LimitExceeded', 'LimitExceededException'],
		patterns: [/Cannot exceed quota for (?<quota>\w+): (?<limit>\d+)/i],
		what: 'IAM refused to create one more item; for access keys the limit is 2 per user, active or inactive.',
		causes: (_facts, match) =>
			match.groups.quota === 'AccessKeysPerUser' || !match.groups.quota
				? ['The user already has 2 access keys; deactivating one is not enough — it must be deleted.']
				: [`The account reached its ${match.groups.quota} quota (${match.groups.limit}).`],
		fix: () => [
			'List the keys: aws iam list-access-keys --user-name <user>; delete one that is unused: aws iam delete-access-key --user-name <user> --access-key-id <AKIA…>',
		],
	},
	{
		id: 'no-such-entity',
		title: 'The IAM user, role or policy does not exist',
		codes: ['NoSuchEntity', 'NoSuchEntityException'],
		patterns: [/The (?:user|role|group) with name (?<name>\S+) cannot be found/i, /Policy (?<policy>arn:aws[\w-]*:iam::\S+) (?:was )?(?:not found|does not exist)/i],
		what: 'The named IAM entity is not in this account.',
		causes: facts => [
			'The name is misspelled, or it was deleted.',
			`The call went to another account than expected${facts.winner ? ` (credentials: ${winnerPhrase(facts)})` : ''}.`,
		],
		fix: () => ['Check the name with aws iam list-users / list-roles, and which account you are in with aws sts get-caller-identity.'],
	},
	{
		id: 'malformed-policy',
		title: 'The IAM policy document is invalid',
		codes: ['MalformedPolicyDocument', 'MalformedPolicyDocumentException'],
		patterns: [/Syntax errors in policy/i],
		what: 'IAM could not parse the policy JSON or its grammar (Effect, Action, Resource).',
		causes: () => ['Invalid JSON, or a value IAM does not accept (e.g. "Effect": "Maybe", an empty Action list).'],
		fix: () => ['Validate the document (IAM console policy editor, or aws accessanalyzer validate-policy) and fix the reported line.'],
	},
	{
		id: 'service-failure',
		title: 'AWS had an internal error',
		codes: ['ServiceFailure', 'ServiceFailureException', 'InternalFailure', 'InternalError', 'ServiceUnavailable', 'ServiceUnavailableException'],
		patterns: [],
		what: 'The request reached AWS, which failed on its side.',
		causes: () => ['A temporary AWS-side problem.'],
		fix: () => ['Retry in a minute; check https://health.aws.amazon.com if it persists.'],
	},
	{
		id: 'throttling',
		title: 'AWS is rate-limiting the requests',
		codes: ['Throttling', 'ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded', 'SlowDown'],
		patterns: [/Rate exceeded/i],
		what: 'Too many requests in a short time; AWS asks the caller to back off.',
		causes: () => ['Many deploys or tools run at once against the same account and region.'],
		fix: () => ['Wait a little and retry; avoid running several deploys in parallel.'],
	},
];

function dedupe(items: string[]): string[] {
	return [...new Set(items)];
}

