/**
 * The newcomer flow (issue #5) and keeping pasted admin keys (issue #4) as transition tables: inputs from the start →
 * the screen shown, the effects asked for, what the context holds. Team settings are hand-built ServiceInfo objects.
 */
import {describe, expect, test} from 'vitest';
import {changesSomething} from '../../source/wizard/effect.js';
import {step} from '../../source/wizard/reducer.js';
import {
	ADMIN_KEY,
	DEV_ACCOUNT,
	identityIn,
	keys,
	newKeys,
	OTHER_ACCOUNT,
	PROD_ACCOUNT,
	reply,
	run,
	teamDev,
	teamProd,
	toDevDone,
	toDevVerifying,
	toProdChecking,
	toProdRoleReview,
	toSaveAdmin,
	toScanSummary,
	toTeam,
	type Input,
} from './wizard-fixtures.js';

interface Row {
	name: string;
	inputs: Input[];
	screen: Record<string, unknown>;
	effects?: Array<Record<string, unknown>>;
	context?: Record<string, unknown>;
}

const ROLE_SETTINGS = {role_arn: teamProd.role!.arn, source_profile: 'orders-dev', region: 'eu-west-1'};
const prodWithoutSource = {...teamProd, role: {arn: teamProd.role!.arn}};
const written = reply({type: 'profile-written', files: [], backups: [], warnings: []});
const failure = {code: 'AccessDenied', message: 'User is not authorized to perform: sts:AssumeRole', fix: 'Ask for sts:AssumeRole on the role.'};

