/**
 * Runs before every test file: no test may see the developer's real ~/.aws or AWS variables. HOME points at a fresh
 * temporary folder, the AWS file variables at files inside it, and every AWS_* / Serverless variable of the outer
 * environment is removed. Tests that need files or variables set their own.
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll} from 'vitest';

const home = mkdtempSync(path.join(tmpdir(), 'sls-creds-wizard-test-home-'));
for (const name of Object.keys(process.env)) {
	if (/^(AWS_|AMAZON_|SERVERLESS_|SLS_(?!CREDS_WIZARD))|^(ca|cafile|HTTPS?_CA(FILE)?|https?_ca(file)?|NODE_EXTRA_CA_CERTS|proxy|HTTPS?_PROXY|https?_proxy|NO_PROXY|no_proxy)$/.test(name)) {
		delete process.env[name];
	}
}
process.env.HOME = home;
process.env.USERPROFILE = home;
process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(home, '.aws', 'credentials');
process.env.AWS_CONFIG_FILE = path.join(home, '.aws', 'config');
process.env.AWS_EC2_METADATA_DISABLED = 'true';

afterAll(() => rmSync(home, {recursive: true, force: true}));
