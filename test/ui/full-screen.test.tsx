import {afterEach, beforeAll, beforeEach, describe, expect, test} from 'vitest';
import {Text, render, useApp, useInput} from 'ink';
import {
	ENTER_ALTERNATE_SCREEN,
	LEAVE_ALTERNATE_SCREEN,
	enterAlternateScreen,
	runFullScreen,
} from '../../source/ui/full-screen.js';
import {FakeStdin, SizedStdout, settle} from '../support/ink.js';

function streams() {
	const stdout = new SizedStdout(80, 24);
	const stderr = new SizedStdout(80, 24);
	const stdin = new FakeStdin();
	return {stdout, stderr, stdin, out: () => stdout.frames.join(''), err: () => stderr.frames.join('')};
}

const asWrite = (stream: SizedStdout) => stream as unknown as NodeJS.WriteStream;

const watched = ['SIGINT', 'SIGTERM', 'SIGHUP', 'uncaughtException', 'unhandledRejection', 'exit'] as const;
const counts = () => watched.map(event => process.listenerCount(event));
let before: number[] = [];
beforeAll(async () => {
	// Ink's signal-exit installs its own signal listeners the first time an app mounts and keeps them: count from there.
	const io = streams();
	const app = render(<Text>warm-up</Text>, {stdout: asWrite(io.stdout), stdin: io.stdin as unknown as NodeJS.ReadStream, patchConsole: false});
	app.unmount();
	await app.waitUntilExit();
});
beforeEach(() => {
	before = counts();
});
afterEach(() => {
	// Each run must take its process listeners away again (the vitest worker has some of its own).
	expect(counts()).toEqual(before);
});

describe('enterAlternateScreen', () => {
	test('enters once and leaves once, however often leave() is called', () => {
		const {stdout, out} = streams();
		const leave = enterAlternateScreen(asWrite(stdout));
		leave();
		leave();
		expect(out()).toBe(ENTER_ALTERNATE_SCREEN + LEAVE_ALTERNATE_SCREEN);
	});

	test('does nothing when stdout is not a terminal', () => {
		const {stdout, out} = streams();
		stdout.isTTY = false;
		enterAlternateScreen(asWrite(stdout))();
		expect(out()).toBe('');
	});
});

function Quits({on}: {on: string}) {
	const {exit} = useApp();
	useInput(input => {
		if (input === on) exit();
	});
	return <Text>MARKER-FRAME</Text>;
}

function Throws(): never {
	throw new Error('render broke');
}

describe('runFullScreen', () => {
	test('normal exit: Ink unmounts on the alternate screen, then the screen is left, listeners removed', async () => {
		const io = streams();
		const done = runFullScreen(
			() => render(<Quits on="q" />, {stdout: asWrite(io.stdout), stdin: io.stdin as unknown as NodeJS.ReadStream, exitOnCtrlC: false, patchConsole: false}),
			{stdout: asWrite(io.stdout), stderr: asWrite(io.stderr), exit: () => {}},
		);
		await settle();
		io.stdin.write('q');
		await done;
		const out = io.out();
		expect(out.startsWith(ENTER_ALTERNATE_SCREEN)).toBe(true);
		expect(out.indexOf('MARKER-FRAME')).toBeGreaterThan(0);
		expect(out.endsWith(LEAVE_ALTERNATE_SCREEN)).toBe(true);
		expect(out.split(LEAVE_ALTERNATE_SCREEN)).toHaveLength(2);
	});

	test.each([
		['SIGINT', 130],
		['SIGTERM', 143],
		['SIGHUP', 129],
	] as const)('%s: unmount, leave, exit %i', async (signal, code) => {
		const io = streams();
		const exits: number[] = [];
		const done = runFullScreen(
			() => render(<Quits on="q" />, {stdout: asWrite(io.stdout), stdin: io.stdin as unknown as NodeJS.ReadStream, exitOnCtrlC: false, patchConsole: false}),
			{stdout: asWrite(io.stdout), stderr: asWrite(io.stderr), exit: value => exits.push(value)},
		);
		await settle();
		process.emit(signal, signal);
		await done;
		expect(exits).toEqual([code]);
		expect(io.out().endsWith(LEAVE_ALTERNATE_SCREEN)).toBe(true);
	});

	test('an uncaught error: leave first, then print it on the normal screen, exit 1', async () => {
		const io = streams();
		const exits: number[] = [];
		const order: string[] = [];
		io.stderr.write = (text: string) => {
			order.push(`stderr:${text}`);
			return true;
		};
		const originalWrite = io.stdout.write;
		io.stdout.write = (text: string) => {
			if (text.includes(LEAVE_ALTERNATE_SCREEN)) order.push('leave');
			return originalWrite(text);
		};
		const done = runFullScreen(
			() => render(<Quits on="q" />, {stdout: asWrite(io.stdout), stdin: io.stdin as unknown as NodeJS.ReadStream, exitOnCtrlC: false, patchConsole: false}),
			{stdout: asWrite(io.stdout), stderr: asWrite(io.stderr), exit: value => exits.push(value), describeCrash: error => `crashed: ${(error as Error).message}\n`},
		);
		await settle();
		process.emit('uncaughtException', new Error('timer blew up'));
		await done;
		expect(exits).toEqual([1]);
		expect(order).toEqual(['leave', 'stderr:crashed: timer blew up\n']);
	});

	test('an error thrown while rendering is rethrown after the screen was left', async () => {
		const io = streams();
		await expect(
			runFullScreen(
				() => render(<Throws />, {stdout: asWrite(io.stdout), stderr: asWrite(io.stderr), stdin: io.stdin as unknown as NodeJS.ReadStream, exitOnCtrlC: false, patchConsole: false}),
				{stdout: asWrite(io.stdout), stderr: asWrite(io.stderr), exit: () => {}},
			),
		).rejects.toThrow('render broke');
		expect(io.out().endsWith(LEAVE_ALTERNATE_SCREEN)).toBe(true);
	});
});

