/** The dotenv rules (dotenv-files.ts) with the dotenv library's own parser. */
import dotenv from 'dotenv';
import {loadDotenv, type DotenvInput, type DotenvResult} from './dotenv-files.js';

export {customDotenvEntries, dotenvKey, expandLikeDotenvExpand, type DotenvInput, type DotenvResult} from './dotenv-files.js';

export function applyDotenv(input: DotenvInput): DotenvResult {
	return loadDotenv(input, text => dotenv.parse(text));
}
