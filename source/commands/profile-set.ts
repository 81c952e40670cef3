/**
 * `sls-creds-wizard profile set`: what `serverless config credentials` does (same options, same refusal of an
 * existing profile without --overwrite, same success line), without its damage: only the profile's lines change,
 * the change is shown masked and confirmed, the secret is asked for masked, and the write goes through safeWrite.
 */
import {cleanPastedValue} from '../aws-files/profile-validation.js';
import {sdkProfiles} from '../aws-files/sdk-profiles.js';
import {planSetProfile, type ProfilePlan} from '../aws-files/profile-edits.js';
import {Secret} from '../secret.js';
import type {ProfileSetArguments} from './command-line.js';
import {readProfileFiles, type ProfileFiles} from './profile-files.js';
import {octalMode, type ProfileIo, type ProfileOutput} from './profile-output.js';
import {confirm, readLine, readSecret, type PromptTerminal} from './profile-prompt.js';
import {PROGRAM} from './usage.js';
import {UsageError} from './usage-error.js';
import type {VerifyOutcome} from './profile-verify.js';
import {applyPlan, planDiff, planIsEmpty, refusalFailure, writtenFiles, type AppliedPlan} from './profile-write.js';

interface Intent {
	profile: string;
	credentials: {accessKeyId: Secret; secretAccessKey: Secret; sessionToken?: Secret};
	settings?: Record<string, string>;
	overwrite: boolean;
	allowUnparseable: boolean;
}

export async function runProfileSet(args: ProfileSetArguments, io: ProfileIo, out: ProfileOutput): Promise<number> {
	const terminal: PromptTerminal = {input: io.stdin, output: io.stderr};
	const canAsk = Boolean(io.stdin.isTTY && io.stderr.isTTY);
	const canConfirm = canAsk && !args.json;
	// Fail before asking for a secret that could not be saved anyway.
	if (!args.yes && !args.dryRun && !canConfirm) {
		throw new UsageError(
			'profile set changes your AWS files only after you confirm, and there is no terminal to confirm on.',
			'Add --yes to write without asking (or --dry-run to see the change first).',
		);
	}
	const credentials = await askForCredentials(args, io, out, {terminal, canAsk});
	const intent: Intent = {
		profile: args.profile,
		credentials,
		...(args.region === undefined ? {} : {settings: {region: args.region}}),
		overwrite: args.overwrite,
		allowUnparseable: args.allowUnparseable,
	};

	const files = await readProfileFiles(io.env);
	const plan = plan_(intent, files);
	const report: SetReport = {command: 'profile set', profile: args.profile, status: 'refused', files: [], diff: [], warnings: plan.warnings};
	if (plan.refusal) {
		const failure = refusalFailure(plan.refusal);
		report.error = failure;
		if (args.json) out.json(report);
		out.failure(failure);
		return 1;
	}
	for (const warning of plan.warnings) out.warn(warning);
	report.diff = planDiff(files, plan);
	if (planIsEmpty(plan)) {
		report.status = 'unchanged';
		if (args.json) out.json(report);
		else out.out(`Profile "${args.profile}" already holds these values in ${files.credentials.path}; nothing to change.`);
		return 0;
	}

	if (args.verify) {
		if (!args.json) out.err('Asking AWS (STS) whether it accepts the key…');
		const {verifyKey} = await import('./profile-verify.js');
		report.verify = await verifyKey({
			cwd: io.cwd,
			env: io.env,
			profile: args.profile,
			...asWritten(credentials),
			...(args.region === undefined ? {} : {region: args.region}),
			timeoutSeconds: args.timeoutSeconds,
		});
		if (report.verify.status === 'failed') {
			report.status = 'rejected';
			const {answered, code, message, fix} = report.verify;
			const what = answered ? `AWS did not accept the key (${code})` : `Could not ask AWS whether it accepts the key (${code})`;
			const anyway = answered ? '' : ' To save the key without checking, leave out --verify.';
			report.error = {
				code,
				message: `${what}: ${message.replace(/\.$/, '')}. Nothing was written.`,
				fix: `${fix[0] ?? 'Copy the key ID and the secret again from the IAM console (Security credentials tab).'}${anyway}`,
			};
			if (args.json) out.json(report);
			else out.failure(report.error);
			return 1;
		}
		if (!args.json) out.err(verifiedLine(report.verify));
	}

	if (args.dryRun) {
		report.status = 'dry-run';
		if (args.json) out.json(report);
		else out.out([...report.diff, '', 'Dry run: nothing was written.'].join('\n'));
		return 0;
	}
	// With --yes the diff is still printed: it is the record of what was changed.
	if (!args.json) out.out(report.diff.join('\n'));
	if (!args.yes && !(await confirm(terminal, 'Write these changes?'))) {
		report.status = 'declined';
		out.err('Nothing was written.');
		return 1;
	}

	const applied = await applyPlan(files, plan, (current) => plan_(intent, current));
	report.files = writtenFiles(applied);
	report.status = 'configured';
	for (const file of applied.files) if (file.result.looseModeWarning) out.warn(file.result.looseModeWarning);
	const mismatch = readBack(intent, files, applied);
	if (mismatch) {
		report.status = 'failed';
		report.error = mismatch;
		if (args.json) out.json(report);
		out.failure(mismatch);
		return 1;
	}
	if (args.json) out.json(report);
	else out.out(successLines(args, applied, report.verify).join('\n'));
	return 0;
}

