import {Box, Text} from 'ink';
import {useState} from 'react';
import {Secret} from '../../secret.js';
import type {AccessKeys} from '../../wizard/state.js';
import {useTheme} from '../theme.js';
import {MaskedInput} from './MaskedInput.js';
import {useKeys} from './use-keys.js';

type Field = 'id' | 'secret' | 'token';

const LABELS: Record<Field, string> = {
	id: 'Access key id:     ',
	secret: 'Secret access key: ',
	token: 'Session token:     ',
};

/**
 * An access key id and secret (and, for temporary ASIA… keys, the session token) typed or pasted into masked
 * fields. Enter moves on; Enter on the last field hands them over as `Secret`s and the reducer judges them.
 */
export function KeysForm({onSubmit, isActive}: {onSubmit(keys: AccessKeys): void; isActive: boolean}) {
	const theme = useTheme();
	const [values, setValues] = useState<Record<Field, string>>({id: '', secret: '', token: ''});
	const [field, setField] = useState<Field>('id');
	const temporary = values.id.trim().startsWith('ASIA');
	const fields: Field[] = temporary ? ['id', 'secret', 'token'] : ['id', 'secret'];
	const next = () => setField(current => fields[(fields.indexOf(current) + 1) % fields.length] ?? 'id');
	useKeys({tab: next}, isActive);
	const submit = () => {
		const keys: AccessKeys = {accessKeyId: new Secret(values.id.trim()), secretAccessKey: new Secret(values.secret.trim())};
		if (temporary && values.token.trim() !== '') keys.sessionToken = new Secret(values.token.trim());
		onSubmit(keys);
	};
	return (
		<Box flexDirection="column">
			{fields.map((name, index) => (
				<Box key={name}>
					<Text color={field === name ? theme.accent : undefined}>
						{field === name ? '› ' : '  '}
						{LABELS[name]}
					</Text>
					<MaskedInput
						value={values[name]}
						onChange={value => setValues(current => ({...current, [name]: value}))}
						onSubmit={index === fields.length - 1 ? submit : next}
						focus={isActive && field === name}
					/>
				</Box>
			))}
		</Box>
	);
}
