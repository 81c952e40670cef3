/** The fixture of credential-resolution.md §6: distinct key ids whose last four characters name the source. */
import path from 'node:path';
import {HOME, keyId, secretFor, staticSection} from './snapshot-for.js';

export const CREDENTIALS = path.join(HOME, '.aws', 'credentials');
export const CONFIG = path.join(HOME, '.aws', 'config');
export const ALT = '/work/alt-credentials';

export const KEYS = {
	DEF1: keyId('DEF1'),
	DEV2: keyId('DEV2'),
	PRD3: keyId('PRD3'),
	ENV4: keyId('ENV4'),
	ALT5: keyId('ALT5'),
	SPR7: keyId('SPR7'),
	DEV8: keyId('DEV8'),
	PRC9: keyId('PRC9'),
};

export const credentialsText = [staticSection('default', 'DEF1'), staticSection('dev', 'DEV2'), staticSection('prod', 'PRD3')].join('\n');

export const configText = ['[profile deploy]', 'role_arn = arn:aws:iam::123456789012:role/deployer', 'source_profile = default', ''].join('\n');

export const baseFiles = {[CREDENTIALS]: credentialsText, [CONFIG]: configText};

export const envKeys = {AWS_ACCESS_KEY_ID: KEYS.ENV4, AWS_SECRET_ACCESS_KEY: secretFor('ENV4')};
export const prodStageKeys = {AWS_PROD_ACCESS_KEY_ID: KEYS.SPR7, AWS_PROD_SECRET_ACCESS_KEY: secretFor('SPR7')};
export const devStageKeys = {AWS_DEV_ACCESS_KEY_ID: KEYS.DEV8, AWS_DEV_SECRET_ACCESS_KEY: secretFor('DEV8')};

export const processCommand = `echo '{"Version":1,"AccessKeyId":"${KEYS.PRC9}","SecretAccessKey":"${secretFor('PRC9')}"}'`;
