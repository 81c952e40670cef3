import {Box, Text} from 'ink';
import {useTheme} from '../theme.js';

/** How one line of a unified diff reads. */
export function diffLineKind(line: string): 'file' | 'hunk' | 'added' | 'removed' | 'context' {
	if (line.startsWith('+++') || line.startsWith('---')) return 'file';
	if (line.startsWith('@@')) return 'hunk';
	if (line.startsWith('+')) return 'added';
	if (line.startsWith('-')) return 'removed';
	return 'context';
}

/** A planned edit as the (already masked) diff lines the plan produced; `skip` lines scrolled past are not shown. */
export function Diff({lines, skip = 0}: {lines: string[]; skip?: number}) {
	const theme = useTheme();
	if (lines.length === 0) return <Text color={theme.muted}>(no changes)</Text>;
	return (
		<Box flexDirection="column">
			{lines.slice(skip).map((line, index) => {
				const kind = diffLineKind(line);
				const colour = kind === 'added' ? theme.ok : kind === 'removed' ? theme.fail : kind === 'hunk' ? theme.accent : undefined;
				return (
					<Text key={index + skip} color={colour} bold={kind === 'file'} wrap="truncate-end">
						{line === '' ? ' ' : line}
					</Text>
				);
			})}
		</Box>
	);
}
