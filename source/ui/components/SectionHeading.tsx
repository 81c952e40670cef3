import {Text} from 'ink';
import {useTheme} from '../theme.js';

export function SectionHeading({text}: {text: string}) {
	const theme = useTheme();
	return (
		<Text bold color={theme.accent} wrap="truncate-end">
			{text}
		</Text>
	);
}
