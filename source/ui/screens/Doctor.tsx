import {useMemo, useReducer} from 'react';
import {Box, useInput, useStdin} from 'ink';
import type {Report} from '../../doctor/report.js';
import {ChecklistRow} from '../components/Checklist.js';
import {DetailsPanel} from '../components/DetailsPanel.js';
import {Frame} from '../components/Frame.js';
import {Header} from '../components/Header.js';
import {IdentityBox, identityBoxLines} from '../components/IdentityBox.js';
import {KeyHints} from '../components/KeyHints.js';
import {LadderRow} from '../components/Ladder.js';
import {Note} from '../components/Note.js';
import {SectionHeading} from '../components/SectionHeading.js';
import {SummaryCounts} from '../components/SummaryCounts.js';
import {doctorKey} from '../doctor-keys.js';
import {doctorList, rowDetails, type DoctorRow} from '../doctor-rows.js';
import {navigate, startingNavigation, visibleDetailsScroll, visibleTop, type Viewport} from '../doctor-navigation.js';
import {useTerminalSize} from '../terminal-size.js';

export type DoctorExit = 'quit' | 'cancel';

export interface DoctorProps {
	report: Report;
	/** `quit`: q or Esc; `cancel`: Ctrl-C (the caller exits 130). */
	onExit: (reason: DoctorExit) => void;
	/** The STS probe is still running: the identity line says so. */
	checking?: boolean;
}

/** Lines the frame itself takes besides the identity box: 2 borders, the title, the header and the key hints. */
const CHROME_LINES = 5;

/** The full-screen doctor: header, identity, then the ladder and the checklist as one scrolling list. */
export function Doctor({report, onExit, checking = false}: DoctorProps) {
	const {columns, rows} = useTerminalSize();
	const {isRawModeSupported} = useStdin();
	const list = useMemo(() => doctorList(report), [report]);
	const [state, dispatch] = useReducer(navigate, list.firstFinding, startingNavigation);

	// One line short of the terminal: a frame as tall as the screen makes Ink clear the whole screen on every frame.
	const height = Math.max(3, rows - 1);
	const innerWidth = Math.max(10, columns - 4);
	const bodyHeight = Math.max(1, height - CHROME_LINES - identityBoxLines(report));
	const selected = Math.min(state.selected, Math.max(0, list.items.length - 1));
	const selectedRow: DoctorRow | undefined = list.rows[list.items[selected] ?? -1];
	const details = state.details && selectedRow ? rowDetails(selectedRow, report, innerWidth) : undefined;
	const viewport: Viewport = {
		rowCount: list.rows.length,
		items: list.items,
		listHeight: bodyHeight,
		detailsLineCount: details?.lines.length ?? 0,
		detailsHeight: Math.max(1, bodyHeight - 1),
	};

	useInput(
		(input, key) => {
			const command = doctorKey(input, key, details !== undefined);
			if (!command) return;
			if (command.type === 'move') dispatch({type: command.action, viewport});
			else onExit(command.type);
		},
		{isActive: isRawModeSupported},
	);

	const top = visibleTop(state, viewport);
	const scroll = visibleDetailsScroll(state, viewport);
	return (
		<Frame width={columns} height={height} title="sls-creds-wizard doctor" right={<SummaryCounts summary={report.summary} />}>
			<Header report={report} />
			<IdentityBox report={report} checking={checking} />
			<Box flexDirection="column" height={bodyHeight} flexShrink={0} overflow="hidden">
				{details ? (
					<DetailsPanel details={details} scroll={scroll} height={viewport.detailsHeight} />
				) : (
					list.rows.slice(top, top + bodyHeight).map((row, index) => (
						<ListRow key={top + index} row={row} selected={row === selectedRow} labelWidth={list.labelWidth} />
					))
				)}
			</Box>
			{details ? (
				<KeyHints
					hints={[
						['↑↓', 'scroll'],
						['⏎/esc', 'back'],
						['q', 'quit'],
					]}
					position={
						details.lines.length > viewport.detailsHeight
							? `${scroll + 1}–${Math.min(scroll + viewport.detailsHeight, details.lines.length)}/${details.lines.length}`
							: undefined
					}
				/>
			) : (
				<KeyHints
					hints={[
						['↑↓', 'move'],
						['⏎', 'details'],
						['q', 'quit'],
					]}
					position={list.items.length > 0 ? `${selected + 1}/${list.items.length}` : undefined}
				/>
			)}
		</Frame>
	);
}

function ListRow({row, selected, labelWidth}: {row: DoctorRow; selected: boolean; labelWidth: number}) {
	switch (row.kind) {
		case 'heading':
			return <SectionHeading text={row.text} />;
		case 'note':
			return <Note text={row.text} tone={row.tone} />;
		case 'candidate':
			return <LadderRow candidate={row.candidate} selected={selected} labelWidth={labelWidth} />;
		case 'finding':
			return <ChecklistRow finding={row.finding} selected={selected} />;
	}
}
