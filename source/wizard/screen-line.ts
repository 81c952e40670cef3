/** A line of text and how it reads (the screens colour it from the theme; the closing text from the terminal's palette). */
export type Tone = 'plain' | 'muted' | 'ok' | 'warn' | 'fail' | 'accent' | 'heading';

export interface Line {
	text: string;
	tone?: Tone;
}

export const line = (text: string, tone: Tone = 'plain'): Line => ({text, tone});
