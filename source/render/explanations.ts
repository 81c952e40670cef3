import type {Explanation} from '../aws/error-catalogue.js';
import {paint} from './paint.js';
import {wrapText} from './wrap.js';

/** `doctor --explain` as plain text: what each recognised error means, the likely causes and the fix. */
export function renderExplanationsPlain(list: Explanation[], options: {color?: boolean; width?: number} = {}): string {
	const width = Math.max(40, options.width ?? 80);
	const p = paint(options.color ?? false);
	if (list.length === 0) {
		return `${wrapText(
			'No known AWS, Serverless or network error found in the text. Paste the whole error output (including the line with the error code), or run `sls-creds-wizard doctor` to check the credentials directly.',
			width,
		).join('\n')}\n`;
	}
	const blocks = list.map(explanation => {
		const lines = [p.bold(explanation.title)];
		lines.push(...wrapText(explanation.what, width, '  '));
		if (explanation.likelyCause.length > 0) {
			lines.push(`  ${p.bold('Likely cause')}`);
			for (const cause of explanation.likelyCause) lines.push(...wrapText(cause, width, '    - ', '      '));
		}
		if (explanation.fix.length > 0) {
			lines.push(`  ${p.bold('Fix')}`);
			explanation.fix.forEach((step, index) => {
				const number = `    ${index + 1}. `;
				lines.push(...wrapText(step, width, number, ' '.repeat(number.length)));
			});
		}
		return lines.join('\n');
	});
	return `${blocks.join('\n\n')}\n`;
}
