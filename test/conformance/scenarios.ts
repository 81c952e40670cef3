/**
 * Seeded scenario generator for the conformance suites: environments, CLI options, serverless.yml values and AWS
 * files mixing every kind of profile. Paths inside the temporary HOME are written `{HOME}/…`.
 */
import fc from 'fast-check';
import {keyId, secretFor} from '../credentials/snapshot-for.js';

export interface Scenario {
	id: string;
	/** Path relative to HOME → text. */
	files: Record<string, string>;
	env: Record<string, string>;
	options: {stage?: string; awsProfile?: string};
	provider: {profile?: string; stage?: string};
	/** The SDK client's `profile` option (plain-SDK suite only). */
	init?: {profile?: string};
	/** `aws sso login` tokens to write: cache key (start URL or session name) → expiry. */
	ssoTokens: Record<string, string>;
}

export const ROLE_ARN = 'arn:aws:iam::123456789012:role/deployer';
export const CS_ROLE_ARN = 'arn:aws:iam::123456789012:role/from-env';
export const WEB_ROLE_ARN = 'arn:aws:iam::123456789012:role/web';
export const SSO_URL = 'https://example.awsapps.com/start';

export const TAGS = ['DEF1', 'DEV2', 'PRD3', 'ENV4', 'ALT5', 'CFG6', 'SPR7', 'DEV8', 'PRC9', 'ADF6', 'STR1', 'TMP2', 'AMZ3', 'SRC4'] as const;
export const KNOWN_KEYS = [...TAGS.map((tag) => keyId(tag)), keyId('TMP2', 'ASIA'), 'undefined'];

const processCommand = `echo '{"Version":1,"AccessKeyId":"${keyId('PRC9')}","SecretAccessKey":"${secretFor('PRC9')}"}'`;

const keys = (tag: string, prefix = 'AKIA') => `aws_access_key_id = ${keyId(tag, prefix)}\naws_secret_access_key = ${secretFor(tag)}\n`;

/** Credentials-file sections by profile name. */
const CREDENTIAL_SECTIONS: Record<string, string> = {
	dev: keys('DEV2'),
	prod: keys('PRD3'),
	keyonly: `aws_access_key_id = ${keyId('DEV8')}\n`,
	tokenonly: 'aws_session_token = FQoGZXIvYXdzEXAMPLETOKEN\n',
	undef: `aws_access_key_id = undefined\naws_secret_access_key = ${secretFor('UND0')}\n`,
	role: `role_arn = ${ROLE_ARN}\nsource_profile = dev\n`,
	rolemissing: `role_arn = ${ROLE_ARN}\nsource_profile = ghost\n`,
	rolecs: `role_arn = ${CS_ROLE_ARN}\ncredential_source = Environment\n`,
	rolemfa: `role_arn = ${ROLE_ARN}\nsource_profile = dev\nmfa_serial = arn:aws:iam::123456789012:mfa/dev\n`,
	staticrole: `role_arn = ${ROLE_ARN}\n${keys('STR1')}`,
	proc: `credential_process = ${processCommand}\n`,
	cycle1: `role_arn = ${ROLE_ARN}\nsource_profile = cycle2\n`,
	cycle2: `role_arn = ${ROLE_ARN}\nsource_profile = cycle1\n`,
	temp: `${keys('TMP2', 'ASIA')}aws_session_token = FQoGZXIvYXdzEXAMPLETOKEN2\n`,
	srcrole: `role_arn = ${ROLE_ARN}\nsource_profile = role\n`,
};

const DEFAULT_SECTIONS: Record<string, string> = {
	static: keys('DEF1'),
	keyonly: `aws_access_key_id = ${keyId('DEF1')}\n`,
	process: `credential_process = ${processCommand}\n`,
	undef: `aws_access_key_id = undefined\naws_secret_access_key = ${secretFor('DEF1')}\n`,
	role: `role_arn = ${ROLE_ARN}\nsource_profile = dev\n`,
};

/** Config-file sections (`[profile x]`) by profile name. */
const CONFIG_SECTIONS: Record<string, string> = {
	cfgonly: keys('CFG6'),
	cfgrole: `role_arn = ${ROLE_ARN}\nsource_profile = dev\n`,
	sso: `sso_start_url = ${SSO_URL}\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = Admin\n`,
	ssopartial: `sso_start_url = ${SSO_URL}\nsso_region = us-east-1\n`,
	ssosess: 'sso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Admin\n',
	ssobadsess: 'sso_session = nosession\nsso_account_id = 123456789012\nsso_role_name = Admin\n',
	webid: `web_identity_token_file = {HOME}/token\nrole_arn = ${WEB_ROLE_ARN}\nrole_session_name = conformance\n`,
	dev: 'region = eu-west-1\n',
};

