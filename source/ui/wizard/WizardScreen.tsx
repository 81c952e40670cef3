import {Text, useInput} from 'ink';
import {Frame} from '../components/Frame.js';
import {useTerminalSize} from '../terminal-size.js';
import {useTheme} from '../theme.js';
import type {Shell} from '../../wizard/shell-exports.js';
import type {Event, Screen, WizardState} from '../../wizard/state.js';
import {AccountScreen} from './AccountScreen.js';
import {DoneScreen} from './DoneScreen.js';
import {KeysPathScreen} from './KeysPathScreen.js';
import {ProfileScreen} from './ProfileScreen.js';
import {ScanScreen} from './ScanScreen.js';
import {StagesScreen} from './StagesScreen.js';
import {TeamScreen} from './TeamScreen.js';
import {UserAndPolicyScreen} from './UserAndPolicyScreen.js';
import {VerifyScreen} from './VerifyScreen.js';

const STEP_TITLES: Record<Exclude<Screen['step'], 'exit'>, [number, string]> = {
	scan: [1, 'What is set up now'],
	account: [2, 'AWS account'],
	'keys-path': [3, 'Access keys'],
	'user-and-policy': [4, 'Deploy user and policy'],
	profile: [5, 'Save as a profile'],
	verify: [6, 'Check the key with AWS'],
	stages: [7, 'Profiles per stage'],
	team: [7, "The team's stages"],
	done: [8, 'Done'],
};

/** The phase's screen, keyed so that a new phase starts with fresh local state (scroll, typed text). */
export function screenKey(screen: Screen): string {
	return `${screen.step}/${screen.phase}/${'id' in screen ? screen.id : ''}${'path' in screen ? screen.path : ''}`;
}

/**
 * The wizard at the terminal's size: one screen per step, which renders `state` and turns keys into events. Esc is
 * `back` and Ctrl-C `cancel` everywhere; everything else is the reducer's decision.
 */
export function WizardScreen({state, dispatch, shell = 'posix'}: {state: WizardState; dispatch(event: Event): void; shell?: Shell}) {
	const theme = useTheme();
	const size = useTerminalSize();
	useInput((input, key) => {
		if (key.ctrl && input === 'c') dispatch({type: 'cancel'});
		else if (key.escape) dispatch({type: 'back'});
	});
	const {screen, context} = state;
	// Never the full height on the normal screen: ink would clear the scrollback on every frame (toolchain.md §5).
	const width = size.columns;
	const height = Math.max(8, size.rows - 1);
	if (screen.step === 'exit') {
		return <Text color={theme.muted}>{screen.next === 'doctor' ? 'Starting the doctor…' : screen.code === 130 ? 'Cancelled.' : 'Bye.'}</Text>;
	}
	const [number, title] = STEP_TITLES[screen.step];
	const detour = context.forStage === undefined ? '' : ` (stage ${context.forStage})`;
	const common = {context, dispatch, shell};
	const key = screenKey(screen);
	let body;
	switch (screen.step) {
		case 'scan':
			body = <ScanScreen key={key} {...common} screen={screen} />;
			break;
		case 'account':
			body = <AccountScreen key={key} {...common} screen={screen} />;
			break;
		case 'keys-path':
			body = <KeysPathScreen key={key} {...common} screen={screen} />;
			break;
		case 'user-and-policy':
			body = <UserAndPolicyScreen key={key} {...common} screen={screen} />;
			break;
		case 'profile':
			body = <ProfileScreen key={key} {...common} screen={screen} />;
			break;
		case 'verify':
			body = <VerifyScreen key={key} {...common} screen={screen} />;
			break;
		case 'stages':
			body = <StagesScreen key={key} {...common} screen={screen} />;
			break;
		case 'team':
			body = <TeamScreen key={key} {...common} screen={screen} />;
			break;
		case 'done':
			body = <DoneScreen key={key} {...common} screen={screen} />;
			break;
	}
	return (
		<Frame width={width} height={height} title={`sls-creds-wizard · ${number}/8 ${title}${detour}`}>
			{body}
		</Frame>
	);
}
