import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import TextInput from 'ink-text-input';
import {useState} from 'react';
import type {ExistingKey, Failure} from '../../wizard/state.js';
import {useTheme} from '../theme.js';
import {Busy, failureLines} from './Busy.js';
import {CONFIRM_HINTS, ConfirmQuestion, DESTRUCTIVE_CONFIRM_HINTS, useConfirmKeys} from './Confirm.js';
import {line, Lines, useScroll} from './Lines.js';
import {BACK_HINT, QUIT_HINT, ScreenBody} from './ScreenBody.js';
import type {ScreenProps} from './screen-props.js';
import {useKeys} from './use-keys.js';

export function UserAndPolicyScreen(props: ScreenProps<'user-and-policy'>) {
	const {screen, context} = props;
	switch (screen.phase) {
		case 'form':
			return <UserForm {...props} error={screen.error} />;
		case 'generating-policy':
			return <ScreenBody hints={[BACK_HINT, QUIT_HINT]}><Busy text="Writing a least-privilege deploy policy for this service" /></ScreenBody>;
		case 'policy':
			return <PolicyView {...props} error={screen.error} />;
		case 'confirm-save-policy':
			return <Confirmation {...props} lines={[`Save the policy to ${screen.path}?`]} question="Write this file?" />;
		case 'saving-policy':
			return <ScreenBody hints={[QUIT_HINT]}><Busy text={`Saving ${screen.path}`} /></ScreenBody>;
		case 'confirm-create': {
			const admin = context.admin;
			const who = admin?.kind === 'found' ? admin.candidate.label : `pasted key ${admin?.keys.accessKeyId.masked() ?? ''}`;
			const policy = context.policyChoice === 'admin' ? 'AdministratorAccess' : `${context.policy?.name ?? 'custom'} (least privilege)`;
			return (
				<Confirmation
					{...props}
					lines={[`IAM user:  ${context.userName}`, `Policy:    ${policy}`, 'Access key: one new key, saved as a profile next', `Using:     ${who}`]}
					question="Create this user in AWS?"
				/>
			);
		}
		case 'creating':
			return <ScreenBody hints={[QUIT_HINT]}><Busy text={`Creating ${context.userName} and its access key`} /></ScreenBody>;
		case 'user-exists':
			return <UserExists {...props} userName={screen.userName} />;
		case 'confirm-new-key':
			return (
				<Confirmation
					{...props}
					lines={[
						`Give the existing user ${screen.userName} a new access key`,
						`and attach ${context.policyChoice === 'custom' && context.policy ? `the policy ${context.policy.name}` : 'AdministratorAccess'} (a user left by an earlier run may have none).`,
					]}
					question="Create a new key?"
				/>
			);
		case 'too-many-keys':
			return <TooManyKeys {...props} userName={screen.userName} keys={screen.keys} />;
		case 'confirm-delete-key':
			return (
				<Confirmation
					{...props}
					lines={[
						`Delete access key ${screen.key.accessKeyId.masked()} of ${screen.userName}${screen.key.ageDays === undefined ? '' : ` (${screen.key.ageDays} days old)`}, then create a new one.`,
						'Anything still using that key stops working.',
					]}
					question="Delete this key?"
					destructive
				/>
			);
	}
}

function Confirmation({dispatch, lines, question, destructive = false}: ScreenProps<'user-and-policy'> & {lines: string[]; question: string; destructive?: boolean}) {
	useConfirmKeys(dispatch, {canConfirm: true, destructive});
	return (
		<ScreenBody hints={[...(destructive ? DESTRUCTIVE_CONFIRM_HINTS : CONFIRM_HINTS), BACK_HINT]} controls={<ConfirmQuestion text={question} destructive={destructive} />}>
			{lines.map(text => (
				<Text key={text}>{text}</Text>
			))}
		</ScreenBody>
	);
}

const POLICY_ITEMS = [
	{key: 'admin', label: 'AdministratorAccess (works first time, can do anything)', value: 'admin' as const},
	{key: 'custom', label: 'Least-privilege deploy policy for this service', value: 'custom' as const},
];

