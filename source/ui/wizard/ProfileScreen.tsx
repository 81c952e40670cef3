import {Box, Text} from 'ink';
import TextInput from 'ink-text-input';
import {useState} from 'react';
import {profileRequest} from '../../wizard/profile-request.js';
import type {WizardContext} from '../../wizard/state.js';
import {useTheme} from '../theme.js';
import {Busy, failureLines} from './Busy.js';
import {Lines} from './Lines.js';
import {ReviewPlan} from './ReviewPlan.js';
import {BACK_HINT, QUIT_HINT, ScreenBody} from './ScreenBody.js';
import type {ScreenProps} from './screen-props.js';
import {useKeys} from './use-keys.js';

/** What the plan is about, in the user's words: the new keys, the admin keys kept on request, or a stage's role. */
function profileTitle(context: WizardContext): string {
	const target = context.profileTarget;
	const name = profileRequest(context)?.profile ?? context.profileName;
	if (target?.kind === 'admin') return `Admin keys as profile ${name}`;
	if (target?.kind === 'role') return `Role profile ${name} for stage ${target.stage}`;
	return `Profile ${name}`;
}

export function ProfileScreen(props: ScreenProps<'profile'>) {
	const {screen, context, dispatch} = props;
	const title = profileTitle(context);
	switch (screen.phase) {
		case 'form':
			return <ProfileForm {...props} />;
		case 'planning':
			return <ScreenBody hints={[BACK_HINT, QUIT_HINT]}><Busy text={`Planning ${title.charAt(0).toLowerCase()}${title.slice(1)}`} /></ScreenBody>;
		case 'review':
			return (
				<ReviewPlan
					title={`${title} in ~/.aws`}
					diff={screen.diff}
					warnings={screen.warnings}
					{...(screen.refusal ? {refusal: screen.refusal} : {})}
					question="Write these changes?"
					dispatch={dispatch}
				/>
			);
		case 'writing':
			return <ScreenBody hints={[QUIT_HINT]}><Busy text={`Writing ${title.charAt(0).toLowerCase()}${title.slice(1)}`} /></ScreenBody>;
	}
}

function ProfileForm({screen, context, dispatch}: ScreenProps<'profile'>) {
	const theme = useTheme();
	const [field, setField] = useState<'profileName' | 'region'>('profileName');
	useKeys({tab: () => setField(current => (current === 'profileName' ? 'region' : 'profileName'))});
	const error = screen.phase === 'form' ? screen.error : undefined;
	const keyId = context.keys?.accessKeyId.masked();
	const row = (name: 'profileName' | 'region', label: string, value: string) => (
		<Box>
			<Text color={field === name ? theme.accent : undefined}>
				{field === name ? '› ' : '  '}
				{label}
			</Text>
			<TextInput
				value={value}
				focus={field === name}
				showCursor={field === name}
				onChange={next => dispatch({type: 'edit', field: name, value: next})}
				onSubmit={() => dispatch({type: 'submit'})}
			/>
		</Box>
	);
	return (
		<ScreenBody
			hints={[['Tab', 'next field'], ['Enter', 'show the changes'], BACK_HINT, QUIT_HINT]}
			controls={
				<Box flexDirection="column">
					{row('profileName', 'Profile name: ', context.profileName)}
					{row('region', 'Region:       ', context.region)}
				</Box>
			}
		>
			<Text>Save {keyId ? `key ${keyId}` : 'the key'} as a named profile in ~/.aws. You see the change before anything is written.</Text>
			{context.teamTarget ? (
				<Text color={theme.muted}>
					{context.teamTarget.profile === 'stage'
						? `The team settings name this profile for stage ${context.teamTarget.stage}: serverless.yml reads no other name.`
						: `Stage ${context.teamTarget.stage}'s role is assumed with the keys of this profile.`}
				</Text>
			) : null}
			<Lines lines={failureLines(error)} />
		</ScreenBody>
	);
}
