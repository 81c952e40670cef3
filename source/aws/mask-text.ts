import {maskValue} from '../secret.js';

const NAMED_SECRET =
	/((?:aws_)?secret_?access_?key|secretAccessKey|SecretAccessKey|(?:aws_)?session_?token|sessionToken|SessionToken|aws_security_token|"Token"|\bToken\b|SERVERLESS_LICENSE_KEY|SERVERLESS_ACCESS_KEY|password)(["']?\s*[:=]\s*["']?)([^\s"',}]+)/gi;
const ACCESS_KEY_ID = /\b(?:AKIA|ASIA|AIDA|AROA|AGPA|ANPA|ABIA|ACCA)[A-Z0-9]{12,}\b/g;
/**
 * A run of 40+ base64 characters mixing upper case, lower case and digits: the shape of a secret access key, also
 * when glued to other text (`user/<secret>`). Hex digests (no upper case) are left alone.
 */
const BARE_SECRET = /[A-Za-z0-9/+=]{40,}/g;
const looksLikeSecret = (run: string) => /[A-Z]/.test(run) && /[a-z]/.test(run) && /\d/.test(run);
/** Session tokens are long base64 runs. */
const LONG_TOKEN = /[A-Za-z0-9/+]{100,}={0,2}/g;
const URL_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*):[^@/\s]+@/gi;

/**
 * Masks anything in free text (a pasted log, an error message) that may be a credential, keeping the
 * `AKIA…WXYZ` form the rest of the tool shows. Errs on the side of masking.
 */
export function maskSecretsInText(text: string): string {
	return text
		.replace(URL_PASSWORD, '$1:****@')
		.replace(NAMED_SECRET, (_all, name: string, separator: string, value: string) => `${name}${separator}${maskValue(value)}`)
		.replace(LONG_TOKEN, token => maskValue(token))
		.replace(ACCESS_KEY_ID, id => maskValue(id))
		.replace(BARE_SECRET, run => (looksLikeSecret(run) ? maskValue(run) : run));
}

/** Replaces exact known secret values (the ones a call used) with their masked form. */
export function scrubKnownSecrets(text: string, secrets: Iterable<string>): string {
	let result = text;
	for (const secret of secrets) {
		if (secret.length >= 4) result = result.split(secret).join(maskValue(secret));
	}
	return result;
}
