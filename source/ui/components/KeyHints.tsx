import {Box, Text} from 'ink';
import {useTheme} from '../theme.js';

/** The keys that work right now, and where the view is (`3/14`). */
export function KeyHints({hints, position}: {hints: Array<[key: string, action: string]>; position?: string}) {
	const theme = useTheme();
	return (
		<Box flexShrink={0}>
			<Box flexGrow={1}>
				<Text wrap="truncate-end">
					{hints.map(([key, action], index) => (
						<Text key={key}>
							{index > 0 ? '  ' : ''}
							<Text bold>{key}</Text>
							<Text color={theme.muted}> {action}</Text>
						</Text>
					))}
				</Text>
			</Box>
			{position ? <Text color={theme.muted}>{position}</Text> : null}
		</Box>
	);
}
