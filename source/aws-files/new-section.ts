/**
 * The text of a new section for an AWS file (`[name]` + `key = value` lines), encoded by `ini`. Only new sections
 * go through `ini`: it would drop the comments of an existing file, and it JSON-quotes values holding `;`, `#`,
 * `=` or quotes (a session token's `=` padding), which no AWS reader unquotes — such values are refused here.
 */
import ini from 'ini';

export function newSectionText(section: string, keys: Readonly<Record<string, string>>): string {
	for (const [key, value] of Object.entries(keys)) {
		if (ini.safe(value) !== value || ini.safe(key) !== key) {
			throw new Error(`The value of ${key} cannot be written by ini without quotes that AWS readers would keep.`);
		}
	}
	return ini.encode(keys, {section, whitespace: true});
}
