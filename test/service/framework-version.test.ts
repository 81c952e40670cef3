import {describe, expect, it} from 'vitest';
import {detectFramework, rangeAllowsMajor} from '../../source/service/framework-version.js';
import {UserInputError} from '../../source/service/user-input-error.js';

describe('detectFramework', () => {
	it.each([
		[{flag: 'v3'}, 3, 'flag'],
		[{flag: 'V4', frameworkVersion: '3'}, 4, 'flag'],
		[{flag: '3', installedVersion: '4.1.0'}, 3, 'flag'],
		[{flag: '4'}, 4, 'flag'],
		[{frameworkVersion: '3'}, 3, 'frameworkVersion'],
		[{frameworkVersion: '^3.38.0', installedVersion: '4.2.0'}, 3, 'frameworkVersion'],
		[{frameworkVersion: '>=3'}, 3, 'frameworkVersion'],
		[{frameworkVersion: '4'}, 4, 'frameworkVersion'],
		[{frameworkVersion: '>=4.0.0'}, 4, 'frameworkVersion'],
		[{frameworkVersion: '~3.1.0'}, 3, 'frameworkVersion'],
		[{frameworkVersion: '3.x'}, 3, 'frameworkVersion'],
		[{frameworkVersion: '>=2.0.0 <4.0.0'}, 3, 'frameworkVersion'],
		[{frameworkVersion: '2 || 4'}, 4, 'frameworkVersion'],
		[{frameworkVersion: '>3'}, 4, 'frameworkVersion'],
		[{frameworkVersion: '2.x', installedVersion: '3.40.0'}, 3, 'installed'],
		[{installedVersion: '3.40.0'}, 3, 'installed'],
		[{installedVersion: '4.17.1'}, 4, 'installed'],
		[{installedVersion: '2.72.0'}, 4, 'default'],
		[{}, 4, 'default'],
	] as const)('%j → v%i from %s', (input, major, source) => {
		const info = detectFramework(input);
		expect(info.major).toBe(major);
		expect(info.source).toBe(source);
	});

	it('says when it took the lowest of several majors', () => {
		expect(detectFramework({frameworkVersion: '>=3'}).detail).toMatch(/lowest, v3/);
	});

	it('says the default is an assumption', () => {
		expect(detectFramework({}).detail).toMatch(/assumed v4/);
	});

	it('rejects an unknown --framework value with a fix', () => {
		expect(() => detectFramework({flag: 'v2'})).toThrow(UserInputError);
		try {
			detectFramework({flag: 'latest'});
		} catch (error) {
			expect((error as UserInputError).fix).toMatch(/--framework v3/);
		}
	});
});

describe('rangeAllowsMajor', () => {
	it.each([
		['^3.38.0', 3, true],
		['^3.38.0', 4, false],
		['<4', 3, true],
		['<4', 4, false],
		['<=4', 4, true],
		['*', 4, true],
		['3.38.0', 3, true],
		['3.38.0', 4, false],
		['3.0.0 - 4.1.0', 4, true],
		['>=4.0.0-beta.1', 4, true],
	] as const)('%s allows v%i: %s', (range, major, allowed) => {
		expect(rangeAllowsMajor(range, major)).toBe(allowed);
	});
});
