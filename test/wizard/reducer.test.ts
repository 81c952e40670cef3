/** Every transition of the wizard flow, as a table: inputs from the start → the screen shown and the effects asked for. */
import {describe, expect, test} from 'vitest';
import {changesSomething} from '../../source/wizard/effect.js';
import {startWizard, step} from '../../source/wizard/reducer.js';
import type {Event} from '../../source/wizard/state.js';
import {
	existingKeys,
	keys,
	lastEffects,
	newKeys,
	OLD_KEY,
	reply,
	run,
	toCreating,
	toKeysPath,
	toProfileForm,
	toProfileReview,
	toScanSummary,
	toStageReview,
	toStages,
	toUserForm,
	toVerifying,
	verifiedIdentity,
	type Input,
} from './wizard-fixtures.js';

interface Row {
	name: string;
	inputs: Input[];
	screen: Record<string, unknown>;
	effects?: Array<Record<string, unknown>>;
	context?: Record<string, unknown>;
}

const planned = (refusal?: {code: string; message: string; canOverride: boolean}) =>
	reply({type: 'profile-planned', diff: ['+[orders-dev]'], warnings: ['w'], ...(refusal ? {refusal} : {})});
const iamFailed = (failure: Extract<Event, {type: 'iam-failed'}>['failure']) => reply({type: 'iam-failed', failure});
const toCustomPolicy: Input[] = [
	...toUserForm,
	{type: 'choose-policy', policy: 'custom'},
	{type: 'submit'},
	reply({type: 'policy-generated', policy: {name: 'orders-deploy', document: '{"Version":"2012-10-17"}', warnings: []}}),
];

