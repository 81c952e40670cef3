/**
 * Generated profile plans and the independent checks every accepted plan must pass, shared by the property test and
 * the real-engine test: bytes outside the profile's sections unchanged, the JS SDK reads the intended values, every
 * other profile reads as before (JS SDK and AWS CLI), and a file the AWS CLI accepted is still accepted.
 */
import fc from 'fast-check';
import {readCliIni} from '../../source/aws-files/cli-reader.js';
import {parseIniDocument, type IniDocument} from '../../source/aws-files/document.js';
import {inspectAwsFile, type AwsFileKind} from '../../source/aws-files/file-issues.js';
import {planRemoveProfile, planSetProfile, ROLE_SETTINGS, type ProfilePlan} from '../../source/aws-files/profile-edits.js';
import {cliConfigProfileName, cliProfileKeys, profileSections} from '../../source/aws-files/profile-sections.js';
import {sdkProfiles} from '../../source/aws-files/sdk-profiles.js';
import {Secret} from '../../source/secret.js';
import {cleanishFile, iniText} from './ini-arbitrary.js';

export const PROFILES = ['default', 'dev', 'prod', 'ci', 'team-a', 'b.c', 'q@r', 'fresh'];

export interface SetCase {
	kind: 'set';
	profile: string;
	credentialsText?: string;
	configText?: string;
	credentials?: {accessKeyId: string; secretAccessKey: string; sessionToken?: string};
	settings: Record<string, string>;
	overwrite: boolean;
	allowUnparseable: boolean;
	roleSettingsIn?: 'config' | 'credentials';
}

export interface RemoveCase {
	kind: 'remove';
	profile: string;
	credentialsText?: string;
	configText?: string;
	allowUnparseable: boolean;
}

export type PlanCase = SetCase | RemoveCase;

const file = fc.option(fc.oneof({weight: 2, arbitrary: cleanishFile}, {weight: 2, arbitrary: iniText}), {freq: 6, nil: undefined});
const keyId = fc.oneof(fc.stringMatching(/^AKIA[A-Z2-7]{16}$/), fc.stringMatching(/^ASIA[A-Z2-7]{16}$/), fc.constant('AKIAIOSFODNN7EXAMPLE'));
const secret = fc.stringMatching(/^[A-Za-z0-9/+]{40}$/);
const token = fc.stringMatching(/^[A-Za-z0-9/+]{60,120}={0,2}$/);
const settingValue = {
	region: fc.constantFrom('us-east-1', 'eu-west-1', 'ap-southeast-2'),
	output: fc.constantFrom('json', 'text', 'yaml'),
	role_arn: fc.constantFrom('arn:aws:iam::123456789012:role/Deploy', 'arn:aws:iam::000000000000:role/a=b'),
	source_profile: fc.constantFrom(...PROFILES),
	credential_process: fc.constantFrom('/usr/bin/creds --profile x', '"C:\\Program Files\\creds.exe" --json', 'get#creds'),
	mfa_serial: fc.constant('arn:aws:iam::123456789012:mfa/alice'),
};

const settings = fc.record(settingValue, {requiredKeys: []});

const setCase: fc.Arbitrary<SetCase> = fc
	.record({
		profile: fc.constantFrom(...PROFILES),
		credentialsText: file,
		configText: file,
		credentials: fc.option(fc.record({accessKeyId: keyId, secretAccessKey: secret, sessionToken: fc.option(token, {nil: undefined})}), {freq: 3, nil: undefined}),
		settings,
		// Mostly true: the refusal is checked, but edits are the point.
		overwrite: fc.integer({min: 0, max: 5}).map((roll) => roll !== 0),
		allowUnparseable: fc.integer({min: 0, max: 4}).map((roll) => roll === 0),
	})
	.map((input) => {
		const {sessionToken, ...rest} = input.credentials ?? {accessKeyId: '', secretAccessKey: ''};
		const credentials = input.credentials ? {...rest, ...(sessionToken === undefined ? {} : {sessionToken})} : undefined;
		const settings = credentials || Object.keys(input.settings).length > 0 ? input.settings : {region: 'us-east-1'};
		return {...input, kind: 'set' as const, credentials, settings};
	});

