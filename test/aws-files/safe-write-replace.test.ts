import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {leftoverTemps, replaceAtomically} from '../../source/aws-files/atomic-replace.js';

let directory = '';
beforeEach(() => {
	directory = mkdtempSync(path.join(tmpdir(), 'atomic-replace-'));
});
afterEach(() => rmSync(directory, {recursive: true, force: true}));

describe('replaceAtomically', () => {
	it('sets the exact mode whatever the umask', async () => {
		const previous = process.umask(0o077);
		try {
			await replaceAtomically(path.join(directory, 'file'), Buffer.from('x'), {mode: 0o644});
		} finally {
			process.umask(previous);
		}
		expect(statSync(path.join(directory, 'file')).mode & 0o777).toBe(0o644);
	});

	it('writes every byte of a large file (FileHandle.writeFile loops over short writes)', async () => {
		const bytes = Buffer.alloc(5 * 1024 * 1024, 'abc');
		await replaceAtomically(path.join(directory, 'big'), bytes, {mode: 0o600});
		expect(readFileSync(path.join(directory, 'big')).equals(bytes)).toBe(true);
	});

	it('leaves the target and no temp file behind when the rename fails', async () => {
		const target = path.join(directory, 'target');
		// Renaming a file over a non-empty directory fails (EISDIR / ENOTEMPTY).
		mkdirSync(target);
		writeFileSync(path.join(target, 'inside'), 'keep');
		await expect(replaceAtomically(target, Buffer.from('new'), {mode: 0o600})).rejects.toMatchObject({code: expect.stringMatching(/^E(ISDIR|NOTEMPTY|EXIST)$/) as unknown});
		expect(readdirSync(directory)).toEqual(['target']);
		expect(readFileSync(path.join(target, 'inside'), 'utf8')).toBe('keep');
	});
});

describe('leftoverTemps', () => {
	it('finds only the temp names of the file it is asked about', () => {
		for (const name of ['.a.tmp-1-0123abcd', '.a.b.tmp-1-0123abcd', '.ab.tmp-1-0123abcd', 'a.tmp-1-0123abcd', '.a.tmp-1-0123abcg', '.a.tmp-x-0123abcd']) {
			writeFileSync(path.join(directory, name), '');
		}
		expect(leftoverTemps(directory, 'a')).toEqual([path.join(directory, '.a.tmp-1-0123abcd')]);
		expect(leftoverTemps(directory, 'a.b')).toEqual([path.join(directory, '.a.b.tmp-1-0123abcd')]);
		expect(leftoverTemps(path.join(directory, 'missing'), 'a')).toEqual([]);
	});
});