export const PROFILE_NAMES = [
	'default',
	...Object.keys(CREDENTIAL_SECTIONS),
	...Object.keys(CONFIG_SECTIONS).filter((name) => name !== 'dev'),
	'alt',
	'nosuch',
];

/** `arb` in `percent`% of the scenarios, otherwise unset. */
const sometimes = <T>(arb: fc.Arbitrary<T>, percent: number): fc.Arbitrary<T | undefined> =>
	fc.oneof({arbitrary: fc.constant(undefined), weight: 100 - percent}, {arbitrary: arb, weight: percent});
/**
 * Mostly profiles the engine can use, so precedence (not only failure) is exercised; Serverless v3 throws for about
 * half of the shapes when they are named, so it gets the usable ones more often.
 */
function profileNames(engine: GeneratorOptions['engine']): fc.Arbitrary<string> {
	const core = fc.constantFrom('dev', 'prod', 'default');
	const usable = fc.constantFrom('alt', 'role', 'cfgonly', 'cfgrole', 'keyonly', 'temp', 'undef', 'tokenonly');
	return fc.oneof(
		{arbitrary: core, weight: engine === 'serverless-v3' ? 5 : 3},
		{arbitrary: usable, weight: 2},
		{arbitrary: fc.constantFrom(...PROFILE_NAMES), weight: engine === 'serverless-v3' ? 2 : 3},
	);
}

/** Each name independently, with probability 0.6 (fc.subarray leans towards short arrays). */
function eachLikely(names: string[]): fc.Arbitrary<string[]> {
	return fc.tuple(...names.map(() => fc.integer({min: 0, max: 9}))).map((draws) => names.filter((_, index) => (draws[index] ?? 0) < 6));
}

export interface GeneratorOptions {
	/** Leave out shapes that would need the network for this engine. */
	engine: 'serverless-v3' | 'aws-sdk-v3';
}

