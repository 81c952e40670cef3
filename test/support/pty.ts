/**
 * The built CLI in a real pseudo-terminal (spec/toolchain.md §7): @lydell/node-pty runs it, @xterm/headless keeps
 * the screen it draws, and the raw bytes are kept for assertions on escape codes.
 */
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import {CLI, cleanEnv} from './cli-process.js';

export const KEYS = {
	up: '\u001B[A',
	down: '\u001B[B',
	enter: '\r',
	escape: '\u001B',
	ctrlC: '\u0003',
} as const;

export interface PtyRun {
	/** Every byte the program wrote, in order. */
	raw(): string;
	/** The emulated screen, one string per row, trailing spaces removed. */
	screen(): Promise<string>;
	/** 'alternate' while the program is on the alternate screen. */
	bufferType(): Promise<'normal' | 'alternate'>;
	/** Polls the screen until it contains `text`; fails with the last screen after `timeoutMs`. */
	waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
	/** One key per write, each followed by a short pause so the app has read it before the next. */
	press(...keys: string[]): Promise<void>;
	/** Resolves with the exit code (null when killed by a signal) once the process ended. */
	exited(timeoutMs?: number): Promise<{exitCode: number; signal?: number}>;
	kill(signal?: string): void;
	/** Resizes the pseudo-terminal (the program gets SIGWINCH) and the emulated screen. */
	resize(columns: number, rows: number): void;
}

export interface PtyOptions {
	home: string;
	cwd?: string;
	env?: Record<string, string>;
	columns?: number;
	rows?: number;
	/** Another build of the CLI to run (e.g. the bin of an installed tarball); default: CLI. */
	cli?: string;
}

export function spawnCli(args: string[], options: PtyOptions): PtyRun {
	const columns = options.columns ?? 100;
	let rows = options.rows ?? 30;
	const terminal = new xterm.Terminal({cols: columns, rows, allowProposedApi: true});
	const child = pty.spawn(process.execPath, [options.cli ?? CLI, ...args], {
		name: 'xterm-256color',
		cols: columns,
		rows,
		cwd: options.cwd ?? options.home,
		env: cleanEnv(options.home, {TERM: 'xterm-256color', ...options.env}),
	});
	let raw = '';
	let written: Promise<void> = Promise.resolve();
	child.onData(data => {
		raw += data;
		written = written.then(() => new Promise<void>(resolve => terminal.write(data, resolve)));
	});
	const exit = new Promise<{exitCode: number; signal?: number}>(resolve => {
		child.onExit(event => resolve(event));
	});

	const screen = async () => {
		await written;
		const buffer = terminal.buffer.active;
		const lines: string[] = [];
		for (let index = 0; index < buffer.length; index++) lines.push(buffer.getLine(index)?.translateToString(true) ?? '');
		// The normal buffer includes scrollback: show only the part on screen.
		return lines.slice(buffer.baseY, buffer.baseY + rows).join('\n');
	};

	return {
		raw: () => raw,
		screen,
		bufferType: async () => {
			await written;
			return terminal.buffer.active.type;
		},
		async waitFor(text, timeoutMs = 10_000) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const current = await screen();
				if (typeof text === 'string' ? current.includes(text) : text.test(current)) return current;
				if (Date.now() > deadline) {
					throw new Error(`timed out after ${timeoutMs} ms waiting for ${String(text)}; the screen was:\n${current}\n(raw tail: ${JSON.stringify(raw.slice(-400))})`);
				}
				await new Promise(resolve => setTimeout(resolve, 25));
			}
		},
		async press(...keys) {
			for (const key of keys) {
				child.write(key);
				await new Promise(resolve => setTimeout(resolve, 60));
			}
		},
		async exited(timeoutMs = 10_000) {
			let timer: NodeJS.Timeout | undefined;
			const timeout = new Promise<never>((_, reject) => {
				timer = setTimeout(() => reject(new Error(`the CLI did not exit within ${timeoutMs} ms`)), timeoutMs);
			});
			try {
				const result = await Promise.race([exit, timeout]);
				await written;
				return result;
			} finally {
				clearTimeout(timer);
			}
		},
		kill: signal => child.kill(signal),
		resize(columns, newRows) {
			rows = newRows;
			terminal.resize(columns, newRows);
			child.resize(columns, newRows);
		},
	};
}
