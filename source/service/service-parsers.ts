/**
 * The parsers that resolving a service file needs. The yaml library, dotenv and the team-settings reader cost more to
 * load than the rest of an offline doctor, and a folder without a service file needs none of them: gather loads this
 * module only when it found one (service-resolution.ts takes the parsers as an argument).
 */
import dotenv from 'dotenv';
import {parseJson, parseServiceText, parseYaml, type ParsedServiceFile} from './parse-service-file.js';
import {readTeamSettings, type ReadTeamSettingsInput} from './read-team-settings.js';
import type {TeamSettingsRead} from './team-settings.js';

export interface ServiceParsers {
	parseServiceText(text: string, format: 'yml' | 'json', fileName?: string): ParsedServiceFile;
	parseYaml(text: string, fileName: string): ParsedServiceFile;
	parseJson(text: string, fileName: string): ParsedServiceFile;
	parseDotenv(text: string): Record<string, string>;
	readTeamSettings(input: ReadTeamSettingsInput): TeamSettingsRead;
}

export const serviceParsers: ServiceParsers = {
	parseServiceText,
	parseYaml,
	parseJson,
	parseDotenv: text => dotenv.parse(text),
	readTeamSettings,
};
