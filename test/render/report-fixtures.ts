/**
 * Reports for renderer tests, built through buildReport from hand-made snapshots and verdicts so they have the
 * shape the doctor really produces. Fixed clock, so snapshots are stable.
 */
import type {ProbeResult} from '../../source/aws/identity.js';
import type {Verdict} from '../../source/credentials/verdict.js';
import {buildReport} from '../support/real-parsers.js';
import {credentialOutcomeChecks} from '../../source/doctor/checks/credential-outcome.js';
import {credentialsFileModeChecks} from '../../source/doctor/checks/credentials-file-mode.js';
import {namedProfileChecks} from '../../source/doctor/checks/named-profile.js';
import {profileWithEnvKeysChecks} from '../../source/doctor/checks/profile-with-env-keys.js';
import {regionChecks} from '../../source/doctor/checks/region.js';
import {identityFindings} from '../support/real-parsers.js';
import type {Report} from '../../source/doctor/report.js';
import type {Snapshot} from '../../source/gather/snapshot.js';
import {Secret} from '../../source/secret.js';
import {makeSnapshot, resolved, serviceFile} from '../doctor/snapshot-builder.js';
import {candidate, makeVerdict} from '../doctor/verdict-builder.js';

const devKey = 'AKIAY34FZKBOKDEVDEV2';
const envKey = 'AKIAY34FZKBOKENVENV4';
const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

function report(snapshot: Snapshot, primary: Verdict, probe: ProbeResult, others: Verdict[] = []): Report {
	const findings = [
		...credentialOutcomeChecks(snapshot, primary),
		...namedProfileChecks(snapshot, primary),
		...profileWithEnvKeysChecks(snapshot, primary),
		...regionChecks(snapshot, primary),
		...credentialsFileModeChecks(snapshot, primary),
		...identityFindings(probe, primary, snapshot),
	];
	return buildReport({snapshot, primary, others, probe, findings, toolVersion: '0.1.0'});
}

/** v3, AWS_PROFILE=dev beats env keys and provider.profile; AWS accepts it. */
export function readyReport(): Report {
	const snapshot = makeSnapshot({
		env: {AWS_PROFILE: 'dev', AWS_ACCESS_KEY_ID: envKey, AWS_SECRET_ACCESS_KEY: secret},
		credentials: {text: `[dev]\naws_access_key_id = ${devKey}\naws_secret_access_key = ${secret}\n`, mode: 0o644},
		service: serviceFile({stage: {value: 'dev', source: 'default'}, profile: resolved('prod'), region: {kind: 'value', value: 'eu-west-1', source: 'provider.region'}}),
		framework: {major: 3, source: 'installed', detail: '3.40.0'},
	});
	const devSecret = new Secret(devKey);
	const primary = makeVerdict({
		candidates: [
			candidate({rank: 1, source: 'cli-aws-profile', status: 'absent', title: '--aws-profile', reason: 'Not given.'}),
			candidate({rank: 2, source: 'env-stage-profile', status: 'absent', title: 'AWS_DEV_PROFILE', reason: 'Not set.'}),
			candidate({rank: 3, source: 'env-stage-keys', status: 'absent', title: 'AWS_DEV_ACCESS_KEY_ID', reason: 'Not set.'}),
			candidate({
				rank: 4,
				source: 'env-profile',
				status: 'winner',
				title: 'AWS_PROFILE=dev',
				reason: 'Profile dev in ~/.aws/credentials has an access key and a secret.',
				profile: 'dev',
				kind: 'static',
				accessKeyId: devSecret,
				origin: ['/home/dev/.aws/credentials:1'],
			}),
			candidate({
				rank: 5,
				source: 'env-keys',
				status: 'shadowed',
				title: 'AWS_ACCESS_KEY_ID',
				reason: 'Complete, but AWS_PROFILE comes later in Serverless v3’s order and wins.',
				kind: 'static',
				accessKeyId: new Secret(envKey),
				shadowedBy: 'env-profile',
				fix: 'unset AWS_PROFILE',
			}),
			candidate({
				rank: 6,
				source: 'provider-profile',
				status: 'shadowed',
				title: 'provider.profile "prod" (serverless.yml)',
				reason: 'Not looked up because AWS_PROFILE wins.',
				profile: 'prod',
				shadowedBy: 'env-profile',
				fix: 'unset AWS_PROFILE AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY',
			}),
			candidate({rank: 7, source: 'default-profile', status: 'skipped', title: '[default]', reason: 'There is no [default] profile.', profile: 'default'}),
		],
		winner: {
			source: 'env-profile',
			title: 'AWS_PROFILE=dev',
			kind: 'static',
			profile: 'dev',
			accessKeyId: devSecret,
			credentials: {type: 'static', accessKeyId: devSecret, secretAccessKey: new Secret(secret)},
		},
		traps: ['The AWS CLI would use the environment keys here, not profile dev.'],
	});
	const sdk = makeVerdict({
		engine: 'aws-sdk-v3',
		winner: {source: 'ini-profile', title: 'profile dev (AWS_PROFILE)', kind: 'static', profile: 'dev', accessKeyId: devSecret, credentials: {type: 'profile', profile: 'dev'}},
	});
	const probe: ProbeResult = {
		status: 'ok',
		identity: {
			account: '123456789012',
			arn: 'arn:aws:iam::123456789012:user/deployer',
			userId: 'AIDAY34FZKBOKMUTVV7A',
			principal: 'user',
			clockSkewMs: 800,
			endpoint: 'https://sts.eu-west-1.amazonaws.com',
		},
	};
	return report(snapshot, primary, probe, [sdk]);
}

