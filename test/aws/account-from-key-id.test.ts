import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {accountFromAccessKeyId} from '../../source/aws/account-from-key-id.js';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** How AWS (and moto, moto/iam/utils.py) lay out a new-generation key id: prefix, base32 of (account >> 1) + 2^39, a character whose top bit is the account's last bit, random rest. */
function keyIdFor(account: bigint, prefix: string, lastBitPick: number, tail: string): string {
	let value = (account >> 1n) + (1n << 39n);
	let encoded = '';
	for (let index = 0; index < 8; index++) {
		encoded = BASE32[Number(value & 31n)]! + encoded;
		value >>= 5n;
	}
	const middle = BASE32[(account & 1n) === 1n ? 16 + (lastBitPick % 16) : lastBitPick % 16]!;
	return `${prefix}${encoded}${middle}${tail}`;
}

describe('accountFromAccessKeyId', () => {
	test.each([
		// Published pairs ("A short note on AWS KEY ID", Tal Be'ery; Aidan Steele's key format notes).
		['ASIAY34FZKBOKMUTVV7A', '609629065308'],
		['ASIAQNZGKIQY56JQ7WML', '029608264753'],
		// Keys moto 5.2.1 created in accounts 222222222222, 111111111111 and 000000000001.
		['AKIATHPL2AOHNOVMS53G', '222222222222'],
		['AKIARTXV5AHDS7KVGNOU', '111111111111'],
		['AKIAQAAAAAAA22OEOTOE', '000000000001'],
	])('%s → %s', (id, account) => {
		expect(accountFromAccessKeyId(id)).toBe(account);
	});

	test.each([
		['an old-generation id (5th character before Q)', 'AKIAIOSFODNN7EXAMPLE'],
		['another prefix (a role id)', 'AROAY34FZKBOKMUTVV7A'],
		['characters outside base32 (0, 1, 8, 9)', 'AKIAY34FZKBOKMUTVV80'],
		['lower case', 'akiay34fzkbokmutvv7a'],
		['too short', 'AKIAY34FZKB'],
		['empty', ''],
	])('%s gives nothing', (_name, id) => {
		expect(accountFromAccessKeyId(id)).toBeUndefined();
	});

	test('every account survives encode → decode, for both prefixes', () => {
		fc.assert(
			fc.property(
				fc.bigInt({min: 0n, max: 999_999_999_999n}),
				fc.constantFrom('AKIA', 'ASIA'),
				fc.nat(31),
				fc.stringMatching(/^[A-Z2-7]{7}$/),
				(account, prefix, pick, tail) => {
					expect(accountFromAccessKeyId(keyIdFor(account, prefix, pick, tail))).toBe(account.toString().padStart(12, '0'));
				},
			),
		);
	});

	test('the result is always 12 digits or nothing', () => {
		fc.assert(
			fc.property(fc.string({maxLength: 30}), id => {
				const account = accountFromAccessKeyId(id);
				if (account !== undefined) expect(account).toMatch(/^\d{12}$/);
			}),
		);
	});
});
