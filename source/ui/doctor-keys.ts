import type {Key} from 'ink';
import type {NavigationAction} from './doctor-navigation.js';

/** What a key press means on the doctor screen. `quit` leaves normally, `cancel` is Ctrl-C (exit 130). */
export type DoctorCommand = {type: 'move'; action: NavigationAction['type']} | {type: 'quit'} | {type: 'cancel'};

export function doctorKey(input: string, key: Key, detailsOpen: boolean): DoctorCommand | undefined {
	if (key.ctrl && input === 'c') return {type: 'cancel'};
	if (input === 'q') return {type: 'quit'};
	if (key.escape) return detailsOpen ? {type: 'move', action: 'close'} : {type: 'quit'};
	if (key.return) return {type: 'move', action: detailsOpen ? 'close' : 'open'};
	if (key.upArrow || input === 'k') return {type: 'move', action: 'up'};
	if (key.downArrow || input === 'j') return {type: 'move', action: 'down'};
	if (key.pageUp) return {type: 'move', action: 'page-up'};
	if (key.pageDown || input === ' ') return {type: 'move', action: 'page-down'};
	if (key.home || input === 'g') return {type: 'move', action: 'first'};
	if (key.end || input === 'G') return {type: 'move', action: 'last'};
	if (key.leftArrow && detailsOpen) return {type: 'move', action: 'close'};
	if (key.rightArrow && !detailsOpen) return {type: 'move', action: 'open'};
	return undefined;
}
