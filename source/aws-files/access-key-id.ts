/** Facts about AWS access key IDs and secrets (aws-files.md §9), for every check that looks at a pasted or stored key. */

/** IAM unique-ID prefixes that name an entity, not an access key: pasted by mistake from the console. */
export const ID_PREFIXES: Readonly<Record<string, string>> = {
	AIDA: 'an IAM user ID',
	AROA: 'an IAM role ID',
	AGPA: 'an IAM group ID',
	AIPA: 'an EC2 instance profile ID',
	ANPA: 'a managed policy ID',
	ANVA: 'a policy version ID',
	APKA: 'a public key ID',
	ASCA: 'a certificate ID',
	ACCA: 'a context-specific credential ID',
	ABIA: 'an STS bearer token ID',
};

/** A long-term (AKIA) or temporary (ASIA) key ID: 20 characters of base32 in practice (no API guarantee: warn, never reject). */
export const ACCESS_KEY_SHAPE = /^A(KI|SI)A[A-Z2-7]{16}$/;

/** 40 characters of `[A-Za-z0-9/+]` in practice (no API guarantee). */
export const SECRET_SHAPE = /^[A-Za-z0-9/+]{40}$/;
