/**
 * `sls-creds-wizard profile list`: every profile the AWS SDK sees in the two files, what kind it is, and the file
 * and line of each key, credentials masked. Reads only; never locks or writes.
 */
import {listProfiles, type ProfileListing} from '../aws-files/profile-edits.js';
import {kindPhrase} from '../credentials/profile-kind.js';
import type {ProfileListArguments} from './command-line.js';
import {readProfileFiles, type ProfileFiles} from './profile-files.js';
import type {ProfileIo, ProfileOutput} from './profile-output.js';
import {PROGRAM} from './usage.js';

export async function runProfileList(args: ProfileListArguments, io: ProfileIo, out: ProfileOutput): Promise<number> {
	const files = await readProfileFiles(io.env);
	const profiles = listProfiles(files.credentials.text, files.config.text);
	if (args.json) {
		out.json({
			command: 'profile list',
			files: {credentials: files.credentials.path, config: files.config.path},
			profiles: profiles.map((profile) => ({
				...profile,
				keys: profile.keys.map((key) => ({...key, path: files[key.file].path})),
			})),
		});
		return 0;
	}
	out.out(listText(profiles, files).join('\n'));
	return 0;
}

function listText(profiles: ProfileListing[], files: ProfileFiles): string[] {
	const sources = `${files.credentials.path}${files.credentials.text === undefined ? ' (none)' : ''} and ${files.config.path}${files.config.text === undefined ? ' (none)' : ''}`;
	if (profiles.length === 0) return [`No profiles in ${sources}.`, `Add one: ${PROGRAM} profile set <name>`];
	const lines = [`Profiles in ${sources}:`];
	for (const profile of profiles) {
		lines.push('', `${profile.name}  (${kindPhrase(profile.kind)})`);
		const settings = profile.keys.map((key) => `${key.key} = ${key.value}`);
		const width = Math.max(0, ...settings.map((setting) => setting.length));
		profile.keys.forEach((key, index) => {
			lines.push(`  ${settings[index]!.padEnd(width)}  ${files[key.file].path}:${key.line}`);
		});
		if (profile.keys.length === 0) lines.push('  (no settings)');
	}
	return lines;
}
