/**
 * The settings of an AWS shared file whose values are credentials, and how any setting's value may be shown:
 * credentials as `AKIA…WXYZ` (prefix and last four), anything else with secret-looking runs masked (a key pasted
 * into `credential_process`, say).
 */
import {maskSecretsInText} from '../aws/mask-text.js';
import {maskValue} from '../secret.js';

export const SECRET_SETTINGS: ReadonlySet<string> = new Set(['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'aws_security_token']);

export function isSecretSetting(key: string): boolean {
	return SECRET_SETTINGS.has(key.trim().toLowerCase());
}

export function shownSettingValue(key: string, value: string): string {
	return isSecretSetting(key) ? maskValue(value) : maskSecretsInText(value);
}