const teamRows: Row[] = [
	{name: 'no team settings: no team choice', inputs: [...toScanSummary, {type: 'start', choice: 'team'}], screen: {step: 'scan', phase: 'summary'}, effects: []},
	{
		name: 'scan with team settings → the team overview, without asking about an account',
		inputs: toTeam(),
		screen: {step: 'team', phase: 'overview'},
		effects: [],
		context: {team: {path: '/work/app/serverless.yml', stages: [teamDev, teamProd], providerProfileFromBlock: true, results: {}}},
	},
	{name: 'set up instead: the team run is dropped', inputs: [...toTeam(), {type: 'back'}, {type: 'start', choice: 'set-up'}], screen: {step: 'account', phase: 'ask'}, context: {team: undefined}},
	// a stage without a role whose profile does not exist: keys through steps 3–6
	{
		name: 'dev has no profile yet → the key paths, for its profile, region and account',
		inputs: [...toTeam(), {type: 'submit'}],
		screen: {step: 'keys-path', phase: 'choose'},
		effects: [],
		context: {forStage: 'dev', teamTarget: {stage: 'dev', profile: 'stage'}, profileName: 'orders-dev', region: 'eu-west-1', userName: 'orders-dev-deployer', historyFloor: 2},
	},
	{
		name: 'dev: the keys are planned under the team profile name',
		inputs: [...toTeam(), {type: 'submit'}, {type: 'choose-path', path: 'paste'}, {type: 'keys-entered', keys: keys()}, {type: 'submit'}],
		screen: {step: 'profile', phase: 'planning'},
		effects: [{type: 'plan-profile', request: {profile: 'orders-dev', settings: {region: 'eu-west-1'}, overwrite: false}}],
	},
	{name: 'dev written → STS with the new keys', inputs: toDevVerifying(), screen: {step: 'verify', phase: 'verifying'}, effects: [{type: 'verify', region: 'eu-west-1'}], context: {writtenProfiles: ['orders-dev'], mapping: {dev: 'orders-dev'}}},
	{
		name: 'dev lands in its account → verified, recorded',
		inputs: [...toDevVerifying(), reply({type: 'verified', identity: identityIn(DEV_ACCOUNT)})],
		screen: {step: 'verify', phase: 'verified', identity: {account: DEV_ACCOUNT}},
		context: {team: {results: {dev: {status: 'verified', account: DEV_ACCOUNT}}}},
	},
	{
		name: 'dev lands in another account → the mismatch, nothing recorded',
		inputs: [...toDevVerifying(), reply({type: 'verified', identity: identityIn(OTHER_ACCOUNT)})],
		screen: {step: 'team', phase: 'mismatch', stage: 'dev', identity: {account: OTHER_ACCOUNT}},
		context: {team: {results: {}}, teamTarget: undefined, forStage: undefined, historyFloor: 0},
	},
	{
		name: 'mismatch → other keys: the key paths again for the same profile',
		inputs: [...toDevVerifying(), reply({type: 'verified', identity: identityIn(OTHER_ACCOUNT)}), {type: 'other-keys'}],
		screen: {step: 'keys-path', phase: 'choose'},
		context: {teamTarget: {stage: 'dev', profile: 'stage'}, profileName: 'orders-dev', overwrite: false},
	},
	{
		name: 'mismatch → skip: the overview, dev skipped',
		inputs: [...toDevVerifying(), reply({type: 'verified', identity: identityIn(OTHER_ACCOUNT)}), {type: 'skip'}],
		screen: {step: 'team', phase: 'overview'},
		context: {team: {results: {dev: {status: 'skipped'}}}},
	},
	{
		name: 'the new keys fail at STS → skip: dev skipped',
		inputs: [...toDevVerifying(), reply({type: 'verify-failed', failure: {message: 'bad'}, timedOut: false}), {type: 'skip'}],
		screen: {step: 'team', phase: 'overview'},
		context: {team: {results: {dev: {status: 'skipped'}}}, teamTarget: undefined},
	},
	{name: 'verified → Enter → the overview', inputs: toDevDone, screen: {step: 'team', phase: 'overview'}, effects: [], context: {teamTarget: undefined, forStage: undefined, historyFloor: 0}},
	// a role stage whose source profile exists: an assume-role profile in ~/.aws/config
	{
		name: 'prod (role, source profile written) → its role profile planned: no keys, the role settings',
		inputs: [...toDevDone, {type: 'submit'}],
		screen: {step: 'profile', phase: 'planning'},
		effects: [{type: 'plan-profile', request: {profile: 'orders-prod', settings: ROLE_SETTINGS, overwrite: false}}],
		context: {profileTarget: {kind: 'role', stage: 'prod'}},
	},
	{name: 'prod: the masked diff', inputs: toProdRoleReview, screen: {step: 'profile', phase: 'review', diff: ['+[profile orders-prod]', '+role_arn = …']}, effects: []},
	{
		name: 'prod: confirmed → written with exactly that diff',
		inputs: [...toProdRoleReview, {type: 'confirm'}],
		screen: {step: 'profile', phase: 'writing'},
		effects: [{type: 'write-profile', plan: {profile: 'orders-prod', settings: ROLE_SETTINGS, shownDiff: ['+[profile orders-prod]', '+role_arn = …']}}],
	},
	{name: 'prod: declined → the overview, nothing written', inputs: [...toProdRoleReview, {type: 'decline'}], screen: {step: 'team', phase: 'overview'}, effects: []},
	{
		name: 'prod written → STS through the profile (AssumeRole)',
		inputs: toProdChecking,
		screen: {step: 'team', phase: 'checking', stage: 'prod'},
		effects: [{type: 'verify-profile', profile: 'orders-prod', region: 'eu-west-1'}],
		context: {writtenProfiles: ['orders-dev', 'orders-prod'], profileTarget: undefined},
	},
	{
		name: 'prod lands in its account → the overview, prod ✔',
		inputs: [...toProdChecking, reply({type: 'verified', identity: identityIn(PROD_ACCOUNT, `arn:aws:sts::${PROD_ACCOUNT}:assumed-role/deployer/s`)})],
		screen: {step: 'team', phase: 'overview'},
		context: {team: {results: {dev: {status: 'verified'}, prod: {status: 'verified', account: PROD_ACCOUNT}}}},
	},
	{
		name: 'prod lands elsewhere → the mismatch',
		inputs: [...toProdChecking, reply({type: 'verified', identity: identityIn(OTHER_ACCOUNT)})],
		screen: {step: 'team', phase: 'mismatch', stage: 'prod', identity: {account: OTHER_ACCOUNT}},
	},
	{
		name: 'prod: AssumeRole refused → failed, with the fix',
		inputs: [...toProdChecking, reply({type: 'verify-failed', failure, timedOut: false})],
		screen: {step: 'team', phase: 'failed', stage: 'prod', failure},
	},
	{
		name: 'failed → try again: checked again (the profile exists now)',
		inputs: [...toProdChecking, reply({type: 'verify-failed', failure, timedOut: false}), {type: 'retry'}],
		screen: {step: 'team', phase: 'checking', stage: 'prod'},
		effects: [{type: 'verify-profile', profile: 'orders-prod'}],
	},
	{
		name: 'failed → other keys for a role stage: the keys of its source profile',
		inputs: [...toProdChecking, reply({type: 'verify-failed', failure, timedOut: false}), {type: 'other-keys'}],
		screen: {step: 'keys-path', phase: 'choose'},
		context: {teamTarget: {stage: 'prod', profile: 'base'}, profileName: 'orders-dev'},
	},
	{name: 'a mismatch has nothing to retry', inputs: [...toProdChecking, reply({type: 'verified', identity: identityIn(OTHER_ACCOUNT)}), {type: 'retry'}], screen: {step: 'team', phase: 'mismatch'}, effects: []},
	{
		name: 'the role plan fails → failed for prod',
		inputs: [...toDevDone, {type: 'submit'}, reply({type: 'effect-failed', failure: {message: 'EACCES'}})],
		screen: {step: 'team', phase: 'failed', stage: 'prod', failure: {message: 'EACCES'}},
	},
	{
		name: 'every stage done → the doctor for the team stages and profiles',
		inputs: [...toProdChecking, reply({type: 'verified', identity: identityIn(PROD_ACCOUNT)}), {type: 'submit'}],
		screen: {step: 'done', phase: 'checking'},
		effects: [{type: 'doctor', stages: ['dev', 'prod'], mapping: {dev: 'orders-dev', prod: 'orders-prod'}}],
	},
	// profiles that already exist: STS only, no writes
	{
		name: 'a profile that exists → checked with STS, nothing planned',
		inputs: [...toTeam({credentials: '[orders-dev]\naws_access_key_id = AKIAEXISTINGKEY00000\naws_secret_access_key = s\n'}), {type: 'submit'}],
		screen: {step: 'team', phase: 'checking', stage: 'dev'},
		effects: [{type: 'verify-profile', profile: 'orders-dev', region: 'eu-west-1'}],
	},
	{
		name: '… in its account → ✔ with no write at all',
		inputs: [...toTeam({credentials: '[orders-dev]\naws_access_key_id = AKIAEXISTINGKEY00000\naws_secret_access_key = s\n'}), {type: 'submit'}, reply({type: 'verified', identity: identityIn(DEV_ACCOUNT)})],
		screen: {step: 'team', phase: 'overview'},
		context: {team: {results: {dev: {status: 'verified'}}}, writtenProfiles: []},
	},
	// a role stage that names no source profile: ask for the base profile
	{
		name: 'a role without source_profile → ask for the base profile, default <service>-base',
		inputs: [...toTeam({stages: [prodWithoutSource]}), {type: 'submit'}],
		screen: {step: 'team', phase: 'base-profile', stage: 'prod', newKeys: false},
		context: {baseProfileName: 'orders-base'},
	},
	{
		name: 'base profile named → its keys through steps 3–6 (no mapping for it)',
		inputs: [...toTeam({stages: [prodWithoutSource]}), {type: 'submit'}, {type: 'edit', field: 'baseProfileName', value: 'me'}, {type: 'submit'}],
		screen: {step: 'keys-path', phase: 'choose'},
		context: {teamTarget: {stage: 'prod', profile: 'base'}, profileName: 'me', team: {baseProfile: 'me'}},
	},
	{
		name: 'a base profile name the files refuse',
		inputs: [...toTeam({stages: [prodWithoutSource]}), {type: 'submit'}, {type: 'edit', field: 'baseProfileName', value: 'a b'}, {type: 'submit'}],
		screen: {step: 'team', phase: 'base-profile', error: expect.stringContaining('Profile names')},
		effects: [],
	},
	{
		name: 'the role profile itself cannot be the base',
		inputs: [...toTeam({stages: [prodWithoutSource]}), {type: 'submit'}, {type: 'edit', field: 'baseProfileName', value: 'orders-prod'}, {type: 'submit'}],
		screen: {step: 'team', phase: 'base-profile', error: expect.stringContaining('role profile')},
	},
	{
		name: 'base keys written and verified (any account) → Enter → the role profile on top of them',
		inputs: [
			...toTeam({stages: [prodWithoutSource]}),
			{type: 'submit'},
			{type: 'submit'},
			{type: 'choose-path', path: 'paste'},
			{type: 'keys-entered', keys: newKeys()},
			{type: 'submit'},
			reply({type: 'profile-planned', diff: ['+[orders-base]'], warnings: []}),
			{type: 'confirm'},
			written,
			reply({type: 'verified', identity: identityIn(DEV_ACCOUNT)}),
			{type: 'submit'},
		],
		screen: {step: 'profile', phase: 'planning'},
		effects: [{type: 'plan-profile', request: {profile: 'orders-prod', settings: {role_arn: teamProd.role!.arn, source_profile: 'orders-base', region: 'eu-west-1'}}}],
		context: {writtenProfiles: ['orders-base'], mapping: {}, teamTarget: undefined, historyFloor: 0},
	},
	{name: 'Ctrl-C while checking → exit 130', inputs: [...toProdChecking, {type: 'cancel'}], screen: {step: 'exit', code: 130}, effects: [{type: 'exit', code: 130}]},
];