export interface SetReport {
	command: 'profile set';
	profile: string;
	/** configured: written and read back; unchanged: nothing to do; the rest wrote nothing (failed: see error). */
	status: 'configured' | 'unchanged' | 'dry-run' | 'declined' | 'refused' | 'rejected' | 'failed';
	files: ReturnType<typeof writtenFiles>;
	/** The change, unified-diff style, every secret masked. */
	diff: string[];
	warnings: string[];
	verify?: VerifyOutcome;
	error?: {code: string; message: string; cause?: string; fix: string};
}

function plan_(intent: Intent, files: Pick<ProfileFiles, 'credentials' | 'config'>): ProfilePlan {
	return planSetProfile({
		...(files.credentials.text === undefined ? {} : {credentialsText: files.credentials.text}),
		...(files.config.text === undefined ? {} : {configText: files.config.text}),
		credentialsPath: files.credentials.path,
		configPath: files.config.path,
		...intent,
	});
}

async function askForCredentials(
	args: ProfileSetArguments,
	io: ProfileIo,
	out: ProfileOutput,
	{terminal, canAsk}: {terminal: PromptTerminal; canAsk: boolean},
): Promise<Intent['credentials']> {
	if (args.secret) {
		out.rememberSecret(args.secret.reveal());
		out.warn(
			'--secret leaves the secret in your shell history and shows it to anyone who can list processes (ps). Next time leave it out to be asked for it (masked), or pipe it in with --secret-stdin.',
		);
	}
	if (args.sessionToken) {
		out.rememberSecret(args.sessionToken.reveal());
		out.warn('--session-token leaves the token in your shell history and the process list; it stops working when it expires, but until then it is as good as the secret.');
	}
	let key = args.key;
	if (key === undefined) {
		if (!canAsk) {
			throw new UsageError(
				'profile set needs the access key ID (--key), and there is no terminal to ask for it.',
				`Write \`${PROGRAM} profile set -n <name> --key <id> --secret-stdin --yes\` and pipe the secret in.`,
			);
		}
		key = await readLine(terminal, 'AWS access key ID: ', {mask: true});
		out.rememberSecret(key);
	}
	let secret = args.secret?.reveal();
	if (secret === undefined) {
		if (args.secretStdin && !io.stdin.isTTY) secret = await secretFromStdin(io.stdin);
		else if (canAsk) secret = await readSecret(terminal, 'AWS secret access key: ');
		else {
			throw new UsageError(
				'profile set needs the secret access key, and there is no terminal to ask for it.',
				'Pipe it in with --secret-stdin (it stays out of your shell history), or pass --secret <secret>.',
			);
		}
		out.rememberSecret(secret);
	}
	if (key.trim() === '' || secret.trim() === '') {
		// Serverless' MISSING_KEY_AND_SECRET_CLI_OPTIONS text.
		throw new UsageError('Please include --key and --secret options for AWS.', 'Paste the access key ID and the secret from the IAM console (Security credentials tab).');
	}
	let token = args.sessionToken;
	// The AWS CLI asks for a token only for a temporary key: an ASIA key without one is always rejected.
	if (token === undefined && key.trim().toUpperCase().startsWith('ASIA') && canAsk && !args.secretStdin) {
		const typed = await readSecret(terminal, 'AWS session token (the key starts with ASIA, so it is temporary): ');
		out.rememberSecret(typed);
		if (typed.trim() !== '') token = new Secret(typed);
	}
	return {accessKeyId: new Secret(key), secretAccessKey: new Secret(secret), ...(token ? {sessionToken: token} : {})};
}

