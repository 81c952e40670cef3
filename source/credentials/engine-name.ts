import type {Engine} from './verdict.js';

const names: Record<Engine, string> = {
	'serverless-v3': 'Serverless v3',
	'serverless-v4': 'Serverless v4',
	'aws-sdk-v3': 'AWS SDK v3',
};

/** The engine in the user's words, for every view and sentence ("Serverless v3 uses …"). */
export function engineName(engine: Engine): string {
	return names[engine];
}
