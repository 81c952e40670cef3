import {Text} from 'ink';
import type {Report} from '../../doctor/report.js';
import {engineName as engineLabel} from '../../credentials/engine-name.js';
import {useTheme} from '../theme.js';

/** Service, stage, region and the engine whose rules the ladder follows. */
export function Header({report}: {report: Report}) {
	const theme = useTheme();
	const {service, framework} = report;
	const name = service.name ?? (service.path ? 'service' : 'no serverless.yml');
	return (
		<Text wrap="truncate-end">
			<Text bold>{name}</Text>
			<Text color={theme.muted}> · stage </Text>
			<Text>{service.stage}</Text>
			<Text color={theme.muted}> · region </Text>
			<Text>{service.region ?? 'not set'}</Text>
			<Text color={theme.muted}> · </Text>
			<Text>{engineLabel(framework.engine)}</Text>
		</Text>
	);
}