/** Mostly a profile the files have (a removal of a missing one is refused early and proves little). */
const removeCase: fc.Arbitrary<RemoveCase> = fc
	.record({
		profile: fc.constantFrom(...PROFILES),
		pick: fc.nat(),
		credentialsText: file,
		configText: file,
		allowUnparseable: fc.integer({min: 0, max: 4}).map((roll) => roll === 0),
	})
	.map(({pick, ...input}) => {
		const present = PROFILES.filter(
			(name) =>
				profileSections(parseIniDocument(input.credentialsText ?? ''), 'credentials', name).length > 0 ||
				profileSections(parseIniDocument(input.configText ?? ''), 'config', name).length > 0,
		);
		const profile = present.length > 0 && pick % 5 !== 0 ? (present[pick % present.length] ?? input.profile) : input.profile;
		return {...input, profile, kind: 'remove' as const};
	});

/**
 * `profile set` of an assume-role profile with its role settings placed in the credentials file (the wizard's
 * Serverless v3 team stage): role settings, sometimes with region, output or keys, over the same generated files.
 */
export const roleSetCase: fc.Arbitrary<SetCase> = fc
	.record({
		base: setCase,
		role: fc.record(
			{
				role_arn: settingValue.role_arn,
				source_profile: settingValue.source_profile,
				mfa_serial: settingValue.mfa_serial,
				external_id: fc.constantFrom('team-id', 'a:b=c', '12345'),
				role_session_name: fc.constantFrom('deploy', 'ci-run'),
				duration_seconds: fc.constantFrom('900', '3600'),
			},
			{requiredKeys: ['role_arn']},
		),
		withKeys: fc.integer({min: 0, max: 5}).map((roll) => roll === 0),
	})
	.map(({base, role, withKeys}) => {
		const {role_arn: _arn, source_profile: _source, mfa_serial: _mfa, ...others} = base.settings;
		const {credentials: _keys, ...rest} = base;
		return {...rest, ...(withKeys && base.credentials ? {credentials: base.credentials} : {}), settings: {...others, ...role}, roleSettingsIn: 'credentials' as const};
	});

export const planCase: fc.Arbitrary<PlanCase> = fc.oneof({weight: 4, arbitrary: setCase}, {weight: 1, arbitrary: removeCase});

export function runCase(input: PlanCase): ProfilePlan {
	const files = {
		...(input.credentialsText === undefined ? {} : {credentialsText: input.credentialsText}),
		...(input.configText === undefined ? {} : {configText: input.configText}),
	};
	if (input.kind === 'remove') return planRemoveProfile({...files, profile: input.profile, allowUnparseable: input.allowUnparseable});
	const credentials = input.credentials
		? {
				accessKeyId: new Secret(input.credentials.accessKeyId),
				secretAccessKey: new Secret(input.credentials.secretAccessKey),
				...(input.credentials.sessionToken === undefined ? {} : {sessionToken: new Secret(input.credentials.sessionToken)}),
			}
		: undefined;
	return planSetProfile({
		...files,
		profile: input.profile,
		...(credentials ? {credentials} : {}),
		settings: input.settings,
		overwrite: input.overwrite,
		allowUnparseable: input.allowUnparseable,
		...(input.roleSettingsIn ? {roleSettingsIn: input.roleSettingsIn} : {}),
	});
}

