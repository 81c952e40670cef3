import {Text} from 'ink';
import type {Report} from '../../doctor/report.js';
import {findingSymbol} from '../status-marks.js';
import {findingColour, useTheme} from '../theme.js';

/** `✖ 1  ⚠ 2  ✔ 5`: the checklist totals, skipping zeros. */
export function SummaryCounts({summary}: {summary: Report['summary']}) {
	const theme = useTheme();
	const shown = (['fail', 'warn', 'ok'] as const).filter(status => summary[status] > 0);
	return (
		<Text>
			{shown.map((status, index) => (
				<Text key={status} color={findingColour(theme, status)}>
					{index > 0 ? '  ' : ''}
					{findingSymbol[status]} {summary[status]}
				</Text>
			))}
		</Text>
	);
}