const adminRows: Row[] = [
	{name: 'pasted admin keys → the offer to keep them', inputs: toSaveAdmin, screen: {step: 'keys-path', phase: 'save-admin', naming: false}, effects: [], context: {admin: {kind: 'pasted'}, adminProfileName: 'orders-admin'}},
	{name: 'Enter (default no) → the user form, nothing written', inputs: [...toSaveAdmin, {type: 'submit'}], screen: {step: 'user-and-policy', phase: 'form'}, effects: []},
	{name: 'n → the user form', inputs: [...toSaveAdmin, {type: 'decline'}], screen: {step: 'user-and-policy', phase: 'form'}, effects: []},
	{name: 'y → the name', inputs: [...toSaveAdmin, {type: 'confirm'}], screen: {step: 'keys-path', phase: 'save-admin', naming: true}, effects: []},
	{
		name: 'named → planned through the profile store (masked diff next)',
		inputs: [...toSaveAdmin, {type: 'confirm'}, {type: 'edit', field: 'adminProfileName', value: 'acme-admin'}, {type: 'submit'}],
		screen: {step: 'profile', phase: 'planning'},
		effects: [{type: 'plan-profile', request: {profile: 'acme-admin', settings: {region: 'eu-west-1'}, overwrite: false}}],
		context: {profileTarget: {kind: 'admin', profile: 'acme-admin'}},
	},
	{name: 'a name the files refuse', inputs: [...toSaveAdmin, {type: 'confirm'}, {type: 'edit', field: 'adminProfileName', value: ''}, {type: 'submit'}], screen: {step: 'keys-path', phase: 'save-admin', naming: true, error: expect.any(String)}, effects: []},
	{
		name: 'the diff confirmed → written',
		inputs: [...toSaveAdmin, {type: 'confirm'}, {type: 'submit'}, reply({type: 'profile-planned', diff: ['+[orders-admin]'], warnings: []}), {type: 'confirm'}],
		screen: {step: 'profile', phase: 'writing'},
		effects: [{type: 'write-profile', plan: {profile: 'orders-admin', shownDiff: ['+[orders-admin]']}}],
	},
	{
		name: 'written → the user form; the deploy profile is still the default one',
		inputs: [...toSaveAdmin, {type: 'confirm'}, {type: 'submit'}, reply({type: 'profile-planned', diff: ['+[orders-admin]'], warnings: []}), {type: 'confirm'}, written],
		screen: {step: 'user-and-policy', phase: 'form'},
		effects: [],
		context: {writtenProfiles: ['orders-admin'], profileTarget: undefined, profileName: 'orders-dev', mapping: {}},
	},
	{
		name: 'the diff declined → back to the offer',
		inputs: [...toSaveAdmin, {type: 'confirm'}, {type: 'submit'}, reply({type: 'profile-planned', diff: ['+[orders-admin]'], warnings: []}), {type: 'decline'}],
		screen: {step: 'keys-path', phase: 'save-admin'},
		effects: [],
	},
	{
		name: 'the write fails → the offer, with the failure',
		inputs: [...toSaveAdmin, {type: 'confirm'}, {type: 'submit'}, reply({type: 'profile-planned', diff: ['+x'], warnings: []}), {type: 'confirm'}, reply({type: 'effect-failed', failure: {message: 'EROFS', fix: 'Check the disk.'}})],
		screen: {step: 'keys-path', phase: 'save-admin', naming: true, error: 'EROFS Check the disk.'},
	},
	{
		name: 'the profile exists → replace it only when asked',
		inputs: [...toSaveAdmin, {type: 'confirm'}, {type: 'submit'}, reply({type: 'profile-planned', diff: [], warnings: [], refusal: {code: 'profile-exists', message: 'exists', canOverride: true}}), {type: 'overwrite'}],
		screen: {step: 'profile', phase: 'planning'},
		effects: [{type: 'plan-profile', request: {profile: 'orders-admin', overwrite: true}}],
	},
	{name: 'found credentials are never offered for saving', inputs: [...toSaveAdmin.slice(0, -1), {type: 'choose-admin', choice: {kind: 'found', index: 0}}], screen: {step: 'user-and-policy', phase: 'form'}},
];

