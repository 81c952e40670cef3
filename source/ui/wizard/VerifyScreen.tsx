import {Text} from 'ink';
import type {WizardContext} from '../../wizard/state.js';
import {ROOT_KEYS_WARNING} from '../../wizard/texts.js';
import {useTheme} from '../theme.js';
import {Busy, failureLines} from './Busy.js';
import {line, Lines, type Line} from './Lines.js';
import {BACK_HINT, QUIT_HINT, ScreenBody} from './ScreenBody.js';
import type {ScreenProps} from './screen-props.js';
import {useKeys} from './use-keys.js';

/** In the newcomer flow: what the verified keys are for. */
function teamNote(context: WizardContext): Line[] {
	const target = context.teamTarget;
	if (!target) return [];
	if (target.profile === 'base') return [line(''), line(`Next: the role profile of stage ${target.stage}, assumed with these keys.`)];
	return [line(`✔ The account the team expects for ${target.stage}`, 'ok')];
}

export function VerifyScreen({screen, context, dispatch}: ScreenProps<'verify'>) {
	const theme = useTheme();
	useKeys({enter: () => dispatch({type: 'submit'})}, screen.phase === 'verified');
	useKeys({r: () => dispatch({type: 'retry'}), s: () => dispatch({type: 'skip'})}, screen.phase === 'failed');
	switch (screen.phase) {
		case 'verifying': {
			const progress = screen.attempt > 0 ? ` (attempt ${screen.attempt}, ${Math.round(screen.elapsedMs / 1000)} s: new keys take a few seconds to work)` : '';
			return (
				<ScreenBody hints={[QUIT_HINT]}>
					<Busy text={`Asking AWS STS who this key is${progress}`} />
				</ScreenBody>
			);
		}
		case 'verified': {
			const {identity} = screen;
			const lines = [
				line('✔ AWS accepts the key', 'ok'),
				line(`  Account: ${identity.account}`),
				line(`  ARN:     ${identity.arn}`),
				...(identity.principal === 'root' ? [line(`⚠ ${ROOT_KEYS_WARNING}`, 'warn')] : []),
				...teamNote(context),
			];
			return (
				<ScreenBody hints={[['Enter', 'continue'], BACK_HINT, QUIT_HINT]}>
					<Lines lines={lines} />
				</ScreenBody>
			);
		}
		case 'failed':
			return (
				<ScreenBody hints={[['r', 'try again'], ['s', 'skip'], BACK_HINT, QUIT_HINT]}>
					{screen.timedOut ? <Text color={theme.warn}>AWS did not accept the new key in time; it may still start working.</Text> : null}
					<Lines lines={failureLines(screen.failure)} />
				</ScreenBody>
			);
	}
}