const rows: Row[] = [
	// 1. scan
	{name: 'start: scanning, scan requested', inputs: [], screen: {step: 'scan', phase: 'scanning', id: 1}, effects: [{type: 'scan', id: 1}]},
	{
		name: 'scan result: summary with the defaults',
		inputs: toScanSummary,
		screen: {step: 'scan', phase: 'summary'},
		effects: [],
		context: {userName: 'orders-deployer', profileName: 'orders-dev', region: 'eu-west-1', stages: ['dev', 'prod']},
	},
	{name: 'scan failed', inputs: [reply({type: 'scan-failed', failure: {message: 'boom'}})], screen: {step: 'scan', phase: 'failed'}},
	{name: 'scan failed → retry scans again', inputs: [reply({type: 'scan-failed', failure: {message: 'boom'}}), {type: 'retry'}], screen: {step: 'scan', phase: 'scanning', id: 2}, effects: [{type: 'scan', id: 2}]},
	{name: 'scan failed → set up anyway', inputs: [reply({type: 'scan-failed', failure: {message: 'boom'}}), {type: 'start', choice: 'set-up'}], screen: {step: 'account', phase: 'ask'}},
	{name: 'a result for another id is ignored', inputs: [(state) => ({type: 'scan-failed', id: 99, failure: {message: 'x'}})], screen: {step: 'scan', phase: 'scanning'}, effects: []},
	{name: 'summary → run the doctor', inputs: [...toScanSummary, {type: 'start', choice: 'doctor'}], screen: {step: 'exit', code: 0, next: 'doctor'}, effects: [{type: 'exit', code: 0, next: 'doctor'}]},
	{name: 'summary → quit', inputs: [...toScanSummary, {type: 'start', choice: 'quit'}], screen: {step: 'exit', code: 0}, effects: [{type: 'exit', code: 0}]},
	{name: 'summary → set up', inputs: [...toScanSummary, {type: 'start', choice: 'set-up'}], screen: {step: 'account', phase: 'ask'}},
	// 2. account
	{name: 'no account → sign-up steps', inputs: [...toScanSummary, {type: 'start', choice: 'set-up'}, {type: 'account', hasAccount: false}], screen: {step: 'account', phase: 'sign-up'}},
	{name: 'sign-up done → keys path', inputs: [...toScanSummary, {type: 'start', choice: 'set-up'}, {type: 'account', hasAccount: false}, {type: 'submit'}], screen: {step: 'keys-path', phase: 'choose'}},
	{name: 'an account → keys path', inputs: toKeysPath, screen: {step: 'keys-path', phase: 'choose'}},
	// 3. keys path
	{name: 'a: create a user → whose credentials', inputs: [...toKeysPath, {type: 'choose-path', path: 'create-user'}], screen: {step: 'keys-path', phase: 'admin-credentials'}, context: {path: 'create-user'}},
	{name: 'a: found credentials → user form', inputs: toUserForm, screen: {step: 'user-and-policy', phase: 'form'}, context: {admin: {kind: 'found'}}},
	{name: 'a: a credential that is not listed', inputs: [...toKeysPath, {type: 'choose-path', path: 'create-user'}, {type: 'choose-admin', choice: {kind: 'found', index: 7}}], screen: {step: 'keys-path', phase: 'admin-credentials', error: expect.stringContaining('Pick one')}},
	{name: 'a: pasted admin keys → the offer to keep them (default no)', inputs: [...toKeysPath, {type: 'choose-path', path: 'create-user'}, {type: 'choose-admin', choice: {kind: 'pasted', keys: keys()}}], screen: {step: 'keys-path', phase: 'save-admin', naming: false}, context: {admin: {kind: 'pasted'}}},
	{name: 'a: pasted admin keys without a secret', inputs: [...toKeysPath, {type: 'choose-path', path: 'create-user'}, {type: 'choose-admin', choice: {kind: 'pasted', keys: keys(undefined, '')}}], screen: {step: 'keys-path', phase: 'admin-credentials', error: 'Paste the secret access key.'}},
	{name: 'b: console steps', inputs: [...toKeysPath, {type: 'choose-path', path: 'console'}], screen: {step: 'keys-path', phase: 'console-guide'}},
	{name: 'b: console steps → paste', inputs: [...toKeysPath, {type: 'choose-path', path: 'console'}, {type: 'submit'}], screen: {step: 'keys-path', phase: 'paste', path: 'console'}},
	{name: 'b: pasted → profile', inputs: [...toKeysPath, {type: 'choose-path', path: 'console'}, {type: 'submit'}, {type: 'keys-entered', keys: keys()}], screen: {step: 'profile', phase: 'form'}},
	{name: 'c: paste', inputs: [...toKeysPath, {type: 'choose-path', path: 'paste'}], screen: {step: 'keys-path', phase: 'paste', path: 'paste'}},
	{name: 'c: pasted → profile', inputs: toProfileForm, screen: {step: 'profile', phase: 'form'}, context: {path: 'paste'}},
	{name: 'c: empty key id', inputs: [...toKeysPath, {type: 'choose-path', path: 'paste'}, {type: 'keys-entered', keys: keys('')}], screen: {step: 'keys-path', phase: 'paste', error: 'Paste the access key ID.'}},
	{name: 'c: ASIA key without a token', inputs: [...toKeysPath, {type: 'choose-path', path: 'paste'}, {type: 'keys-entered', keys: keys('ASIATEMPORARYKEY0XYZ')}], screen: {step: 'keys-path', phase: 'paste', error: expect.stringContaining('session token')}},
	{name: 'c: ASIA key with a token', inputs: [...toKeysPath, {type: 'choose-path', path: 'paste'}, {type: 'keys-entered', keys: keys('ASIATEMPORARYKEY0XYZ', undefined, 'token-value-0123456789')}], screen: {step: 'profile', phase: 'form'}},
	{name: 'c: key and secret swapped', inputs: [...toKeysPath, {type: 'choose-path', path: 'paste'}, {type: 'keys-entered', keys: keys('x'.repeat(40), 'AKIAEXAMPLEEXAMPLE00')}], screen: {step: 'keys-path', phase: 'paste', error: expect.stringContaining('swapped')}},
	{name: 'd: Dashboard explanation', inputs: [...toKeysPath, {type: 'choose-path', path: 'dashboard'}], screen: {step: 'keys-path', phase: 'dashboard'}},
	{name: 'd: → done, no local keys written', inputs: [...toKeysPath, {type: 'choose-path', path: 'dashboard'}, {type: 'submit'}], screen: {step: 'done', phase: 'checking'}, effects: [{type: 'doctor', stages: ['dev', 'prod']}]},
	{name: 'e: paste for the export lines', inputs: [...toKeysPath, {type: 'choose-path', path: 'env'}], screen: {step: 'keys-path', phase: 'paste', path: 'env'}},
	{name: 'e: export lines', inputs: [...toKeysPath, {type: 'choose-path', path: 'env'}, {type: 'keys-entered', keys: keys()}], screen: {step: 'keys-path', phase: 'env-exports'}},
	{name: 'e: copy the real lines', inputs: [...toKeysPath, {type: 'choose-path', path: 'env'}, {type: 'keys-entered', keys: keys()}, {type: 'copy-exports'}], screen: {step: 'keys-path', phase: 'env-exports'}, effects: [{type: 'copy-exports', region: 'eu-west-1'}]},
	{name: 'e: → done', inputs: [...toKeysPath, {type: 'choose-path', path: 'env'}, {type: 'keys-entered', keys: keys()}, {type: 'submit'}], screen: {step: 'done', phase: 'checking'}, effects: [{type: 'doctor'}]},
	// 4. user and policy
	{name: 'user name edited', inputs: [...toUserForm, {type: 'edit', field: 'userName', value: 'ci-deployer'}], screen: {step: 'user-and-policy', phase: 'form'}, context: {userName: 'ci-deployer'}},
	{name: 'user name IAM refuses', inputs: [...toUserForm, {type: 'edit', field: 'userName', value: 'has space'}, {type: 'submit'}], screen: {step: 'user-and-policy', phase: 'form', error: {message: expect.stringContaining('IAM user names')}}, effects: []},
	{name: 'AdministratorAccess → confirm', inputs: [...toUserForm, {type: 'submit'}], screen: {step: 'user-and-policy', phase: 'confirm-create'}, effects: []},
	{name: 'confirm → create the user', inputs: toCreating, screen: {step: 'user-and-policy', phase: 'creating'}, effects: [{type: 'create-user', userName: 'orders-deployer', policy: {type: 'admin'}, admin: {kind: 'found'}}]},
	{name: 'decline → back to the form', inputs: [...toUserForm, {type: 'submit'}, {type: 'decline'}], screen: {step: 'user-and-policy', phase: 'form'}, effects: []},
	{name: 'custom policy → generated', inputs: [...toUserForm, {type: 'choose-policy', policy: 'custom'}, {type: 'submit'}], screen: {step: 'user-and-policy', phase: 'generating-policy'}, effects: [{type: 'generate-policy', service: 'orders', stages: ['dev', 'prod'], region: 'eu-west-1', policyName: 'orders-deploy'}]},
	{name: 'custom policy shown', inputs: toCustomPolicy, screen: {step: 'user-and-policy', phase: 'policy'}, context: {policy: {name: 'orders-deploy'}}},
	{name: 'custom policy → confirm → create with it', inputs: [...toCustomPolicy, {type: 'submit'}, {type: 'confirm'}], screen: {step: 'user-and-policy', phase: 'creating'}, effects: [{type: 'create-user', policy: {type: 'custom', name: 'orders-deploy', document: '{"Version":"2012-10-17"}'}}]},
	{name: 'policy generation failed', inputs: [...toUserForm, {type: 'choose-policy', policy: 'custom'}, {type: 'submit'}, reply({type: 'policy-failed', failure: {message: 'no account id'}})], screen: {step: 'user-and-policy', phase: 'form', error: {message: 'no account id', fix: expect.stringContaining('AdministratorAccess')}}},
	{name: 'save the policy → confirm', inputs: [...toCustomPolicy, {type: 'save-policy', path: ' orders-deploy-policy.json '}], screen: {step: 'user-and-policy', phase: 'confirm-save-policy', path: 'orders-deploy-policy.json'}, effects: []},
	{name: 'save confirmed → written', inputs: [...toCustomPolicy, {type: 'save-policy', path: 'p.json'}, {type: 'confirm'}], screen: {step: 'user-and-policy', phase: 'saving-policy'}, effects: [{type: 'save-policy-file', path: 'p.json', document: '{"Version":"2012-10-17"}'}]},
	{name: 'saved → back on the policy', inputs: [...toCustomPolicy, {type: 'save-policy', path: 'p.json'}, {type: 'confirm'}, reply({type: 'policy-saved', path: '/work/app/p.json'})], screen: {step: 'user-and-policy', phase: 'policy'}, context: {policy: {savedTo: '/work/app/p.json'}}},
	{name: 'saving failed', inputs: [...toCustomPolicy, {type: 'save-policy', path: 'p.json'}, {type: 'confirm'}, reply({type: 'effect-failed', failure: {message: 'EACCES'}})], screen: {step: 'user-and-policy', phase: 'policy', error: {message: 'EACCES'}}},
	{name: 'save declined', inputs: [...toCustomPolicy, {type: 'save-policy', path: 'p.json'}, {type: 'decline'}], screen: {step: 'user-and-policy', phase: 'policy'}, effects: []},
	{name: 'user created → profile', inputs: [...toCreating, reply({type: 'keys-created', userName: 'orders-deployer', keys: newKeys()})], screen: {step: 'profile', phase: 'form'}, context: {keysUser: 'orders-deployer'}},
	{name: 'user exists', inputs: [...toCreating, iamFailed({kind: 'user-exists', userName: 'orders-deployer'})], screen: {step: 'user-and-policy', phase: 'user-exists', userName: 'orders-deployer'}},
	{name: 'user exists → another name', inputs: [...toCreating, iamFailed({kind: 'user-exists', userName: 'orders-deployer'}), {type: 'user-exists-choice', choice: 'other-name'}], screen: {step: 'user-and-policy', phase: 'form', error: {message: expect.stringContaining('already exists')}}},
	{name: 'user exists → reuse: confirm a new key', inputs: [...toCreating, iamFailed({kind: 'user-exists', userName: 'orders-deployer'}), {type: 'user-exists-choice', choice: 'new-key'}], screen: {step: 'user-and-policy', phase: 'confirm-new-key'}, effects: []},
	{name: 'user exists → new key created', inputs: [...toCreating, iamFailed({kind: 'user-exists', userName: 'orders-deployer'}), {type: 'user-exists-choice', choice: 'new-key'}, {type: 'confirm'}], screen: {step: 'user-and-policy', phase: 'creating'}, effects: [{type: 'create-user', userName: 'orders-deployer', policy: {type: 'admin'}, reuseExistingUser: true}]},
	{name: 'two keys already: listed with age', inputs: [...toCreating, iamFailed({kind: 'too-many-keys', userName: 'orders-deployer', keys: existingKeys()})], screen: {step: 'user-and-policy', phase: 'too-many-keys', keys: [{ageDays: 400}, {ageDays: 765}]}},
	{name: 'two keys: pick one → confirm its deletion', inputs: [...toCreating, iamFailed({kind: 'too-many-keys', userName: 'orders-deployer', keys: existingKeys()}), {type: 'pick-key', index: 0}], screen: {step: 'user-and-policy', phase: 'confirm-delete-key', key: {ageDays: 400}}, effects: []},
	{name: 'two keys: a key that is not listed', inputs: [...toCreating, iamFailed({kind: 'too-many-keys', userName: 'orders-deployer', keys: existingKeys()}), {type: 'pick-key', index: 2}], screen: {step: 'user-and-policy', phase: 'too-many-keys'}, effects: []},
	{name: 'two keys: deletion declined', inputs: [...toCreating, iamFailed({kind: 'too-many-keys', userName: 'orders-deployer', keys: existingKeys()}), {type: 'pick-key', index: 0}, {type: 'decline'}], screen: {step: 'user-and-policy', phase: 'too-many-keys'}, effects: []},
	{name: 'two keys: deletion confirmed → replace the key', inputs: [...toCreating, iamFailed({kind: 'too-many-keys', userName: 'orders-deployer', keys: existingKeys()}), {type: 'pick-key', index: 0}, {type: 'confirm'}], screen: {step: 'user-and-policy', phase: 'creating'}, effects: [{type: 'replace-access-key', userName: 'orders-deployer'}]},
	{name: 'AccessDenied → console steps (path b) saying what is missing', inputs: [...toCreating, iamFailed({kind: 'access-denied', deniedAction: 'iam:CreateUser', message: 'not authorized'})], screen: {step: 'keys-path', phase: 'console-guide', reason: {action: 'iam:CreateUser'}}, context: {path: 'console'}},
	{name: 'MalformedPolicyDocument → form', inputs: [...toCreating, iamFailed({kind: 'malformed-policy', message: 'Syntax errors in policy.'})], screen: {step: 'user-and-policy', phase: 'form', error: {message: expect.stringContaining('Syntax errors'), fix: expect.stringContaining('AdministratorAccess')}}},
	{name: 'NoSuchEntity → form', inputs: [...toCreating, iamFailed({kind: 'no-such-entity', message: 'The user cannot be found.'})], screen: {step: 'user-and-policy', phase: 'form', error: {message: 'The user cannot be found.'}}},
	{name: 'a policy with that name exists → form', inputs: [...toCreating, iamFailed({kind: 'policy-exists', policyName: 'orders-deploy', message: 'A policy called orders-deploy already exists.'})], screen: {step: 'user-and-policy', phase: 'form', error: {message: expect.stringContaining('already exists'), fix: expect.stringContaining('AdministratorAccess')}}},
	{name: 'AWS rejects the admin credentials → pick others', inputs: [...toCreating, iamFailed({kind: 'credentials-rejected', failure: {code: 'InvalidClientTokenId', message: 'AWS does not know this key.', fix: 'Paste a current key.'}})], screen: {step: 'keys-path', phase: 'admin-credentials', error: 'AWS does not know this key. Paste a current key.'}},
	{name: 'other IAM failure → form', inputs: [...toCreating, iamFailed({kind: 'other', failure: {code: 'ServiceFailure', message: 'AWS failed', fix: 'Try later.'}})], screen: {step: 'user-and-policy', phase: 'form', error: {code: 'ServiceFailure'}}},
	{name: 'Esc while the user is being created does nothing', inputs: [...toCreating, {type: 'back'}], screen: {step: 'user-and-policy', phase: 'creating'}, effects: []},
	// 5. profile
	{name: 'profile name and region edited', inputs: [...toProfileForm, {type: 'edit', field: 'profileName', value: 'acme-dev'}, {type: 'edit', field: 'region', value: 'us-west-2'}], screen: {step: 'profile', phase: 'form'}, context: {profileName: 'acme-dev', region: 'us-west-2'}},
	{name: 'bad profile name', inputs: [...toProfileForm, {type: 'edit', field: 'profileName', value: 'a b'}, {type: 'submit'}], screen: {step: 'profile', phase: 'form', error: {message: expect.stringContaining('Profile names')}}, effects: []},
	{name: 'bad region', inputs: [...toProfileForm, {type: 'edit', field: 'region', value: 'Frankfurt'}, {type: 'submit'}], screen: {step: 'profile', phase: 'form', error: {message: expect.stringContaining('region')}}, effects: []},
	{name: 'submit → plan (nothing written)', inputs: [...toProfileForm, {type: 'submit'}], screen: {step: 'profile', phase: 'planning'}, effects: [{type: 'plan-profile', request: {profile: 'orders-dev', settings: {region: 'eu-west-1'}, overwrite: false}}]},
	{name: 'plan → masked diff', inputs: toProfileReview, screen: {step: 'profile', phase: 'review', diff: ['--- credentials', '+++ credentials', '+[orders-dev]']}, effects: []},
	{name: 'diff confirmed → write', inputs: [...toProfileReview, {type: 'confirm'}], screen: {step: 'profile', phase: 'writing'}, effects: [{type: 'write-profile', plan: {profile: 'orders-dev', shownDiff: ['--- credentials', '+++ credentials', '+[orders-dev]']}}]},
	{name: 'diff declined → form', inputs: [...toProfileReview, {type: 'decline'}], screen: {step: 'profile', phase: 'form'}, effects: []},
	{name: 'profile exists: confirm cannot write', inputs: [...toProfileForm, {type: 'submit'}, planned({code: 'profile-exists', message: 'Profile "orders-dev" is already configured', canOverride: true}), {type: 'confirm'}], screen: {step: 'profile', phase: 'review', refusal: {code: 'profile-exists'}}, effects: []},
	{name: 'profile exists: overwrite → plan again', inputs: [...toProfileForm, {type: 'submit'}, planned({code: 'profile-exists', message: 'exists', canOverride: true}), {type: 'overwrite'}], screen: {step: 'profile', phase: 'planning'}, effects: [{type: 'plan-profile', request: {overwrite: true}}], context: {overwrite: true}},
	{name: 'a refusal that cannot be overridden', inputs: [...toProfileForm, {type: 'submit'}, planned({code: 'unparseable', message: 'the CLI cannot read it', canOverride: false}), {type: 'overwrite'}], screen: {step: 'profile', phase: 'review'}, effects: []},
	{name: 'planning failed', inputs: [...toProfileForm, {type: 'submit'}, reply({type: 'effect-failed', failure: {message: 'EACCES', fix: 'chmod'}})], screen: {step: 'profile', phase: 'form', error: {message: 'EACCES'}}},
	{name: 'written → verify', inputs: toVerifying, screen: {step: 'verify', phase: 'verifying', attempt: 0}, effects: [{type: 'verify', region: 'eu-west-1'}], context: {writtenProfiles: ['orders-dev'], mapping: {dev: 'orders-dev'}}},
	{name: 'write failed → form', inputs: [...toProfileReview, {type: 'confirm'}, reply({type: 'effect-failed', failure: {message: 'EROFS'}})], screen: {step: 'profile', phase: 'form', error: {message: 'EROFS'}}},
	{name: 'Esc while writing does nothing', inputs: [...toProfileReview, {type: 'confirm'}, {type: 'back'}], screen: {step: 'profile', phase: 'writing'}, effects: []},
	// 6. verify
	{name: 'progress', inputs: [...toVerifying, reply({type: 'verify-progress', attempt: 3, elapsedMs: 4200})], screen: {step: 'verify', phase: 'verifying', attempt: 3, elapsedMs: 4200}},
	{name: 'verified: account and ARN', inputs: [...toVerifying, reply({type: 'verified', identity: verifiedIdentity})], screen: {step: 'verify', phase: 'verified', identity: {account: '123456789012'}}, context: {identity: {arn: verifiedIdentity.arn}}},
	{name: 'verify timed out', inputs: [...toVerifying, reply({type: 'verify-failed', failure: {code: 'Timeout', message: 'still not accepted after 20 s'}, timedOut: true})], screen: {step: 'verify', phase: 'failed', timedOut: true}},
	{name: 'verify timed out → retry', inputs: [...toVerifying, reply({type: 'verify-failed', failure: {message: 't'}, timedOut: true}), {type: 'retry'}], screen: {step: 'verify', phase: 'verifying'}, effects: [{type: 'verify'}]},
	{name: 'verify failed → continue unverified', inputs: [...toVerifying, reply({type: 'verify-failed', failure: {code: 'InvalidClientTokenId', message: 'bad'}, timedOut: false}), {type: 'skip'}], screen: {step: 'stages', phase: 'pick'}},
	{name: 'verified → stages', inputs: toStages, screen: {step: 'stages', phase: 'pick'}},
	// 7. stages
	{name: 'map a stage to an existing profile', inputs: [...toStages, {type: 'stage-profile', stage: 'prod', profile: 'old'}], screen: {step: 'stages', phase: 'pick'}, context: {mapping: {dev: 'orders-dev', prod: 'old'}}},
	{name: 'an unknown stage is ignored', inputs: [...toStages, {type: 'stage-profile', stage: 'nope', profile: 'old'}], screen: {step: 'stages', phase: 'pick'}, context: {mapping: {dev: 'orders-dev'}}},
	{name: 'a typed stage', inputs: [...toStages, {type: 'add-stage', stage: 'staging'}], screen: {step: 'stages', phase: 'pick'}, context: {stages: ['dev', 'prod', 'staging']}},
	{name: 'a stage name Serverless refuses', inputs: [...toStages, {type: 'add-stage', stage: 'my stage'}], screen: {step: 'stages', phase: 'pick', error: expect.stringContaining('Stage names')}},
	{name: 'create a profile for a stage → back through step 3', inputs: [...toStages, {type: 'create-profile-for-stage', stage: 'prod'}], screen: {step: 'keys-path', phase: 'choose'}, context: {forStage: 'prod', profileName: 'orders-prod', userName: 'orders-prod-deployer'}},
	{
		name: '… and the new profile comes back mapped to that stage',
		inputs: [
			...toStages,
			{type: 'create-profile-for-stage', stage: 'prod'},
			{type: 'choose-path', path: 'paste'},
			{type: 'keys-entered', keys: newKeys()},
			{type: 'submit'},
			planned(),
			{type: 'confirm'},
			reply({type: 'profile-written', files: [], backups: [], warnings: []}),
			reply({type: 'verified', identity: verifiedIdentity}),
			{type: 'submit'},
		],
		screen: {step: 'stages', phase: 'pick'},
		context: {mapping: {dev: 'orders-dev', prod: 'orders-prod'}, writtenProfiles: ['orders-dev', 'orders-prod'], forStage: undefined},
	},
	{name: 'submit → plan the serverless.yml edit', inputs: [...toStages, {type: 'submit'}], screen: {step: 'stages', phase: 'planning'}, effects: [{type: 'plan-stage-mapping', request: {path: '/work/app/serverless.yml', mapping: {dev: 'orders-dev'}, replaceProviderProfile: false}}]},
	{name: 'Esc twice from the profile form → keys path', inputs: [...toScanSummary, {type: 'start', choice: 'set-up'}, {type: 'account', hasAccount: true}, {type: 'choose-path', path: 'paste'}, {type: 'keys-entered', keys: keys()}, {type: 'back'}, {type: 'back'}], screen: {step: 'keys-path', phase: 'choose'}},
	{name: 'diff shown', inputs: toStageReview, screen: {step: 'stages', phase: 'review', diff: ['--- serverless.yml', '+++ serverless.yml', '+  profiles:']}, effects: []},
	{name: 'diff confirmed → write serverless.yml', inputs: [...toStageReview, {type: 'confirm'}], screen: {step: 'stages', phase: 'writing'}, effects: [{type: 'write-stage-mapping', plan: {path: '/work/app/serverless.yml', mapping: {dev: 'orders-dev'}, shownDiff: ['--- serverless.yml', '+++ serverless.yml', '+  profiles:']}}]},
	{name: 'written → done', inputs: [...toStageReview, {type: 'confirm'}, reply({type: 'stage-mapping-written', path: '/work/app/serverless.yml', backup: '/work/app/serverless.yml.bak'})], screen: {step: 'done', phase: 'checking'}, effects: [{type: 'doctor', mapping: {dev: 'orders-dev'}}], context: {stageMappingWritten: true}},
	{name: 'write failed → the snippet to paste', inputs: [...toStageReview, {type: 'confirm'}, reply({type: 'effect-failed', failure: {message: 'EACCES'}})], screen: {step: 'stages', phase: 'snippet', reason: 'write-failed', snippet: 'custom:\n  profiles: …'}},
	{name: 'declined → the snippet to paste', inputs: [...toStageReview, {type: 'decline'}], screen: {step: 'stages', phase: 'snippet', reason: 'declined'}, effects: []},
	{name: 'snippet → done', inputs: [...toStageReview, {type: 'decline'}, {type: 'submit'}], screen: {step: 'done', phase: 'checking'}},
	{name: 'refused (JSON service file) → snippet', inputs: [...toStages, {type: 'submit'}, reply({type: 'stage-mapping-planned', diff: [], snippet: 'S', warnings: [], refusal: {code: 'json', message: 'serverless.json: paste this', canOverride: false}})], screen: {step: 'stages', phase: 'snippet', reason: 'refused', failure: {message: 'serverless.json: paste this'}}},
	{name: 'provider.profile holds something else → review, confirm cannot write', inputs: [...toStages, {type: 'submit'}, reply({type: 'stage-mapping-planned', diff: [], snippet: 'S', warnings: [], refusal: {code: 'provider-profile', message: 'provider.profile is "acme"', canOverride: true}}), {type: 'confirm'}], screen: {step: 'stages', phase: 'review', refusal: {code: 'provider-profile'}}, effects: []},
	{name: '… agree to replace it → plan again', inputs: [...toStages, {type: 'submit'}, reply({type: 'stage-mapping-planned', diff: [], snippet: 'S', warnings: [], refusal: {code: 'provider-profile', message: 'x', canOverride: true}}), {type: 'overwrite'}], screen: {step: 'stages', phase: 'planning'}, effects: [{type: 'plan-stage-mapping', request: {replaceProviderProfile: true}}]},
	{name: 'already mapped this way → done without a write', inputs: [...toStages, {type: 'submit'}, reply({type: 'stage-mapping-planned', diff: [], snippet: 'S', warnings: []})], screen: {step: 'done', phase: 'checking'}},
	// 8. done
	{name: 'the doctor per stage', inputs: [...toStageReview, {type: 'decline'}, {type: 'submit'}, reply({type: 'doctor-done', checks: [{stage: 'dev', profile: 'orders-dev', ok: true, account: '123456789012'}]})], screen: {step: 'done', phase: 'summary', checks: [{stage: 'dev', ok: true}]}},
	{name: 'done → exit 0', inputs: [...toStageReview, {type: 'decline'}, {type: 'submit'}, reply({type: 'doctor-done', checks: []}), {type: 'submit'}], screen: {step: 'exit', code: 0}, effects: [{type: 'exit', code: 0}]},
	{name: 'doctor failed', inputs: [...toStageReview, {type: 'decline'}, {type: 'submit'}, reply({type: 'effect-failed', failure: {message: 'x'}})], screen: {step: 'done', phase: 'summary', checks: [], failure: {message: 'x'}}},
	// everywhere
	{name: 'Ctrl-C → exit 130', inputs: [...toProfileReview, {type: 'cancel'}], screen: {step: 'exit', code: 130}, effects: [{type: 'exit', code: 130}]},
	{name: 'Ctrl-C while waiting → exit 130', inputs: [{type: 'cancel'}], screen: {step: 'exit', code: 130}, effects: [{type: 'exit', code: 130}]},
	{name: 'after exit nothing happens', inputs: [{type: 'cancel'}, {type: 'scan-failed', id: 1, failure: {message: 'late'}}, {type: 'back'}, {type: 'submit'}], screen: {step: 'exit', code: 130}, effects: []},
	{name: 'links open from any screen', inputs: [...toKeysPath, {type: 'open-link', url: 'https://aws.amazon.com/free/'}], screen: {step: 'keys-path', phase: 'choose'}, effects: [{type: 'open-url', url: 'https://aws.amazon.com/free/'}]},
	{name: 'Esc on the first screen does nothing', inputs: [...toScanSummary, {type: 'back'}], screen: {step: 'scan', phase: 'summary'}, effects: []},
];