export function scenarioArbitrary(options: GeneratorOptions): fc.Arbitrary<Omit<Scenario, 'id'>> {
	const profileName = profileNames(options.engine);
	// dev and prod are nearly always there, so named profiles mostly exist and precedence is what gets compared.
	const common = fc.constantFrom(['dev', 'prod'], ['dev', 'prod'], ['dev', 'prod'], ['dev', 'prod'], ['dev', 'prod'], ['dev', 'prod'], ['dev'], []);
	const rare = eachLikely(Object.keys(CREDENTIAL_SECTIONS).filter((name) => name !== 'dev' && name !== 'prod'));
	const sections = fc.tuple(common, rare).map(([a, b]) => [...a, ...b]);
	const configSections = eachLikely(Object.keys(CONFIG_SECTIONS));
	return fc
		.record({
			credentialsPresent: fc.constantFrom(true, true, true, true, true, true, true, true, true, false),
			defaultKind: fc.constantFrom<keyof typeof DEFAULT_SECTIONS | 'none'>('static', 'static', 'static', 'none', 'keyonly', 'process', 'undef', 'role'),
			sections,
			configPresent: fc.constantFrom(true, true, true, false),
			configSections,
			ssoSession: fc.boolean(),
			altFile: fc.constantFrom('none', 'none', 'none', 'none', 'none', 'none', 'alt', 'alt-with-default', 'missing'),
			loadConfig: fc.constantFrom(undefined, undefined, undefined, undefined, '1', 'true'),
			awsProfile: sometimes(fc.oneof({arbitrary: profileName, weight: 9}, {arbitrary: fc.constant(''), weight: 1}), 30),
			awsDefaultProfile: sometimes(profileName, 15),
			envKeys: fc.constantFrom('none', 'none', 'both', 'both', 'id-only', 'undefined', 'with-token'),
			amazonKeys: fc.constantFrom('none', 'none', 'none', 'both'),
			stageOption: fc.constantFrom(undefined, undefined, 'dev', 'prod', 'my-stage', 'qa'),
			providerStage: fc.constantFrom(undefined, undefined, 'prod', 'dev'),
			stageKeys: fc.constantFrom('none', 'none', 'both', 'partial', 'undefined'),
			stageProfile: sometimes(fc.oneof({arbitrary: profileName, weight: 9}, {arbitrary: fc.constant(''), weight: 1}), 15),
			providerProfile: sometimes(profileName, 30),
			cliProfile: sometimes(profileName, 20),
			initProfile: sometimes(profileName, 30),
			webIdentityEnv: fc.constantFrom('none', 'none', 'none', 'none', 'none', 'none', 'none', 'present', 'missing-file'),
			ssoToken: fc.constantFrom('none', 'none', 'expired'),
			region: fc.constantFrom(undefined, 'eu-west-1'),
		})
		.map((draw) => {
			const files: Record<string, string> = {};
			const credentials: string[] = [];
			if (draw.defaultKind !== 'none') credentials.push(`[default]\n${DEFAULT_SECTIONS[draw.defaultKind]}`);
			for (const name of draw.sections) credentials.push(`[${name}]\n${CREDENTIAL_SECTIONS[name]}`);
			if (draw.credentialsPresent) files['.aws/credentials'] = credentials.join('\n');
			if (draw.configPresent) {
				const config: string[] = [];
				for (const name of draw.configSections) config.push(`[profile ${name}]\n${CONFIG_SECTIONS[name]}`);
				if (draw.ssoSession) config.push(`[sso-session corp]\nsso_start_url = ${SSO_URL}\nsso_region = us-east-1\n`);
				files['.aws/config'] = config.join('\n');
			}
			const env: Record<string, string> = {};
			if (draw.altFile !== 'none') {
				env['AWS_SHARED_CREDENTIALS_FILE'] = draw.altFile === 'missing' ? '{HOME}/missing-credentials' : '{HOME}/alt-credentials';
				if (draw.altFile !== 'missing') {
					files['alt-credentials'] = `[alt]\n${keys('ALT5')}` + (draw.altFile === 'alt-with-default' ? `\n[default]\n${keys('ADF6')}` : '') + `\n[role]\n${CREDENTIAL_SECTIONS['role']}`;
				}
			}
			if (draw.loadConfig) env['AWS_SDK_LOAD_CONFIG'] = draw.loadConfig;
			if (draw.awsProfile !== undefined) env['AWS_PROFILE'] = draw.awsProfile;
			if (draw.awsDefaultProfile !== undefined) env['AWS_DEFAULT_PROFILE'] = draw.awsDefaultProfile;
			if (draw.envKeys === 'both' || draw.envKeys === 'with-token') Object.assign(env, {AWS_ACCESS_KEY_ID: keyId('ENV4'), AWS_SECRET_ACCESS_KEY: secretFor('ENV4')});
			if (draw.envKeys === 'with-token') env['AWS_SESSION_TOKEN'] = 'FQoGZXIvYXdzENVTOKEN';
			if (draw.envKeys === 'id-only') env['AWS_ACCESS_KEY_ID'] = keyId('ENV4');
			if (draw.envKeys === 'undefined') Object.assign(env, {AWS_ACCESS_KEY_ID: 'undefined', AWS_SECRET_ACCESS_KEY: secretFor('ENV4')});
			if (draw.amazonKeys === 'both') Object.assign(env, {AMAZON_ACCESS_KEY_ID: keyId('AMZ3'), AMAZON_SECRET_ACCESS_KEY: secretFor('AMZ3')});
			const stage = draw.stageOption ?? draw.providerStage ?? 'dev';
			const prefix = `AWS_${stage.toUpperCase()}`;
			if (draw.stageKeys === 'both') Object.assign(env, {[`${prefix}_ACCESS_KEY_ID`]: keyId('SPR7'), [`${prefix}_SECRET_ACCESS_KEY`]: secretFor('SPR7')});
			if (draw.stageKeys === 'partial') env[`${prefix}_ACCESS_KEY_ID`] = keyId('SPR7');
			if (draw.stageKeys === 'undefined') Object.assign(env, {[`${prefix}_ACCESS_KEY_ID`]: keyId('SPR7'), [`${prefix}_SECRET_ACCESS_KEY`]: 'undefined'});
			if (draw.stageProfile !== undefined) env[`${prefix}_PROFILE`] = draw.stageProfile;
			if (draw.webIdentityEnv !== 'none') {
				env['AWS_WEB_IDENTITY_TOKEN_FILE'] = draw.webIdentityEnv === 'present' ? '{HOME}/token' : '{HOME}/no-token';
				env['AWS_ROLE_ARN'] = WEB_ROLE_ARN;
				env['AWS_ROLE_SESSION_NAME'] = 'conformance';
			}
			if (draw.webIdentityEnv === 'present' || draw.configSections.includes('webid')) files['token'] = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjb25mb3JtYW5jZSJ9.c2lnbmF0dXJl';
			if (draw.region) env['AWS_REGION'] = draw.region;
			const ssoTokens: Record<string, string> = {};
			if (draw.ssoToken === 'expired') ssoTokens[SSO_URL] = '2020-01-01T00:00:00Z';
			const scenario: Omit<Scenario, 'id'> = {
				files,
				env,
				options: {...(draw.stageOption ? {stage: draw.stageOption} : {}), ...(draw.cliProfile ? {awsProfile: draw.cliProfile} : {})},
				provider: {...(draw.providerProfile ? {profile: draw.providerProfile} : {}), ...(draw.providerStage ? {stage: draw.providerStage} : {})},
				ssoTokens,
			};
			if (options.engine === 'aws-sdk-v3' && draw.initProfile) scenario.init = {profile: draw.initProfile};
			return scenario;
		});
}

