import {Box, Text} from 'ink';
import type {ReportCandidate} from '../../doctor/report.js';
import {sourceLabel, sourceSymbol} from '../status-marks.js';
import {sourceColour, useTheme} from '../theme.js';
import {Pointer} from './Pointer.js';

/** One rung of the precedence ladder: rank, status, the source in the user's words and why it has that status. */
export function LadderRow({candidate, selected, labelWidth}: {candidate: ReportCandidate; selected: boolean; labelWidth: number}) {
	const theme = useTheme();
	const colour = sourceColour(theme, candidate.status);
	const quiet = candidate.status === 'absent' || candidate.status === 'not-evaluated';
	return (
		<Box>
			<Box flexShrink={0}>
				<Pointer selected={selected} />
				<Text color={theme.muted}>{String(candidate.rank).padStart(2)} </Text>
				<Text color={colour}>{sourceSymbol[candidate.status]} </Text>
			</Box>
			<Box flexGrow={1} flexShrink={1}>
				<Text wrap="truncate-end">
					<Text bold={selected || candidate.status === 'winner'} color={quiet ? theme.muted : undefined}>
						{candidate.title}
					</Text>
					<Text color={theme.muted}> {candidate.reason}</Text>
				</Text>
			</Box>
			<Box flexShrink={0} marginLeft={1}>
				<Text color={colour}>{sourceLabel[candidate.status].padStart(labelWidth)}</Text>
			</Box>
		</Box>
	);
}
