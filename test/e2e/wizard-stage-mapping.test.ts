/**
 * The stage mapping written into a commented multi-stage serverless.yml with CloudFormation tags, in a real
 * pseudo-terminal against moto: one stage gets a new profile through the wizard, the other an existing profile typed
 * on the stages screen; every byte outside the inserted lines stays as it was, and the old file is kept as a backup.
 */
import {readdirSync, readFileSync, writeFileSync, mkdirSync} from 'node:fs';
import path from 'node:path';
import {diffLines} from 'diff';
import {afterAll, beforeAll, beforeEach, expect, test} from 'vitest';
import {startMoto, type Moto} from '../support/moto.js';
import {KEYS, spawnCli} from '../support/pty.js';
import {ACCOUNT, exitCode, isolateTestProcess, pressSettled, userWithKeys, walk, wizardWorld} from './wizard-world.js';

const SERVICE = [
	'# Orders service: deployed by the team',
	'service: orders',
	'frameworkVersion: "3"',
	'',
	'params: # per-stage values',
	'  dev:',
	'    memory: 512',
	'  prod:',
	"    memory: 1024 # prod needs more",
	'',
	'provider:',
	'  name: aws',
	'  runtime: nodejs20.x',
	'  region: eu-west-1 # keep this region',
	'  tags:',
	'    team: orders',
	'',
	'functions:',
	'  api:',
	'    handler: handler.api',
	'    memorySize: ${param:memory}',
	'',
	'resources:',
	'  Resources:',
	'    Queue:',
	'      Type: AWS::SQS::Queue',
	'    Table:',
	'      Type: AWS::DynamoDB::Table',
	'      Properties:',
	'        Tags:',
	'          - Key: queue',
	'            Value: !GetAtt Queue.Arn # a tag, kept as a tag',
	'          - Key: region',
	'            Value: !Sub "orders-in-region"',
	'  Outputs:',
	'    Region:',
	'      Value: !Ref AWS::Region',
	'    Joined:',
	'      Value: !Join ["-", [!Ref AWS::Region, orders]]',
	'',
].join('\n');

let moto: Moto;
beforeAll(async () => {
	moto = await startMoto({managedPolicies: true});
}, 30_000);
afterAll(async () => moto.stop());
beforeEach(async () => moto.reset());
isolateTestProcess();

test('two stages mapped into a commented serverless.yml: only lines added, tags and comments byte-identical', async () => {
	const [devKey] = await userWithKeys(moto, 'orders-dev-deployer', 1);
	const [prodKey] = await userWithKeys(moto, 'orders-prod-deployer', 1);
	const world = wizardWorld(moto, {serviceFile: SERVICE, adminKeys: false});
	// The prod profile exists already (set up by someone else, or earlier).
	mkdirSync(path.join(world.home, '.aws'));
	const credentialsBefore = `[orders-prod]\naws_access_key_id = ${prodKey!.id}\naws_secret_access_key = ${prodKey!.secret}\n`;
	writeFileSync(path.join(world.home, '.aws', 'credentials'), credentialsBefore, {mode: 0o600});
	const run = spawnCli([], {home: world.home, cwd: world.service, env: world.env});
	await walk(run, [
		['Set up deploy credentials', KEYS.enter],
		['Do you have an AWS account?', KEYS.enter],
		['How should the deploy get its AWS keys?', KEYS.down, KEYS.down, KEYS.enter],
		['Paste the access key to save as a profile.', devKey!.id, KEYS.enter],
		['› Secret access key:', devKey!.secret],
		['*'.repeat(40), KEYS.enter],
		['Profile name: orders-dev', KEYS.enter],
		['Write these changes? [Y/n]', KEYS.enter],
		[`arn:aws:iam::${ACCOUNT}:user/orders-dev-deployer`, KEYS.enter],
		['Which profile should each stage deploy with?'],
		[/dev +→ orders-dev ✔ new/],
		[/prod +→ \(none\)/, KEYS.down, 'e'],
		['Profile for prod:', 'orders-prod', KEYS.enter],
		[/prod +→ orders-prod/, KEYS.enter],
		[/Write .*serverless\.yml\? \[Y\/n\]/, KEYS.enter],
		[/✔ prod → orders-prod: provider\.profile/],
	]);
	const done = await run.screen();
	expect(done).toMatch(/✔ dev → orders-dev: provider\.profile/);
	await pressSettled(run, KEYS.enter);
	expect(await exitCode(run)).toBe(0);

	const after = readFileSync(path.join(world.service, 'serverless.yml'), 'utf8');
	const changes = diffLines(SERVICE, after);
	// Nothing removed or rewritten: the edit only inserts lines.
	expect(changes.filter(change => change.removed)).toEqual([]);
	const added = changes.filter(change => change.added).map(change => change.value);
	expect(added).toEqual(['  profile: ${self:custom.profiles.${sls:stage}}\n', '\ncustom:\n  profiles:\n    dev: orders-dev\n    prod: orders-prod\n']);
	expect(changes.filter(change => !change.added).map(change => change.value).join('')).toBe(SERVICE);
	expect(after).toContain('  region: eu-west-1 # keep this region\n  profile: ${self:custom.profiles.${sls:stage}}\n  tags:\n');
	// The file Serverless reads back is the old one plus the mapping; a backup of the old one sits beside it.
	const backups = readdirSync(world.service).filter(name => name !== 'serverless.yml');
	expect(backups.map(name => readFileSync(path.join(world.service, name), 'utf8'))).toContain(SERVICE);
	// The existing profile was read, never rewritten: the new one was appended after it.
	expect(readFileSync(path.join(world.home, '.aws', 'credentials'), 'utf8').startsWith(credentialsBefore)).toBe(true);
}, 90_000);
