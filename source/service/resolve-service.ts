/** Service resolution (service-resolution.ts) with the real parsers: yaml, dotenv and the team-settings reader. */
import type {Env} from '../gather/snapshot.js';
import type {ServiceInfo} from './service-info.js';
import {serviceParsers} from './service-parsers.js';
import {resolveServiceWith, type ResolveServiceInput} from './service-resolution.js';

export type {ResolveServiceInput} from './service-resolution.js';

export function resolveService(input: ResolveServiceInput): {service: ServiceInfo; env: Env} {
	return resolveServiceWith(input, serviceParsers);
}
