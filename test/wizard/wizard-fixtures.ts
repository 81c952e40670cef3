/**
 * Drives the wizard reducer in tests: canary keys, a scan of a realistic project, results addressed to whatever
 * effect the current screen waits for, and a runner that applies events in order and keeps every transition.
 */
import {analyse} from '../../source/credentials/analyse.js';
import {Secret} from '../../source/secret.js';
import {wizardDefaults} from '../../source/wizard/defaults.js';
import type {Effect} from '../../source/wizard/effect.js';
import {startWizard, step} from '../../source/wizard/reducer.js';
import {summarizeScan} from '../../source/wizard/scan-summary.js';
import type {StageAccount} from '../../source/service/team-settings.js';
import type {AccessKeys, Event, ExistingKey, Screen, WizardState} from '../../source/wizard/state.js';
import {makeSnapshot, resolved, serviceFile} from '../doctor/snapshot-builder.js';

/** Raw values that must never appear in any serialised state or effect. */
export const CANARY_KEY = 'AKIACANARYKEYID0WXYZ';
export const CANARY_SECRET = 'canary/SECRET+value0123456789abcdefCANARY';
export const ADMIN_KEY = 'AKIAADMINCANARY00XYZ';
export const ADMIN_SECRET = 'admin/SECRET+value0123456789abcdefCANARY0';
export const NEW_KEY = 'AKIANEWKEYCANARY0QRS';
export const NEW_SECRET = 'newkey/SECRET+value0123456789abcdefCANARY';
export const OLD_KEY = 'AKIAOLDKEYCANARY0TUV';
export const CANARIES = [CANARY_KEY, CANARY_SECRET, ADMIN_KEY, ADMIN_SECRET, NEW_KEY, NEW_SECRET, OLD_KEY];

export function keys(accessKeyId = CANARY_KEY, secretAccessKey = CANARY_SECRET, sessionToken?: string): AccessKeys {
	const result: AccessKeys = {accessKeyId: new Secret(accessKeyId), secretAccessKey: new Secret(secretAccessKey)};
	if (sessionToken !== undefined) result.sessionToken = new Secret(sessionToken);
	return result;
}

export const newKeys = (): AccessKeys => keys(NEW_KEY, NEW_SECRET);

export const existingKeys = (): ExistingKey[] => [
	{accessKeyId: new Secret(OLD_KEY), status: 'Active', createdAt: '2024-01-02T00:00:00Z', ageDays: 400},
	{accessKeyId: new Secret('AKIAOLDERKEYCANARY01'), status: 'Inactive', createdAt: '2023-01-02T00:00:00Z', ageDays: 765},
];

/** A project with serverless.yml (service orders, stages dev + prod, eu-west-1) and admin keys in the environment. */
export function projectSnapshot() {
	return makeSnapshot({
		env: {AWS_ACCESS_KEY_ID: ADMIN_KEY, AWS_SECRET_ACCESS_KEY: ADMIN_SECRET},
		credentials: `[old]\naws_access_key_id = ${CANARY_KEY}\naws_secret_access_key = ${CANARY_SECRET}\n`,
		service: serviceFile({region: {...resolved('eu-west-1'), source: 'provider.region'}, knownStages: ['dev', 'prod']}),
	});
}

let scanned: Extract<Event, {type: 'scanned'}> | undefined;

export function scannedEvent(id: number): Event {
	if (!scanned) {
		const snapshot = projectSnapshot();
		scanned = {type: 'scanned', id, scan: summarizeScan(snapshot, analyse(snapshot).primary), defaults: wizardDefaults(snapshot)};
	}
	return {...scanned, id};
}

/** An event, or an event built from the state it is applied to (results need the waiting screen's id). */
export type Input = Event | ((state: WizardState) => Event);

export interface Run {
	state: WizardState;
	/** Effects of every transition, in order. */
	effects: Effect[][];
	states: WizardState[];
}

