import type {Engine} from '../credentials/verdict.js';

const labels: Record<Engine, string> = {
	'serverless-v3': 'Serverless v3',
	'serverless-v4': 'Serverless v4',
	'aws-sdk-v3': 'AWS SDK v3',
};

export function engineLabel(engine: Engine): string {
	return labels[engine];
}
