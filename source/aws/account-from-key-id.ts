/**
 * The AWS account an access key id belongs to, decoded from the id itself (no call to AWS). Not documented by AWS;
 * found by Aidan Steele and Tal Be'ery ("A short note on AWS KEY ID"): after the 4-letter prefix, the id is base32;
 * the 40 bits after the first bit of its first 6 bytes are the account number. Only "new generation" ids (first
 * bit after the prefix set, i.e. a 5th character from Q on) carry it; older ids (e.g. AKIAI…) do not. So the result
 * is "probable": STS GetCallerIdentity is the only authority.
 */

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const PREFIXES = new Set(['AKIA', 'ASIA']);

/** The 12-digit account id encoded in an AKIA/ASIA key id, or undefined when the id does not carry one. */
export function accountFromAccessKeyId(id: string): string | undefined {
	if (id.length < 16 || !PREFIXES.has(id.slice(0, 4))) return undefined;
	const body = id.slice(4);
	// 10 characters × 5 bits cover the first 6 bytes (48 bits) the account is read from.
	let bits = 0n;
	for (const character of body.slice(0, 10)) {
		const value = BASE32.indexOf(character);
		if (value === -1) return undefined;
		bits = (bits << 5n) | BigInt(value);
	}
	if ([...body].some(character => !BASE32.includes(character))) return undefined;
	const firstSixBytes = bits >> 2n;
	if ((firstSixBytes >> 47n) === 0n) return undefined;
	const account = (firstSixBytes & 0x7f_ff_ff_ff_ff_80n) >> 7n;
	if (account > 999_999_999_999n) return undefined;
	return account.toString().padStart(12, '0');
}