export function run(inputs: Input[], from?: WizardState): Run {
	const start = from ? {state: from, effects: []} : startWizard();
	let state = start.state;
	const effects: Effect[][] = [start.effects];
	const states = [state];
	for (const input of inputs) {
		const event = typeof input === 'function' ? input(state) : input;
		const next = step(state, event);
		state = next.state;
		effects.push(next.effects);
		states.push(state);
	}
	return {state, effects, states};
}

export function waitingId(state: WizardState): number {
	const screen = state.screen;
	if (!('id' in screen)) throw new Error(`screen ${screen.step}/${screen.phase} waits for nothing`);
	return screen.id;
}

/** A result for the effect the current screen waits for. */
export function reply(event: ResultEvent): (state: WizardState) => Event {
	return (state) => ({...event, id: waitingId(state)}) as Event;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An effect result without its id (the id is added for the screen that waits). */
export type ResultEvent = DistributiveOmit<Extract<Event, {id: number}>, 'id'>;

export const lastEffects = (result: Run): Effect[] => result.effects.at(-1) ?? [];

export const where = (screen: Screen): string => `${screen.step}/${screen.phase}`;

// Inputs that bring the wizard to common places.
export const toScanSummary: Input[] = [reply(omitId(scannedEvent(0)))];
export const toKeysPath: Input[] = [...toScanSummary, {type: 'start', choice: 'set-up'}, {type: 'account', hasAccount: true}];
export const toUserForm: Input[] = [...toKeysPath, {type: 'choose-path', path: 'create-user'}, {type: 'choose-admin', choice: {kind: 'found', index: 0}}];
export const toCreating: Input[] = [...toUserForm, {type: 'submit'}, {type: 'confirm'}];
export const toProfileForm: Input[] = [...toKeysPath, {type: 'choose-path', path: 'paste'}, {type: 'keys-entered', keys: keys()}];
export const toProfileReview: Input[] = [
	...toProfileForm,
	{type: 'submit'},
	reply({type: 'profile-planned', diff: ['--- credentials', '+++ credentials', '+[orders-dev]'], warnings: []}),
];
export const toVerifying: Input[] = [...toProfileReview, {type: 'confirm'}, reply({type: 'profile-written', files: ['/home/dev/.aws/credentials'], backups: [], warnings: []})];
export const verifiedIdentity = {account: '123456789012', arn: 'arn:aws:iam::123456789012:user/orders-deployer', userId: 'AIDAEXAMPLE', principal: 'user'} as const;
export const toStages: Input[] = [...toVerifying, reply({type: 'verified', identity: verifiedIdentity}), {type: 'submit'}];
export const toStageReview: Input[] = [
	...toStages,
	{type: 'submit'},
	reply({type: 'stage-mapping-planned', diff: ['--- serverless.yml', '+++ serverless.yml', '+  profiles:'], snippet: 'custom:\n  profiles: …', warnings: []}),
];

export function omitId(event: Event): ResultEvent {
	const {id: _id, ...rest} = event as Extract<Event, {id: number}>;
	return rest as ResultEvent;
}

// The newcomer flow (issue #5): a project whose serverless.yml has team settings.

export const DEV_ACCOUNT = '111111111111';
export const PROD_ACCOUNT = '222222222222';
export const OTHER_ACCOUNT = '333333333333';

export const teamDev: StageAccount = {stage: 'dev', profile: 'orders-dev', account: DEV_ACCOUNT, region: 'eu-west-1'};
/** prod: a role in the prod account, assumed from the dev profile's keys. */
export const teamProd: StageAccount = {
	stage: 'prod',
	profile: 'orders-prod',
	account: PROD_ACCOUNT,
	region: 'eu-west-1',
	role: {arn: `arn:aws:iam::${PROD_ACCOUNT}:role/deployer`, sourceProfile: 'orders-dev'},
};

export interface TeamProject {
	stages?: StageAccount[];
	/** Credentials file text (profiles that exist before the wizard runs). */
	credentials?: string;
	/** Config file text (likewise). */
	config?: string;
	/** The service's Serverless Framework major (default 3). */
	framework?: 3 | 4;
	providerProfileFromBlock?: boolean;
	/** Admin keys in the environment (path a finds them). */
	adminInEnv?: boolean;
}

export function teamSnapshot(project: TeamProject = {}) {
	const stages = project.stages ?? [teamDev, teamProd];
	return makeSnapshot({
		...(project.adminInEnv ? {env: {AWS_ACCESS_KEY_ID: ADMIN_KEY, AWS_SECRET_ACCESS_KEY: ADMIN_SECRET}} : {}),
		...(project.credentials === undefined ? {} : {credentials: project.credentials}),
		...(project.config === undefined ? {} : {config: project.config}),
		...(project.framework === undefined ? {} : {framework: project.framework}),
		service: serviceFile({
			region: {...resolved('eu-west-1'), source: 'provider.region'},
			knownStages: stages.map((entry) => entry.stage),
			team: {status: 'ok', settings: {path: '/work/app/serverless.yml', stages, providerProfileFromBlock: project.providerProfileFromBlock ?? true}},
		}),
	});
}

export function teamScanned(project: TeamProject = {}): ResultEvent {
	const snapshot = teamSnapshot(project);
	return {type: 'scanned', scan: summarizeScan(snapshot, analyse(snapshot).primary), defaults: wizardDefaults(snapshot)};
}

export const identityIn = (account: string, arn = `arn:aws:iam::${account}:user/newcomer`) =>
	({account, arn, userId: 'AIDANEWCOMER', principal: 'user'}) as const;

/** From the start to the team's overview. */
export const toTeam = (project: TeamProject = {}): Input[] => [reply(teamScanned(project)), {type: 'start', choice: 'team'}];
/** dev's keys pasted (path c), its profile written: waiting for STS. */
export const toDevVerifying = (project: TeamProject = {}): Input[] => [
	...toTeam(project),
	{type: 'submit'},
	{type: 'choose-path', path: 'paste'},
	{type: 'keys-entered', keys: keys()},
	{type: 'submit'},
	reply({type: 'profile-planned', diff: ['+[orders-dev]'], warnings: []}),
	{type: 'confirm'},
	reply({type: 'profile-written', files: [], backups: [], warnings: []}),
];
/** dev verified in its account and back on the overview: prod is next. */
export const toDevDone: Input[] = [...toDevVerifying(), reply({type: 'verified', identity: identityIn(DEV_ACCOUNT)}), {type: 'submit'}];
/** prod's role profile planned and shown. */
export const toProdRoleReview: Input[] = [
	...toDevDone,
	{type: 'submit'},
	reply({type: 'profile-planned', diff: ['+[profile orders-prod]', '+role_arn = …'], warnings: []}),
];
/** prod's role profile written: STS through AssumeRole. */
export const toProdChecking: Input[] = [...toProdRoleReview, {type: 'confirm'}, reply({type: 'profile-written', files: [], backups: [], warnings: []})];
/** Pasted admin keys on path a: the offer to keep them. */
export const toSaveAdmin: Input[] = [...toKeysPath, {type: 'choose-path', path: 'create-user'}, {type: 'choose-admin', choice: {kind: 'pasted', keys: keys(ADMIN_KEY, ADMIN_SECRET)}}];

/** Team settings with problems (the scan shows them; the team choice is not offered). */
export function teamScannedInvalid(): ResultEvent {
	const snapshot = makeSnapshot({
		service: serviceFile({
			knownStages: ['dev', 'prod'],
			team: {
				status: 'invalid',
				path: '/work/app/serverless.yml',
				problems: [{where: 'custom.deployAccounts.prod.account', line: 9, message: 'The account id "2222" is not 12 digits.', fix: "Write the 12-digit account id in quotes, e.g. '222222222222'."}],
			},
		}),
	});
	return {type: 'scanned', scan: summarizeScan(snapshot, analyse(snapshot).primary), defaults: wizardDefaults(snapshot)};
}
