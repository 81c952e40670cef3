import type {Snapshot} from '../../gather/snapshot.js';
import type {Candidate, Verdict} from '../../credentials/verdict.js';
import type {Finding} from '../finding.js';
import {newSectionText} from '../../aws-files/new-section.js';
import {profileNames, profileOnDisk} from '../profiles-on-disk.js';
import {isConfigOnlyForV3} from './config-only-profile.js';
import {ssoProfileInUse, ssoTokenChecks} from './sso-token.js';

/**
 * A profile the user named (AWS_PROFILE, provider.profile, --aws-profile, …) that the engine could not use:
 * missing from both files, or present but of a shape this engine rejects or skips.
 */
export function namedProfileChecks(snapshot: Snapshot, verdict: Verdict): Finding[] {
	const findings: Finding[] = [];
	const seen = new Set<string>();
	for (const candidate of verdict.candidates) {
		const name = candidate.profile;
		if (!name || (candidate.status !== 'error' && candidate.status !== 'skipped')) continue;
		if (seen.has(`${candidate.source}:${name}`)) continue;
		seen.add(`${candidate.source}:${name}`);
		// Told in detail by the config-only and SSO token checks.
		if (isConfigOnlyForV3(snapshot, verdict, name)) continue;
		if (candidate.kind === 'sso' && ssoProfileInUse(verdict) === name && ssoTokenChecks(snapshot, verdict).some(finding => finding.status !== 'ok')) continue;
		const where = profileOnDisk(snapshot, name);
		if (!where.inCredentials && !where.inConfig) {
			// An absent [default] is the normal state when a named profile is used.
			if (candidate.source === 'default-profile' && name === 'default') continue;
			findings.push(missingProfile(snapshot, candidate, name));
			continue;
		}
		findings.push({
			id: 'profile-unusable',
			status: candidate.status === 'error' ? 'fail' : 'warn',
			title: `${mentions(candidate.title, name)} ${candidate.status === 'error' ? 'cannot be used' : 'is skipped'}`,
			why: candidate.reason,
			fix: candidate.fix ?? `Complete [${name}] in ${snapshot.credentialsFile.path} with aws_access_key_id and aws_secret_access_key, or run \`aws configure --profile ${name}\`.`,
			details: candidate.origin,
		});
	}
	return findings;
}

function missingProfile(snapshot: Snapshot, candidate: Candidate, name: string): Finding {
	const known = profileNames(snapshot);
	const close = known.find(other => other.toLowerCase() === name.toLowerCase() || other.trim() === name.trim());
	const available = known.length > 0 ? ` Profiles that exist: ${known.join(', ')}.` : ' Neither file defines any profile.';
	const fix = close
		? `Use the existing profile "${close}" (names are case-sensitive), or create "${name}" with \`aws configure --profile ${name}\`.`
		: (candidate.fix ?? `Create it with \`aws configure --profile ${name}\`, or correct the name in ${candidate.title}.`);
	return {
		id: 'profile-missing',
		status: candidate.status === 'error' ? 'fail' : 'warn',
		title: `${mentions(candidate.title, name)} names a profile that does not exist`,
		why: `There is no [${name}] in ${snapshot.credentialsFile.path} and no [profile ${name}] in ${snapshot.configFile.path}.${available}`,
		fix,
		details: [...(candidate.origin ?? []), ...newProfileSketch(snapshot, name)],
	};
}

/** What the missing profile would look like, for people who prefer to edit the file by hand. */
function newProfileSketch(snapshot: Snapshot, name: string): string[] {
	if (!/^[\w\-@+.%:/]+$/.test(name)) return [];
	const section = newSectionText(name, {aws_access_key_id: '<your access key id>', aws_secret_access_key: '<your secret access key>'});
	return [`Or add it to ${snapshot.credentialsFile.path} by hand:`, ...section.trimEnd().split('\n').map(line => `  ${line}`)];
}

/** "AWS_PROFILE=dev", or "[default] profile (dev)" when the rung's title does not name the profile itself. */
function mentions(title: string, name: string): string {
	return title.includes(name) ? title : `${title} (profile "${name}")`;
}
