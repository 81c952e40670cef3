import {Box, Text} from 'ink';
import TextInput from 'ink-text-input';
import type {StageAccount} from '../../service/team-settings.js';
import type {TeamRun} from '../../wizard/state.js';
import {baseProfileOf, mismatchText, nextTeamStage, profileExists, teamStage} from '../../wizard/team-stages.js';
import {useTheme} from '../theme.js';
import {Busy, failureLines} from './Busy.js';
import {line, Lines, useScroll, type Line} from './Lines.js';
import {BACK_HINT, QUIT_HINT, ScreenBody} from './ScreenBody.js';
import type {ScreenProps} from './screen-props.js';
import {useKeys} from './use-keys.js';

/** One row per team stage: its profile, account, role and how far it got (`✔`, `–` skipped, `·` to do). */
export function teamLines(team: TeamRun): Line[] {
	const lines: Line[] = [];
	for (const entry of team.stages) {
		const result = team.results[entry.stage];
		const mark = result?.status === 'verified' ? '✔' : result?.status === 'skipped' ? '–' : '·';
		const tone = result?.status === 'verified' ? 'ok' : result?.status === 'skipped' ? 'warn' : 'plain';
		lines.push(line(`${mark} ${entry.stage} → ${entry.profile}, account ${entry.account}${result?.status === 'skipped' ? ' (skipped)' : ''}`, tone));
		if (entry.role) lines.push(line(`    role ${entry.role.arn}`, 'muted'));
	}
	return lines;
}

/** What Enter does next for a stage, in the user's words. */
function plannedStep(entry: StageAccount, exists: (profile: string) => boolean, base: string | undefined): string {
	if (exists(entry.profile)) return `check profile ${entry.profile} with AWS`;
	if (!entry.role) return `get keys for profile ${entry.profile}`;
	if (base === undefined) return `name the profile with your own keys, then write role profile ${entry.profile}`;
	return exists(base) ? `write role profile ${entry.profile} (from ${base})` : `get keys for profile ${base}, then write role profile ${entry.profile}`;
}

export function TeamScreen(props: ScreenProps<'team'>) {
	const {screen, context} = props;
	const team = context.team;
	if (!team) return null;
	switch (screen.phase) {
		case 'overview':
			return <Overview {...props} team={team} />;
		case 'base-profile':
			return <BaseProfile {...props} stage={screen.stage} error={screen.error} />;
		case 'mfa-code':
			return <MfaCode {...props} stage={screen.stage} code={screen.code} error={screen.error} />;
		case 'checking': {
			const entry = teamStage(team, screen.stage);
			return (
				<ScreenBody hints={[QUIT_HINT]}>
					<Busy text={`Asking AWS STS where profile ${entry?.profile ?? screen.stage} lands${entry?.role ? ' (through AssumeRole)' : ''}`} />
				</ScreenBody>
			);
		}
		case 'mismatch':
		case 'failed':
			return <StageProblem {...props} team={team} />;
	}
}

function Overview({context, dispatch, team}: ScreenProps<'team'> & {team: TeamRun}) {
	const theme = useTheme();
	const next = nextTeamStage(team);
	const exists = (profile: string) => profileExists(context, profile);
	const lines = teamLines(team);
	if (!team.providerProfileFromBlock) {
		lines.push(line(''), line('serverless.yml does not read the profile from these settings yet; add:', 'warn'), line('  provider:', 'accent'));
		lines.push(line('    profile: ${self:custom.deployAccounts.${sls:stage}.profile}', 'accent'));
	}
	const skip = useScroll(lines.length, true);
	useKeys({enter: () => dispatch({type: 'submit'})});
	return (
		<ScreenBody
			hints={[['Enter', next ? `set up ${next.stage}` : 'check every stage'], ['↑↓', 'scroll'], BACK_HINT, QUIT_HINT]}
			controls={
				<Text color={theme.accent}>
					{next ? `Next: ${next.stage}: ${plannedStep(next, exists, baseProfileOf(next, context))}` : 'Every stage is done: Enter checks them as a deploy would.'}
				</Text>
			}
		>
			<Box flexDirection="column">
				<Text>The team settings in serverless.yml name an AWS account for each stage. Nothing is written before you see the change.</Text>
				<Lines lines={lines} skip={skip} />
			</Box>
		</ScreenBody>
	);
}

