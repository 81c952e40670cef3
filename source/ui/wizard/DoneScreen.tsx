import type {StageCheck, TeamRun, WizardContext} from '../../wizard/state.js';
import {mismatchText, PROVIDER_PROFILE_LINE, v3ConfigFileHint} from '../../wizard/team-stages.js';
import {deployCommand, invokeLocalCaveat} from '../../wizard/texts.js';
import {Busy, failureLines} from './Busy.js';
import {line, Lines, useScroll, type Line} from './Lines.js';
import {QUIT_HINT, ScreenBody} from './ScreenBody.js';
import type {ScreenProps} from './screen-props.js';
import {useKeys} from './use-keys.js';

/**
 * The newcomer flow's end: each team stage ✔ when the credentials a deploy would use land in the account the team
 * expects, ✖ with the reason otherwise; and the line serverless.yml lacks when it does not read the team settings.
 */
export function teamDoneLines(team: TeamRun, checks: StageCheck[], context: WizardContext): Line[] {
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

export function DoneScreen({screen, context, dispatch}: ScreenProps<'done'>) {
	const summary = screen.phase === 'summary';
	const lines: Line[] = [];
	if (screen.phase === 'summary' && context.team) {
		lines.push(...failureLines(screen.failure), ...teamDoneLines(context.team, screen.checks, context));
		lines.push(line(''), line('Deploy with:', 'heading'), ...context.team.stages.map(entry => line(`  $ ${deployCommand(entry.stage)}`, 'accent')));
	} else if (screen.phase === 'summary') {
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
	const skip = useScroll(lines.length, summary);
	useKeys({enter: () => dispatch({type: 'submit'}), r: () => dispatch({type: 'retry'})}, summary);
	if (screen.phase === 'checking') {
		return (
			<ScreenBody hints={[QUIT_HINT]}>
				<Busy text="Checking which credentials each stage deploys with" />
			</ScreenBody>
		);
	}
	return (
		<ScreenBody hints={[['Enter', 'finish'], ['r', 'check again'], ['↑↓', 'scroll'], QUIT_HINT]}>
			<Lines lines={lines} skip={skip} />
		</ScreenBody>
	);
}
