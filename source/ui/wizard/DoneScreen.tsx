import {doneSummary} from '../../wizard/done-summary.js';
import {Busy} from './Busy.js';
import {Lines, useScroll} from './Lines.js';
import {QUIT_HINT, ScreenBody} from './ScreenBody.js';
import type {ScreenProps} from './screen-props.js';
import {useKeys} from './use-keys.js';

export function DoneScreen({screen, context, dispatch}: ScreenProps<'done'>) {
	const summary = screen.phase === 'summary';
	const lines = screen.phase === 'summary' ? doneSummary(screen, context) : [];
	const skip = useScroll(lines.length, summary);
	useKeys({enter: () => dispatch({type: 'submit'}), r: () => dispatch({type: 'retry'})}, summary);
	if (screen.phase === 'checking') {
		return (
			<ScreenBody hints={[QUIT_HINT]}>
				<Busy text="Checking which credentials each stage deploys with" />
			</ScreenBody>
		);
	}
	return (
		<ScreenBody hints={[['Enter', 'finish'], ['r', 'check again'], ['↑↓', 'scroll'], QUIT_HINT]}>
			<Lines lines={lines} skip={skip} />
		</ScreenBody>
	);
}
