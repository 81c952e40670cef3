import type {ReactNode} from 'react';
import {Box} from 'ink';
import {KeyHints} from '../components/KeyHints.js';

/**
 * One screen's layout inside the frame: the information (shrinks and clips on a small terminal), then the controls
 * and the key hints, which always stay visible.
 */
export function ScreenBody(props: {children?: ReactNode; controls?: ReactNode; hints: Array<[key: string, action: string]>}) {
	return (
		<Box flexDirection="column" flexGrow={1}>
			<Box flexDirection="column" flexGrow={1} flexShrink={1} overflow="hidden">
				{/* Natural height inside, clipped outside: shrinking wrapped text would make its lines overwrite each other. */}
				<Box flexDirection="column" flexShrink={0}>
					{props.children}
				</Box>
			</Box>
			{props.controls ? (
				<Box flexDirection="column" flexShrink={0} marginTop={1}>
					{props.controls}
				</Box>
			) : null}
			<Box flexShrink={0} marginTop={1}>
				<KeyHints hints={props.hints} />
			</Box>
		</Box>
	);
}

export const BACK_HINT: [string, string] = ['Esc', 'back'];
export const QUIT_HINT: [string, string] = ['Ctrl-C', 'quit'];
