import {describe, expect, it} from 'vitest';
import {newSectionText} from '../../source/aws-files/new-section.js';
import {sdkProfiles} from '../../source/aws-files/sdk-profiles.js';
import {readCliIni} from '../../source/aws-files/cli-reader.js';

describe('newSectionText', () => {
	it('writes a section that the SDK and the AWS CLI read back as given, dotted names included', () => {
		const keys = {aws_access_key_id: 'AKIAIOSFODNN7EXAMPLE', aws_secret_access_key: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'};
		const text = newSectionText('team.dev', keys);
		expect(text).toBe('[team.dev]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n');
		expect(sdkProfiles({credentials: text}).credentials['team.dev']).toEqual(keys);
		const cli = readCliIni(text);
		expect(cli.ok && cli.sections['team.dev']).toEqual(keys);
	});

	it('writes config sections with their prefix', () => {
		expect(newSectionText('profile dev', {region: 'eu-west-1'})).toBe('[profile dev]\nregion = eu-west-1\n');
	});

	it.each([['token=='], ['a;b'], ['x # y'], ['"quoted"'], [' padded ']])('refuses %j, which ini would quote', value => {
		expect(() => newSectionText('p', {aws_session_token: value})).toThrow(/cannot be written/);
	});
});
