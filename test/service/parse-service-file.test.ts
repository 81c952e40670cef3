import {describe, expect, it} from 'vitest';
import {parseServiceText} from '../../source/service/parse-service-file.js';

const cloudFormation = `service: app
provider:
  name: aws
  profile: dev
resources:
  Resources:
    Bucket:
      Type: AWS::S3::Bucket
    Policy:
      Properties:
        Bucket: !Ref Bucket
        Arn: !GetAtt Bucket.Arn
        Name: !Sub '\${AWS::StackName}-bucket'
        SubList: !Sub
          - 'x-\${Y}'
          - Y: !ImportValue other
        Joined: !Join ['', ['a', !Ref Bucket]]
        Chosen: !If [IsProd, !Select [0, !Split [',', 'a,b']], !FindInMap [Map, Key, Value]]
        Encoded: !Base64 hello
        Cidrs: !Cidr [10.0.0.0/16, 4, 8]
        Zones: !GetAZs ''
  Conditions:
    IsProd: !Equals [!Ref Stage, prod]
    NotProd: !Not [!Condition IsProd]
    Both: !And [!Condition IsProd, !Or [!Condition IsProd, !Condition NotProd]]
`;

describe('parseServiceText', () => {
	it('accepts every CloudFormation short tag and builds the long form', () => {
		const parsed = parseServiceText(cloudFormation, 'yml');
		expect(parsed.error).toBeUndefined();
		const resources = (parsed.document as any).resources;
		const properties = resources.Resources.Policy.Properties;
		expect(properties.Bucket).toEqual({Ref: 'Bucket'});
		expect(properties.Arn).toEqual({'Fn::GetAtt': ['Bucket', 'Arn']});
		expect(properties.Name).toEqual({'Fn::Sub': '${AWS::StackName}-bucket'});
		expect(properties.SubList).toEqual({'Fn::Sub': ['x-${Y}', {Y: {'Fn::ImportValue': 'other'}}]});
		expect(properties.Joined).toEqual({'Fn::Join': ['', ['a', {Ref: 'Bucket'}]]});
		expect(properties.Chosen['Fn::If'][0]).toBe('IsProd');
		expect(properties.Encoded).toEqual({'Fn::Base64': 'hello'});
		expect(properties.Cidrs).toEqual({'Fn::Cidr': ['10.0.0.0/16', 4, 8]});
		expect(properties.Zones).toEqual({'Fn::GetAZs': ''});
		expect(resources.Conditions.NotProd).toEqual({'Fn::Not': [{Condition: 'IsProd'}]});
		expect((parsed.document as any).provider.profile).toBe('dev');
	});

	it('honours merge keys like js-yaml', () => {
		const parsed = parseServiceText('base: &base\n  profile: shared\nprovider:\n  <<: *base\n  name: aws\n', 'yml');
		expect((parsed.document as any).provider).toEqual({profile: 'shared', name: 'aws'});
	});

	it.each([
		['provider:\n  stage: [dev\nservice: x\n', /^serverless\.yml: YAML syntax error at line \d+, column \d+: /],
		['a: 1\na: 2\n', /^serverless\.yml: YAML syntax error at line 2, column 1: Map keys must be unique/],
		['provider:\n\tstage: dev\n', /^serverless\.yml: YAML syntax error at line 2, column 1/],
	])('turns a YAML syntax error into one line: %j', (text, expected) => {
		const parsed = parseServiceText(text, 'yml');
		expect(parsed.document).toBeUndefined();
		expect(parsed.error).toMatch(expected);
		expect(parsed.error).not.toContain('\n');
	});

	it('turns a JSON syntax error into one line with its position', () => {
		const parsed = parseServiceText('{\n  "service": "x",\n  "provider": {,}\n}\n', 'json');
		expect(parsed.error).toMatch(/^serverless\.json: JSON syntax error at line 3, column 16: /);
		expect(parsed.error).not.toContain('\n');
	});

	it('reads JSON with a BOM', () => {
		expect(parseServiceText('\uFEFF{"service":"x"}', 'json').document).toEqual({service: 'x'});
	});
});
