import {Box, Text, useInput} from 'ink';
import {useState} from 'react';
import {useTheme, type Theme} from '../theme.js';

import {type Line, type Tone} from '../../wizard/screen-line.js';

export {line, type Line, type Tone} from '../../wizard/screen-line.js';

function colourOf(theme: Theme, tone: Tone): string | undefined {
	switch (tone) {
		case 'muted':
			return theme.muted;
		case 'ok':
			return theme.ok;
		case 'warn':
			return theme.warn;
		case 'fail':
			return theme.fail;
		case 'accent':
		case 'heading':
			return theme.accent;
		default:
			return undefined;
	}
}

/** Text lines from `skip` on; whatever does not fit is clipped by the frame, and ↑/↓ bring it into view. */
export function Lines({lines, skip = 0}: {lines: Line[]; skip?: number}) {
	const theme = useTheme();
	return (
		<Box flexDirection="column" flexShrink={0}>
			{lines.slice(skip).map((item, index) => (
				<Text key={index + skip} color={colourOf(theme, item.tone ?? 'plain')} bold={item.tone === 'heading'} wrap="wrap">
					{item.text === '' ? ' ' : item.text}
				</Text>
			))}
		</Box>
	);
}

/**
 * How far a long text is scrolled: ↑/↓ one line, PgUp/PgDn five, never past the last line. `pagesOnly` leaves the
 * arrows to a choice list on the same screen.
 */
export function useScroll(total: number, isActive: boolean, pagesOnly = false): number {
	const [skip, setSkip] = useState(0);
	useInput(
		(_input, key) => {
			const arrows = pagesOnly ? 0 : key.upArrow ? -1 : key.downArrow ? 1 : 0;
			const by = arrows || (key.pageUp ? -5 : key.pageDown ? 5 : 0);
			if (by !== 0) setSkip(current => Math.max(0, Math.min(Math.max(0, total - 1), current + by)));
		},
		{isActive},
	);
	return skip;
}