function check(row: Row) {
	const result = run(row.inputs);
	expect(result.state.screen).toMatchObject(row.screen);
	if (row.effects) {
		const effects = result.effects.at(-1) ?? [];
		expect(effects).toHaveLength(row.effects.length);
		row.effects.forEach((effect, index) => expect(effects[index]).toMatchObject(effect));
	}
	if (row.context) expect(result.state.context).toMatchObject(row.context);
}

describe('the newcomer flow', () => {
	test.each(teamRows.map((row) => [row.name, row] as const))('%s', (_name, row) => check(row));

	test('the role profile carries mfa_serial and external_id when the team names them', () => {
		const prod = {...teamProd, role: {...teamProd.role!, mfaSerial: 'arn:aws:iam::111111111111:mfa/alice', externalId: 'acme-deploy'}};
		const result = run([...toTeam({stages: [teamDev, prod], credentials: '[orders-dev]\naws_access_key_id = AKIAEXISTINGKEY00000\naws_secret_access_key = s\n'}), {type: 'submit'}, reply({type: 'verified', identity: identityIn(DEV_ACCOUNT)}), {type: 'submit'}]);
		expect(result.effects.at(-1)).toEqual([
			expect.objectContaining({
				type: 'plan-profile',
				request: {
					profile: 'orders-prod',
					settings: {...ROLE_SETTINGS, mfa_serial: 'arn:aws:iam::111111111111:mfa/alice', external_id: 'acme-deploy'},
					overwrite: false,
					roleSettingsIn: 'credentials',
				},
			}),
		]);
	});

	// Serverless v3's aws-sdk v2 reads ~/.aws/config only with AWS_SDK_LOAD_CONFIG, but a role in ~/.aws/credentials always.
	test.each([
		{framework: 3 as const, file: 'credentials', request: {profile: 'orders-prod', settings: ROLE_SETTINGS, overwrite: false, roleSettingsIn: 'credentials'}},
		{framework: 4 as const, file: 'config', request: {profile: 'orders-prod', settings: ROLE_SETTINGS, overwrite: false}},
	])('v$framework: the role profile is planned with the role settings in the $file file', ({framework, request}) => {
		const existing = '[orders-dev]\naws_access_key_id = AKIAEXISTINGKEY00000\naws_secret_access_key = s\n';
		const result = run([...toTeam({framework, credentials: existing}), {type: 'submit'}, reply({type: 'verified', identity: identityIn(DEV_ACCOUNT)}), {type: 'submit'}]);
		expect(result.effects.at(-1)).toEqual([{type: 'plan-profile', id: expect.any(Number), request}]);
		// The write carries the same placement as the plan the user saw.
		const confirmed = run([
			...toTeam({framework, credentials: existing}),
			{type: 'submit'},
			reply({type: 'verified', identity: identityIn(DEV_ACCOUNT)}),
			{type: 'submit'},
			reply({type: 'profile-planned', diff: ['+role_arn = …'], warnings: []}),
			{type: 'confirm'},
		]);
		expect(confirmed.effects.at(-1)).toEqual([{type: 'write-profile', id: expect.any(Number), plan: {...request, shownDiff: ['+role_arn = …']}}]);
	});

	test('the whole newcomer flow writes exactly two profiles, each after a confirm', () => {
		const result = run([...toProdChecking, reply({type: 'verified', identity: identityIn(PROD_ACCOUNT)}), {type: 'submit'}, reply({type: 'doctor-done', checks: []}), {type: 'submit'}]);
		const changes = result.effects.flat().filter(changesSomething);
		expect(changes.map((effect) => effect.type === 'write-profile' && effect.plan.profile)).toEqual(['orders-dev', 'orders-prod']);
		expect(result.state.screen).toMatchObject({step: 'exit', code: 0});
	});
});

