/**
 * Conformance: the Serverless v3 model against the real `AwsProvider.getCredentials()` of serverless@3.40.0, one
 * fresh child process per scenario (spec/test-endpoint.md §10), over the worked scenarios of the spec and a seeded
 * set of generated ones.
 */
import {afterAll, beforeAll, expect, test} from 'vitest';
import {precedenceV3} from '../../source/credentials/precedence-v3.js';
import {startMoto, type Moto} from '../support/moto.js';
import {compareV3, histogram, v3Category, type V3Answer} from './compare.js';
import {assertEnginesInstalled} from './engines-present.js';
import {mapLimit, materialize, runChild} from './run-scenario.js';
import {generateScenarios, ladderScenarios, type Scenario} from './scenarios.js';
import {ROLE_IN_CREDENTIALS, SPEC_V3, V3_EDGES} from './spec-scenarios.js';

const RANDOM = 100;
const SEED = 20_260_703;

let moto: Moto;
beforeAll(async () => {
	assertEnginesInstalled();
	moto = await startMoto();
}, 60_000);
afterAll(async () => {
	await moto?.stop();
});

async function compare(scenario: Scenario): Promise<{id: string; category: string; mismatch?: string}> {
	const materialized = await materialize(scenario);
	try {
		const options: Record<string, string> = {};
		if (scenario.options.stage) options['stage'] = scenario.options.stage;
		if (scenario.options.awsProfile) options['aws-profile'] = scenario.options.awsProfile;
		const answer = await runChild<V3Answer>('serverless-v3.cjs', materialized, {AWS_EC2_METADATA_DISABLED: 'true'}, {
			provider: scenario.provider,
			options,
			stsEndpoint: moto.endpoint,
		});
		const mismatch = compareV3(answer, precedenceV3(materialized.snapshot));
		return {id: scenario.id, category: v3Category(answer), ...(mismatch ? {mismatch: `${scenario.id} ${JSON.stringify({env: scenario.env, options: scenario.options, provider: scenario.provider, files: Object.keys(scenario.files)})}: ${mismatch}`} : {})};
	} finally {
		await materialized.cleanup();
	}
}

test('precedenceV3 picks what serverless@3 getCredentials() picks', async () => {
	const ladder = ladderScenarios('serverless-v3');
	const scenarios = [...SPEC_V3, ...V3_EDGES, ...ladder, ...generateScenarios({engine: 'serverless-v3'}, RANDOM, SEED)];
	const results = await mapLimit(scenarios, 4, compare);
	const mismatches = results.flatMap((result) => (result.mismatch ? [result.mismatch] : []));
	console.log(`conformance: Serverless v3 getCredentials() vs precedenceV3: ${results.length} scenarios compared (${SPEC_V3.length} from the spec, ${V3_EDGES.length} SDK v2 edges, ${ladder.length + RANDOM} generated: ${ladder.length} precedence combinations + ${RANDOM} random), ${results.length - mismatches.length} agree; engine answers: ${histogram(results.map((result) => result.category))}`);
	expect(mismatches).toEqual([]);
}, 180_000);

/**
 * The wizard's role profile for a v3 team stage (role settings in the credentials file, no AWS_SDK_LOAD_CONFIG): the
 * real engine not only picks it but assumes the role through moto, so a deploy signs in the role's account.
 */
test.each<{how: string; provider: Scenario['provider']; env: Record<string, string>}>([
	{how: 'provider.profile', provider: {profile: 'deployer-prod'}, env: {}},
	{how: 'AWS_PROD_PROFILE', provider: {}, env: {AWS_PROD_PROFILE: 'deployer-prod'}},
])('serverless@3 assumes a role profile kept in the credentials file without AWS_SDK_LOAD_CONFIG ($how)', async ({provider, env}) => {
	const scenario: Scenario = {id: 'role-in-credentials', files: ROLE_IN_CREDENTIALS, env, options: {stage: 'prod'}, provider, ssoTokens: {}};
	const materialized = await materialize(scenario);
	try {
		const answer = await runChild<V3Answer & {caller?: {arn?: string; account?: string; error?: unknown}}>('serverless-v3.cjs', materialized, {AWS_EC2_METADATA_DISABLED: 'true'}, {
			provider: scenario.provider,
			options: {stage: 'prod'},
			stsEndpoint: moto.endpoint,
			resolve: true,
		});
		expect(answer).toMatchObject({credentials: {type: 'SharedIniFileCredentials', profile: 'deployer-prod', roleArn: 'arn:aws:iam::333333333333:role/deployer'}});
		expect(answer.caller).toMatchObject({account: '333333333333', arn: expect.stringMatching(/^arn:aws:sts::333333333333:assumed-role\/deployer\//)});
		const verdict = precedenceV3(materialized.snapshot);
		expect(compareV3(answer, verdict)).toBeUndefined();
		expect(verdict.winner).toMatchObject({profile: 'deployer-prod', kind: 'role', roleArn: 'arn:aws:iam::333333333333:role/deployer'});
	} finally {
		await materialized.cleanup();
	}
}, 60_000);