export function generateScenarios(options: GeneratorOptions, count: number, seed: number): Scenario[] {
	return fc.sample(scenarioArbitrary(options), {seed, numRuns: count}).map((scenario, index) => ({...scenario, id: `${options.engine}#${index + 1}`}));
}

/**
 * Every combination of the precedence-relevant sources, each set to a working value with its own key, so each
 * pairwise order is compared at least once (random scenarios reach most pairs only rarely).
 */
export function ladderScenarios(engine: GeneratorOptions['engine']): Scenario[] {
	const profiles: Record<string, string> = {
		'l-cli': 'STR1',
		'l-stage': 'DEV8',
		'l-env': 'ADF6',
		'l-provider': 'CFG6',
		'l-init': 'SRC4',
		'l-defaultenv': 'AMZ3',
	};
	const credentials = [`[default]\n${keys('DEF1')}`, ...Object.entries(profiles).map(([name, tag]) => `[${name}]\n${keys(tag)}`)].join('\n');
	const base = {files: {'.aws/credentials': credentials}, ssoTokens: {}};
	const out: Scenario[] = [];
	if (engine === 'serverless-v3') {
		for (let mask = 0; mask < 64; mask++) {
			const on = (bit: number) => (mask & (1 << bit)) !== 0;
			const env: Record<string, string> = {};
			if (on(1)) env['AWS_PROD_PROFILE'] = 'l-stage';
			if (on(2)) Object.assign(env, {AWS_PROD_ACCESS_KEY_ID: keyId('SPR7'), AWS_PROD_SECRET_ACCESS_KEY: secretFor('SPR7')});
			if (on(3)) env['AWS_PROFILE'] = 'l-env';
			if (on(4)) Object.assign(env, {AWS_ACCESS_KEY_ID: keyId('ENV4'), AWS_SECRET_ACCESS_KEY: secretFor('ENV4')});
			if (mask % 3 === 0) env['AWS_DEFAULT_PROFILE'] = 'l-defaultenv';
			out.push({
				...base,
				id: `${engine}#ladder-${mask}`,
				env,
				options: {stage: 'prod', ...(on(0) ? {awsProfile: 'l-cli'} : {})},
				provider: on(5) ? {profile: 'l-provider'} : {},
			});
		}
		return out;
	}
	for (let mask = 0; mask < 32; mask++) {
		const on = (bit: number) => (mask & (1 << bit)) !== 0;
		const env: Record<string, string> = {};
		if (on(1)) env['AWS_PROFILE'] = 'l-env';
		if (on(2)) Object.assign(env, {AWS_ACCESS_KEY_ID: keyId('ENV4'), AWS_SECRET_ACCESS_KEY: secretFor('ENV4')});
		if (on(3)) Object.assign(env, {AWS_WEB_IDENTITY_TOKEN_FILE: '{HOME}/token', AWS_ROLE_ARN: WEB_ROLE_ARN, AWS_ROLE_SESSION_NAME: 'ladder'});
		const files: Record<string, string> = {'.aws/credentials': on(4) ? credentials : credentials.replace(/^\[default\][^[]*/, ''), token: 'eyJhbGciOiJIUzI1NiJ9.e30.c2ln'};
		out.push({id: `${engine}#ladder-${mask}`, files, env, options: {}, provider: {}, ssoTokens: {}, ...(on(0) ? {init: {profile: 'l-init'}} : {})});
	}
	return out;
}