function BaseProfile({context, dispatch, stage, error}: ScreenProps<'team'> & {stage: string; error?: string}) {
	const theme = useTheme();
	const entry = teamStage(context.team, stage);
	return (
		<ScreenBody
			hints={[['Enter', 'use this name'], BACK_HINT, QUIT_HINT]}
			controls={
				<Box>
					<Text color={theme.accent}>Profile with your own keys: </Text>
					<TextInput
						value={context.baseProfileName}
						onChange={value => dispatch({type: 'edit', field: 'baseProfileName', value})}
						onSubmit={() => dispatch({type: 'submit'})}
					/>
				</Box>
			}
		>
			<Text>
				Stage {stage} deploys through the role {entry?.role?.arn ?? ''}. The role is assumed with your own keys, kept in a profile of their own
				(the team settings name none).
			</Text>
			{error ? <Text color={theme.fail}>✖ {error}</Text> : null}
		</ScreenBody>
	);
}

/** The role names an MFA device: its current code, typed once for this AssumeRole (not saved anywhere). */
function MfaCode({context, dispatch, stage, code, error}: ScreenProps<'team'> & {stage: string; code: string; error?: string}) {
	const theme = useTheme();
	const entry = teamStage(context.team, stage);
	return (
		<ScreenBody
			hints={[['Enter', 'check with AWS'], BACK_HINT, QUIT_HINT]}
			controls={
				<Box>
					<Text color={theme.accent}>MFA code: </Text>
					<TextInput value={code} onChange={value => dispatch({type: 'edit', field: 'mfaCode', value})} onSubmit={() => dispatch({type: 'submit'})} />
				</Box>
			}
		>
			<Text>
				Stage {stage}'s role {entry?.role?.arn ?? ''} asks for MFA ({entry?.role?.mfaSerial ?? ''}). Type the 6-digit code your device shows now: it is
				used once, to check the role, and not saved.
			</Text>
			{error ? <Text color={theme.fail}>✖ {error}</Text> : null}
		</ScreenBody>
	);
}

function StageProblem({screen, dispatch, team}: ScreenProps<'team'> & {team: TeamRun}) {
	const failed = screen.phase === 'failed';
	const stage = 'stage' in screen ? screen.stage : '';
	const entry = teamStage(team, stage);
	const lines: Line[] = [];
	if (screen.phase === 'mismatch') {
		lines.push(line(`✖ ${mismatchText(stage, screen.identity.account, entry?.account ?? '?')}`, 'fail'));
		lines.push(line(`  AWS says: ${screen.identity.arn}`));
		lines.push(line(`  Deploying ${stage} with them would go to the wrong account.`));
	}
	if (screen.phase === 'failed') lines.push(...failureLines(screen.failure));
	const which = entry?.role ? `the keys the role ${entry.role.arn.split('/').pop() ?? ''} is assumed with` : `other keys for profile ${entry?.profile ?? stage}`;
	useKeys({
		k: () => dispatch({type: 'other-keys'}),
		s: () => dispatch({type: 'skip'}),
		...(failed ? {r: () => dispatch({type: 'retry'})} : {}),
	});
	return (
		<ScreenBody
			hints={[['k', 'enter other keys'], ...(failed ? [['r', 'try again'] as [string, string]] : []), ['s', 'skip this stage'], BACK_HINT, QUIT_HINT]}
			controls={<Text>k: enter {which}; s: skip {stage} for now.</Text>}
		>
			<Lines lines={lines} />
		</ScreenBody>
	);
}
