import {readFileSync} from 'node:fs';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseServiceText} from '../../source/service/parse-service-file.js';
import {
	PROFILE_BY_STAGE,
	planStageMapping,
	type StageMappingEdit,
	type StageMappingInput,
	type StageMappingRefusalCode,
	stageMappingSnippet,
} from '../../source/service/stage-mapping.js';
import {changes, profileFor, variants} from './service-edit-support.js';

const BOM = '\uFEFF';

function fixture(name: string): string {
	return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

function edit(input: StageMappingInput): StageMappingEdit {
	const plan = planStageMapping(input);
	if (plan.refusal) throw new Error(`refused: ${plan.refusal.code}: ${plan.refusal.message}`);
	return plan;
}

const PROFILE_LINE = `profile: ${PROFILE_BY_STAGE}`;

describe('planStageMapping on realistic files', () => {
	const cases: Array<{
		file: string;
		mapping: Record<string, string>;
		replaceProfile?: boolean;
		removed: string[];
		added: string[];
		warnings?: RegExp[];
	}> = [
		{
			file: 'commented.yml',
			mapping: {dev: 'orders-dev', prod: 'orders-prod'},
			removed: [],
			added: [`  ${PROFILE_LINE}`, '  profiles:', '    dev: orders-dev', '    prod: orders-prod'],
		},
		{
			file: 'four-spaces.yml',
			mapping: {dev: 'billing-dev', prod: 'billing-prod', staging: 'billing-staging'},
			removed: ["        prod: 'billing-old'"],
			added: [`    ${PROFILE_LINE}`, "        prod: 'billing-prod'", "        staging: 'billing-staging'"],
			warnings: [/custom\.profiles\.prod was "billing-old"; now "billing-prod"/],
		},
		{
			file: 'opt-stage-trap.yml',
			mapping: {dev: 'legacy-dev', prod: 'legacy-prod'},
			replaceProfile: true,
			removed: ["  profile: ${self:custom.profiles.${opt:stage, 'dev'}} # from the 2020 template"],
			added: [`  ${PROFILE_LINE} # from the 2020 template`],
			warnings: [/provider\.profile was/],
		},
		{
			file: 'markers.yml',
			mapping: {dev: 'marked-dev'},
			removed: [],
			added: [`  ${PROFILE_LINE}`, 'custom:', '  profiles:', '    dev: marked-dev'],
		},
	];

	for (const {file, mapping, replaceProfile, removed, added, warnings} of cases) {
		describe(file, () => {
			const original = fixture(file);
			it.each(variants(original))('%s: changes only the mapping lines', (_name, text) => {
				const plan = edit({text, mapping, replaceProfile});
				expect(plan.before).toBe(text);
				expect(plan.changed).toBe(true);
				expect(changes(text, plan.after)).toEqual({removed, added});
				expect(plan.after.startsWith(BOM)).toBe(text.startsWith(BOM));
				if (text.includes('\r\n')) expect(plan.after).not.toMatch(/(^|[^\r])\n/);
				for (const pattern of warnings ?? []) expect(plan.warnings.join('\n')).toMatch(pattern);
			});

			it.each([3, 4] as const)('re-resolves to the chosen profile for every stage (Serverless v%i)', framework => {
				const plan = edit({text: original, mapping, replaceProfile});
				for (const [stage, profile] of Object.entries(mapping)) {
					expect(profileFor(plan.after, stage, framework)).toEqual({kind: 'value', value: profile, raw: PROFILE_BY_STAGE});
				}
			});

			it('reads as the old file plus exactly the mapping', () => {
				const plan = edit({text: original, mapping, replaceProfile});
				const before = parseServiceText(original, 'yml').document as any;
				const after = parseServiceText(plan.after, 'yml').document as any;
				const {provider: beforeProvider, custom: beforeCustom, ...beforeRest} = before;
				const {provider: afterProvider, custom: afterCustom, ...afterRest} = after;
				expect(afterRest).toEqual(beforeRest);
				expect(afterProvider).toEqual({...beforeProvider, profile: PROFILE_BY_STAGE});
				expect(afterCustom).toEqual({...beforeCustom, profiles: {...beforeCustom?.profiles, ...mapping}});
			});

			it('is idempotent: planning the result again changes nothing', () => {
				const plan = edit({text: original, mapping, replaceProfile});
				const again = edit({text: plan.after, mapping});
				expect(again.changed).toBe(false);
				expect(again.after).toBe(plan.after);
			});
		});
	}

	it('keeps every CloudFormation short tag, anchor, block scalar and comment of the commented file', () => {
		const text = fixture('commented.yml');
		const {after} = edit({text, mapping: {dev: 'orders-dev'}});
		for (const line of text.split('\n')) expect(after.split('\n')).toContain(line);
		for (const tag of ['!Ref', '!GetAtt', '!Sub', '!Equals', '!Not', '!Or', '!And', '!Condition', '!If', '!Select', '!Cidr', '!GetAZs', '!ImportValue', '!Base64', '!Join', '!FindInMap', '!Split']) {
			expect(after.split(tag).length).toBe(text.split(tag).length);
		}
		// provider.profile reads best beside the region, before the comment that belongs to `tags`.
		expect(after).toContain(`  region: "eu-west-1" # Ireland\n  ${PROFILE_LINE}\n  # Tags applied to every resource\n`);
		// the new stage map goes at the end of `custom`, before the blank line that separates sections.
		expect(after).toContain('  tableName: ${self:service}-${sls:stage}-orders\n  profiles:\n    dev: orders-dev\n\nfunctions:');
	});

	it('picks the profile of provider.stage when no --stage is given (the ${opt:stage} trap is gone)', () => {
		const plan = edit({text: fixture('opt-stage-trap.yml'), mapping: {dev: 'legacy-dev', prod: 'legacy-prod'}, replaceProfile: true});
		expect(profileFor(fixture('opt-stage-trap.yml'), undefined, 3)).toMatchObject({value: 'legacy-dev'});
		expect(profileFor(plan.after, undefined, 3)).toMatchObject({value: 'legacy-prod'});
		expect(profileFor(plan.after, undefined, 4)).toMatchObject({value: 'legacy-prod'});
	});
});

describe('planStageMapping edits in place', () => {
	const cases: Array<[string, string, Record<string, string>, string]> = [
		['a file without custom', 'service: a\nprovider:\n  name: aws\n', {dev: 'a-dev'}, `service: a\nprovider:\n  name: aws\n  ${PROFILE_LINE}\ncustom:\n  profiles:\n    dev: a-dev\n`],
		[
			'sections separated by blank lines',
			'service: a\n\nprovider:\n  name: aws\n',
			{dev: 'a-dev'},
			`service: a\n\nprovider:\n  name: aws\n  ${PROFILE_LINE}\n\ncustom:\n  profiles:\n    dev: a-dev\n`,
		],
		['no final newline', 'service: a\nprovider:\n  name: aws', {dev: 'a'}, `service: a\nprovider:\n  name: aws\n  ${PROFILE_LINE}\ncustom:\n  profiles:\n    dev: a\n`],
		['no provider at all', 'service: a\n', {dev: 'a'}, `service: a\nprovider:\n  ${PROFILE_LINE}\ncustom:\n  profiles:\n    dev: a\n`],
		['an empty file', '', {dev: 'a'}, `provider:\n  ${PROFILE_LINE}\ncustom:\n  profiles:\n    dev: a\n`],
		['comments only', '# nothing yet\n', {dev: 'a'}, `# nothing yet\nprovider:\n  ${PROFILE_LINE}\ncustom:\n  profiles:\n    dev: a\n`],
		[
			'an empty custom with a comment',
			'provider:\n  name: aws\ncustom: # later\nplugins:\n  - x\n',
			{dev: 'a'},
			`provider:\n  name: aws\n  ${PROFILE_LINE}\ncustom: # later\n  profiles:\n    dev: a\nplugins:\n  - x\n`,
		],
		['custom: ~', 'provider:\n  name: aws\ncustom: ~\n', {dev: 'a'}, `provider:\n  name: aws\n  ${PROFILE_LINE}\ncustom:\n  profiles:\n    dev: a\n`],
		['custom: {}', 'provider:\n  name: aws\ncustom: {} # none\n', {dev: 'a'}, `provider:\n  name: aws\n  ${PROFILE_LINE}\ncustom: # none\n  profiles:\n    dev: a\n`],
		['profiles: {}', 'provider:\n  name: aws\ncustom:\n  profiles: {}\n', {dev: 'a'}, `provider:\n  name: aws\n  ${PROFILE_LINE}\ncustom:\n  profiles:\n    dev: a\n`],
		['an empty provider.profile', 'provider:\n  name: aws\n  profile:\n', {dev: 'a'}, `provider:\n  name: aws\n  ${PROFILE_LINE}\ncustom:\n  profiles:\n    dev: a\n`],
		[
			'provider.profile already per stage',
			`provider:\n  ${PROFILE_LINE}\n  name: aws\ncustom:\n  profiles:\n    dev: a # mine\n`,
			{dev: 'a', prod: 'b'},
			`provider:\n  ${PROFILE_LINE}\n  name: aws\ncustom:\n  profiles:\n    dev: a # mine\n    prod: b\n`,
		],
		[
			'double-quoted siblings',
			'provider:\n  name: aws\ncustom:\n  profiles:\n    "dev": "a"\n',
			{prod: 'b'},
			`provider:\n  name: aws\n  ${PROFILE_LINE}\ncustom:\n  profiles:\n    "dev": "a"\n    prod: "b"\n`,
		],
		[
			'provider whose last key is a block',
			'provider:\n  iam:\n    role: x\n  # end of provider\nfunctions: {}\n',
			{dev: 'a'},
			`provider:\n  iam:\n    role: x\n  ${PROFILE_LINE}\n  # end of provider\nfunctions: {}\ncustom:\n  profiles:\n    dev: a\n`,
		],
		[
			'a stage entry that is empty',
			'provider:\n  name: aws\ncustom:\n  profiles:\n    dev:\n',
			{dev: 'a'},
			`provider:\n  name: aws\n  ${PROFILE_LINE}\ncustom:\n  profiles:\n    dev: a\n`,
		],
		[
			'a tagged stage value (the tag goes, it would change the value)',
			'provider:\n  name: aws\ncustom:\n  profiles:\n    dev: !Ref &p Old # c\n',
			{dev: 'new'},
			`provider:\n  name: aws\n  ${PROFILE_LINE}\ncustom:\n  profiles:\n    dev: &p new # c\n`,
		],
		[
			'a key in quotes and a comment deeper than the keys',
			'"provider":\n  # first\n    # odd\n  "name": aws\n',
			{dev: 'a'},
			`"provider":\n  # first\n    # odd\n  "name": aws\n  ${PROFILE_LINE}\ncustom:\n  profiles:\n    dev: a\n`,
		],
		[
			'a custom map indented by four under a file indented by two',
			'provider:\n  name: aws\ncustom:\n    webpack:\n        x: 1\n',
			{dev: 'a'},
			`provider:\n  name: aws\n  ${PROFILE_LINE}\ncustom:\n    webpack:\n        x: 1\n    profiles:\n        dev: a\n`,
		],
		[
			'an anchored stage value (the anchor stays)',
			'provider:\n  name: aws\ncustom:\n  profiles:\n    dev: &p old\n',
			{dev: 'new'},
			`provider:\n  name: aws\n  ${PROFILE_LINE}\ncustom:\n  profiles:\n    dev: &p new\n`,
		],
	];

	it.each(cases)('%s', (_name, text, mapping, expected) => {
		expect(edit({text, mapping}).after).toBe(expected);
	});

	it.each([
		['yes', "'yes'"],
		['123', "'123'"],
		['0755', "'0755'"],
		['1:20', "'1:20'"],
		['null', "'null'"],
		['true', "'true'"],
		['a:b', 'a:b'],
		['x%y', 'x%y'],
		['team/dev', 'team/dev'],
		['@dev', "'@dev'"],
		['%dev', "'%dev'"],
		['-dev', "'-dev'"],
	])('quotes a profile named %s only when YAML would read it as something else', (profile, written) => {
		const {after} = edit({text: 'provider:\n  name: aws\n', mapping: {dev: profile}});
		expect(after).toContain(`    dev: ${written}\n`);
		expect(profileFor(after, 'dev', 3)).toMatchObject({value: profile});
	});

	it('says nothing changes when the file already holds the mapping', () => {
		const text = `provider:\n  ${PROFILE_LINE}\ncustom:\n  profiles:\n    dev: a\n`;
		const plan = edit({text, mapping: {dev: 'a'}});
		expect(plan.changed).toBe(false);
		expect(plan.after).toBe(text);
		expect(plan.warnings).toEqual([]);
	});

	it('warns about stages the file names that would have no profile', () => {
		const text = 'provider:\n  name: aws\n  stage: staging\nparams:\n  default: {}\n  prod: {}\n  dev: {}\nstages:\n  qa: {}\n';
		const plan = edit({text, mapping: {dev: 'a'}});
		const unmapped = plan.warnings.map(warning => /^Stage (\S+) has no entry/.exec(warning)?.[1]);
		expect(unmapped.sort()).toEqual(['prod', 'qa', 'staging']);
		expect(plan.warnings[0]).toContain('serverless deploy --stage');
	});

	it('a stage with no profile really stops resolution (why the warning matters)', () => {
		const {after} = edit({text: 'provider:\n  name: aws\n', mapping: {dev: 'a'}});
		expect(profileFor(after, 'prod', 3)?.kind).toBe('unresolved');
	});
});

describe('planStageMapping refuses, with the snippet to paste', () => {
	const cases: Array<[string, Partial<StageMappingInput> & {text: string}, StageMappingRefusalCode, RegExp]> = [
		['provider.profile names one profile', {text: 'provider:\n  name: aws\n  profile: default\n'}, 'PROVIDER_PROFILE_SET', /already "default"/],
		['the ${opt:stage} trap', {text: fixture('opt-stage-trap.yml')}, 'PROVIDER_PROFILE_SET', /ignores provider\.stage/],
		['provider.profile through a merge key', {text: fixture('merge-keys.yml')}, 'PROVIDER_PROFILE_SET', /merge key/],
		['custom.profiles through a merge key', {text: fixture('merge-keys.yml'), replaceProfile: true}, 'CUSTOM_PROFILES_NOT_A_MAP', /merge key/],
		['custom shared through an anchor', {text: fixture('shared-anchor.yml')}, 'EDIT_CHECK_FAILED', /would also change resources/],
		['two documents', {text: fixture('two-documents.yml')}, 'UNPARSABLE', /more than one YAML document/],
		['a syntax error', {text: 'provider:\n  name: [aws\n'}, 'UNPARSABLE', /YAML syntax error at line/],
		['custom.profiles from a file', {text: 'provider:\n  name: aws\ncustom:\n  profiles: ${file(./profiles.yml)}\n'}, 'CUSTOM_PROFILES_NOT_A_MAP', /the text "\$\{file/],
		['custom.profiles as a list', {text: 'custom:\n  profiles:\n    - dev\n'}, 'CUSTOM_PROFILES_NOT_A_MAP', /a list/],
		['custom.profiles on one line', {text: 'custom:\n  profiles: {dev: a}\n'}, 'CUSTOM_PROFILES_NOT_A_MAP', /on one line/],
		['provider on one line', {text: 'provider: {name: aws}\n'}, 'NOT_A_MAP', /provider .* on one line/],
		['custom from a variable', {text: 'custom: ${file(./custom.yml)}\n'}, 'NOT_A_MAP', /custom in serverless\.yml is the text/],
		['a stage value that is a map', {text: 'custom:\n  profiles:\n    dev:\n      name: x\n'}, 'NOT_A_PROFILE_NAME', /custom\.profiles\.dev .* a map, not a profile name/],
		['a provider.profile written as a block of text', {text: 'provider:\n  profile: |\n    multi\n', replaceProfile: true}, 'NOT_A_PROFILE_NAME', /the text "multi\\n"/],
		['a provider.profile shared through an anchor', {text: 'provider:\n  profile: &p old\nother: *p\n', replaceProfile: true}, 'EDIT_CHECK_FAILED', /would also change other/],
		['a top level that is a list', {text: '- a\n'}, 'NOT_A_MAP', /top level/i],
		['JSON', {text: '{}', format: 'json', fileName: 'serverless.json'}, 'NOT_YAML', /serverless\.json is JSON/],
		['TypeScript', {text: 'export default {}', format: 'ts', fileName: 'serverless.ts'}, 'NOT_YAML', /is code/],
		['a stage with a dot', {text: '', mapping: {'dev.eu': 'a'}}, 'INVALID_MAPPING', /a dot splits the path/],
		['a stage named like a JavaScript built-in', {text: '', mapping: JSON.parse('{"__proto__": "a"}') as Record<string, string>}, 'INVALID_MAPPING', /built-in JavaScript name/],
		['a stage named constructor', {text: '', mapping: {constructor: 'a'}}, 'INVALID_MAPPING', /built-in JavaScript name/],
		['a profile with a space', {text: '', mapping: {dev: 'my profile'}}, 'INVALID_MAPPING', /profile name "my profile"/i],
		['no stages', {text: '', mapping: {}}, 'INVALID_MAPPING', /No stage/],
	];

	it.each(cases)('%s', (_name, input, code, message) => {
		const plan = planStageMapping({mapping: {dev: 'a-dev'}, ...input});
		expect(plan.refusal?.code).toBe(code);
		expect(plan.refusal?.message).toMatch(message);
		expect(plan.refusal?.fix).toBeTruthy();
		expect(plan.refusal?.canOverride).toBe(code === 'PROVIDER_PROFILE_SET');
		expect(plan.snippet).toBe(stageMappingSnippet(input.mapping ?? {dev: 'a-dev'}, input.format ?? 'yml'));
	});

	it('replaces a provider.profile only when the user agreed, keeping its inline comment', () => {
		const text = 'provider:\n  name: aws\n  profile: default # old\n';
		expect(planStageMapping({text, mapping: {dev: 'a'}}).refusal?.code).toBe('PROVIDER_PROFILE_SET');
		expect(edit({text, mapping: {dev: 'a'}, replaceProfile: true}).after).toBe(
			`provider:\n  name: aws\n  ${PROFILE_LINE} # old\ncustom:\n  profiles:\n    dev: a\n`,
		);
	});

	it('with agreement, overrides a merged provider.profile by a key of its own', () => {
		const text = fixture('merge-keys.yml').replace('custom:\n  <<: *custom\n  other: 1\n', 'custom:\n  other: 1\n');
		const {after} = edit({text, mapping: {dev: 'm-dev'}, replaceProfile: true});
		expect(changes(text, after)).toEqual({removed: [], added: [`  ${PROFILE_LINE}`, '  profiles:', '    dev: m-dev']});
		expect(profileFor(after, 'dev', 3)).toMatchObject({value: 'm-dev'});
	});
});

describe('stageMappingSnippet', () => {
	const mapping = {dev: 'app-dev', prod: 'app-prod'};

	it('is YAML that resolves to the chosen profiles when pasted as a whole file', () => {
		const snippet = stageMappingSnippet(mapping);
		expect(snippet).toBe(`provider:\n  ${PROFILE_LINE}\n\ncustom:\n  profiles:\n    dev: app-dev\n    prod: app-prod\n`);
		expect(profileFor(snippet, 'prod', 3)).toMatchObject({value: 'app-prod'});
	});

	it('is JSON for serverless.json', () => {
		expect(JSON.parse(stageMappingSnippet(mapping, 'json'))).toEqual({provider: {profile: PROFILE_BY_STAGE}, custom: {profiles: mapping}});
	});

	it('is object-literal properties with plain quotes for serverless.ts / .js (a template literal would run ${…})', () => {
		const snippet = stageMappingSnippet({dev: 'app-dev', 'eu-prod': 'x'}, 'ts');
		expect(snippet).not.toContain('`');
		const value = new Function(`return {\n${snippet}}`)();
		expect(value).toEqual({provider: {profile: PROFILE_BY_STAGE}, custom: {profiles: {dev: 'app-dev', 'eu-prod': 'x'}}});
	});
});

describe('planStageMapping on generated files (property)', () => {
	const stageName = fc.constantFrom('dev', 'prod', 'staging', 'test-eu', 'qa_1', 'yes', '2024');
	const profileName = fc.oneof(
		fc.constantFrom('default', 'yes', 'null', '0755', '1:20', 'a:b', 'x%y', 'team/dev', '@p', '-p', 'p.q+r'),
		// Names of JavaScript built-ins (`constructor`) are refused, as the profile store refuses them (tested above).
		fc.stringMatching(/^[\w\-@+.%:/]{1,12}$/).filter(name => !(name in Object.prototype)),
	);
	const quoteStyle = fc.constantFrom<'plain' | 'single' | 'double'>('plain', 'single', 'double');
	const comment = fc.option(fc.constantFrom('# note', '# TODO: check', '#', '# key: value'), {nil: undefined});
	const quote = (value: string, style: 'plain' | 'single' | 'double') =>
		style === 'double' ? JSON.stringify(value) : style === 'single' || !/^[a-z][\w.-]*$/.test(value) ? `'${value.replaceAll("'", "''")}'` : value;

	const file = fc.record({
		eol: fc.constantFrom('\n', '\r\n'),
		bom: fc.boolean(),
		unit: fc.constantFrom(2, 4),
		header: comment,
		marker: fc.boolean(),
		blank: fc.boolean(),
		providerKeys: fc.subarray(['name: aws', 'runtime: nodejs20.x', "region: 'eu-west-1'", 'stage: dev', 'memorySize: 256'], {minLength: 0}),
		providerProfile: fc.constantFrom('none', 'empty', 'mapped'),
		providerBlock: fc.boolean(),
		providerComment: comment,
		custom: fc.constantFrom('absent', 'null', 'empty-flow', 'other', 'profiles', 'profiles-empty'),
		existing: fc.dictionary(stageName, profileName, {maxKeys: 3}),
		existingStyle: quoteStyle,
		withResources: fc.boolean(),
		order: fc.boolean(),
		trailer: comment,
		finalNewline: fc.boolean(),
		mapping: fc.dictionary(stageName, profileName, {minKeys: 1, maxKeys: 4}),
	});

	type FileSpec = typeof file extends fc.Arbitrary<infer T> ? T : never;

	function build(spec: FileSpec): string {
		const pad = (level: number) => ' '.repeat(spec.unit * level);
		const provider: string[] = ['provider:'];
		for (const key of spec.providerKeys) provider.push(`${pad(1)}${key}`);
		if (spec.providerComment) provider.push(`${pad(1)}${spec.providerComment}`);
		if (spec.providerProfile === 'empty') provider.push(`${pad(1)}profile:`);
		if (spec.providerProfile === 'mapped') provider.push(`${pad(1)}${PROFILE_LINE}`);
		if (spec.providerBlock) provider.push(`${pad(1)}environment:`, `${pad(2)}TABLE: !Ref Table`, `${pad(2)}NAME: !Sub '\${AWS::StackName}'`);
		if (provider.length === 1) provider.push(`${pad(1)}name: aws`);
		const custom: string[] = [];
		if (spec.custom === 'null') custom.push('custom:');
		if (spec.custom === 'empty-flow') custom.push('custom: {}');
		if (spec.custom === 'other' || spec.custom === 'profiles' || spec.custom === 'profiles-empty') {
			custom.push('custom:', `${pad(1)}bucket: !Join ['-', [a, !Ref 'AWS::Region']]`);
		}
		if (spec.custom === 'profiles-empty') custom.push(`${pad(1)}profiles:`);
		if (spec.custom === 'profiles') {
			custom.push(`${pad(1)}profiles:`);
			const entries = Object.entries(spec.existing);
			if (entries.length === 0) custom.push(`${pad(2)}seed: seed-profile`);
			for (const [stage, profile] of entries) custom.push(`${pad(2)}${quote(stage, 'single')}: ${quote(profile, spec.existingStyle)} # ${stage}`);
		}
		const resources = spec.withResources
			? ['resources:', `${pad(1)}Resources:`, `${pad(2)}Table:`, `${pad(3)}Type: AWS::DynamoDB::Table`, `${pad(3)}Properties:`, `${pad(4)}Arn: !GetAtt Table.Arn`, `${pad(4)}Tags: [{Key: a, Value: b}]`]
			: [];
		const sections = [['service: generated'], provider, custom, resources].filter(section => section.length > 0);
		if (spec.order) sections.reverse();
		const lines: string[] = [];
		if (spec.header) lines.push(spec.header);
		if (spec.marker) lines.push('---');
		sections.forEach((section, index) => {
			if (index > 0 && spec.blank) lines.push('');
			lines.push(...section);
		});
		if (spec.trailer) lines.push(spec.trailer);
		const text = lines.join(spec.eol) + (spec.finalNewline ? spec.eol : '');
		return (spec.bom ? BOM : '') + text;
	}

	it('only adds or changes mapping lines, keeps line ends and BOM, and re-resolves to the mapping', () => {
		fc.assert(
			fc.property(file, spec => {
				const text = build(spec);
				const mapping = spec.mapping;
				const plan = planStageMapping({text, mapping});
				if (plan.refusal) throw new Error(`${plan.refusal.code}: ${plan.refusal.message}\n${text}`);
				const stages = Object.keys(mapping);
				const {removed, added} = changes(text, plan.after);
				const stageLine = (line: string) => stages.some(stage => new RegExp(`^\\s+('?)${stage}\\1:( |$)`).test(line));
				for (const line of added) {
					// New values follow their siblings' quotes: a provider of 'single-quoted' values gets a quoted profile too.
					const profileLine = /^\s*profile: (['"]?)\$\{self:custom\.profiles\.\$\{sls:stage\}\}\1$/.test(line);
					expect(line.trim() === '' || profileLine || /^\s*(custom|profiles):( #.*)?$/.test(line) || stageLine(line), line).toBe(true);
				}
				for (const line of removed) {
					expect(/^\s*(custom|profiles):/.test(line) || /^\s*profile:$/.test(line) || stageLine(line), line).toBe(true);
				}
				expect(plan.after.startsWith(BOM)).toBe(spec.bom);
				const lastLine = plan.after.replace(/\r?\n$/, '').split(/\r?\n/).at(-1) ?? '';
				if (!spec.finalNewline && !added.includes(lastLine)) expect(plan.after.endsWith('\n')).toBe(false);
				if (spec.eol === '\r\n') expect(plan.after).not.toMatch(/(^|[^\r])\n/);
				else expect(plan.after).not.toContain('\r');
				for (const framework of [3, 4] as const) {
					for (const [stage, profile] of Object.entries(mapping)) {
						expect(profileFor(plan.after, stage, framework)).toEqual({kind: 'value', value: profile, raw: PROFILE_BY_STAGE});
					}
				}
				expect(edit({text: plan.after, mapping}).changed).toBe(false);
			}),
			{numRuns: 300},
		);
	});
});

it('a profile name the profile store refuses (a JavaScript built-in) is refused here too', () => {
	const plan = planStageMapping({text: 'service: a\nprovider:\n  name: aws\n', mapping: {dev: 'constructor'}});
	expect(plan.refusal?.code).toBe('INVALID_MAPPING');
	expect(plan.refusal?.message).toMatch(/JavaScript built-in/);
});
