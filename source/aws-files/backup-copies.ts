/**
 * The timestamped copies kept before each write: `<name>.<UTC time>.bak` beside the file (or in a chosen
 * directory), mode 0600 whatever the file's mode, the newest N kept. Each copy is itself written atomically, so a
 * crash never leaves a half-written backup that a later restore would trust.
 */
import {existsSync, readdirSync, statSync} from 'node:fs';
import {mkdir, unlink} from 'node:fs/promises';
import path from 'node:path';
import {replaceAtomically} from './atomic-replace.js';

export interface BackupEntry {
	/** Full path of the backup file. */
	path: string;
	/** Its file name, e.g. `credentials.2025-01-31T09-15-02-123Z.bak`. */
	name: string;
	/** When it was taken (from the name: copies and restores do not disturb it). */
	time: Date;
	size: number;
}

const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/;

/** What follows the file's name in a backup's name, as a regular expression source. */
export const BACKUP_SUFFIX = String.raw`\.\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z(?:-\d+)?\.bak`;

function stamp(time: Date): string {
	return time.toISOString().replaceAll(':', '-').replace('.', '-');
}

function timeOf(text: string): Date | undefined {
	const match = STAMP.exec(text);
	if (!match) return undefined;
	const time = new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z`);
	return Number.isNaN(time.getTime()) ? undefined : time;
}

function backupDirectory(file: string, backupDir: string | undefined): string {
	return path.resolve(backupDir ?? path.dirname(path.resolve(file)));
}

/** `credentials.<stamp>.bak`, or `credentials.<stamp>-<n>.bak` for a second copy in the same millisecond. */
function parseName(name: string, base: string): {time: Date; sequence: number} | undefined {
	const prefix = `${base}.`;
	if (!name.startsWith(prefix) || !name.endsWith('.bak')) return undefined;
	const middle = name.slice(prefix.length, -'.bak'.length);
	const dash = /-(\d+)$/.exec(middle.slice(24));
	const time = timeOf(dash ? middle.slice(0, middle.length - dash[0].length) : middle);
	return time && {time, sequence: dash ? Number(dash[1]) : 0};
}

/** Backups of `file` (named after the path as given, not a symlink's target), newest first. */
export function listBackups(file: string, backupDir?: string): BackupEntry[] {
	const directory = backupDirectory(file, backupDir);
	const base = path.basename(file);
	let names: string[];
	try {
		names = readdirSync(directory);
	} catch {
		return [];
	}
	const found: Array<BackupEntry & {sequence: number}> = [];
	for (const name of names) {
		const parsed = parseName(name, base);
		if (!parsed) continue;
		const full = path.join(directory, name);
		try {
			const stat = statSync(full);
			if (stat.isFile()) found.push({path: full, name, time: parsed.time, size: stat.size, sequence: parsed.sequence});
		} catch {
			// Removed meanwhile (another writer pruning): not a backup any more.
		}
	}
	found.sort((a, b) => b.time.getTime() - a.time.getTime() || b.sequence - a.sequence);
	return found.map(({sequence: _sequence, ...entry}) => entry);
}

/** Copies `bytes` (the file's content before a write) to a new backup; returns its path. */
export async function saveBackup(file: string, bytes: Uint8Array, backupDir?: string, now = new Date()): Promise<string> {
	const directory = backupDirectory(file, backupDir);
	await mkdir(directory, {recursive: true, mode: 0o700});
	const base = `${path.basename(file)}.${stamp(now)}`;
	let target = path.join(directory, `${base}.bak`);
	// The caller holds the file's lock, so only its own earlier write can have taken this millisecond.
	for (let sequence = 1; existsSync(target); sequence++) target = path.join(directory, `${base}-${sequence}.bak`);
	await replaceAtomically(target, bytes, {mode: 0o600});
	return target;
}

/** Deletes all but the newest `keep` backups of `file`. */
export async function pruneBackups(file: string, keep: number, backupDir?: string): Promise<void> {
	const stale = listBackups(file, backupDir).slice(Math.max(0, keep));
	await Promise.all(stale.map(async (entry) => unlink(entry.path).catch(() => undefined)));
}
