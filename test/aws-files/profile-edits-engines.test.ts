/**
 * Accepted plans read back by the real engines (the JS SDK's loader and botocore), the hand-made corpus edited
 * through the plans, and a 10,000-profile file edited in linear time.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {afterAll, describe, expect, it} from 'vitest';
import {inspectAwsFile, type AwsFileKind} from '../../source/aws-files/file-issues.js';
import {maskedDiff} from '../../source/aws-files/masked-diff.js';
import {planRemoveProfile, planSetProfile} from '../../source/aws-files/profile-edits.js';
import {cliConfigProfileName, profileSections} from '../../source/aws-files/profile-sections.js';
import {readCliIni} from '../../source/aws-files/cli-reader.js';
import {parseIniDocument} from '../../source/aws-files/document.js';
import {sdkProfiles} from '../../source/aws-files/sdk-profiles.js';
import {Secret} from '../../source/secret.js';
import {growthRatio, manyProfiles} from './big-file.js';
import {acceptedPlanProblem, intended, planCase, refusalProblem, runCase, type PlanCase} from './profile-plans.js';
import {plain, realBotocore, realSdkFiles, scratchDir, type BotocoreResult} from './real-readers.js';

const scratch = scratchDir('profile-edits');
afterAll(() => scratch.remove());

/** Accepted, changing plans from a fixed sample of the property test's generator. */
function acceptedSample(count: number) {
	return fc
		.sample(planCase, {numRuns: count, seed: 20_260_301})
		.map((input) => ({input, plan: runCase(input)}))
		.filter(({plan}) => !plan.refusal && (plan.credentials || plan.config));
}

function afterTexts(input: PlanCase, plan: ReturnType<typeof runCase>) {
	return {credentials: plan.credentials?.after ?? input.credentialsText, config: plan.config?.after ?? input.configText};
}

describe('accepted plans, read by the real engines', () => {
	const sample = acceptedSample(500);

	it('the JS SDK loader reads exactly what our reader reads, including the intended values', async () => {
		expect(sample.length).toBeGreaterThan(150);
		for (const {input, plan} of sample) {
			const texts = afterTexts(input, plan);
			const credentialsFile = scratch.file(texts.credentials, 'credentials') ?? '';
			const configFile = scratch.file(texts.config, 'config') ?? '';
			const real = await realSdkFiles(credentialsFile, configFile);
			const ours = sdkProfiles({credentials: texts.credentials ?? '', config: texts.config ?? ''});
			// parseKnownFiles also carries the config file's `sso-session.x` / `services.x` entries, which are no profiles.
			const profilesOnly = (merged: object) => Object.fromEntries(Object.entries(merged).filter(([name]) => !/^(sso-session|services)\./.test(name)));
			expect(profilesOnly(real.merged as object), JSON.stringify(input)).toEqual(profilesOnly(plain(ours.merged)));
			if (input.kind === 'remove') {
				expect(Object.hasOwn(real.credentials, input.profile) || Object.hasOwn(real.configData, input.profile)).toBe(false);
				continue;
			}
			const want = intended(input, plan);
			for (const [key, value] of Object.entries(want.credentials)) expect(real.credentials[input.profile]?.[key]).toBe(value);
			for (const [key, value] of Object.entries(want.config)) expect(real.configData[input.profile]?.[key]).toBe(value);
		}
	});

	it('botocore accepts every file it accepted before and reads the intended values', async () => {
		const checked = sample.filter(({input}) => !input.allowUnparseable);
		const jobs = checked.flatMap(({input, plan}) =>
			(['credentials', 'config'] as const)
				.filter((kind) => plan[kind] && readCliIni(plan[kind]?.before ?? '').ok)
				.map((kind) => ({input, plan, kind, text: plan[kind]?.after ?? ''})),
		);
		expect(jobs.length).toBeGreaterThan(100);
		const results = await realBotocore(
			jobs.map((job) => job.text),
			scratch,
		);
		jobs.forEach(({input, plan, kind, text}, index) => {
			const result = results[index] as BotocoreResult;
			expect(result.ok, text).toBe(true);
			if (!result.ok) return;
			const profile = botocoreProfile(result.sections, kind, input.profile);
			if (input.kind === 'remove') {
				expect(profile).toBeUndefined();
				return;
			}
			for (const [key, value] of Object.entries(intended(input, plan)[kind])) {
				expect(profile?.[key], `${kind} ${key} in ${JSON.stringify(text)}`).toBe(value);
			}
		});
	});
});