describe('wizard transitions', () => {
	test.each(rows.map((row) => [row.name, row] as const))('%s', (_name, row) => {
		const result = run(row.inputs);
		expect(result.state.screen).toMatchObject(row.screen);
		if (row.effects) {
			const effects = result.effects.at(-1) ?? [];
			expect(effects).toHaveLength(row.effects.length);
			row.effects.forEach((effect, index) => expect(effects[index]).toMatchObject(effect));
		}
		if (row.context) expect(result.state.context).toMatchObject(row.context);
	});
});

describe('back (Esc) one step', () => {
	const backRows: Array<{from: Input[]; to: Record<string, unknown>}> = [
		{from: [...toScanSummary, {type: 'start', choice: 'set-up'}], to: {step: 'scan', phase: 'summary'}},
		{from: [...toScanSummary, {type: 'start', choice: 'set-up'}, {type: 'account', hasAccount: false}], to: {step: 'account', phase: 'ask'}},
		{from: toKeysPath, to: {step: 'account', phase: 'ask'}},
		{from: [...toKeysPath, {type: 'choose-path', path: 'create-user'}], to: {step: 'keys-path', phase: 'choose'}},
		{from: toUserForm, to: {step: 'keys-path', phase: 'admin-credentials'}},
		{from: [...toUserForm, {type: 'submit'}], to: {step: 'user-and-policy', phase: 'form'}},
		{from: [...toUserForm, {type: 'choose-policy', policy: 'custom'}, {type: 'submit'}], to: {step: 'user-and-policy', phase: 'form'}},
		{from: toCustomPolicy, to: {step: 'user-and-policy', phase: 'form'}},
		{from: [...toCreating, iamFailed({kind: 'user-exists', userName: 'u'})], to: {step: 'user-and-policy', phase: 'form'}},
		{from: [...toCreating, iamFailed({kind: 'access-denied', message: 'm'})], to: {step: 'user-and-policy', phase: 'form'}},
		{from: [...toCreating, reply({type: 'keys-created', userName: 'u', keys: newKeys()})], to: {step: 'user-and-policy', phase: 'form'}},
		{from: toProfileForm, to: {step: 'keys-path', phase: 'paste'}},
		{from: [...toProfileForm, {type: 'submit'}], to: {step: 'profile', phase: 'form'}},
		{from: toProfileReview, to: {step: 'profile', phase: 'form'}},
		{from: toVerifying, to: {step: 'profile', phase: 'form'}},
		{from: toStages, to: {step: 'verify', phase: 'verified'}},
		{from: toStageReview, to: {step: 'stages', phase: 'pick'}},
		{from: [...toStageReview, {type: 'decline'}], to: {step: 'stages', phase: 'pick'}},
	];
	test.each(backRows.map((row, index) => [index, row] as const))('row %s', (_index, row) => {
		const before = run(row.from);
		const after = step(before.state, {type: 'back'});
		expect(after.state.screen).toMatchObject(row.to);
		expect(after.effects).toEqual([]);
		expect(after.state.history).toEqual(before.state.history.slice(0, -1));
	});

	test('the detour for one stage: Esc from its first screen returns to the stages, and abandons it', () => {
		const detour = run([...toStages, {type: 'create-profile-for-stage', stage: 'prod'}]);
		const back = step(detour.state, {type: 'back'}).state;
		expect(back.screen).toEqual({step: 'stages', phase: 'pick'});
		expect(back.context).toMatchObject({forStage: undefined, historyFloor: 0});
		expect(back.history).toEqual(run(toStages).state.history);
	});

	test('after the detour, the history is the one before it', () => {
		const result = run([
			...toStages,
			{type: 'create-profile-for-stage', stage: 'prod'},
			{type: 'choose-path', path: 'paste'},
			{type: 'keys-entered', keys: newKeys()},
			{type: 'back'},
			{type: 'keys-entered', keys: newKeys()},
			{type: 'submit'},
			reply({type: 'profile-planned', diff: ['+[orders-prod]'], warnings: []}),
			{type: 'confirm'},
			reply({type: 'profile-written', files: [], backups: [], warnings: []}),
			reply({type: 'verified', identity: verifiedIdentity}),
			{type: 'submit'},
		]);
		expect(result.state.screen).toEqual({step: 'stages', phase: 'pick'});
		expect(result.state.history).toEqual(run(toStages).state.history);
		expect(result.state.context.historyFloor).toBe(0);
		// Inside the detour, Esc walked through the detour's own screens.
		const inside = result.states[toStages.length + 4]!;
		expect(inside.screen).toMatchObject({step: 'keys-path', phase: 'paste'});
		expect(inside.history.at(-1)).toMatchObject({step: 'keys-path', phase: 'choose'});
		expect(inside.history.at(-2)).toMatchObject({step: 'stages', phase: 'pick'});
	});

	test('a screen left with an error comes back without it', () => {
		const left = run([...toKeysPath, {type: 'choose-path', path: 'paste'}, {type: 'keys-entered', keys: keys('')}, {type: 'keys-entered', keys: keys()}]);
		expect(left.states.at(-2)?.screen).toMatchObject({phase: 'paste', error: 'Paste the access key ID.'});
		expect(step(left.state, {type: 'back'}).state.screen).toEqual({step: 'keys-path', phase: 'paste', path: 'paste'});
	});

	test('a result that arrives after going back is ignored', () => {
		const waiting = run([...toProfileForm, {type: 'submit'}]);
		const id = (waiting.state.screen as {id: number}).id;
		const gone = step(waiting.state, {type: 'back'}).state;
		const late = step(gone, {type: 'profile-planned', id, diff: ['+x'], warnings: []});
		expect(late.state).toBe(gone);
		expect(late.effects).toEqual([]);
	});

	test('going back and forward again plans afresh under a new id', () => {
		const first = run([...toProfileForm, {type: 'submit'}, {type: 'back'}, {type: 'submit'}]);
		const ids = first.effects.flat().filter((effect) => effect.type === 'plan-profile').map((effect) => (effect as {id: number}).id);
		expect(new Set(ids).size).toBe(2);
	});
});

