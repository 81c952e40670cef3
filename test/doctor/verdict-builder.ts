/** Hand-built Verdicts for check tests: only the fields a check reads need to be given. */
import type {Candidate, Verdict, Winner} from '../../source/credentials/verdict.js';
import {Secret} from '../../source/secret.js';

export function makeVerdict(overrides: Partial<Verdict> = {}): Verdict {
	return {
		engine: 'serverless-v3',
		stage: 'dev',
		region: {value: 'eu-west-1', source: 'provider.region'},
		candidates: [],
		traps: [],
		...overrides,
	};
}

export function candidate(overrides: Partial<Candidate> & Pick<Candidate, 'source' | 'status'>): Candidate {
	return {rank: 1, title: overrides.source, reason: `${overrides.source} is ${overrides.status}`, ...overrides};
}

/** A static-key winner from a profile (or env keys when `profile` is undefined). */
export function staticWinner(overrides: Partial<Winner> = {}, keyId = 'AKIAIOSFODNN7EXAMPLE'): Winner {
	const accessKeyId = new Secret(keyId);
	return {
		source: 'env-profile',
		title: 'AWS_PROFILE=dev',
		kind: 'static',
		profile: 'dev',
		accessKeyId,
		credentials: {type: 'static', accessKeyId, secretAccessKey: new Secret('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')},
		...overrides,
	};
}