/** The values as the plan writes them (pasted quotes and spaces trimmed), so that AWS checks what will be saved. */
function asWritten(credentials: Intent['credentials']): Intent['credentials'] {
	const clean = (value: Secret) => new Secret(cleanPastedValue('', value.reveal(), {secret: true}).value);
	return {
		accessKeyId: clean(credentials.accessKeyId),
		secretAccessKey: clean(credentials.secretAccessKey),
		...(credentials.sessionToken ? {sessionToken: clean(credentials.sessionToken)} : {}),
	};
}

/** The secret is the whole of stdin: one line (a final newline is not part of it). */
async function secretFromStdin(stdin: NodeJS.ReadStream): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
	const text = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
	if (/[\r\n]/.test(text.trim())) {
		throw new UsageError(
			'--secret-stdin reads one line, the secret access key, but stdin held several.',
			'Pipe in only the secret; pass a session token with --session-token.',
		);
	}
	if (text.trim() === '') {
		throw new UsageError('--secret-stdin got nothing on stdin.', `Pipe the secret in, for example \`pass show aws/dev | ${PROGRAM} profile set … --secret-stdin\`.`);
	}
	return text;
}

/**
 * Success is reported only after reading the files back: the profile must now hold, for the JS SDK, exactly the
 * values the plan meant (a key replaced elsewhere, or a second writer's change, would show here).
 */
function readBack(intent: Intent, before: ProfileFiles, applied: AppliedPlan): {code: string; message: string; fix: string} | undefined {
	if (applied.planned.credentials === applied.onDisk.credentials && applied.planned.config === applied.onDisk.config) return undefined;
	const meant = sdkProfiles({credentials: applied.planned.credentials, config: applied.planned.config});
	const now = sdkProfiles({credentials: applied.onDisk.credentials, config: applied.onDisk.config});
	const keys = ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token'];
	const settings = Object.keys(intent.settings ?? {});
	const differs =
		keys.some((key) => meant.credentials[intent.profile]?.[key] !== now.credentials[intent.profile]?.[key]) ||
		settings.some((key) => meant.config[intent.profile]?.[key] !== now.config[intent.profile]?.[key]);
	if (!differs) return undefined;
	return {
		code: 'READ_BACK_MISMATCH',
		message: `Profile "${intent.profile}" was written, but ${before.credentials.path} or ${before.config.path} now reads differently than planned: another program changed it at the same time.`,
		fix: `Check it with \`${PROGRAM} profile list\`, and run the command again (\`${PROGRAM} profile restore\` puts back the previous file).`,
	};
}

function verifiedLine(verify: Extract<VerifyOutcome, {status: 'ok'}>): string {
	const root = verify.root ? ' Careful: these are the root user\'s keys; an IAM user\'s keys are safer for deploys.' : '';
	return `AWS accepts the key: account ${verify.account} (${verify.arn}).${root}`;
}

function successLines(args: ProfileSetArguments, applied: AppliedPlan, verify: VerifyOutcome | undefined): string[] {
	const lines: string[] = [];
	for (const {role, result} of applied.files) {
		if (!result.changed) continue;
		const what = role === 'credentials' ? `Profile "${args.profile}" has been configured in` : `Profile "${args.profile}" settings saved in`;
		const where = result.created ? ` (new file, mode ${octalMode(result.mode)})` : result.backup ? ` (backup: ${result.backup})` : '';
		lines.push(`${what} ${result.path}${where}.`);
	}
	if (lines.length === 0) lines.push(`Profile "${args.profile}" has been configured.`);
	if (verify?.status === 'ok') lines.push(verifiedLine(verify));
	else if (!args.verify) lines.push(`Check it with AWS: ${PROGRAM} doctor --aws-profile ${args.profile}`);
	return lines;
}
