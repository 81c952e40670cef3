import {Text} from 'ink';
import {useTheme} from '../theme.js';
import type {Failure} from '../../wizard/state.js';
import {line, type Line} from './Lines.js';

/** A screen waiting for an effect: what is happening, with no keys but Esc and Ctrl-C. */
export function Busy({text}: {text: string}) {
	const theme = useTheme();
	return <Text color={theme.accent}>… {text}</Text>;
}

/** A failure as message, cause and fix lines. */
export function failureLines(failure: Failure | undefined): Line[] {
	if (!failure) return [];
	const lines = [line(`✖ ${failure.message}`, 'fail')];
	if (failure.cause) lines.push(line(`  Cause: ${failure.cause}`));
	if (failure.fix) lines.push(line(`  Fix: ${failure.fix}`));
	return lines;
}
