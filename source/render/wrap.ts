/**
 * Word-wraps `text` to `width` columns. The first line starts with `firstPrefix`, later lines with `restPrefix`
 * (both count towards the width). Words longer than a line (paths, commands) stay whole so they can be copied.
 */
export function wrapText(text: string, width: number, firstPrefix = '', restPrefix = firstPrefix): string[] {
	const lines: string[] = [];
	let prefix = firstPrefix;
	for (const paragraph of text.split('\n')) {
		let line = prefix;
		let empty = true;
		for (const word of paragraph.split(/ +/).filter(Boolean)) {
			if (!empty && line.length + 1 + word.length > width) {
				lines.push(line);
				prefix = restPrefix;
				line = prefix + word;
			} else {
				line += (empty ? '' : ' ') + word;
			}
			empty = false;
		}
		lines.push(line.trimEnd());
		prefix = restPrefix;
	}
	return lines;
}
