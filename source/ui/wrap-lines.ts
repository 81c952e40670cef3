/**
 * Word-wraps text to a width, so a view knows exactly how many lines a block takes and can scroll it line by line
 * (Ink wraps too, but only tells you afterwards). Long words (paths, ARNs, commands) are cut hard. Newlines and runs
 * of spaces inside a line are kept (details often line things up); an empty text gives no lines.
 */
export function wrapLines(text: string, width: number): string[] {
	const limit = Math.max(1, Math.floor(width));
	if (text === '') return [];
	const lines: string[] = [];
	for (const paragraph of text.split(/\r?\n/)) {
		let line = '';
		let gap = '';
		let started = false;
		for (const token of paragraph.match(/ +|[^ ]+/g) ?? []) {
			if (token.startsWith(' ')) {
				gap = token;
				continue;
			}
			// Indentation at the start of a paragraph stays with its first word.
			let word = started ? token : gap + token;
			if (!started) gap = '';
			started = true;
			if (line !== '' && line.length + gap.length + word.length <= limit) {
				line += gap + word;
				gap = '';
				continue;
			}
			if (line !== '') lines.push(line);
			gap = '';
			while (word.length > limit) {
				lines.push(word.slice(0, limit));
				word = word.slice(limit);
			}
			line = word;
		}
		lines.push(line);
	}
	return lines;
}

/** Like wrapLines, with the first line prefixed by a label and the rest indented to line up under the text. */
export function wrapLabelled(label: string, text: string, width: number): string[] {
	const indent = ' '.repeat(label.length);
	return wrapLines(text, width - label.length).map((line, index) => (index === 0 ? label : indent) + line);
}
