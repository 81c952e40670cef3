/**
 * The profile edit the profile step plans and writes, derived from the state: the keys of this run under the name
 * typed in the form, the pasted admin keys the user asked to keep, or a team stage's assume-role profile.
 */
import type {ProfileRequest} from './effect.js';
import type {WizardContext} from './state.js';
import {baseProfileOf, roleSettings, roleSettingsPlacement, stageRegion, teamStage} from './team-stages.js';

export function profileRequest(context: WizardContext): ProfileRequest | undefined {
	const target = context.profileTarget;
	const overwrite = context.overwrite;
	if (target?.kind === 'admin') {
		const admin = context.admin;
		if (admin?.kind !== 'pasted') return undefined;
		return {profile: target.profile, credentials: admin.keys, settings: {region: context.region}, overwrite};
	}
	if (target?.kind === 'role') {
		const entry = teamStage(context.team, target.stage);
		const base = entry ? baseProfileOf(entry, context) : undefined;
		if (!entry || base === undefined) return undefined;
		const placement = roleSettingsPlacement(context);
		return {profile: entry.profile, settings: roleSettings(entry, base, stageRegion(entry, context)), overwrite, ...(placement ? {roleSettingsIn: placement} : {})};
	}
	if (!context.keys) return undefined;
	return {profile: context.profileName, credentials: context.keys, settings: {region: context.region}, overwrite};
}
