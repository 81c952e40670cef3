/**
 * Which profile names can be written to the AWS files: one rule for the profile store, the team settings, the stage
 * mapping and the wizard's forms, so that a name one of them accepts is never refused by another.
 */
import {isPrototypeName} from './prototype-names.js';

export interface EditRefusal {
	code: string;
	message: string;
	fix: string;
}

/** The characters both SDKs accept in a profile name (the JS SDK's section pattern). */
export const PROFILE_NAME = /^[\w\-@+.%:/]+$/;

export function profileNameProblem(name: string): EditRefusal | undefined {
	const shown = JSON.stringify(name.length > 60 ? `${name.slice(0, 57)}…` : name);
	if (name === '') {
		return {code: 'invalid-profile-name', message: 'The profile name is empty.', fix: 'Give a name with --profile, e.g. --profile dev.'};
	}
	if (!PROFILE_NAME.test(name)) {
		return {
			code: 'invalid-profile-name',
			message: `The profile name ${shown} has characters the AWS SDK cannot read in a section name (spaces, brackets, quotes, line breaks…).`,
			fix: 'Use only letters, digits and - _ @ + . % : / (e.g. my-profile).',
		};
	}
	if (isPrototypeName(name)) {
		return {
			code: 'invalid-profile-name',
			message: `The profile name ${shown} is a JavaScript built-in: the AWS SDKs mix up or drop the keys of such a profile.`,
			fix: `Pick another name, e.g. ${name.replace(/_/g, '')}-profile.`,
		};
	}
	return undefined;
}
