/**
 * What the wizard's last screen says — each stage ✔/✖ with the account its deploy lands in, and the next command —
 * as plain lines: the Done screen shows them, and the same lines stay on the normal screen after the wizard closes.
 */
import {paint} from '../render/paint.js';
import {line, type Line, type Tone} from './screen-line.js';
import type {Failure, Screen, StageCheck, TeamRun, WizardContext} from './state.js';
import {mismatchText, PROVIDER_PROFILE_LINE, v3ConfigFileHint} from './team-stages.js';
import {deployCommand, invokeLocalCaveat} from './texts.js';

/** A failure as message, cause and fix lines. */
export function failureLines(failure: Failure | undefined): Line[] {
	if (!failure) return [];
	const lines = [line(`✖ ${failure.message}`, 'fail')];
	if (failure.cause) lines.push(line(`  Cause: ${failure.cause}`));
	if (failure.fix) lines.push(line(`  Fix: ${failure.fix}`));
	return lines;
}

/**
 * The newcomer flow's end: each team stage ✔ when the credentials a deploy would use land in the account the team
 * expects, ✖ with the reason otherwise; and the line serverless.yml lacks when it does not read the team settings.
 */
function teamDoneLines(team: TeamRun, checks: StageCheck[], context: WizardContext): Line[] {
	const lines: Line[] = [];
	for (const entry of team.stages) {
		const check = checks.find(candidate => candidate.stage === entry.stage);
		const inAccount = check?.ok === true && check.account === entry.account;
		if (inAccount) {
			lines.push(line(`✔ ${entry.stage} → ${entry.profile}: account ${entry.account}, as the team expects`, 'ok'));
			continue;
		}
		// An MFA role is not checked twice: the check with the code typed in this run stands, if the deploy uses it.
		const result = team.results[entry.stage];
		if (check?.mfa && result?.status === 'verified' && result.account === entry.account) {
			lines.push(line(`✔ ${entry.stage} → ${entry.profile}: account ${entry.account}, as the team expects (checked with your MFA code)`, 'ok'));
			continue;
		}
		lines.push(line(`✖ ${entry.stage} → ${entry.profile}: ${check?.winner ?? 'no credentials'}`, 'fail'));
		if (check?.ok && check.account) lines.push(line(`   ${mismatchText(entry.stage, check.account, entry.account)}`));
		else if (check?.problem && check.problem !== check.winner) lines.push(line(`   ${check.problem}`));
		if (team.results[entry.stage]?.status === 'skipped') lines.push(line('   Skipped in this run: run sls-creds-wizard again to set it up.', 'muted'));
		const hint = v3ConfigFileHint(entry, context);
		if (hint) lines.push(line(`   ${hint}`, 'warn'));
	}
	if (!team.providerProfileFromBlock) {
		lines.push(line(''), line('Serverless reads provider.profile, not these settings. Add to serverless.yml:', 'warn'));
		lines.push(...PROVIDER_PROFILE_LINE.split('\n').map(text => line(`  ${text}`, 'accent')));
	}
	return lines;
}

export function doneSummary(screen: Extract<Screen, {step: 'done'; phase: 'summary'}>, context: WizardContext): Line[] {
	const lines: Line[] = [];
	if (context.team) {
		lines.push(...failureLines(screen.failure), ...teamDoneLines(context.team, screen.checks, context));
		lines.push(line(''), line('Deploy with:', 'heading'), ...context.team.stages.map(entry => line(`  $ ${deployCommand(entry.stage)}`, 'accent')));
	} else {
		lines.push(...failureLines(screen.failure));
		for (const check of screen.checks) {
			const who = check.winner ? `${check.winner}${check.account ? ` (account ${check.account})` : ''}` : (check.problem ?? 'no credentials');
			lines.push(line(`${check.ok ? '✔' : '✖'} ${check.stage}${check.profile ? ` → ${check.profile}` : ''}: ${who}`, check.ok ? 'ok' : 'fail'));
			if (!check.ok && check.problem && check.winner) lines.push(line(`   ${check.problem}`));
		}
		const stage = context.defaults.stage;
		lines.push(line(''), line('Deploy with:', 'heading'), line(`  $ ${deployCommand(stage)}`, 'accent'), line(''));
		lines.push(...invokeLocalCaveat({stage, ...(context.mapping[stage] ? {profile: context.mapping[stage]} : {})}).map(text => line(text, 'muted')));
	}
	return lines;
}

/** The summary as it stays on the normal screen once the full screen is gone: the same lines, coloured by tone. */
export function closingText(lines: Line[], options: {color: boolean}): string {
	const styles = paint(options.color);
	const styled: Record<Tone, (text: string) => string> = {
		plain: text => text,
		muted: styles.dim,
		ok: styles.green,
		warn: styles.yellow,
		fail: styles.red,
		accent: styles.cyan,
		heading: styles.bold,
	};
	return `${lines.map(entry => styled[entry.tone ?? 'plain'](entry.text)).join('\n')}\n`;
}
