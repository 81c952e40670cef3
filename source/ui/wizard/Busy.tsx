import {Text} from 'ink';
import {useTheme} from '../theme.js';

export {failureLines} from '../../wizard/done-summary.js';

/** A screen waiting for an effect: what is happening, with no keys but Esc and Ctrl-C. */
export function Busy({text}: {text: string}) {
	const theme = useTheme();
	return <Text color={theme.accent}>… {text}</Text>;
}