describe('writes need a confirmed diff', () => {
	test('the defaults path (Enter everywhere, admin keys in the environment) creates a user, writes a profile and serverless.yml', () => {
		const result = run([
			...toScanSummary,
			{type: 'start', choice: 'set-up'},
			{type: 'account', hasAccount: true},
			{type: 'choose-path', path: 'create-user'},
			{type: 'choose-admin', choice: {kind: 'found', index: 0}},
			{type: 'submit'},
			{type: 'confirm'},
			reply({type: 'keys-created', userName: 'orders-deployer', keys: newKeys()}),
			{type: 'submit'},
			reply({type: 'profile-planned', diff: ['+[orders-dev]'], warnings: []}),
			{type: 'confirm'},
			reply({type: 'profile-written', files: [], backups: [], warnings: []}),
			reply({type: 'verified', identity: verifiedIdentity}),
			{type: 'submit'},
			{type: 'submit'},
			reply({type: 'stage-mapping-planned', diff: ['+x'], snippet: 's', warnings: []}),
			{type: 'confirm'},
			reply({type: 'stage-mapping-written', path: '/work/app/serverless.yml'}),
			reply({type: 'doctor-done', checks: [{stage: 'dev', ok: true}]}),
			{type: 'submit'},
		]);
		const changes = result.effects.flat().filter(changesSomething).map((effect) => effect.type);
		expect(changes).toEqual(['create-user', 'write-profile', 'write-stage-mapping']);
		expect(result.state.screen).toMatchObject({step: 'exit', code: 0});
		const created = result.effects.flat().find((effect) => effect.type === 'create-user');
		expect(created).toMatchObject({admin: {kind: 'found', candidate: {label: expect.stringContaining('AWS_ACCESS_KEY_ID'), winner: {source: 'env-keys'}}}});
	});

	test('the new key from IAM is what the profile and verify effects carry', () => {
		const result = run([...toCreating, reply({type: 'keys-created', userName: 'orders-deployer', keys: newKeys()}), {type: 'submit'}]);
		const plan = lastEffects(result)[0];
		expect(plan?.type).toBe('plan-profile');
		if (plan?.type !== 'plan-profile') return;
		expect(plan.request.credentials?.accessKeyId.equals(newKeys().accessKeyId)).toBe(true);
	});

	test('the key picked for deletion is the one the delete effect names', () => {
		const result = run([...toCreating, iamFailed({kind: 'too-many-keys', userName: 'u', keys: existingKeys()}), {type: 'pick-key', index: 0}, {type: 'confirm'}]);
		const effect = lastEffects(result)[0];
		expect(effect?.type === 'replace-access-key' && effect.deleteAccessKeyId.equals(existingKeys()[0]!.accessKeyId)).toBe(true);
		expect(OLD_KEY).toContain(effect?.type === 'replace-access-key' ? effect.deleteAccessKeyId.lastFour : '?');
	});
});

test('stages: submit with no stage mapped asks for one', () => {
	const atStages = run(toStages).state;
	const empty = {...atStages, context: {...atStages.context, mapping: {}}};
	const result = step(empty, {type: 'submit'});
	expect(result.state.screen).toMatchObject({step: 'stages', phase: 'pick', error: expect.stringContaining('at least one stage')});
	expect(result.effects).toEqual([]);
});

test('startWizard and step are deterministic', () => {
	expect(JSON.stringify(startWizard())).toBe(JSON.stringify(startWizard()));
	const a = run(toStageReview);
	const b = run(toStageReview);
	expect(JSON.stringify(a.state)).toBe(JSON.stringify(b.state));
});
