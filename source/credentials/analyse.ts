/**
 * The doctor's analysis: the verdict of the framework the project uses, plus the other engines for contrast
 * (what the other Serverless major and a plain AWS SDK v3 client would pick from the same environment).
 */
import type {Snapshot} from '../gather/snapshot.js';
import {precedenceSdk} from './precedence-sdk.js';
import {precedenceV3} from './precedence-v3.js';
import {precedenceV4} from './precedence-v4.js';
import type {Verdict} from './verdict.js';

export function analyse(snapshot: Snapshot): {primary: Verdict; others: Verdict[]} {
	const v3 = precedenceV3(snapshot);
	const v4 = precedenceV4(snapshot);
	const sdk = precedenceSdk(snapshot);
	return snapshot.framework.major === 4 ? {primary: v4, others: [v3, sdk]} : {primary: v3, others: [v4, sdk]};
}
