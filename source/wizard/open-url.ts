/**
 * Opens a link in the user's browser, best effort: the screen always prints the link too, so a machine without a
 * browser (SSH, containers, CI) loses nothing. Never throws and never waits for the browser.
 */
import {spawn} from 'node:child_process';

export function openUrl(url: string, platform: NodeJS.Platform = process.platform): void {
	// Only web links: anything else handed to `open`/`start` could run a program.
	if (!/^https:\/\/[^\s"]+$/.test(url)) return;
	const [command, args] =
		platform === 'darwin' ? ['open', [url]] : platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
	try {
		const child = spawn(command, args, {stdio: 'ignore', detached: true, windowsHide: true});
		child.on('error', () => {});
		child.unref();
	} catch {
		// No browser launcher: the link is on screen.
	}
}
