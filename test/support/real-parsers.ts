/**
 * The product's pure cores with the real libraries plugged in, as gather and the doctor plug them in at run time
 * (they load yaml, dotenv and the error catalogue lazily and pass them in): one place for tests to call them.
 */
import dotenv from 'dotenv';
import {explainError} from '../../source/aws/error-catalogue.js';
import type {ProbeResult} from '../../source/aws/identity.js';
import type {Verdict} from '../../source/credentials/verdict.js';
import {assembleReport, type ReportInput} from '../../source/doctor/assemble-report.js';
import type {Finding} from '../../source/doctor/finding.js';
import {identityChecks} from '../../source/doctor/identity-checks.js';
import type {Report} from '../../source/doctor/report.js';
import type {Env, Snapshot} from '../../source/gather/snapshot.js';
import {loadDotenv, type DotenvInput, type DotenvResult} from '../../source/service/dotenv-files.js';
import {serviceParsers} from '../../source/service/service-parsers.js';
import {resolveServiceWith, type ResolveServiceInput} from '../../source/service/service-resolution.js';
import type {ServiceInfo} from '../../source/service/service-info.js';

export type {ReportInput} from '../../source/doctor/assemble-report.js';

export function resolveService(input: ResolveServiceInput): {service: ServiceInfo; env: Env} {
	return resolveServiceWith(input, serviceParsers);
}

export function applyDotenv(input: DotenvInput): DotenvResult {
	return loadDotenv(input, text => dotenv.parse(text));
}

export function buildReport(input: ReportInput): Report {
	return assembleReport(input, explainError);
}

export function identityFindings(probe: ProbeResult, verdict: Verdict, snapshot?: Snapshot): Finding[] {
	return identityChecks(probe, verdict, snapshot, explainError);
}