describe('Esc in the newcomer flow', () => {
	const backRows: Array<{name: string; from: Input[]; to: Record<string, unknown>; context?: Record<string, unknown>}> = [
		{name: 'overview → scan', from: toTeam(), to: {step: 'scan', phase: 'summary'}},
		{name: 'the first key screen of a detour → overview, detour abandoned', from: [...toTeam(), {type: 'submit'}], to: {step: 'team', phase: 'overview'}, context: {teamTarget: undefined, forStage: undefined, historyFloor: 0}},
		{name: 'base profile → overview', from: [...toTeam({stages: [prodWithoutSource]}), {type: 'submit'}], to: {step: 'team', phase: 'overview'}},
		{name: 'mismatch → overview (never the form of a written profile)', from: [...toDevVerifying(), reply({type: 'verified', identity: identityIn(OTHER_ACCOUNT)})], to: {step: 'team', phase: 'overview'}},
		{name: 'failed → overview', from: [...toProdChecking, reply({type: 'verify-failed', failure, timedOut: false})], to: {step: 'team', phase: 'overview'}},
		{name: 'role review → overview', from: toProdRoleReview, to: {step: 'team', phase: 'overview'}},
		{name: 'admin offer → admin credentials', from: toSaveAdmin, to: {step: 'keys-path', phase: 'admin-credentials'}},
		{name: 'user form after the offer → the offer', from: [...toSaveAdmin, {type: 'submit'}], to: {step: 'keys-path', phase: 'save-admin'}},
	];
	test.each(backRows.map((row) => [row.name, row] as const))('%s', (_name, row) => {
		const before = run(row.from).state;
		const after = step(before, {type: 'back'});
		expect(after.state.screen).toMatchObject(row.to);
		expect(after.effects).toEqual([]);
		if (row.context) expect(after.state.context).toMatchObject(row.context);
	});

	test('after a stage, the history is the one the overview had before it', () => {
		const overview = run(toTeam()).state;
		const after = run(toDevDone).state;
		expect(after.history).toEqual(overview.history);
	});

	test('Esc while the role profile is being written does nothing', () => {
		const writing = run([...toProdRoleReview, {type: 'confirm'}]).state;
		expect(step(writing, {type: 'back'}).state).toBe(writing);
	});
});

