/** The identity checklist items (identity-checks.ts) with the error catalogue's explainer. */
import {explainError} from '../aws/error-catalogue.js';
import type {ProbeResult} from '../aws/identity.js';
import type {Verdict} from '../credentials/verdict.js';
import type {Snapshot} from '../gather/snapshot.js';
import type {Finding} from './finding.js';
import {identityChecks} from './identity-checks.js';

/**
 * What STS GetCallerIdentity said about the winning credentials, as checklist items. Pass the snapshot when there is
 * one: the error catalogue then explains a failure in terms of this machine.
 */
export function identityFindings(probe: ProbeResult, verdict: Verdict, snapshot?: Snapshot): Finding[] {
	return identityChecks(probe, verdict, snapshot, explainError);
}
