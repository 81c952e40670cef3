import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import TextInput from 'ink-text-input';
import {useState} from 'react';
import {exportLines} from '../../wizard/shell-exports.js';
import type {KeysPath} from '../../wizard/state.js';
import {teamStage} from '../../wizard/team-stages.js';
import {accessDeniedText, consoleGuide, dashboardGuide, ENVIRONMENT_KEYS_NOTES, LINKS} from '../../wizard/texts.js';
import {useTheme} from '../theme.js';
import {firstLink, guideLines} from './guide-lines.js';
import {ConfirmQuestion} from './Confirm.js';
import {KeysForm} from './KeysForm.js';
import {line, Lines, useScroll, type Line} from './Lines.js';
import {BACK_HINT, QUIT_HINT, ScreenBody} from './ScreenBody.js';
import type {ScreenProps} from './screen-props.js';
import {useKeys} from './use-keys.js';

const PATH_ITEMS: Array<{key: string; label: string; value: KeysPath}> = [
	{key: 'create-user', label: 'a. Create a deploy user (needs admin credentials)', value: 'create-user'},
	{key: 'console', label: 'b. Guide me through the AWS console', value: 'console'},
	{key: 'paste', label: 'c. I have access keys: save them as a profile', value: 'paste'},
	{key: 'dashboard', label: 'd. Use Serverless Dashboard provider credentials', value: 'dashboard'},
	{key: 'env', label: 'e. Environment variables for this shell only', value: 'env'},
];

export function KeysPathScreen(props: ScreenProps<'keys-path'>) {
	switch (props.screen.phase) {
		case 'choose':
			return <ChoosePath {...props} />;
		case 'admin-credentials':
			return <AdminCredentials {...props} error={props.screen.error} />;
		case 'save-admin':
			return <SaveAdmin {...props} naming={props.screen.naming} error={props.screen.error} />;
		case 'console-guide':
			return <ConsoleGuide {...props} reason={props.screen.reason} />;
		case 'paste':
			return <PasteKeys {...props} path={props.screen.path} error={props.screen.error} />;
		case 'dashboard':
			return <Dashboard {...props} />;
		case 'env-exports':
			return <EnvExports {...props} />;
	}
}

function ChoosePath({context, dispatch}: ScreenProps<'keys-path'>) {
	const stage = context.forStage;
	const target = context.teamTarget;
	const entry = target ? teamStage(context.team, target.stage) : undefined;
	const question =
		target?.profile === 'base'
			? `Where do your own keys (profile ${context.profileName}) come from? Stage ${target.stage} assumes its role with them.`
			: `How should the deploy ${stage === undefined ? '' : `for stage ${stage} `}get its AWS keys?`;
	return (
		<ScreenBody
			hints={[['↑↓', 'choose'], ['Enter', 'select'], BACK_HINT, QUIT_HINT]}
			controls={<SelectInput items={PATH_ITEMS} onSelect={item => dispatch({type: 'choose-path', path: item.value})} />}
		>
			<Text>{question}</Text>
			{entry && target?.profile === 'stage' ? (
				<Text>
					They are saved as profile {entry.profile}; the team expects account {entry.account}.
				</Text>
			) : null}
		</ScreenBody>
	);
}

function AdminCredentials({context, dispatch, error}: ScreenProps<'keys-path'> & {error?: string}) {
	const theme = useTheme();
	const [pasting, setPasting] = useState(false);
	const candidates = context.scan?.iamCandidates ?? [];
	const items = [
		...candidates.map((candidate, index) => ({key: `found-${index}`, label: candidate.label, value: index})),
		{key: 'paste', label: 'Paste admin access keys (kept only if you ask)', value: -1},
	];
	return (
		<ScreenBody
			hints={pasting ? [['Enter', 'next / use'], ['Tab', 'switch field'], BACK_HINT] : [['↑↓', 'choose'], ['Enter', 'select'], BACK_HINT, QUIT_HINT]}
			controls={
				pasting ? (
					<KeysForm isActive onSubmit={keys => dispatch({type: 'choose-admin', choice: {kind: 'pasted', keys}})} />
				) : (
					<SelectInput
						items={items}
						onSelect={item => {
							if (item.value < 0) setPasting(true);
							else dispatch({type: 'choose-admin', choice: {kind: 'found', index: item.value}});
						}}
					/>
				)
			}
		>
			<Text>Which credentials may create the IAM user? They are used for this run only.</Text>
			{error ? <Text color={theme.fail}>✖ {error}</Text> : null}
		</ScreenBody>
	);
}

