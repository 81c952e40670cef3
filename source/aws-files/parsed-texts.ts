/**
 * The parses of one file text that a plan and its checks share: planning an edit of a 10,000-profile file reads the
 * same text with the same reader several times (pre-flight, edit, final check), which must stay linear.
 */
import {readCliIni, type CliParse} from './cli-reader.js';
import {parseIniDocument, type IniDocument} from './document.js';
import {rememberRecent} from './recent-results.js';
import {traceSdkIni, type IniSections} from './sdk-reader.js';

/** Treat the result as read-only: it is shared. */
export const cliParseOf: (text: string) => CliParse = rememberRecent(readCliIni, (text) => [text]);

/** Treat the result as read-only: it is shared (the editors never change a document, they build a new one). */
export const documentOf: (text: string) => IniDocument = rememberRecent(parseIniDocument, (text) => [text]);

/** What the JS SDK's `parseIni` returns for the text (section key → key → value). Read-only: shared. */
export const sdkSectionsOf: (text: string) => IniSections = rememberRecent((text: string) => traceSdkIni(text, {lines: false}).sections, (text) => [text]);
