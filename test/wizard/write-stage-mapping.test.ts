import {chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {planStageMapping, type StageMappingEdit} from '../../source/service/stage-mapping.js';
import {writeStageMapping} from '../../source/wizard/write-stage-mapping.js';

const ORIGINAL = '# my service\nservice: app\n\nprovider:\n  name: aws # the cloud\n';

let folder: string;
let file: string;
beforeEach(() => {
	folder = mkdtempSync(path.join(tmpdir(), 'stage-mapping-'));
	file = path.join(folder, 'serverless.yml');
	writeFileSync(file, ORIGINAL);
	chmodSync(file, 0o644);
});
afterEach(() => rmSync(folder, {recursive: true, force: true}));

function plan(text = ORIGINAL): StageMappingEdit {
	const result = planStageMapping({text, mapping: {dev: 'app-dev', prod: 'app-prod'}});
	if (result.refusal) throw new Error(result.refusal.message);
	return result;
}

describe('writeStageMapping', () => {
	it('writes the confirmed edit, keeps a backup of the old file and the file mode, and says nothing about 0600', async () => {
		const edit = plan();
		const result = await writeStageMapping(file, edit);
		expect(readFileSync(file, 'utf8')).toBe(edit.after);
		expect(result).toMatchObject({changed: true, created: false, mode: 0o644});
		expect(result).not.toHaveProperty('looseModeWarning');
		expect(readFileSync(result.backup!, 'utf8')).toBe(ORIGINAL);
		expect(statSync(file).mode & 0o777).toBe(0o644);
	});

	it('writes nothing when the file changed after the diff was shown', async () => {
		const edit = plan();
		const theirs = ORIGINAL + 'plugins:\n  - serverless-offline\n';
		writeFileSync(file, theirs);
		await expect(writeStageMapping(file, edit)).rejects.toMatchObject({code: 'SERVICE_FILE_CHANGED', fix: expect.stringContaining('confirm again')});
		expect(readFileSync(file, 'utf8')).toBe(theirs);
		expect(readdirSync(folder).filter(name => name.endsWith('.bak'))).toEqual([]);
	});

	it('writes nothing when the file was removed meanwhile', async () => {
		const edit = plan();
		rmSync(file);
		await expect(writeStageMapping(file, edit)).rejects.toMatchObject({code: 'SERVICE_FILE_GONE'});
		expect(readdirSync(folder)).toEqual([]);
	});

	it('leaves a file that already holds the mapping untouched (no backup)', async () => {
		const edit = plan();
		writeFileSync(file, edit.after);
		const again = plan(edit.after);
		expect(again.changed).toBe(false);
		const result = await writeStageMapping(file, again);
		expect(result.changed).toBe(false);
		expect(readdirSync(folder)).toEqual(['serverless.yml']);
	});

	it('keeps backups in a chosen folder when asked (a service folder is packaged and committed)', async () => {
		const backups = path.join(folder, 'backups');
		const result = await writeStageMapping(file, plan(), {backupDir: backups});
		expect(path.dirname(result.backup!)).toBe(backups);
		expect(readdirSync(folder).sort()).toEqual(['backups', 'serverless.yml']);
	});
});
