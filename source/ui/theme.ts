import {createContext, useContext} from 'react';
import type {FindingStatus} from '../doctor/finding.js';
import type {SourceStatus} from '../credentials/verdict.js';

/** Ink colour names, or undefined for "the terminal's own colour". */
type Colour = string | undefined;

/**
 * Colours by meaning, so a screen says "this failed" and the theme decides what that looks like. Every meaning also
 * has a symbol, so nothing depends on colour alone (no-colour mode, colour-blind users, screen captures).
 */
export interface Theme {
	color: boolean;
	accent: Colour;
	muted: Colour;
	ok: Colour;
	warn: Colour;
	fail: Colour;
	info: Colour;
	winner: Colour;
	selection: Colour;
	border: Colour;
}

export const colourTheme: Theme = {
	color: true,
	accent: 'cyan',
	muted: 'gray',
	ok: 'green',
	warn: 'yellow',
	fail: 'red',
	info: 'blue',
	winner: 'green',
	selection: 'cyan',
	border: 'gray',
};

export const noColourTheme: Theme = {
	color: false,
	accent: undefined,
	muted: undefined,
	ok: undefined,
	warn: undefined,
	fail: undefined,
	info: undefined,
	winner: undefined,
	selection: undefined,
	border: undefined,
};

/** NO_COLOR (https://no-color.org) wins over everything; FORCE_COLOR=0 and dumb terminals also mean no colour. */
export function themeFor(env: Readonly<Record<string, string | undefined>>): Theme {
	if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return noColourTheme;
	if (env.FORCE_COLOR === '0' || env.TERM === 'dumb') return noColourTheme;
	return colourTheme;
}

export function findingColour(theme: Theme, status: FindingStatus): Colour {
	return theme[status];
}

export function sourceColour(theme: Theme, status: SourceStatus): Colour {
	switch (status) {
		case 'winner':
			return theme.winner;
		case 'error':
			return theme.fail;
		case 'skipped':
			return theme.warn;
		case 'shadowed':
			return undefined;
		default:
			return theme.muted;
	}
}

export const ThemeContext = createContext<Theme>(colourTheme);

export function useTheme(): Theme {
	return useContext(ThemeContext);
}
