import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import {useTheme} from '../theme.js';
import {SIGN_UP_GUIDE} from '../../wizard/texts.js';
import {firstLink, guideLines} from './guide-lines.js';
import {Lines, useScroll} from './Lines.js';
import {BACK_HINT, QUIT_HINT, ScreenBody} from './ScreenBody.js';
import type {ScreenProps} from './screen-props.js';
import {useKeys} from './use-keys.js';

const ACCOUNT_ITEMS = [
	{key: 'yes', label: 'Yes, I can sign in to an AWS account', value: true},
	{key: 'no', label: 'No, show me how to create one', value: false},
];

const SIGN_UP_LINES = guideLines(SIGN_UP_GUIDE);

export function AccountScreen({screen, dispatch}: ScreenProps<'account'>) {
	const theme = useTheme();
	const signUp = screen.phase === 'sign-up';
	const skip = useScroll(SIGN_UP_LINES.length, signUp);
	const url = firstLink(SIGN_UP_GUIDE);
	useKeys({enter: () => dispatch({type: 'submit'}), o: () => url && dispatch({type: 'open-link', url})}, signUp);
	if (!signUp) {
		return (
			<ScreenBody
				hints={[['↑↓', 'choose'], ['Enter', 'select'], BACK_HINT, QUIT_HINT]}
				controls={
					<SelectInput items={ACCOUNT_ITEMS} onSelect={item => dispatch({type: 'account', hasAccount: item.value})} />
				}
			>
				<Text>Do you have an AWS account?</Text>
			</ScreenBody>
		);
	}
	return (
		<ScreenBody hints={[['↑↓', 'scroll'], ['o', 'open sign-up'], ['Enter', 'I have an account now'], BACK_HINT]}>
			<Box flexDirection="column">
				<Text bold color={theme.accent}>
					{SIGN_UP_GUIDE.title}
				</Text>
				<Lines lines={SIGN_UP_LINES} skip={skip} />
			</Box>
		</ScreenBody>
	);
}
