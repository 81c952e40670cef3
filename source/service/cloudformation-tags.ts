import type {CollectionTag, ScalarTag} from 'yaml';

/** The short forms Serverless' own YAML schema accepts (sf-core `cloudformationIntrinsicFunctionNames`). */
const FUNCTION_NAMES = [
	'And',
	'Base64',
	'Cidr',
	'Condition',
	'Equals',
	'FindInMap',
	'GetAtt',
	'GetAZs',
	'If',
	'ImportValue',
	'Join',
	'Not',
	'Or',
	'Ref',
	'Select',
	'Split',
	'Sub',
] as const;

function longName(name: string): string {
	return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

/**
 * `!Ref X` becomes `{Ref: 'X'}`, `!GetAtt A.Arn` becomes `{'Fn::GetAtt': ['A', 'Arn']}` — the same values
 * Serverless builds, so a file that deploys also parses here instead of failing on an unknown tag.
 */
export const cloudFormationTags: Array<ScalarTag | CollectionTag> = FUNCTION_NAMES.flatMap(name => {
	const key = longName(name);
	const scalar: ScalarTag = {
		tag: `!${name}`,
		resolve(value: string) {
			if (name === 'GetAtt') {
				const [first = '', ...rest] = value.split('.');
				return {[key]: [first, rest.join('.')]};
			}
			return {[key]: value};
		},
	};
	const sequence: CollectionTag = {
		tag: `!${name}`,
		collection: 'seq',
		resolve: value => ({[key]: value.toJSON()}),
	};
	const mapping: CollectionTag = {
		tag: `!${name}`,
		collection: 'map',
		resolve: value => ({[key]: value.toJSON()}),
	};
	return [scalar, sequence, mapping];
});
