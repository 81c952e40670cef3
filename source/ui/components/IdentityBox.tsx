import {Box, Text} from 'ink';
import type {Report} from '../../doctor/report.js';
import {kindLabel} from '../status-marks.js';
import {useTheme, type Theme} from '../theme.js';

/**
 * Which credentials the deploy uses, and what AWS says about them: two lines inside a border, and a third when the
 * service has team settings (the account this stage must reach). `identityBoxLines` tells the screen its height.
 */
export function identityBoxLines(report: Report): number {
	return report.expectedAccount ? 5 : 4;
}

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
			{report.expectedAccount ? (
				<Text wrap="truncate-end">
					<Text color={theme.muted}>Team wants  </Text>
					<Expected expected={report.expectedAccount} checking={checking} />
				</Text>
			) : null}
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

function Expected({expected, checking}: {expected: NonNullable<Report['expectedAccount']>; checking: boolean}) {
	const theme = useTheme();
	if (expected.status === 'unlisted') return <Text color={theme.warn}>⚠ nothing for stage {expected.stage} (not in custom.deployAccounts)</Text>;
	const target = `account ${expected.account} for ${expected.stage}`;
	const how = expected.basis === 'sts' ? 'AWS says' : expected.probable ? 'probably, from the key id' : `offline, from ${expected.basis === 'role-arn' ? 'role_arn' : 'sso_account_id'}`;
	if (expected.status === 'match') {
		return (
			<Text>
				<Text color={theme.ok}>✔ {target}</Text>
				<Text color={theme.muted}> · matches ({how})</Text>
			</Text>
		);
	}
	if (expected.status === 'mismatch') {
		return (
			<Text color={theme.fail}>
				✖ {target} · the credentials reach {expected.actual} ({how})
			</Text>
		);
	}
	return (
		<Text color={theme.muted}>
			– {target} · {checking ? 'asking AWS…' : 'not known offline'}
		</Text>
	);
}

function borderColour(report: Report, checking: boolean, theme: Theme): string | undefined {
	if (!report.winner || report.identity.status === 'failed' || report.expectedAccount?.status === 'mismatch') return theme.fail;
	if (!checking && report.identity.status === 'ok') return theme.ok;
	return theme.border;
}
