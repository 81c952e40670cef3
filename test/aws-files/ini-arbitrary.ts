/**
 * fast-check generators of AWS ini texts that stress the places where the readers differ: comments after
 * whitespace, sub-sections, quoted and odd section names, `:` separators, indentation, CRLF / lone CR, BOM,
 * duplicates, missing final newline. Names never collide with `Object.prototype` members (the real SDK would write
 * onto shared built-ins inside the test process); those cases have their own child-process test.
 */
import fc from 'fast-check';

const names = ['default', 'dev', 'prod', 'a', 'b.c', 'x-y', 'q@r', 'p+1', 's%t', 'u:v', 'w/z', 'DEFAULT', 'Dev', 'sso', 'local', '1', '007'];
const prefixes = ['profile', 'sso-session', 'services', 'PROFILE', 'unknown', 'profile.x'];
const keys = [
	'aws_access_key_id',
	'aws_secret_access_key',
	'aws_session_token',
	'region',
	'output',
	'role_arn',
	'source_profile',
	'sso_session',
	'credential_process',
	's3',
	'sts',
	'endpoint_url',
	'max_concurrent_requests',
	'AWS_ACCESS_KEY_ID',
	'Region',
	'my key',
	'a.b',
];
const values = ['us-east-1', 'AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'a=b', 'json#x', 'secret;base', 'x y', '"quoted"', "'q'", 'http://127.0.0.1:4566', '', ' '];
/** Usually `usual`, sometimes one of the odd alternatives. */
function mostly<T>(usual: T, ...odd: T[]): fc.Arbitrary<T> {
	return fc.oneof({weight: 3, arbitrary: fc.constant(usual)}, {weight: 1, arbitrary: fc.constantFrom(...odd)});
}

const spaces = mostly('', ' ', '  ', '\t', ' \t', '\u00a0', '\u000b');
const comments = mostly('', ' # note', ' ; note', '#x', ';x', '\t# t', ' #');

const name = fc.constantFrom(...names);
const sectionName = fc.oneof(
	name,
	fc.tuple(fc.constantFrom(...prefixes), fc.constantFrom(' ', '  ', '\t'), name).map(([prefix, gap, n]) => `${prefix}${gap}${n}`),
	fc.tuple(fc.constantFrom(...prefixes), name, fc.constantFrom('"', "'")).map(([prefix, n, quote]) => `${prefix} ${quote}${n}${quote}`),
	fc.tuple(fc.constantFrom('profile', 'sso-session'), name, name).map(([prefix, first, second]) => `${prefix} ${first} ${second}`),
	fc.constantFrom('', ' default ', 'profile "a b"', 'profile "x\'', 'a]b', '[a', 'profile my prof', 'profile.dev', 'sso-session.corp', 'services.s'),
);

const header = fc
	.tuple(spaces, sectionName, spaces, comments, mostly('', '', ' junk', ']', ';c'))
	.map(([lead, n, trail, comment, extra]) => `${lead}[${n}]${extra}${trail}${comment}`);

const assignment = fc
	.tuple(spaces, fc.tuple(fc.constantFrom(...keys), mostly('', '1', '2', '3', '4', '5', '6', '7')).map(([key, suffix]) => key + suffix), mostly(' ', '', '\t'), mostly('=', ':', '=='), mostly(' ', '', '\t'), fc.constantFrom(...values), comments)
	.map(([indent, key, before, separator, after, value, comment]) => `${indent}${key}${before}${separator}${after}${value}${comment}`);

const otherLine = fc.constantFrom(
	'',
	'   ',
	'\t',
	'# comment',
	'; comment',
	'  # indented comment',
	'no equals here',
	'  continuation text',
	'=value',
	' = v',
	'[',
	']',
	'[]',
	'\uFEFF',
	'key =',
	'    nested = 1',
	'  = x',
);

export const iniLine: fc.Arbitrary<string> = fc.oneof(
	{weight: 3, arbitrary: header},
	{weight: 6, arbitrary: assignment},
	{weight: 3, arbitrary: otherLine},
);

const lineEnding = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r\n', '\r');

/** Lines that keep a file readable by every parser, plus now and then one that does not. */
const bodyLine = fc.oneof(
	{weight: 8, arbitrary: assignment},
	{weight: 2, arbitrary: fc.constantFrom('', '# comment', '; comment', '  # indented', '    nested = 1', '  key = v', 'key =', '  continued')},
	{weight: 1, arbitrary: otherLine},
);

/** A file shaped like a real one: optional preamble, then sections of header + body lines. */
const structuredLines: fc.Arbitrary<string[]> = fc
	.tuple(
		fc.array(fc.oneof({weight: 6, arbitrary: fc.constantFrom('', '# top comment', '; top')}, {weight: 1, arbitrary: iniLine}), {maxLength: 2}),
		fc.array(fc.tuple(header, fc.array(bodyLine, {maxLength: 6})), {minLength: 1, maxLength: 6}),
	)
	.map(([preamble, sections]) => [...preamble, ...sections.flatMap(([head, body]) => [head, ...body])]);

function joinLines(lines: fc.Arbitrary<string[]>): fc.Arbitrary<string> {
	return fc
		.tuple(lines, fc.array(lineEnding, {minLength: 60, maxLength: 60}), fc.boolean(), fc.integer({min: 0, max: 19}))
		.map(([list, endings, finalNewline, chance]) => {
			let text = chance === 0 ? '\uFEFF' : '';
			list.forEach((line, index) => {
				const last = index === list.length - 1;
				const eol = endings[index % endings.length] ?? '\n';
				// Lone CRs only now and then, so most files keep one line numbering for every reader.
				const ending = eol === '\r' && chance > 1 ? '\n' : eol;
				text += line + (last && !finalNewline ? '' : ending);
			});
			return text;
		});
}

/** Any sequence of lines: LF/CRLF (sometimes a lone CR), BOM now and then, optional final newline. */
export const iniLines: fc.Arbitrary<string> = joinLines(fc.array(iniLine, {maxLength: 24}));

/** Shaped like a real file, with odd details. */
export const iniFile: fc.Arbitrary<string> = joinLines(structuredLines);

/** Mostly well-formed files with odd details, and some free-form line soup. */
export const iniText: fc.Arbitrary<string> = fc.oneof({weight: 3, arbitrary: iniFile}, {weight: 1, arbitrary: iniLines});

/** Raw fuzz over the characters that matter to the parsers. */
export const iniNoise: fc.Arbitrary<string> = fc
	.array(fc.constantFrom('[', ']', '=', ':', '#', ';', ' ', '\t', '\n', '\r\n', 'a', 'B', 'profile ', 'default', '"', "'", '.', '-', '\u00a0'), {maxLength: 60})
	.map((parts) => parts.join(''));

const cleanKey = fc.constantFrom('aws_access_key_id', 'aws_secret_access_key', 'region', 'output', 'role_arn', 'source_profile', 'sso_session', 'mfa_serial');
const cleanValue = fc.constantFrom('us-east-1', 'AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'json', 'arn:aws:iam::123456789012:role/x', 'a=b', 'x#y', 'v;w');
const cleanName = fc.constantFrom('default', 'dev', 'prod', 'ci', 'team-a', 'b.c', 'q@r');

/** Files a careful person writes, with now and then one odd line: for "no issue means every reader agrees". */
export const cleanishFile: fc.Arbitrary<string> = fc
	.tuple(
		fc.array(
			fc.tuple(
				fc.oneof(
					{weight: 4, arbitrary: cleanName.map((name) => (name === 'default' ? '[default]' : `[profile ${name}]`))},
					{weight: 2, arbitrary: cleanName.map((name) => `[${name}]`)},
					{weight: 1, arbitrary: cleanName.map((name) => `[sso-session ${name}]`)},
				),
				fc.uniqueArray(fc.tuple(cleanKey, fc.constantFrom(' = ', '=', ' =  '), cleanValue), {maxLength: 5, selector: ([key]) => key}),
				fc.constantFrom('', '\n# comment', '\n', '\ns3 =\n  max_concurrent_requests = 20\n  addressing_style = path'),
			),
			{minLength: 1, maxLength: 4},
		),
		fc.option(iniLine, {freq: 3}),
		fc.nat(),
		fc.constantFrom('\n', '\r\n'),
	)
	.map(([sections, odd, position, eol]) => {
		const lines = sections.flatMap(([header, assignments, tail]) => [
			header,
			...assignments.map(([key, separator, value]) => `${key}${separator}${value}`),
			...(tail === '' ? [] : tail.slice(1).split('\n')),
		]);
		if (odd !== null) lines.splice(1 + (position % lines.length), 0, odd);
		return `${lines.join(eol)}${eol}`;
	});
