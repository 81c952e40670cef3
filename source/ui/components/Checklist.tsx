import {Box, Text} from 'ink';
import type {Finding} from '../../doctor/finding.js';
import {findingSymbol} from '../status-marks.js';
import {findingColour, useTheme} from '../theme.js';
import {Pointer} from './Pointer.js';

/** One checklist item: its status and title (why and fix live in the details view). */
export function ChecklistRow({finding, selected}: {finding: Finding; selected: boolean}) {
	const theme = useTheme();
	return (
		<Box>
			<Box flexShrink={0}>
				<Pointer selected={selected} />
				<Text color={findingColour(theme, finding.status)}>{findingSymbol[finding.status]} </Text>
			</Box>
			<Box flexGrow={1} flexShrink={1}>
				<Text wrap="truncate-end" bold={selected}>
					{finding.title}
				</Text>
			</Box>
		</Box>
	);
}