/** botocore's view of one profile: the raw section in the credentials file; `build_profile_map` in the config file. */
function botocoreProfile(sections: Record<string, Record<string, unknown>>, kind: AwsFileKind, profile: string): Record<string, unknown> | undefined {
	if (kind === 'credentials') return sections[profile];
	let found: Record<string, unknown> | undefined;
	for (const [name, values] of Object.entries(sections)) if (cliConfigProfileName(name) === profile) found = values;
	return found;
}

const KEY = 'AKIAQAAAAAAAGMKEM7X5';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const corpusDir = path.join(import.meta.dirname, 'corpus');
const corpus = fs
	.readdirSync(corpusDir)
	.filter((file) => file.endsWith('.ini'))
	.sort()
	.map((file) => ({file, text: fs.readFileSync(path.join(corpusDir, file), 'utf8'), kind: (file.startsWith('config') ? 'config' : 'credentials') as AwsFileKind}));

describe('the corpus, edited through plans', () => {
	it.each(corpus)('$file: new, overwritten and removed profiles', ({text, kind}) => {
		const existing = parseIniDocument(text)
			.sections.map((section) => section.name.replace(/^profile /, ''))
			.find((name) => /^[\w\-@+.%:/]+$/.test(name) && name !== '__proto__');
		const files = kind === 'credentials' ? {credentialsText: text} : {configText: text};
		const cases: PlanCase[] = [
			{kind: 'set', profile: 'fresh', ...files, credentials: {accessKeyId: KEY, secretAccessKey: SECRET}, settings: {region: 'eu-west-1'}, overwrite: false, allowUnparseable: false},
			...(existing
				? [
						{kind: 'set', profile: existing, ...files, credentials: {accessKeyId: KEY, secretAccessKey: SECRET}, settings: {region: 'us-west-2', output: 'json'}, overwrite: true, allowUnparseable: false} as PlanCase,
						{kind: 'remove', profile: existing, ...files, allowUnparseable: false} as PlanCase,
					]
				: []),
		];
		const clean = inspectAwsFile(text, kind).length === 0;
		for (const input of cases) {
			const plan = runCase(input);
			if (plan.refusal) {
				// A file the doctor finds nothing wrong with is always edited.
				expect({clean, refusal: plan.refusal.code}).not.toMatchObject({clean: true});
				expect(refusalProblem(input, plan)).toBeUndefined();
				continue;
			}
			expect(acceptedPlanProblem(input, plan)).toBeUndefined();
			for (const change of [plan.credentials, plan.config]) {
				if (!change) continue;
				const diff = maskedDiff('file', change.before, change.after).join('\n');
				expect(diff).not.toContain(SECRET);
				expect(diff).not.toContain(KEY);
			}
		}
	});

	it('edits the 10,000-profile file in linear time', () => {
		const big = manyProfiles(10_000);
		const plan = planSetProfile({configText: big, profile: 'default', settings: {region: 'us-west-2'}, overwrite: true});
		expect(plan.refusal).toBeUndefined();
		expect(plan.config?.after).toBe(big.replace('[default]\nregion = eu-west-1\n', '[default]\nregion = us-west-2\n'));
		expect(profileSections(parseIniDocument(plan.config?.after ?? ''), 'config', 'p9999')).toHaveLength(1);
		const edit = (text: string) => {
			const set = planSetProfile({
				configText: text,
				credentialsText: '',
				profile: 'fresh',
				credentials: {accessKeyId: new Secret(KEY), secretAccessKey: new Secret(SECRET)},
				settings: {region: 'eu-west-1'},
				overwrite: false,
			});
			const remove = planRemoveProfile({configText: text, profile: 'p0'});
			return [maskedDiff('config', text, set.config?.after ?? ''), maskedDiff('config', text, remove.config?.after ?? '')];
		};
		expect(growthRatio(edit, 3)).toBeLessThan(5);
	});
});
