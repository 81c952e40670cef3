import {Box, Text} from 'ink';
import type {Details} from '../doctor-rows.js';
import {useTheme} from '../theme.js';

/** The open item: its title, then `height` lines of the pre-wrapped details starting at `scroll`. */
export function DetailsPanel({details, scroll, height}: {details: Details; scroll: number; height: number}) {
	const theme = useTheme();
	const visible = details.lines.slice(scroll, scroll + height);
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate-end">
				{details.title}
			</Text>
			{visible.map((line, index) => (
				<Text
					key={scroll + index}
					wrap="truncate-end"
					color={line.tone === 'fix' ? theme.accent : line.tone === 'muted' ? theme.muted : undefined}
				>
					{line.text === '' ? ' ' : line.text}
				</Text>
			))}
		</Box>
	);
}
