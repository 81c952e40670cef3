import type {Snapshot} from '../../gather/snapshot.js';
import type {Verdict} from '../../credentials/verdict.js';
import type {Finding} from '../finding.js';

const optStage = /\$\{opt:stage\s*(,[^}]*)?\}/;

/**
 * `${opt:stage, 'dev'}` ignores provider.stage, so with `provider.stage: prod` a plain deploy picks the dev profile
 * for the prod stage (credential-resolution.md §5.2). Other resolution notes from the service reader follow as info.
 */
export function serviceNoteChecks(snapshot: Snapshot, _verdict: Verdict): Finding[] {
	const {service} = snapshot;
	const findings: Finding[] = [];
	const file = service.path ?? 'serverless.yml';
	const settings: Array<[string, Snapshot['service']['profile']]> = [
		['provider.profile', service.profile],
		['provider.region', service.region],
	];
	let trapShown = false;
	if (service.stage.source === 'provider.stage') {
		for (const [setting, value] of settings) {
			const raw = value?.kind === 'value' ? value.raw : undefined;
			if (!raw || !optStage.test(raw)) continue;
			trapShown = true;
			findings.push({
				id: 'opt-stage-default',
				status: 'warn',
				title: `${setting} uses \${opt:stage} while the stage comes from provider.stage`,
				why: `${setting}: ${raw} resolved to "${value?.kind === 'value' ? value.value : ''}". \${opt:stage, …} reads only --stage and ignores provider.stage (${service.stage.value}), so a plain \`serverless deploy\` takes the default's credentials for the ${service.stage.value} stage.`,
				fix: `Write \${sls:stage} instead of ${raw.match(optStage)?.[0] ?? '${opt:stage}'} in ${file}.`,
			});
		}
	}
	for (const note of service.notes) {
		if (trapShown && note.includes('opt:stage')) continue;
		findings.push({
			id: 'service-note',
			status: note.includes('opt:stage') ? 'warn' : 'info',
			title: note,
			why: `Found while resolving ${file} for stage ${service.stage.value}.`,
		});
	}
	return findings;
}
