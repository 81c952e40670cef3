import {Text} from 'ink';
import {useTheme} from '../theme.js';
import type {Event} from '../../wizard/state.js';
import {useKeys} from './use-keys.js';

/** y = confirm (the only key that may start a write), n = decline; `o` = overwrite when the plan allows it. */
export function useConfirmKeys(dispatch: (event: Event) => void, options: {canConfirm: boolean; canOverwrite?: boolean}): void {
	useKeys({
		...(options.canConfirm ? {y: () => dispatch({type: 'confirm'})} : {}),
		n: () => dispatch({type: 'decline'}),
		...(options.canOverwrite ? {o: () => dispatch({type: 'overwrite'})} : {}),
	});
}

export function ConfirmQuestion({text}: {text: string}) {
	const theme = useTheme();
	return (
		<Text bold color={theme.warn}>
			{text} [y/n]
		</Text>
	);
}

export const CONFIRM_HINTS: Array<[string, string]> = [
	['y', 'yes'],
	['n', 'no'],
];
