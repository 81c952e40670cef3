import {Box, Text} from 'ink';
import type {Event, PlanRefusal} from '../../wizard/state.js';
import {useTheme} from '../theme.js';
import {CONFIRM_HINTS, ConfirmQuestion, useConfirmKeys} from './Confirm.js';
import {Diff} from './Diff.js';
import {useScroll} from './Lines.js';
import {BACK_HINT, ScreenBody} from './ScreenBody.js';

/** A planned edit shown as its masked diff: nothing is written unless the user says yes to exactly this. */
export function ReviewPlan(props: {
	title: string;
	diff: string[];
	warnings: string[];
	refusal?: PlanRefusal;
	question: string;
	dispatch(event: Event): void;
}) {
	const theme = useTheme();
	const {refusal} = props;
	const canOverwrite = refusal?.canOverride === true;
	useConfirmKeys(props.dispatch, {canConfirm: refusal === undefined, canOverwrite});
	const skip = useScroll(props.diff.length, true);
	const hints: Array<[string, string]> = refusal
		? [...(canOverwrite ? [['o', 'replace it'] as [string, string]] : []), ['n', 'no'], BACK_HINT]
		: [...CONFIRM_HINTS, ['↑↓', 'scroll'], BACK_HINT];
	return (
		<ScreenBody
			hints={hints}
			controls={
				refusal ? (
					<Box flexDirection="column">
						<Text color={theme.fail}>✖ {refusal.message}</Text>
						{refusal.fix ? <Text>  Fix: {refusal.fix}</Text> : null}
					</Box>
				) : (
					<ConfirmQuestion text={props.question} />
				)
			}
		>
			<Text bold color={theme.accent}>
				{props.title}
			</Text>
			{props.warnings.map(warning => (
				<Text key={warning} color={theme.warn}>
					⚠ {warning}
				</Text>
			))}
			<Diff lines={props.diff} skip={skip} />
		</ScreenBody>
	);
}