test('the admin keys travel as Secrets: no serialised state or effect holds them', () => {
	const result = run([...toSaveAdmin, {type: 'confirm'}, {type: 'submit'}, reply({type: 'profile-planned', diff: ['+x'], warnings: []}), {type: 'confirm'}]);
	expect(JSON.stringify(result.effects)).not.toContain(ADMIN_KEY);
	expect(JSON.stringify(result.state)).not.toContain(ADMIN_KEY);
	const write = result.effects.at(-1)?.[0];
	expect(write?.type === 'write-profile' && write.plan.credentials?.accessKeyId.equals(keys(ADMIN_KEY).accessKeyId)).toBe(true);
});

describe('a role with mfa_serial: the code its AssumeRole needs', () => {
	const MFA = 'arn:aws:iam::111111111111:mfa/alice';
	const prodMfa = {...teamProd, role: {...teamProd.role!, mfaSerial: MFA}};
	const existingDev = '[orders-dev]\naws_access_key_id = AKIAEXISTINGKEY00000\naws_secret_access_key = s\n';
	/** dev exists (checked), prod's role profile planned and written: the check of prod comes next. */
	const toWritten: Input[] = [
		...toTeam({stages: [teamDev, prodMfa], credentials: existingDev}),
		{type: 'submit'},
		reply({type: 'verified', identity: identityIn(DEV_ACCOUNT)}),
		{type: 'submit'},
		reply({type: 'profile-planned', diff: ['+role_arn = …'], warnings: []}),
		{type: 'confirm'},
		written,
	];
	const typed = (code: string): Input[] => [...toWritten, {type: 'edit', field: 'mfaCode', value: code}, {type: 'submit'}];

	const rows: Row[] = [
		{name: 'the role profile is written → the code is asked before STS', inputs: toWritten, screen: {step: 'team', phase: 'mfa-code', stage: 'prod', code: ''}, effects: []},
		{name: 'typing shows the code in the field', inputs: [...toWritten, {type: 'edit', field: 'mfaCode', value: '12'}], screen: {phase: 'mfa-code', code: '12'}, effects: []},
		{name: 'fewer than 6 digits → asked again', inputs: typed('12345'), screen: {phase: 'mfa-code', code: '12345', error: expect.stringContaining('6 digits')}, effects: []},
		{name: 'letters → asked again', inputs: typed('12a456'), screen: {phase: 'mfa-code', error: expect.stringContaining('6 digits')}, effects: []},
		{
			name: '6 digits → STS through the profile, with the code for its AssumeRole',
			inputs: typed(' 123456 '),
			screen: {step: 'team', phase: 'checking', stage: 'prod'},
			effects: [{type: 'verify-profile', profile: 'orders-prod', region: 'eu-west-1', mfaCode: '123456'}],
		},
		{name: 'verified in the account → the overview, prod done', inputs: [...typed('123456'), reply({type: 'verified', identity: identityIn(PROD_ACCOUNT)})], screen: {step: 'team', phase: 'overview'}, context: {team: {results: {prod: {status: 'verified'}}}}},
		{name: 'a rejected code → failed', inputs: [...typed('123456'), reply({type: 'verify-failed', failure: {code: 'AccessDenied', message: 'MultiFactorAuthentication failed'}, timedOut: false})], screen: {step: 'team', phase: 'failed', stage: 'prod'}},
		{
			name: 'try again → a fresh code is asked (a code is used once)',
			inputs: [...typed('123456'), reply({type: 'verify-failed', failure: {code: 'AccessDenied', message: 'MultiFactorAuthentication failed'}, timedOut: false}), {type: 'retry'}],
			screen: {step: 'team', phase: 'mfa-code', stage: 'prod', code: ''},
			effects: [],
		},
		{name: 'Esc on the code → the overview', inputs: [...toWritten, {type: 'back'}], screen: {step: 'team', phase: 'overview'}},
		{
			name: 'an MFA role profile that exists → the code, then the check',
			inputs: [...toTeam({stages: [prodMfa], credentials: existingDev, config: `[profile orders-prod]\nrole_arn = ${prodMfa.role.arn}\nsource_profile = orders-dev\nmfa_serial = ${MFA}\n`}), {type: 'submit'}],
			screen: {step: 'team', phase: 'mfa-code', stage: 'prod'},
			effects: [],
		},
	];
	test.each(rows.map((row) => [row.name, row] as const))('%s', (_name, row) => check(row));

	test('the code stays in no screen Esc can return to', () => {
		const result = run([...typed('123456'), reply({type: 'verify-failed', failure: {message: 'MultiFactorAuthentication failed'}, timedOut: false})]);
		expect(JSON.stringify(result.state.history)).not.toContain('123456');
		expect(JSON.stringify(result.state.context)).not.toContain('123456');
	});

	test('a role without mfa_serial is checked at once, with no code', () => {
		const result = run([...toTeam({credentials: existingDev}), {type: 'submit'}, reply({type: 'verified', identity: identityIn(DEV_ACCOUNT)}), {type: 'submit'}, reply({type: 'profile-planned', diff: ['+x'], warnings: []}), {type: 'confirm'}, written]);
		expect(result.state.screen).toMatchObject({step: 'team', phase: 'checking'});
		expect(result.effects.at(-1)).toEqual([{type: 'verify-profile', id: expect.any(Number), profile: 'orders-prod', region: 'eu-west-1'}]);
	});
});

test('Esc out of the keys detour onto a mismatch, then skip: the overview is in the history once (found by the history property)', () => {
	const result = run([
		...toTeam({credentials: '[orders-dev]\naws_access_key_id = AKIAEXISTINGKEY00000\naws_secret_access_key = s\n'}),
		{type: 'submit'},
		reply({type: 'verified', identity: identityIn(OTHER_ACCOUNT)}),
		{type: 'other-keys'},
		{type: 'back'},
		{type: 'skip'},
	]);
	expect(result.state.screen).toMatchObject({step: 'team', phase: 'overview'});
	expect(result.state.history.map((screen) => `${screen.step}/${screen.phase}`)).toEqual(['scan/summary']);
	expect(result.state.context).toMatchObject({historyFloor: 0, teamTarget: undefined, forStage: undefined});
});
