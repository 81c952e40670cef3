import type {Guide} from '../../wizard/texts.js';
import {line, type Line} from './Lines.js';

/** A guide from texts.ts as screen lines: numbered steps, their links and commands printed in full. */
export function guideLines(guide: Guide): Line[] {
	const lines: Line[] = guide.intro.map(text => line(text));
	guide.steps.forEach((step, index) => {
		lines.push(line(''), line(`${index + 1}. ${step.title}`, 'heading'));
		for (const text of step.lines) lines.push(line(`   ${text}`));
		for (const command of step.commands ?? []) lines.push(line(`   $ ${command}`, 'accent'));
		for (const link of step.links) lines.push(line(`   ${link.label}: ${link.url}`, 'muted'));
	});
	for (const note of guide.notes) {
		lines.push(line(''), line(note.title, 'heading'));
		for (const text of note.lines) lines.push(line(`   ${text}`));
		for (const link of note.links) lines.push(line(`   ${link.label}: ${link.url}`, 'muted'));
	}
	return lines;
}

/** The first link of a guide, which `o` opens. */
export function firstLink(guide: Guide): string | undefined {
	return guide.steps.flatMap(step => step.links)[0]?.url;
}
