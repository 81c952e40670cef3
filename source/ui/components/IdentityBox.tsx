import {Box, Text} from 'ink';
import type {Report} from '../../doctor/report.js';
import {kindLabel} from '../status-marks.js';
import {useTheme, type Theme} from '../theme.js';

/** Which credentials the deploy uses, and what AWS says about them. Always exactly two lines inside a border. */
export function IdentityBox({report, checking}: {report: Report; checking: boolean}) {
	const theme = useTheme();
	return (
		<Box flexDirection="column" flexShrink={0} borderStyle="single" borderColor={borderColour(report, checking, theme)} paddingX={1}>
			<Text wrap="truncate-end">
				<Text color={theme.muted}>Deploy uses </Text>
				<Credentials report={report} />
			</Text>
			<Text wrap="truncate-end">
				<Text color={theme.muted}>AWS says    </Text>
				<Verdict report={report} checking={checking} />
			</Text>
		</Box>
	);
}

function Credentials({report}: {report: Report}) {
	const theme = useTheme();
	const {winner, error} = report;
	if (winner) {
		return (
			<Text>
				<Text color={theme.winner} bold>
					★ {winner.title}
				</Text>
				<Text color={theme.muted}> · {kindLabel[winner.kind]}</Text>
				{winner.accessKeyId ? <Text color={theme.muted}> · {winner.accessKeyId}</Text> : null}
				{winner.roleArn ? <Text color={theme.muted}> · {winner.roleArn}</Text> : null}
			</Text>
		);
	}
	if (error) {
		return (
			<Text color={theme.fail}>
				✖ {error.code}: {error.message}
			</Text>
		);
	}
	return <Text color={theme.fail}>✖ no credentials found</Text>;
}

function Verdict({report, checking}: {report: Report; checking: boolean}) {
	const theme = useTheme();
	const {identity} = report;
	if (checking) return <Text color={theme.accent}>… asking AWS STS who this is</Text>;
	switch (identity.status) {
		case 'ok':
			return (
				<Text>
					<Text color={theme.ok}>✔ account {identity.account}</Text>
					<Text color={theme.muted}> · {identity.arn}</Text>
				</Text>
			);
		case 'failed':
			return (
				<Text color={theme.fail}>
					✖ {identity.failure.code}: {identity.explanation?.title ?? identity.failure.message}
				</Text>
			);
		case 'skipped':
			return <Text color={theme.muted}>– not checked: {identity.reason}</Text>;
	}
}

function borderColour(report: Report, checking: boolean, theme: Theme): string | undefined {
	if (!report.winner || report.identity.status === 'failed') return theme.fail;
	if (!checking && report.identity.status === 'ok') return theme.ok;
	return theme.border;
}
