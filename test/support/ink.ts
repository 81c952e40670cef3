/**
 * Helpers for Ink component tests (spec/toolchain.md §3): yield long enough after each key for React 19's passive
 * effects to subscribe, and render at a chosen terminal size (ink-testing-library's stdout is fixed at 100 columns
 * and has no rows).
 */
import {EventEmitter} from 'node:events';
import type {ReactElement} from 'react';
import {render as inkRender, type Instance} from 'ink';
import stripAnsi from 'strip-ansi';

const tick = () =>
	new Promise<void>(done => {
		setImmediate(() => setTimeout(done, 0));
	});

export async function settle(): Promise<void> {
	await tick();
	await tick();
}

export const keys = {
	up: '\u001B[A',
	down: '\u001B[B',
	enter: '\r',
	escape: '\u001B',
	ctrlC: '\u0003',
	pageDown: '\u001B[6~',
	home: '\u001B[H',
	end: '\u001B[F',
} as const;

/** One key per write, settling after each (a write is one input event). */
export async function press(app: {stdin: {write(s: string): void}}, ...chunks: string[]): Promise<void> {
	for (const chunk of chunks) {
		app.stdin.write(chunk);
		await settle();
	}
}

export class SizedStdout extends EventEmitter {
	frames: string[] = [];
	isTTY = true;
	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
	}

	write = (frame: string) => {
		this.frames.push(frame);
		return true;
	};

	resize(columns: number, rows: number) {
		this.columns = columns;
		this.rows = rows;
		this.emit('resize');
	}
}

export class FakeStdin extends EventEmitter {
	isTTY = true;
	private data: string | null = null;
	write = (data: string) => {
		this.data = data;
		this.emit('readable');
		this.emit('data', data);
	};

	read = () => {
		const {data} = this;
		this.data = null;
		return data;
	};

	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
}

export interface SizedApp {
	stdin: FakeStdin;
	stdout: SizedStdout;
	lastFrame(): string;
	resize(columns: number, rows: number): Promise<void>;
	unmount(): void;
}

const mounted: Instance[] = [];

/** Renders at `columns`×`rows`, the way a real terminal of that size would report itself through stdout. */
export async function renderSized(tree: ReactElement, size: {columns: number; rows: number}): Promise<SizedApp> {
	const stdout = new SizedStdout(size.columns, size.rows);
	const stdin = new FakeStdin();
	const instance = inkRender(tree, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: new SizedStdout(size.columns, size.rows) as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	mounted.push(instance);
	await settle();
	return {
		stdin,
		stdout,
		lastFrame: () => stripAnsi(stdout.frames.at(-1) ?? ''),
		resize: async (columns, rows) => {
			stdout.resize(columns, rows);
			await settle();
		},
		unmount: () => instance.unmount(),
	};
}

export function cleanupSized(): void {
	for (const instance of mounted.splice(0)) {
		instance.unmount();
		instance.cleanup();
	}
}

/** Frame lines with trailing spaces removed, for snapshots that do not depend on padding. */
export function tidy(frame: string | undefined): string {
	return stripAnsi(frame ?? '')
		.split('\n')
		.map(line => line.trimEnd())
		.join('\n');
}
