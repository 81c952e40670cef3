import type {ServiceInfo} from './service-info.js';

/** The stages a service deploys to, for `doctor --all-stages`. */
export interface DeployStages {
	stages: string[];
	/** The team settings (`custom.deployAccounts`) name them, or they were collected from the rest of the file. */
	from: 'team settings' | 'service file';
}

/**
 * The team settings are the list the team checked in, so they win; without them, every stage the file mentions
 * (`custom.profiles`, `stages`, `params`) plus `provider.stage`. Undefined when the file names no stage at all: the
 * caller cannot guess one (the `dev` default is not a stage the team chose). Pure.
 */
export function deployStages(service: ServiceInfo): DeployStages | undefined {
	if (service.team?.status === 'ok' && service.team.settings.stages.length > 0) {
		return {stages: unique(service.team.settings.stages.map(entry => entry.stage)), from: 'team settings'};
	}
	const named = service.stage.source === 'provider.stage' ? [...service.knownStages, service.stage.value] : service.knownStages;
	const stages = unique(named);
	return stages.length > 0 ? {stages, from: 'service file'} : undefined;
}

function unique(stages: readonly string[]): string[] {
	return [...new Set(stages.filter(stage => stage.trim() !== ''))];
}
