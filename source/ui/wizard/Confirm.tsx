import {Text} from 'ink';
import {useTheme} from '../theme.js';
import type {Event} from '../../wizard/state.js';
import {useKeys} from './use-keys.js';

/** y = confirm (the only key that may start a write), n = decline; `o` = overwrite when the plan allows it. */
/**
 * y confirms and n declines. Enter confirms too (yes is the default: the "Enter on every screen" path creates
 * the user and writes what the diff shows), except where the change destroys something (`destructive`).
 */
export function useConfirmKeys(dispatch: (event: Event) => void, options: {canConfirm: boolean; canOverwrite?: boolean; destructive?: boolean}): void {
	useKeys({
		...(options.canConfirm ? {y: () => dispatch({type: 'confirm'})} : {}),
		...(options.canConfirm && !options.destructive ? {enter: () => dispatch({type: 'confirm'})} : {}),
		n: () => dispatch({type: 'decline'}),
		...(options.canOverwrite ? {o: () => dispatch({type: 'overwrite'})} : {}),
	});
}

/** `defaultNo`: Enter means no (`[y/N]`), for offers the user must opt into. */
export function ConfirmQuestion({text, destructive = false, defaultNo = false}: {text: string; destructive?: boolean; defaultNo?: boolean}) {
	const theme = useTheme();
	return (
		<Text bold color={theme.warn}>
			{text} {defaultNo ? '[y/N]' : destructive ? '[y/n]' : '[Y/n]'}
		</Text>
	);
}

export const DESTRUCTIVE_CONFIRM_HINTS: Array<[string, string]> = [
	['y', 'yes'],
	['n', 'no'],
];

export const CONFIRM_HINTS: Array<[string, string]> = [
	['Enter/y', 'yes'],
	['n', 'no'],
];
