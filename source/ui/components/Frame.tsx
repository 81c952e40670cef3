import type {ReactNode} from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../theme.js';

/** The full-screen border with a title line; clips whatever does not fit so nothing ever scrolls the terminal. */
export function Frame(props: {width: number; height: number; title: string; right?: ReactNode; children: ReactNode}) {
	const theme = useTheme();
	return (
		<Box
			width={props.width}
			height={props.height}
			flexDirection="column"
			borderStyle="round"
			borderColor={theme.border}
			paddingX={1}
			overflow="hidden"
		>
			<Box flexShrink={0}>
				<Box flexGrow={1}>
					<Text bold color={theme.accent} wrap="truncate-end">
						{props.title}
					</Text>
				</Box>
				{props.right}
			</Box>
			{props.children}
		</Box>
	);
}
