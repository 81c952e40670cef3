/** The information screens' texts: complete, linked, and consistent with the precedence models the doctor uses. */
import {describe, expect, test} from 'vitest';
import {precedenceV3} from '../../source/credentials/precedence-v3.js';
import {precedenceV4} from '../../source/credentials/precedence-v4.js';
import {
	accessDeniedText,
	consoleGuide,
	dashboardGuide,
	deployCommand,
	ENVIRONMENT_KEYS_NOTES,
	invokeLocalCaveat,
	LINKS,
	PROFILE_SELECTION,
	ROOT_KEYS_WARNING,
	SIGN_UP_GUIDE,
	type Guide,
} from '../../source/wizard/texts.js';
import {makeSnapshot} from '../doctor/snapshot-builder.js';

const guides: Array<[string, Guide]> = [
	['sign-up', SIGN_UP_GUIDE],
	['console', consoleGuide({userName: 'orders-deployer', policyName: 'orders-deploy', policyFile: 'orders-deploy-policy.json'})],
	['dashboard v3', dashboardGuide(3)],
	['dashboard v4', dashboardGuide(4)],
];

const text = (guide: Guide) => JSON.stringify(guide);

describe.each(guides)('%s guide', (_name, guide) => {
	test('has a title, steps with text, and https links only', () => {
		expect(guide.title).not.toBe('');
		expect(guide.steps.length).toBeGreaterThan(0);
		for (const item of [...guide.steps, ...guide.notes]) {
			expect(item.title).not.toBe('');
			expect(item.lines.length + item.links.length + (item.commands?.length ?? 0)).toBeGreaterThan(0);
			for (const link of item.links) expect(link.url).toMatch(/^https:\/\/[a-z0-9.-]+\.(aws\.amazon\.com|amazon\.com|serverless\.com)\//);
		}
	});
});

test('every link is https on an AWS or Serverless host', () => {
	for (const link of Object.values(LINKS)) expect(new URL(link.url).protocol).toBe('https:');
});

test('sign-up: account, phone PIN, payment method (and why), Free Tier', () => {
	const all = text(SIGN_UP_GUIDE);
	expect(SIGN_UP_GUIDE.steps.map((item) => item.title)).toEqual(
		expect.arrayContaining([expect.stringMatching(/Create the account/), expect.stringMatching(/PIN/), expect.stringMatching(/payment method/)]),
	);
	expect(all).toContain('needs a subscription');
	expect(all).toContain('Free Tier');
	expect(all).toContain(LINKS.signUp.url);
	expect(all).toContain(LINKS.paymentMethods.url);
});

test('console steps: the user name to type, programmatic access, the policy, the keys', () => {
	const guide = consoleGuide({userName: 'orders-deployer', policyName: 'orders-deploy', policyFile: 'orders-deploy-policy.json'});
	const all = text(guide);
	expect(all).toContain('User name: orders-deployer');
	expect(all).toContain('programmatic access');
	expect(all).toContain('AdministratorAccess');
	expect(all).toContain('orders-deploy-policy.json');
	expect(all).toContain('Create access key');
	expect(text(consoleGuide({userName: 'u', policyName: 'p'}))).not.toContain('saved in');
});

test('Dashboard: assumed role, one-hour credentials, org/app, overrides local credentials, the opt-out per major', () => {
	for (const major of [3, 4] as const) {
		const all = text(dashboardGuide(major));
		expect(all).toMatch(/assumes/);
		expect(all).toMatch(/expire after an hour/);
		expect(all).toMatch(/`org` and `app`/);
		expect(all).toMatch(/overrides local credentials/);
		expect(all).toContain('serverless login');
		expect(all).toContain('serverless deploy --stage dev');
	}
	expect(text(dashboardGuide(3))).toContain('--use-local-credentials');
	expect(text(dashboardGuide(4))).toContain('dashboard: false');
	expect(text(dashboardGuide(4))).toContain('no --use-local-credentials');
});

describe('which profile wins', () => {
	test('names --aws-profile, AWS_PROFILE and AWS_<STAGE>_PROFILE', () => {
		expect(PROFILE_SELECTION.settings.map((setting) => setting.name)).toEqual(
			expect.arrayContaining(['--aws-profile <name>', 'AWS_PROFILE', 'AWS_<STAGE>_PROFILE', 'provider.profile']),
		);
	});

	test.each([
		[3, precedenceV3(makeSnapshot({framework: 3}))],
		[4, precedenceV4(makeSnapshot({framework: 4}))],
	] as const)('the v%s order is the order of the doctor’s model', (major, verdict) => {
		const listed = PROFILE_SELECTION.order[major].map((entry) => entry.source);
		const modelled = verdict.candidates.map((candidate) => candidate.source).filter((source) => listed.includes(source));
		expect(listed).toEqual(modelled);
	});

	test('v3: AWS_PROFILE beats provider.profile; v4: the reverse', () => {
		const rank = (major: 3 | 4, source: string) => PROFILE_SELECTION.order[major].findIndex((entry) => entry.source === source);
		expect(rank(3, 'env-profile')).toBeLessThan(rank(3, 'provider-profile'));
		expect(rank(4, 'provider-profile')).toBeLessThan(rank(4, 'env-profile'));
		expect(rank(4, 'env-stage-profile')).toBe(-1);
	});
});

test('invoke local caveat quotes what it prints', () => {
	const lines = invokeLocalCaveat({stage: 'dev', profile: 'orders dev'});
	expect(lines.join('\n')).toContain("--stage dev --aws-profile 'orders dev'");
	expect(lines.join('\n')).toContain('invoke local');
	expect(invokeLocalCaveat({stage: 'prod'}).at(-1)).toContain('--aws-profile <profile>');
});

test('environment keys: where they sit in each major', () => {
	const all = ENVIRONMENT_KEYS_NOTES.join('\n');
	expect(all).toMatch(/v3: AWS_PROFILE, AWS_<STAGE>_\* and --aws-profile beat these keys, and they beat provider\.profile/);
	expect(all).toMatch(/v4 .*named profile .*ignored/);
});

test('small texts', () => {
	expect(deployCommand('dev')).toBe('serverless deploy --stage dev');
	expect(deployCommand("it's")).toBe(`serverless deploy --stage 'it'\\''s'`);
	expect(accessDeniedText('iam:CreateUser')).toContain('iam:CreateUser');
	expect(accessDeniedText(undefined)).toContain('not allowed to create IAM users');
	expect(ROOT_KEYS_WARNING).toMatch(/root/);
});
