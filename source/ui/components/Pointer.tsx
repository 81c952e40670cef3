import {Text} from 'ink';
import {useTheme} from '../theme.js';

/** The selection marker: a character, not only a colour, so it shows in no-colour mode too. */
export function Pointer({selected}: {selected: boolean}) {
	const theme = useTheme();
	return <Text color={theme.selection}>{selected ? '› ' : '  '}</Text>;
}