/** The intended key → value of the profile in each file after a set (undefined: must be absent). */
export function intended(input: SetCase, plan: ProfilePlan): {credentials: Record<string, string | undefined>; config: Record<string, string | undefined>} {
	const credentials: Record<string, string | undefined> = {};
	if (input.credentials) {
		credentials['aws_access_key_id'] = input.credentials.accessKeyId;
		credentials['aws_secret_access_key'] = input.credentials.secretAccessKey;
		if (input.credentials.sessionToken !== undefined) credentials['aws_session_token'] = input.credentials.sessionToken;
		else if (plan.warnings.some((warning) => warning.startsWith('Removed the old aws_session_token'))) credentials['aws_session_token'] = undefined;
	}
	const config: Record<string, string | undefined> = {};
	for (const [key, value] of Object.entries(input.settings)) {
		if (input.roleSettingsIn === 'credentials' && ROLE_SETTINGS.has(key)) {
			// A role setting placed in the credentials file leaves the config file.
			credentials[key] = value;
			config[key] = undefined;
			continue;
		}
		// A setting the JS SDK could read from the credentials file must have been moved out of it.
		credentials[key] = undefined;
		config[key] = value;
	}
	// An overwritten role profile keeps no setting of the old role that the new settings leave out, in either file.
	if (input.overwrite && Object.hasOwn(input.settings, 'role_arn')) {
		for (const key of ROLE_SETTINGS) {
			if (Object.hasOwn(input.settings, key)) continue;
			credentials[key] = undefined;
			config[key] = undefined;
		}
	}
	return {credentials, config};
}

/**
 * A line's bytes. The byte order mark stays with the file, not with line 1; a U+FEFF that an edit brings to the start
 * of a file without one is read as a mark, though, and belongs to its line.
 */
const piece = (doc: IniDocument, index: number, other: IniDocument) => {
	const line = doc.lines[index];
	return line ? (index === 0 && doc.bom && !other.bom ? '\uFEFF' : '') + line.raw + line.eol : '';
};

/** Lines before the profile's first section and after its last one are unchanged (EOF adjustments allowed). */
export function outsideBytesProblem(kind: AwsFileKind, profile: string, before: string | undefined, after: string): string | undefined {
	if (before === undefined) return undefined;
	const old = parseIniDocument(before);
	const now = parseIniDocument(after);
	const touched = profileSections(old, kind, profile);
	if (touched.length === 0) return after.startsWith(before) ? undefined : `${kind}: a new section did not keep the file as a prefix`;
	const first = (old.sections[touched[0]?.index ?? 0]?.firstLine ?? 1) - 1;
	const last = (old.sections[touched.at(-1)?.index ?? 0]?.lastLine ?? old.lines.length) - 1;
	const reachesEnd = last === old.lines.length - 1;
	let prefixEnd = first;
	if (reachesEnd) while (prefixEnd > 0 && old.lines[prefixEnd - 1]?.kind === 'blank' && now.lines.length < old.lines.length) prefixEnd--;
	for (let index = 0; index < prefixEnd; index++) {
		const lastKept = index === prefixEnd - 1 && reachesEnd;
		if (piece(old, index, now) !== piece(now, index, old) && !(lastKept && old.lines[index]?.raw === now.lines[index]?.raw)) return `${kind}: line ${index + 1} changed`;
	}
	for (let offset = 1; offset <= old.lines.length - 1 - last; offset++) {
		if (piece(old, old.lines.length - offset, now) !== piece(now, now.lines.length - offset, old)) return `${kind}: line ${old.lines.length - offset + 1} changed`;
	}
	return undefined;
}

function same(a: unknown, b: unknown): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

