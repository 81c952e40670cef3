import type {Winner} from './verdict.js';

/**
 * A named profile as the SDK resolves it (keys, role, SSO, process…): what to probe when the question is "where does
 * this profile land?" rather than "what would a deploy pick?" (`init-team` and the wizard's team stages ask it).
 */
export function profileWinner(profile: string): Winner {
	return {source: 'ini-profile', title: `profile "${profile}"`, kind: 'unknown', profile, credentials: {type: 'profile', profile}};
}