/** v3, AWS_PROFILE names a profile that does not exist; nothing to probe. */
export function brokenReport(): Report {
	const snapshot = makeSnapshot({
		env: {AWS_PROFILE: 'staging'},
		credentials: `[default]\naws_access_key_id = ${devKey}\naws_secret_access_key = ${secret}\n`,
		service: serviceFile({stage: {value: 'staging', source: 'option'}}),
		options: {stage: 'staging'},
	});
	const primary = makeVerdict({
		stage: 'staging',
		region: {value: 'us-east-1', source: 'default'},
		candidates: [
			candidate({
				rank: 1,
				source: 'env-profile',
				status: 'error',
				title: 'AWS_PROFILE=staging',
				reason: 'There is no profile "staging" in the credentials file.',
				profile: 'staging',
			}),
			candidate({rank: 2, source: 'default-profile', status: 'not-evaluated', title: '[default]', reason: 'Serverless v3 stopped at the error above.', profile: 'default'}),
		],
		error: {code: 'UNRECOGNIZED_AWS_PROFILE', message: 'AWS profile "staging" doesn\'t seem to be configured', source: 'env-profile'},
	});
	return report(snapshot, primary, {status: 'skipped', reason: 'no usable credentials to check'});
}

/** v4 with an ASIA key that AWS rejects. */
export function rejectedReport(): Report {
	const asia = 'ASIAY34FZKBOKMUTVV7A';
	const snapshot = makeSnapshot({
		env: {AWS_ACCESS_KEY_ID: asia, AWS_SECRET_ACCESS_KEY: secret},
		framework: {major: 4, source: 'frameworkVersion', detail: '^4'},
		service: serviceFile({stage: {value: 'prod', source: 'provider.stage'}, region: {kind: 'value', value: 'eu-central-1', source: 'provider.region'}}),
	});
	const key = new Secret(asia);
	const primary = makeVerdict({
		engine: 'serverless-v4',
		stage: 'prod',
		region: {value: 'eu-central-1', source: 'provider.region'},
		candidates: [
			candidate({rank: 1, source: 'dashboard-provider', status: 'absent', title: 'Serverless Dashboard provider', reason: 'No org/app in serverless.yml.'}),
			candidate({rank: 2, source: 'env-keys', status: 'winner', title: 'AWS_ACCESS_KEY_ID', reason: 'Both keys are set and no profile is named.', kind: 'static', accessKeyId: key}),
		],
		winner: {source: 'env-keys', title: 'AWS_ACCESS_KEY_ID', kind: 'static', accessKeyId: key, credentials: {type: 'static', accessKeyId: key, secretAccessKey: new Secret(secret)}},
	});
	const probe: ProbeResult = {
		status: 'failed',
		failure: {code: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.', httpStatus: 403},
	};
	return report(snapshot, primary, probe);
}
