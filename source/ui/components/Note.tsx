import {Text} from 'ink';
import {useTheme} from '../theme.js';

/** A line of context in the list that cannot be selected; indented to line up with the selectable rows. */
export function Note({text, tone}: {text: string; tone: 'plain' | 'fail'}) {
	const theme = useTheme();
	return (
		<Text wrap="truncate-end" color={tone === 'fail' ? theme.fail : theme.muted}>
			{'    '}
			{text}
		</Text>
	);
}
