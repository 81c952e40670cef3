import TextInput from 'ink-text-input';

/**
 * A text field for a secret: every character shows as `*`, so a key typed or pasted never reaches the terminal.
 * The raw value lives only in the caller's component state until it is wrapped in a `Secret`.
 */
export function MaskedInput(props: {value: string; onChange(value: string): void; onSubmit?(value: string): void; focus: boolean; placeholder?: string}) {
	return (
		<TextInput
			value={props.value}
			onChange={props.onChange}
			onSubmit={props.onSubmit}
			focus={props.focus}
			showCursor={props.focus}
			mask="*"
			placeholder={props.placeholder}
		/>
	);
}
