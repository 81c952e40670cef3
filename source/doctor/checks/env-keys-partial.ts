import type {Snapshot} from '../../gather/snapshot.js';
import type {Verdict} from '../../credentials/verdict.js';
import type {Finding} from '../finding.js';
import {exportCommand, envSet, removeVariablesFix} from '../environment.js';

/**
 * Half a key pair, or the literal text "undefined" (CI templating an unset secret): the engines skip such pairs
 * silently and fall through to a source the user did not mean (credential-resolution.md §2.2, §4.2).
 */
export function envKeysPartialChecks(snapshot: Snapshot, verdict: Verdict): Finding[] {
	const findings: Finding[] = [];
	const pairs: Array<{prefix: string; id: string; when: boolean}> = [
		{prefix: 'AWS', id: 'env-keys', when: true},
		// Only Serverless v3 reads AWS_<STAGE>_*; under v4 the ignored-variables check speaks about them.
		{prefix: `AWS_${verdict.stage.toUpperCase()}`, id: 'stage-keys', when: verdict.engine === 'serverless-v3'},
	];
	const fallsTo = verdict.winner ? `${verdict.winner.title} is used instead` : 'no other source supplies credentials either';
	for (const {prefix, id, when} of pairs) {
		if (!when) continue;
		const keyName = `${prefix}_ACCESS_KEY_ID`;
		const secretName = `${prefix}_SECRET_ACCESS_KEY`;
		const key = envSet(snapshot.env, keyName);
		const secret = envSet(snapshot.env, secretName);
		if ((key === undefined) !== (secret === undefined)) {
			const [present, missing] = key === undefined ? [secretName, keyName] : [keyName, secretName];
			findings.push({
				id: `${id}-partial`,
				status: 'warn',
				title: `${present} is set without ${missing}`,
				why: `A key pair needs both halves; with one missing every engine skips the pair without a word, and ${fallsTo}.`,
				fix: `Set the missing half (\`${exportCommand(snapshot.platform, missing, '…')}\`) or ${removeVariablesFix(snapshot, [present])}.`,
			});
		}
		const literal = [keyName, secretName].filter(name => snapshot.env[name] === 'undefined');
		if (literal.length > 0) {
			const winsAnyway = verdict.engine !== 'serverless-v3' && verdict.winner?.source === 'env-keys';
			findings.push({
				id: `${id}-undefined`,
				status: winsAnyway ? 'fail' : 'warn',
				title: `${literal.join(' and ')} ${literal.length === 1 ? 'is' : 'are'} the text "undefined"`,
				why:
					'This usually comes from a CI template whose secret is not defined. ' +
					(verdict.engine === 'serverless-v3'
						? `Serverless v3 ignores such keys silently, so ${fallsTo}.`
						: 'Serverless v4 and the AWS SDK send the text as a key, and AWS rejects it with InvalidClientTokenId.'),
				fix: `Define the secret in your CI settings, or ${removeVariablesFix(snapshot, literal)}.`,
			});
		}
	}
	return findings;
}