function UserForm({context, dispatch, error}: ScreenProps<'user-and-policy'> & {error?: Failure}) {
	const theme = useTheme();
	const [field, setField] = useState<'name' | 'policy'>('name');
	useKeys({tab: () => setField(current => (current === 'name' ? 'policy' : 'name'))});
	return (
		<ScreenBody
			hints={[['Tab', 'next field'], ['Enter', 'continue'], BACK_HINT, QUIT_HINT]}
			controls={
				<Box flexDirection="column">
					<Box>
						<Text color={field === 'name' ? theme.accent : undefined}>{field === 'name' ? '› ' : '  '}IAM user name: </Text>
						<TextInput
							value={context.userName}
							focus={field === 'name'}
							showCursor={field === 'name'}
							onChange={value => dispatch({type: 'edit', field: 'userName', value})}
							onSubmit={() => dispatch({type: 'submit'})}
						/>
					</Box>
					<Text color={field === 'policy' ? theme.accent : undefined}>{field === 'policy' ? '› ' : '  '}Policy:</Text>
					<SelectInput
						items={POLICY_ITEMS}
						isFocused={field === 'policy'}
						initialIndex={context.policyChoice === 'admin' ? 0 : 1}
						onHighlight={item => dispatch({type: 'choose-policy', policy: item.value})}
						onSelect={() => dispatch({type: 'submit'})}
					/>
				</Box>
			}
		>
			<Text>The deploy user signs in for `serverless deploy`; its key is saved as a profile next.</Text>
			<Lines lines={failureLines(error)} />
		</ScreenBody>
	);
}

function PolicyView({context, dispatch, error}: ScreenProps<'user-and-policy'> & {error?: Failure}) {
	const theme = useTheme();
	const policy = context.policy;
	const [path, setPath] = useState<string | undefined>(undefined);
	const lines = [
		...failureLines(error),
		...(policy?.warnings ?? []).map(text => line(`⚠ ${text}`, 'warn')),
		...(policy?.savedTo ? [line(`Saved to ${policy.savedTo}`, 'ok')] : []),
		...(policy?.document ?? '').split('\n').map(text => line(text)),
	];
	const editing = path !== undefined;
	const skip = useScroll(lines.length, !editing);
	useKeys({enter: () => dispatch({type: 'submit'}), s: () => setPath(`${policy?.name ?? 'deploy-policy'}.json`)}, !editing);
	return (
		<ScreenBody
			hints={editing ? [['Enter', 'save'], BACK_HINT] : [['↑↓', 'scroll'], ['s', 'save to a file'], ['Enter', 'create the user'], BACK_HINT]}
			controls={
				editing ? (
					<Box>
						<Text color={theme.accent}>Save as: </Text>
						<TextInput value={path} onChange={setPath} onSubmit={value => dispatch({type: 'save-policy', path: value})} />
					</Box>
				) : undefined
			}
		>
			<Text bold color={theme.accent}>
				Policy {policy?.name ?? ''}
			</Text>
			<Lines lines={lines} skip={skip} />
		</ScreenBody>
	);
}

function UserExists({dispatch, userName}: ScreenProps<'user-and-policy'> & {userName: string}) {
	const items = [
		{key: 'new-key', label: `Use ${userName} with a new access key`, value: 'new-key' as const},
		{key: 'other-name', label: 'Choose another user name', value: 'other-name' as const},
	];
	return (
		<ScreenBody
			hints={[['↑↓', 'choose'], ['Enter', 'select'], BACK_HINT, QUIT_HINT]}
			controls={<SelectInput items={items} onSelect={item => dispatch({type: 'user-exists-choice', choice: item.value})} />}
		>
			<Text>An IAM user named {userName} already exists in this account.</Text>
		</ScreenBody>
	);
}

function TooManyKeys({dispatch, userName, keys}: ScreenProps<'user-and-policy'> & {userName: string; keys: ExistingKey[]}) {
	const items = keys.map((key, index) => ({
		key: `key-${index}`,
		label: `${key.accessKeyId.masked()}  ${key.status}${key.ageDays === undefined ? '' : `, ${key.ageDays} days old`}${key.lastUsedAt ? `, last used ${key.lastUsedAt.slice(0, 10)}` : ', never used'}`,
		value: index,
	}));
	return (
		<ScreenBody
			hints={[['↑↓', 'choose'], ['Enter', 'delete this one…'], BACK_HINT, QUIT_HINT]}
			controls={<SelectInput items={items} onSelect={item => dispatch({type: 'pick-key', index: item.value})} />}
		>
			<Text>{userName} already has two access keys (the IAM limit). Pick one to delete; you confirm first.</Text>
		</ScreenBody>
	);
}
