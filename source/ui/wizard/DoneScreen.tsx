import {deployCommand, invokeLocalCaveat} from '../../wizard/texts.js';
import {Busy, failureLines} from './Busy.js';
import {line, Lines, useScroll, type Line} from './Lines.js';
import {QUIT_HINT, ScreenBody} from './ScreenBody.js';
import type {ScreenProps} from './screen-props.js';
import {useKeys} from './use-keys.js';

export function DoneScreen({screen, context, dispatch}: ScreenProps<'done'>) {
	const summary = screen.phase === 'summary';
	const lines: Line[] = [];
	if (screen.phase === 'summary') {
		lines.push(...failureLines(screen.failure));
		for (const check of screen.checks) {
			const who = check.winner ? `${check.winner}${check.account ? ` (account ${check.account})` : ''}` : (check.problem ?? 'no credentials');
			lines.push(line(`${check.ok ? '✔' : '✖'} ${check.stage}${check.profile ? ` → ${check.profile}` : ''}: ${who}`, check.ok ? 'ok' : 'fail'));
			if (!check.ok && check.problem && check.winner) lines.push(line(`   ${check.problem}`));
		}
		const stage = context.defaults.stage;
		lines.push(line(''), line('Deploy with:', 'heading'), line(`  $ ${deployCommand(stage)}`, 'accent'), line(''));
		lines.push(...invokeLocalCaveat({stage, ...(context.mapping[stage] ? {profile: context.mapping[stage]} : {})}).map(text => line(text, 'muted')));
	}
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