/** Pasted admin keys are forgotten after this run unless the user says yes here (default no). */
function SaveAdmin({context, dispatch, naming, error}: ScreenProps<'keys-path'> & {naming: boolean; error?: string}) {
	const theme = useTheme();
	const keyId = context.admin?.kind === 'pasted' ? context.admin.keys.accessKeyId.masked() : '';
	useKeys({y: () => dispatch({type: 'confirm'}), n: () => dispatch({type: 'decline'}), enter: () => dispatch({type: 'decline'})}, !naming);
	return (
		<ScreenBody
			hints={naming ? [['Enter', 'show the change'], BACK_HINT, QUIT_HINT] : [['y', 'yes'], ['Enter/n', 'no'], BACK_HINT, QUIT_HINT]}
			controls={
				naming ? (
					<Box>
						<Text color={theme.accent}>Profile name: </Text>
						<TextInput
							value={context.adminProfileName}
							onChange={value => dispatch({type: 'edit', field: 'adminProfileName', value})}
							onSubmit={() => dispatch({type: 'submit'})}
						/>
					</Box>
				) : (
					<ConfirmQuestion text="Save these admin keys as a profile?" defaultNo />
				)
			}
		>
			<Text>
				The admin keys {keyId} are used for this run only and forgotten afterwards. Keeping admin keys on disk is a risk: save them only if you
				need them again.
			</Text>
			{error ? <Text color={theme.fail}>✖ {error}</Text> : null}
		</ScreenBody>
	);
}

function ConsoleGuide({context, dispatch, reason}: ScreenProps<'keys-path'> & {reason?: {action?: string; message: string}}) {
	const guide = consoleGuide({
		userName: context.userName,
		policyName: context.policy?.name ?? context.defaults.policyName,
		...(context.policy?.savedTo ? {policyFile: context.policy.savedTo} : {}),
	});
	const lines: Line[] = reason ? [line(accessDeniedText(reason.action), 'warn'), line('')] : [];
	lines.push(...guideLines(guide));
	const skip = useScroll(lines.length, true);
	const url = firstLink(guide) ?? LINKS.createUser.url;
	useKeys({enter: () => dispatch({type: 'submit'}), o: () => dispatch({type: 'open-link', url})});
	return (
		<ScreenBody hints={[['↑↓', 'scroll'], ['o', 'open console'], ['Enter', 'I have the keys'], BACK_HINT]}>
			<Lines lines={lines} skip={skip} />
		</ScreenBody>
	);
}

function PasteKeys({dispatch, path, error}: ScreenProps<'keys-path'> & {path: 'console' | 'paste' | 'env'; error?: string}) {
	const theme = useTheme();
	const intro =
		path === 'env'
			? 'Paste the keys to export in this shell. They are shown masked and not saved.'
			: path === 'console'
				? 'Paste the access key the console showed for the new user.'
				: 'Paste the access key to save as a profile.';
	return (
		<ScreenBody
			hints={[['Enter', 'next / continue'], ['Tab', 'switch field'], BACK_HINT, QUIT_HINT]}
			controls={<KeysForm isActive onSubmit={keys => dispatch({type: 'keys-entered', keys})} />}
		>
			<Text>{intro}</Text>
			{error ? <Text color={theme.fail}>✖ {error}</Text> : null}
		</ScreenBody>
	);
}

function Dashboard({context, dispatch}: ScreenProps<'keys-path'>) {
	const guide = dashboardGuide(context.defaults.framework);
	const lines = guideLines(guide);
	const skip = useScroll(lines.length, true);
	const url = firstLink(guide) ?? LINKS.dashboard.url;
	useKeys({enter: () => dispatch({type: 'submit'}), o: () => dispatch({type: 'open-link', url})});
	return (
		<ScreenBody hints={[['↑↓', 'scroll'], ['o', 'open Dashboard'], ['Enter', 'check stages'], BACK_HINT]}>
			<Lines lines={lines} skip={skip} />
		</ScreenBody>
	);
}

function EnvExports({context, dispatch, shell}: ScreenProps<'keys-path'>) {
	const theme = useTheme();
	const keys = context.keys;
	const exports = keys
		? exportLines(shell, {...keys, region: context.region})
		: undefined;
	const lines: Line[] = [
		...(exports?.shown ?? []).map(text => line(text, 'accent')),
		...(exports?.notes ?? []).map(text => line(text, 'muted')),
		line(''),
		...ENVIRONMENT_KEYS_NOTES.map(text => line(`• ${text}`)),
	];
	const skip = useScroll(lines.length, true);
	useKeys({enter: () => dispatch({type: 'submit'}), c: () => dispatch({type: 'copy-exports'})});
	return (
		<ScreenBody hints={[['c', 'copy real lines'], ['↑↓', 'scroll'], ['Enter', 'check stages'], BACK_HINT]}>
			<Box flexDirection="column">
				<Text color={theme.muted}>Run these in your shell (keys masked here; c copies the real lines):</Text>
				<Lines lines={lines} skip={skip} />
			</Box>
		</ScreenBody>
	);
}
