/**
 * The file a write must land on. `rename` replaces a symlink itself, not the file it points to (aws-files.md §7
 * rule 11), so a dotfiles-managed `~/.aws/credentials -> ~/dotfiles/aws/credentials` would silently stop being a
 * link. This resolves every link first — also a dangling one, whose target is then the file to create.
 */
import {readlink, realpath} from 'node:fs/promises';
import path from 'node:path';

/** Linux's own limit (MAXSYMLINKS). */
const MAX_LINKS = 40;

function errnoCode(error: unknown): unknown {
	return (error as {code?: unknown} | null)?.code;
}

export async function realTarget(file: string, hops = 0): Promise<string> {
	let current = path.resolve(file);
	for (; hops <= MAX_LINKS; hops++) {
		try {
			return await realpath(current);
		} catch (error) {
			if (errnoCode(error) !== 'ENOENT') throw error;
		}
		let link: string;
		try {
			link = await readlink(current);
		} catch (error) {
			const code = errnoCode(error);
			// Nothing there (or a plain file under a missing directory): resolve the directory the same way.
			if (code !== 'ENOENT' && code !== 'EINVAL') throw error;
			const parent = path.dirname(current);
			if (parent === current) return current;
			return path.join(await realTarget(parent, hops), path.basename(current));
		}
		current = path.resolve(path.dirname(current), link);
	}
	throw Object.assign(new Error(`ELOOP: too many symbolic links, realpath '${file}'`), {code: 'ELOOP'});
}
