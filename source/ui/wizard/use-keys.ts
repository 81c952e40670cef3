import {useInput} from 'ink';

/** Named keys a screen reacts to: single letters, `enter`, `tab`. */
export type KeyName = 'enter' | 'tab' | string;

/** Calls the action bound to the key pressed; letters match either case. Only the active screen listens. */
export function useKeys(actions: Partial<Record<KeyName, () => void>>, isActive = true): void {
	useInput(
		(input, key) => {
			if (key.ctrl || key.meta) return;
			const name = key.return ? 'enter' : key.tab ? 'tab' : input.toLowerCase();
			actions[name]?.();
		},
		{isActive},
	);
}
