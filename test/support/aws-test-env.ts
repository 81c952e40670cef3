import path from 'node:path';
import {vi} from 'vitest';

/**
 * For in-process tests that call the SDK against moto: only what the test sets may reach it. Removes the outer
 * AWS_*, CA and proxy variables, points HOME and both AWS files into `home`, disables instance metadata and turns
 * on test mode (loopback endpoints only). Undo with `vi.unstubAllEnvs()`.
 */
export function stubIsolatedAwsEnv(home: string): void {
	for (const name of Object.keys(process.env)) if (/^AWS_|^NODE_EXTRA_CA_CERTS$|_PROXY$/i.test(name)) vi.stubEnv(name, undefined);
	vi.stubEnv('HOME', home);
	vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', path.join(home, 'credentials'));
	vi.stubEnv('AWS_CONFIG_FILE', path.join(home, 'config'));
	vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
	vi.stubEnv('SLS_CREDS_WIZARD_TEST', '1');
}
