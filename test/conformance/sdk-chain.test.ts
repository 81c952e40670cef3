/**
 * Conformance: the plain-SDK model against the real `fromNodeProviderChain` (@aws-sdk/credential-providers), one fresh
 * child per scenario (the SDK caches files per process). Roles and web identity are assumed against a local moto
 * server; the caller identity tells which role was picked.
 */
import {afterAll, beforeAll, expect, test} from 'vitest';
import {precedenceSdk} from '../../source/credentials/precedence-sdk.js';
import {startMoto, type Moto} from '../support/moto.js';
import {compareSdk, histogram, sdkCategory, type SdkAnswer} from './compare.js';
import {mapLimit, materialize, runChild} from './run-scenario.js';
import {generateScenarios, ladderScenarios, KNOWN_KEYS, type Scenario} from './scenarios.js';
import {SDK_EDGES, SPEC_SDK} from './spec-scenarios.js';

const RANDOM = 130;
const SEED = 20_260_704;

let moto: Moto;
beforeAll(async () => {
	moto = await startMoto();
}, 60_000);
afterAll(async () => {
	await moto?.stop();
});

async function compare(scenario: Scenario): Promise<{id: string; category: string; mismatch?: string}> {
	const materialized = await materialize(scenario);
	try {
		const answer = await runChild<SdkAnswer>(
			'sdk-chain.mjs',
			materialized,
			{AWS_EC2_METADATA_DISABLED: 'true', AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: moto.endpoint},
			{init: scenario.init ?? {}, knownKeys: KNOWN_KEYS, stsEndpoint: moto.endpoint},
		);
		const mismatch = compareSdk(answer, precedenceSdk(materialized.snapshot, scenario.init));
		return {id: scenario.id, category: sdkCategory(answer), ...(mismatch ? {mismatch: `${scenario.id} ${JSON.stringify({env: scenario.env, init: scenario.init, files: scenario.files})}: ${mismatch}`} : {})};
	} finally {
		await materialized.cleanup();
	}
}

test('precedenceSdk picks what fromNodeProviderChain picks', async () => {
	const ladder = ladderScenarios('aws-sdk-v3');
	const scenarios = [...SPEC_SDK, ...SDK_EDGES, ...ladder, ...generateScenarios({engine: 'aws-sdk-v3'}, RANDOM, SEED)];
	const results = await mapLimit(scenarios, 4, compare);
	const mismatches = results.flatMap((result) => (result.mismatch ? [result.mismatch] : []));
	console.log(`conformance: AWS SDK v3 fromNodeProviderChain vs precedenceSdk: ${results.length} scenarios compared (${SPEC_SDK.length} from the spec, ${SDK_EDGES.length} chain edges, ${ladder.length + RANDOM} generated: ${ladder.length} precedence combinations + ${RANDOM} random), ${results.length - mismatches.length} agree; engine answers: ${histogram(results.map((result) => result.category))}`);
	expect(mismatches).toEqual([]);
}, 180_000);
