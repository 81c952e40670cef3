import type {FrameworkInfo, FrameworkMajor} from '../gather/snapshot.js';
import {UserInputError} from './user-input-error.js';

const SUPPORTED: FrameworkMajor[] = [3, 4];

/**
 * Which Serverless major the deploy runs: `--framework` → `frameworkVersion` in the service file → the
 * installed `serverless` package → 4 (what `npm i -g serverless` installs today).
 */
export function detectFramework(input: {flag?: string; frameworkVersion?: string; installedVersion?: string; installedFrom?: string}): FrameworkInfo {
	if (input.flag !== undefined && input.flag !== '') {
		const major = parseFlag(input.flag);
		return {major, source: 'flag', detail: `--framework ${input.flag}`};
	}
	const skipped: string[] = [];
	if (input.frameworkVersion !== undefined && input.frameworkVersion.trim() !== '') {
		const range = input.frameworkVersion.trim();
		const allowed = SUPPORTED.filter(major => rangeAllowsMajor(range, major));
		const [lowest] = allowed;
		if (lowest !== undefined) {
			const detail =
				allowed.length > 1
					? `frameworkVersion "${range}" allows v${allowed.join(' and v')}; taking the lowest, v${lowest}`
					: `frameworkVersion "${range}" → v${lowest}`;
			return {major: lowest, source: 'frameworkVersion', detail};
		}
		skipped.push(`frameworkVersion "${range}" allows neither v3 nor v4`);
	}
	if (input.installedVersion !== undefined) {
		const major = Number(/^\D*(\d+)/.exec(input.installedVersion)?.[1]);
		if (major === 3 || major === 4) {
			const where = input.installedFrom === undefined ? '' : ` (${input.installedFrom})`;
			return {major, source: 'installed', detail: [...skipped, `serverless ${input.installedVersion} installed${where}`].join('; ')};
		}
		skipped.push(`installed serverless ${input.installedVersion} is neither v3 nor v4`);
	}
	return {
		major: 4,
		source: 'default',
		detail: [...skipped, 'assumed v4: no --framework, frameworkVersion or installed serverless found (npm i -g serverless installs v4)'].join('; '),
	};
}

function parseFlag(flag: string): FrameworkMajor {
	const normalized = flag.trim().toLowerCase().replace(/^v/, '');
	if (normalized === '3') return 3;
	if (normalized === '4') return 4;
	throw new UserInputError({
		code: 'FRAMEWORK_FLAG_INVALID',
		message: `--framework ${flag}: expected v3 or v4.`,
		fix: 'Use --framework v3 or --framework v4 (or leave it out to detect it from frameworkVersion / the installed serverless).',
	});
}

type Version = [number, number, number];

/** Whether some version `major.x.y` satisfies the npm-style range (prereleases ignored). */
export function rangeAllowsMajor(range: string, major: number): boolean {
	return range.split('||').some(set => setAllowsMajor(set.trim(), major));
}

function setAllowsMajor(set: string, major: number): boolean {
	let lower: {version: Version; inclusive: boolean} = {version: [0, 0, 0], inclusive: true};
	let upper: {version: Version; inclusive: boolean} | undefined;
	const raiseLower = (version: Version, inclusive: boolean) => {
		const order = compare(version, lower.version);
		if (order > 0 || (order === 0 && !inclusive)) lower = {version, inclusive};
	};
	const lowerUpper = (version: Version, inclusive: boolean) => {
		const order = upper === undefined ? -1 : compare(version, upper.version);
		if (order < 0 || (order === 0 && !inclusive && upper?.inclusive === true)) upper = {version, inclusive};
	};

	const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(set);
	const comparators = hyphen ? [`>=${hyphen[1]}`, `<=${hyphen[2]}`] : set === '' ? ['*'] : set.split(/\s+/).filter(Boolean);
	for (const comparator of comparators) {
		const match = /^(\^|~>?|>=|<=|>|<|=)?\s*v?([0-9xX*]+)?(?:\.([0-9xX*]+))?(?:\.([0-9xX*]+))?(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.exec(comparator);
		if (!match) return false;
		const [, operator = '', majorPart, minorPart, patchPart] = match;
		const numbers = [majorPart, minorPart, patchPart].map(part => (part === undefined || /^[xX*]$/.test(part) ? undefined : Number(part)));
		const [a, b, c] = numbers;
		if (a === undefined) continue; // `*`, `x`: no bound
		const floor: Version = [a, b ?? 0, c ?? 0];
		// The first version above a partial version: `3` → 4.0.0, `3.1` → 3.2.0.
		const ceiling: Version = b === undefined ? [a + 1, 0, 0] : c === undefined ? [a, b + 1, 0] : [a, b, c];
		switch (operator) {
			case '':
			case '=':
				raiseLower(floor, true);
				if (b === undefined || c === undefined) lowerUpper(ceiling, false);
				else lowerUpper(floor, true);
				break;
			case '^': {
				raiseLower(floor, true);
				const caret: Version = a > 0 ? [a + 1, 0, 0] : (b ?? 0) > 0 ? [0, (b ?? 0) + 1, 0] : b === undefined ? [1, 0, 0] : c === undefined ? [0, 1, 0] : [0, 0, c + 1];
				lowerUpper(caret, false);
				break;
			}
			case '~':
			case '~>':
				raiseLower(floor, true);
				lowerUpper(b === undefined ? [a + 1, 0, 0] : [a, b + 1, 0], false);
				break;
			case '>=':
				raiseLower(floor, true);
				break;
			case '>':
				if (b === undefined || c === undefined) raiseLower(ceiling, true);
				else raiseLower(floor, false);
				break;
			case '<':
				lowerUpper(floor, false);
				break;
			case '<=':
				if (b === undefined || c === undefined) lowerUpper(ceiling, false);
				else lowerUpper(floor, true);
				break;
		}
	}
	// Does [lower, upper] meet [major.0.0, (major+1).0.0)?
	const start: Version = [major, 0, 0];
	const end: Version = [major + 1, 0, 0];
	if (compare(lower.version, end) >= 0) return false;
	if (upper === undefined) return true;
	const order = compare(upper.version, start);
	if (order < 0 || (order === 0 && !upper.inclusive)) return false;
	const span = compare(lower.version, upper.version);
	return span < 0 || (span === 0 && lower.inclusive && upper.inclusive);
}

function compare(left: Version, right: Version): number {
	for (let index = 0; index < 3; index++) {
		const difference = left[index]! - right[index]!;
		if (difference !== 0) return Math.sign(difference);
	}
	return 0;
}
