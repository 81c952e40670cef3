/**
 * Puts text on the system clipboard, best effort, through the platform's own tool (pbcopy, clip, wl-copy, xclip,
 * xsel). The text goes through stdin, never argv, so a secret in it does not show in the process list. Never throws:
 * false means no clipboard was reached and the screen keeps showing how to copy by hand.
 */
import {spawn} from 'node:child_process';

const TOOLS: Readonly<Record<string, ReadonlyArray<readonly [string, readonly string[]]>>> = {
	darwin: [['pbcopy', []]],
	win32: [['clip', []]],
	other: [
		['wl-copy', []],
		['xclip', ['-selection', 'clipboard']],
		['xsel', ['--clipboard', '--input']],
	],
};

export async function copyToClipboard(text: string, platform: NodeJS.Platform = process.platform): Promise<boolean> {
	for (const [command, args] of TOOLS[platform] ?? TOOLS['other']!) {
		if (await pipeTo(command, args, text)) return true;
	}
	return false;
}

function pipeTo(command: string, args: readonly string[], text: string): Promise<boolean> {
	return new Promise((resolve) => {
		try {
			const child = spawn(command, args, {stdio: ['pipe', 'ignore', 'ignore'], windowsHide: true});
			const timer = setTimeout(() => {
				child.kill();
				resolve(false);
			}, 2000);
			child.on('error', () => {
				clearTimeout(timer);
				resolve(false);
			});
			child.on('close', (code) => {
				clearTimeout(timer);
				resolve(code === 0);
			});
			child.stdin.on('error', () => {});
			child.stdin.end(text);
		} catch {
			resolve(false);
		}
	});
}