/** Every independent check of an accepted plan; returns the first failure. */
export function acceptedPlanProblem(input: PlanCase, plan: ProfilePlan): string | undefined {
	const before = {credentials: input.credentialsText, config: input.configText};
	const after = {credentials: plan.credentials?.after ?? before.credentials, config: plan.config?.after ?? before.config};
	const {profile} = input;
	for (const kind of ['credentials', 'config'] as const) {
		const change = plan[kind];
		if (!change) continue;
		if (change.before !== before[kind]) return `${kind}: plan.before is not the input`;
		const outside = outsideBytesProblem(kind, profile, before[kind], change.after);
		if (outside) return outside;
		const oldCli = readCliIni(before[kind] ?? '');
		const newCli = readCliIni(change.after);
		if (oldCli.ok && !newCli.ok) return `${kind}: the AWS CLI rejects the result (line ${newCli.error.line})`;
		if (oldCli.ok && newCli.ok) {
			for (const section of new Set([...Object.keys(oldCli.sections), ...Object.keys(newCli.sections)])) {
				const isProfile = kind === 'credentials' ? section === profile : cliConfigProfileName(section) === profile;
				if (!isProfile && !same(oldCli.sections[section], newCli.sections[section])) return `${kind}: AWS CLI section [${section}] changed`;
			}
		}
	}
	const oldSdk = sdkProfiles({credentials: before.credentials ?? '', config: before.config ?? ''});
	const newSdk = sdkProfiles({credentials: after.credentials ?? '', config: after.config ?? ''});
	for (const view of ['credentials', 'config', 'ssoSessions', 'services', 'merged'] as const) {
		for (const name of new Set([...Object.keys(oldSdk[view]), ...Object.keys(newSdk[view])])) {
			if (name !== profile && !same(oldSdk[view][name], newSdk[view][name])) return `JS SDK ${view} "${name}" changed`;
		}
	}
	if (input.kind === 'remove') {
		if (Object.hasOwn(newSdk.credentials, profile) || Object.hasOwn(newSdk.config, profile)) return 'removed profile still read by the JS SDK';
		return undefined;
	}
	const want = intended(input, plan);
	for (const kind of ['credentials', 'config'] as const) {
		const got = Object.hasOwn(newSdk[kind], profile) ? newSdk[kind][profile] : undefined;
		for (const [key, value] of Object.entries(want[kind])) {
			if (got?.[key] !== value) return `JS SDK ${kind} ${key} = ${JSON.stringify(got?.[key])}, expected ${JSON.stringify(value)}`;
		}
		if (input.allowUnparseable) continue;
		const cli = cliProfileKeys(readCliIni(after[kind] ?? ''), kind, profile);
		for (const [key, value] of Object.entries(want[kind])) {
			if (value !== undefined && cli?.[key] !== value) return `AWS CLI ${kind} ${key} = ${JSON.stringify(cli?.[key])}, expected ${JSON.stringify(value)}`;
		}
	}
	return undefined;
}

/** Whether a refusal is one the inputs justify. */
export function refusalProblem(input: PlanCase, plan: ProfilePlan): string | undefined {
	const refusal = plan.refusal;
	if (!refusal) return undefined;
	if (plan.credentials || plan.config) return 'a refused plan carries changes';
	const cliRejects = (text: string | undefined) => text !== undefined && !readCliIni(text).ok;
	switch (refusal.code) {
		case 'profile-exists':
			return input.kind === 'set' && !input.overwrite ? undefined : 'profile-exists with overwrite';
		case 'profile-not-found':
			return input.kind === 'remove' ? undefined : 'profile-not-found for a set';
		case 'file-unreadable-by-cli':
			return !input.allowUnparseable && (cliRejects(input.credentialsText) || cliRejects(input.configText)) ? undefined : 'unreadable refusal without cause';
		case 'profile-defined-twice':
		case 'profile-read-differently':
			return input.allowUnparseable ? `${refusal.code} although allowed` : undefined;
		case 'edit-check-failed': {
			// The final check may stop an edit of an odd file (the doctor names the problem, or a header is indented),
			// never of a clean one.
			const odd = (text: string | undefined, kind: 'credentials' | 'config') =>
				text !== undefined &&
				(inspectAwsFile(text, kind).length > 0 || parseIniDocument(text).lines.some((line) => line.kind === 'section' && line.indent > 0));
			if (input.allowUnparseable || odd(input.credentialsText, 'credentials') || odd(input.configText, 'config')) return undefined;
			return `edit-check-failed on clean files: ${refusal.message}`;
		}
		default:
			return `unexpected refusal ${refusal.code}: ${refusal.message}`;
	}
}
