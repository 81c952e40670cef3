import {Box, Text, useInput} from 'ink';
import TextInput from 'ink-text-input';
import {useState} from 'react';
import type {Failure} from '../../wizard/state.js';
import {useTheme} from '../theme.js';
import {Busy, failureLines} from './Busy.js';
import {line, Lines, useScroll, type Line} from './Lines.js';
import {ReviewPlan} from './ReviewPlan.js';
import {BACK_HINT, QUIT_HINT, ScreenBody} from './ScreenBody.js';
import type {ScreenProps} from './screen-props.js';
import {useKeys} from './use-keys.js';

export function StagesScreen(props: ScreenProps<'stages'>) {
	const {screen, context, dispatch} = props;
	const file = context.defaults.serviceFile?.path ?? 'serverless.yml';
	switch (screen.phase) {
		case 'pick':
			return <StagePicker {...props} error={screen.error} />;
		case 'planning':
			return <ScreenBody hints={[BACK_HINT, QUIT_HINT]}><Busy text={`Planning the stage mapping in ${file}`} /></ScreenBody>;
		case 'review':
			return (
				<ReviewPlan
					title={`Stage → profile mapping in ${file}`}
					diff={screen.diff}
					warnings={screen.warnings}
					{...(screen.refusal ? {refusal: screen.refusal} : {})}
					question={`Write ${file}?`}
					dispatch={dispatch}
				/>
			);
		case 'writing':
			return <ScreenBody hints={[QUIT_HINT]}><Busy text={`Writing ${file}`} /></ScreenBody>;
		case 'snippet':
			return <Snippet {...props} snippet={screen.snippet} reason={screen.reason} failure={screen.failure} />;
	}
}

type Mode = {kind: 'list'} | {kind: 'profile'; stage: string; value: string} | {kind: 'add'; value: string};

function StagePicker({context, dispatch, error}: ScreenProps<'stages'> & {error?: string}) {
	const theme = useTheme();
	const [selected, setSelected] = useState(0);
	const [mode, setMode] = useState<Mode>({kind: 'list'});
	const stages = context.stages;
	const stage = stages[Math.min(selected, stages.length - 1)];
	const listing = mode.kind === 'list';
	useInput(
		(input, key) => {
			if (key.ctrl || key.meta) return;
			if (key.upArrow) setSelected(index => Math.max(0, index - 1));
			else if (key.downArrow) setSelected(index => Math.min(stages.length - 1, index + 1));
			else if (key.return) dispatch({type: 'submit'});
			else if (input === 'a') setMode({kind: 'add', value: ''});
			else if (stage !== undefined && input === 'e') setMode({kind: 'profile', stage, value: context.mapping[stage] ?? ''});
			else if (stage !== undefined && input === 'c') dispatch({type: 'create-profile-for-stage', stage});
		},
		{isActive: listing},
	);
	const finish = () => setMode({kind: 'list'});
	return (
		<ScreenBody
			hints={
				listing
					? [['↑↓', 'stage'], ['e', 'type profile'], ['c', 'create profile'], ['a', 'add stage'], ['Enter', 'write mapping'], BACK_HINT]
					: [['Enter', 'done'], BACK_HINT]
			}
			controls={
				mode.kind === 'profile' ? (
					<Box>
						<Text color={theme.accent}>Profile for {mode.stage}: </Text>
						<TextInput
							value={mode.value}
							onChange={value => setMode({...mode, value})}
							onSubmit={value => {
								dispatch({type: 'stage-profile', stage: mode.stage, profile: value.trim()});
								finish();
							}}
						/>
					</Box>
				) : mode.kind === 'add' ? (
					<Box>
						<Text color={theme.accent}>New stage: </Text>
						<TextInput
							value={mode.value}
							onChange={value => setMode({kind: 'add', value})}
							onSubmit={value => {
								dispatch({type: 'add-stage', stage: value.trim()});
								finish();
							}}
						/>
					</Box>
				) : undefined
			}
		>
			<Text>Which profile should each stage deploy with? This goes into serverless.yml as custom.profiles.</Text>
			{stages.map((name, index) => {
				const profile = context.mapping[name];
				const isSelected = index === selected && listing;
				return (
					<Text key={name} color={isSelected ? theme.selection : undefined}>
						{isSelected ? '› ' : '  '}
						{name.padEnd(10)} → {profile ?? <Text color={theme.muted}>(none)</Text>}
						{profile !== undefined && context.writtenProfiles.includes(profile) ? <Text color={theme.ok}> ✔ new</Text> : null}
					</Text>
				);
			})}
			{context.defaults.existingProfiles.length > 0 ? (
				<Text color={theme.muted} wrap="truncate-end">
					Profiles on disk: {context.defaults.existingProfiles.join(', ')}
				</Text>
			) : null}
			{error ? <Text color={theme.fail}>✖ {error}</Text> : null}
		</ScreenBody>
	);
}

const SNIPPET_REASONS = {
	'no-service-file': 'There is no serverless.yml to edit here. Paste this into your service file:',
	declined: 'Nothing was written. To map the stages yourself, paste this into serverless.yml:',
	refused: 'The file was left as it is. Paste this where it fits:',
	'write-failed': 'Writing the file failed. Paste this yourself:',
} as const;

function Snippet({dispatch, snippet, reason, failure}: ScreenProps<'stages'> & {snippet: string; reason: keyof typeof SNIPPET_REASONS; failure?: Failure}) {
	const lines: Line[] = [...failureLines(failure), line(SNIPPET_REASONS[reason]), line(''), ...snippet.split('\n').map(text => line(text, 'accent'))];
	const skip = useScroll(lines.length, true);
	useKeys({enter: () => dispatch({type: 'submit'})});
	return (
		<ScreenBody hints={[['↑↓', 'scroll'], ['Enter', 'check stages'], BACK_HINT, QUIT_HINT]}>
			<Lines lines={lines} skip={skip} />
		</ScreenBody>
	);
}
