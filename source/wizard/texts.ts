/**
 * What the wizard's information screens say, as plain data the screens render: AWS sign-up, the console steps
 * for a deploy user, the Serverless Dashboard, which profile setting wins in v3 and v4, and the invoke-local caveat.
 * Facts: spec/credential-resolution.md §2–§3, spec/errors-and-tls.md §3.
 */
import {shellQuote} from '../doctor/shell-quote.js';
import type {SourceId} from '../credentials/verdict.js';
import type {FrameworkMajor} from '../gather/snapshot.js';

export interface Link {
	label: string;
	url: string;
}

export interface GuideStep {
	title: string;
	lines: string[];
	/** Opened in the browser where possible, and always printed. */
	links: Link[];
	/** Commands to type, shown verbatim. */
	commands?: string[];
}

export interface Guide {
	title: string;
	intro: string[];
	steps: GuideStep[];
	notes: GuideStep[];
}

export const LINKS = {
	signUp: {label: 'AWS sign-up', url: 'https://portal.aws.amazon.com/billing/signup'},
	accountHelp: {label: 'Creating an AWS account', url: 'https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-creating.html'},
	paymentMethods: {label: 'Payment methods', url: 'https://console.aws.amazon.com/billing/home#/paymentmethods'},
	freeTier: {label: 'AWS Free Tier', url: 'https://aws.amazon.com/free/'},
	budgets: {label: 'Budgets', url: 'https://console.aws.amazon.com/billing/home#/budgets'},
	console: {label: 'AWS console', url: 'https://console.aws.amazon.com/'},
	createUser: {label: 'IAM: create user', url: 'https://console.aws.amazon.com/iam/home#/users/create'},
	users: {label: 'IAM: users', url: 'https://console.aws.amazon.com/iam/home#/users'},
	createPolicy: {label: 'IAM: create policy', url: 'https://console.aws.amazon.com/iam/home#/policies/create'},
	accessKeys: {label: 'Managing access keys', url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html'},
	dashboard: {label: 'Serverless Dashboard', url: 'https://app.serverless.com/'},
	dashboardProviders: {label: 'Dashboard providers', url: 'https://www.serverless.com/framework/docs/guides/providers'},
	credentialsGuide: {label: 'Serverless: AWS credentials', url: 'https://www.serverless.com/framework/docs/providers/aws/guide/credentials'},
} as const satisfies Record<string, Link>;

export const SIGN_UP_GUIDE: Guide = {
	title: 'Create an AWS account',
	intro: [
		'Every deploy goes to an AWS account. Signing up takes about ten minutes and needs an email address, a phone and a payment card.',
	],
	steps: [
		{
			title: 'Create the account',
			lines: [
				'Open the sign-up page, enter your email address and an account name, and type in the code AWS emails you.',
				'Choose a password for the root user. The root user can do everything: keep it for account settings, never use it to deploy.',
			],
			links: [LINKS.signUp, LINKS.accountHelp],
		},
		{
			title: 'Confirm your phone number (PIN)',
			lines: [
				'AWS calls or texts a PIN to the number you give; type it into the sign-up page.',
				'No call or text after a few minutes: choose the other option (call instead of text), or check the number and its country code.',
			],
			links: [LINKS.accountHelp],
		},
		{
			title: 'Add a payment method',
			lines: [
				'Enter a credit or debit card during sign-up and keep a valid one on the account.',
				'Without one, deploys fail with "The AWS Access Key Id needs a subscription for the service" (OptInRequired or SubscriptionRequiredException).',
				'A new account can take a few minutes (rarely up to a day) to be activated; the same error appears until it is.',
			],
			links: [LINKS.paymentMethods],
		},
		{
			title: 'Choose a plan: Free or Paid',
			lines: [
				'Accounts created since 15 July 2025 choose a plan. The Free plan costs nothing and comes with credits, but it limits some services and closes the account after six months (or when the credits run out) unless you upgrade.',
				'For a project you will keep deploying, choose the Paid plan: the same credits apply first, then pay-as-you-go. If sign-up also asks for a support plan, "Basic support - Free" is enough.',
			],
			links: [LINKS.freeTier],
		},
		{
			title: 'Sign in to the console',
			lines: ['Sign in once as the root user. The next screens create a separate identity for deploys.'],
			links: [LINKS.console],
		},
	],
	notes: [
		{
			title: 'Free Tier',
			lines: [
				'A first Serverless app usually costs little or nothing: new accounts get credits, and the always-free Lambda allowance includes a million requests a month. Use beyond credits and free allowances is billed to your card.',
				'Set a budget with an email alert so that a mistake cannot run up a bill unnoticed.',
			],
			links: [LINKS.freeTier, LINKS.budgets],
		},
	],
};

/** The console steps of path b, with the names this wizard would have used filled in. */
export function consoleGuide(input: {userName: string; policyName: string; policyFile?: string}): Guide {
	return {
		title: 'Create a deploy user in the AWS console',
		intro: [
			'Sign in to the AWS console as someone allowed to manage IAM (the root user of a new account is). The user you create here is who `serverless deploy` signs in as.',
		],
		steps: [
			{
				title: 'Create the user',
				lines: [
					'IAM → Users → Create user.',
					`User name: ${input.userName}`,
					'Leave "Provide user access to the AWS Management Console" unticked: deploys need access keys, not a console password.',
				],
				links: [LINKS.createUser],
			},
			{
				title: 'Give it a policy',
				lines: [
					'Permissions options: "Attach policies directly".',
					'Tick AdministratorAccess (simplest), or first create the least-privilege policy (IAM → Policies → Create policy → JSON, paste it, name it ' +
						`${input.policyName}) and tick that one instead.`,
					...(input.policyFile ? [`The generated policy is saved in ${input.policyFile}.`] : []),
					'Review, then choose "Create user".',
				],
				links: [LINKS.createPolicy],
			},
			{
				title: 'Create an access key (programmatic access)',
				lines: [
					`Open ${input.userName} → "Security credentials" → "Access keys" → "Create access key".`,
					'Use case: "Command Line Interface (CLI)"; tick the confirmation, choose Next, then "Create access key".',
					'Older guides call this "programmatic access".',
				],
				links: [LINKS.users, LINKS.accessKeys],
			},
			{
				title: 'Copy both values',
				lines: [
					'The secret access key is shown only once: keep the page open (or download the .csv file) and paste both values on the next screen.',
					'Never paste them into a chat, a ticket or a repository.',
				],
				links: [],
			},
		],
		notes: [],
	};
}

/** Path d: what the Dashboard does, and the commands that set it up. No local keys are written. */
export function dashboardGuide(framework: FrameworkMajor): Guide {
	const optOut =
		framework === 4
			? 'To deploy with local credentials instead, give the resolver `dashboard: false` (v4 has no --use-local-credentials). A SERVERLESS_LICENSE_KEY gets no providers.'
			: 'To deploy with local credentials for one run, add --use-local-credentials.';
	return {
		title: 'Serverless Dashboard provider credentials',
		intro: [
			'Instead of keys on this machine, the Serverless Dashboard can hold an AWS provider for your org: an IAM role in your AWS account that the Dashboard assumes for each deploy.',
			'Each deploy gets temporary credentials that expire after an hour; no long-lived keys are stored here or in CI.',
			'It applies when serverless.yml sets `org` and `app` (and `service`) and you are logged in (`serverless login`) or SERVERLESS_ACCESS_KEY is set.',
			'When it applies it overrides local credentials: --aws-profile, AWS_PROFILE, environment keys and provider.profile are not used.',
			optOut,
		],
		steps: [
			{title: 'Log in', lines: [], links: [], commands: ['serverless login']},
			{
				title: 'Add the AWS provider',
				lines: ['In the Dashboard: your org → Settings → Providers → Add → AWS, then follow the role set-up (it creates a CloudFormation stack in your account).'],
				links: [LINKS.dashboard, LINKS.dashboardProviders],
			},
			{
				title: 'Name the org and app in serverless.yml',
				lines: ['org: <your-org>', 'app: <your-app>'],
				links: [],
			},
			{title: 'Deploy', lines: [], links: [], commands: [deployCommand('dev')]},
		],
		notes: [{title: 'Nothing written', lines: ['This path writes no keys to ~/.aws.'], links: []}],
	};
}

export interface ProfileSetting {
	name: string;
	what: string;
}

export interface ProfileSelectionText {
	title: string;
	settings: ProfileSetting[];
	/** Highest priority first, per framework major; `source` ties each line to the doctor's candidates. */
	order: Record<FrameworkMajor, Array<{source: SourceId; label: string}>>;
	notes: string[];
}

/** `--aws-profile`, `AWS_PROFILE`, `AWS_<STAGE>_PROFILE` and provider.profile: what each is and which wins. */
export const PROFILE_SELECTION: ProfileSelectionText = {
	title: 'Which profile a deploy uses',
	settings: [
		{name: 'provider.profile', what: 'In serverless.yml; this wizard writes `${self:custom.profiles.${sls:stage}}` so each stage picks its own profile.'},
		{name: '--aws-profile <name>', what: 'A flag on one command: `serverless deploy --stage prod --aws-profile <name>`. (`--profile` is rejected by deploy.)'},
		{name: 'AWS_PROFILE', what: 'An environment variable for everything run in that shell, the AWS CLI included.'},
		{
			name: 'AWS_<STAGE>_PROFILE',
			what: 'Serverless v3 only: one profile per stage, e.g. AWS_PROD_PROFILE for --stage prod. The stage is only upper-cased (my-stage → AWS_MY-STAGE_PROFILE, which POSIX shells cannot export). v4 ignores it.',
		},
	],
	order: {
		3: [
			{source: 'dashboard-provider', label: 'Serverless Dashboard provider (unless --use-local-credentials)'},
			{source: 'cli-aws-profile', label: '--aws-profile (also hides provider.profile)'},
			{source: 'env-stage-profile', label: 'AWS_<STAGE>_PROFILE'},
			{source: 'env-stage-keys', label: 'AWS_<STAGE>_ACCESS_KEY_ID + AWS_<STAGE>_SECRET_ACCESS_KEY'},
			{source: 'env-profile', label: 'AWS_PROFILE'},
			{source: 'env-keys', label: 'AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY'},
			{source: 'provider-profile', label: 'provider.profile'},
			{source: 'default-profile', label: 'AWS_DEFAULT_PROFILE, else [default]'},
		],
		4: [
			{source: 'dashboard-provider', label: 'Serverless Dashboard provider (unless the resolver says dashboard: false)'},
			{source: 'resolver-keys', label: 'keys in a stages.<stage>.resolvers entry'},
			{source: 'cli-aws-profile', label: '--aws-profile (ignored by a custom resolver)'},
			{source: 'provider-profile', label: 'provider.profile'},
			{source: 'env-profile', label: 'AWS_PROFILE'},
			{source: 'env-keys', label: 'AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY (only when no profile is named at all)'},
			{source: 'default-profile', label: '[default], then the rest of the AWS SDK chain'},
		],
	},
	notes: [
		'In v3 AWS_PROFILE beats provider.profile: a leftover `export AWS_PROFILE=…` silently overrides the per-stage mapping. In v4 provider.profile wins.',
		'A profile named by serverless.yml, --aws-profile or a variable that does not exist stops the deploy, even when another source would have won (v3).',
		'Check any time with `npx sls-creds-wizard doctor --stage <stage>`.',
	],
};

/** Path e: what exporting keys in a shell does, and where it sits in each major's order (credential-resolution.md §3.4). */
export const ENVIRONMENT_KEYS_NOTES: readonly string[] = [
	'Exported variables last until this shell closes, and everything run from it uses them, the AWS CLI included. Nothing is written to ~/.aws.',
	'Serverless v3: AWS_PROFILE, AWS_<STAGE>_* and --aws-profile beat these keys, and they beat provider.profile.',
	'Serverless v4 (and the AWS SDK): a named profile (--aws-profile, provider.profile or AWS_PROFILE) makes them ignored.',
	'For CI, store the two values as secret variables of the CI system instead of in a script.',
];

/** The `serverless invoke local` caveat (credential-resolution.md §2.1, §2.7, §3.3). */
export function invokeLocalCaveat(input: {stage: string; profile?: string}): string[] {
	const profile = input.profile ? shellQuote(input.profile) : '<profile>';
	return [
		'`serverless invoke local` runs your function on this machine. Serverless v3 hands it AWS_PROFILE from --aws-profile or provider.profile only, so when AWS_PROFILE or AWS_<STAGE>_PROFILE picks the deploy credentials, a local run can reach another account than the deployed function.',
		'With Dashboard provider credentials (v3) no AWS variables reach the function at all; Serverless v4 needs valid AWS credentials even for invoke local.',
		`Name the profile explicitly: serverless invoke local --function <name> --stage ${shellQuote(input.stage)} --aws-profile ${profile}`,
	];
}

export function deployCommand(stage: string): string {
	return `serverless deploy --stage ${shellQuote(stage)}`;
}

/** Why path b was offered instead of a: which IAM permission the credentials lacked. */
export function accessDeniedText(action: string | undefined): string {
	return action
		? `The credentials you chose may not use ${action}. Create the user in the AWS console instead, or ask an administrator to grant ${action}.`
		: 'The credentials you chose are not allowed to create IAM users. Create the user in the AWS console instead, or ask an administrator for IAM rights.';
}

/** Shown when the verified identity is the account's root user. */
export const ROOT_KEYS_WARNING =
	'These are root user keys: they can do anything, including closing the account, and cannot be limited by policies. Create a deploy user (path a) and delete the root keys in the console (Security credentials).';
