import type {Snapshot} from '../../gather/snapshot.js';
import type {Verdict} from '../../credentials/verdict.js';
import type {Finding} from '../finding.js';
import {engineName} from '../../credentials/engine-name.js';

/**
 * serverless.yml names a profile for this stage, but another source wins and holds other credentials: the deploy
 * goes wherever the leftover variable or option points (serverless#9194, #6481). The most common way to deploy
 * `prod` into the dev account, so it is a warning even though the deploy "works".
 * Environment keys against provider.profile have their own finding (profile-with-env-keys).
 */
export function providerProfileShadowedChecks(snapshot: Snapshot, verdict: Verdict): Finding[] {
	const profile = snapshot.service.profile;
	if (profile?.kind !== 'value' || profile.value === '') return [];
	const candidate = verdict.candidates.find(entry => entry.source === 'provider-profile');
	const winner = verdict.winner;
	if (!candidate || !winner || candidate.status !== 'shadowed' || winner.source === 'env-keys') return [];
	const sameCredentials =
		winner.profile === profile.value || (winner.accessKeyId !== undefined && winner.accessKeyId.equals(candidate.accessKeyId));
	if (sameCredentials) return [];
	const stage = snapshot.service.stage.value;
	const used = [winner.profile ? `profile "${winner.profile}"` : undefined, winner.accessKeyId ? `key ${winner.accessKeyId.masked()}` : undefined]
		.filter(Boolean)
		.join(', ');
	return [
		{
			id: 'provider-profile-shadowed',
			status: 'warn',
			title: `serverless.yml asks for profile "${profile.value}", but ${winner.title} wins`,
			why:
				`For stage ${stage}, provider.profile resolves to "${profile.value}", yet ${engineName(verdict.engine)} takes ${winner.title} first` +
				`${used ? ` (${used})` : ''}, so this deploy may land in a different AWS account than the one serverless.yml names.`,
			fix: candidate.fix ?? `Remove ${winner.title} from your environment, or pass --aws-profile ${profile.value}.`,
			details: candidate.origin,
		},
	];
}
