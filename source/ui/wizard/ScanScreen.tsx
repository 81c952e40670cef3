import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import {useTheme} from '../theme.js';
import type {ScanSummary} from '../../wizard/state.js';
import {teamOffer, teamRun} from '../../wizard/team-stages.js';
import {Busy, failureLines} from './Busy.js';
import {line, Lines, useScroll, type Line} from './Lines.js';
import {QUIT_HINT, ScreenBody} from './ScreenBody.js';
import type {ScreenProps} from './screen-props.js';
import {useKeys} from './use-keys.js';

type Start = 'team' | 'set-up' | 'doctor' | 'quit';

const START_ITEMS: Array<{key: string; label: string; value: Start}> = [
	{key: 'set-up', label: 'Set up deploy credentials', value: 'set-up'},
	{key: 'doctor', label: 'Run the doctor only', value: 'doctor'},
	{key: 'quit', label: 'Quit', value: 'quit'},
];

/** Step 1's findings in the user's words; every key id is already masked in the summary. */
export function scanLines(scan: ScanSummary): Line[] {
	const lines: Line[] = [line('AWS profiles', 'heading')];
	if (scan.profiles.length === 0) lines.push(line('  none in ~/.aws', 'muted'));
	for (const profile of scan.profiles) {
		const key = profile.accessKeyId ? ` ${profile.accessKeyId.masked()}` : '';
		lines.push(line(`  ${profile.name} (${profile.kind}${key}) in ${profile.files.join(' + ')}${profile.region ? `, ${profile.region}` : ''}`));
	}
	lines.push(line('Environment', 'heading'));
	if (scan.environmentKeys) {
		const token = scan.environmentKeys.sessionToken ? ' + session token' : '';
		lines.push(line(`  AWS_ACCESS_KEY_ID=${scan.environmentKeys.accessKeyId.masked()}${token}`));
	}
	for (const {variable, value} of scan.environmentProfiles) lines.push(line(`  ${variable}=${value}`));
	if (!scan.environmentKeys && scan.environmentProfiles.length === 0) lines.push(line('  no AWS credential variables', 'muted'));
	if (scan.caVariables.length > 0) lines.push(line(`  CA settings: ${scan.caVariables.join(', ')}`, 'muted'));
	const service = scan.service;
	lines.push(line('Service', 'heading'));
	if (service.format === 'none') lines.push(line('  no serverless.yml here', 'muted'));
	else {
		const stages = service.stages.length > 0 ? `, stages ${service.stages.join(', ')}` : '';
		lines.push(line(`  ${service.name ?? '(unnamed)'} in ${service.path ?? `serverless.${service.format}`}${service.region ? `, ${service.region}` : ''}${stages}`));
		if (service.providerProfile) lines.push(line(`  provider.profile: ${service.providerProfile}`));
		for (const [stage, profile] of Object.entries(service.stageProfiles)) lines.push(line(`  custom.profiles.${stage}: ${profile}`));
	}
	if (service.error) lines.push(line(`  ${service.error}`, 'fail'));
	lines.push(line(`Serverless Framework v${scan.framework.major} (${scan.framework.source})`, 'muted'));
	const doctor = scan.doctor;
	const verdict = doctor.error
		? line(`Deploy to ${doctor.stage} now: ${doctor.error}`, 'fail')
		: doctor.winner
			? line(`Deploy to ${doctor.stage} now uses ${doctor.winner}${doctor.account ? ` (account ${doctor.account})` : ''}`, 'ok')
			: line(`Deploy to ${doctor.stage} now: no credentials found`, 'warn');
	lines.push(verdict);
	if (doctor.traps > 0) lines.push(line(`${doctor.traps} trap${doctor.traps === 1 ? '' : 's'} found: run the doctor for details`, 'warn'));
	if (scan.team?.status === 'invalid') {
		lines.push(line('Team settings (custom.deployAccounts)', 'heading'));
		for (const problem of scan.team.problems) {
			lines.push(line(`  ✖ ${problem.where}${problem.line ? ` (line ${problem.line})` : ''}: ${problem.message}`, 'fail'));
			lines.push(line(`    Fix: ${problem.fix}`));
		}
	}
	return lines;
}

/** The choices, the team's stages first when serverless.yml has valid team settings. */
export function startItems(scan: ScanSummary | undefined): Array<{key: string; label: string; value: Start}> {
	const team = teamRun(scan?.team);
	return team ? [{key: 'team', label: teamOffer(team), value: 'team'}, ...START_ITEMS] : START_ITEMS;
}

export function ScanScreen({screen, context, dispatch}: ScreenProps<'scan'>) {
	const theme = useTheme();
	useKeys({enter: () => dispatch({type: 'retry'}), r: () => dispatch({type: 'retry'})}, screen.phase === 'failed');
	const lines = context.scan ? scanLines(context.scan) : [];
	const skip = useScroll(lines.length, screen.phase === 'summary', true);
	switch (screen.phase) {
		case 'scanning':
			return (
				<ScreenBody hints={[QUIT_HINT]}>
					<Busy text="Looking at ~/.aws, the environment and serverless.yml" />
				</ScreenBody>
			);
		case 'failed':
			return (
				<ScreenBody hints={[['Enter', 'scan again'], QUIT_HINT]}>
					<Lines lines={failureLines(screen.failure)} />
				</ScreenBody>
			);
		case 'summary':
			return (
				<ScreenBody
					hints={[['↑↓', 'choose'], ['Enter', 'select'], ['PgDn', 'more'], QUIT_HINT]}
					controls={
						<Box flexDirection="column">
							<Text color={theme.accent}>What now?</Text>
							<SelectInput items={startItems(context.scan)} onSelect={item => dispatch({type: 'start', choice: item.value})} />
						</Box>
					}
				>
					<Lines lines={lines} skip={skip} />
				</ScreenBody>
			);
	}
}
