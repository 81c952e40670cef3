import {ID_PREFIXES} from '../../aws-files/access-key-id.js';
import type {Snapshot} from '../../gather/snapshot.js';
import type {Verdict} from '../../credentials/verdict.js';
import {maskValue} from '../../secret.js';
import type {Finding} from '../finding.js';
import {envSet} from '../environment.js';
import {profileOnDisk} from '../profiles-on-disk.js';

interface KeySet {
	/** Where the values are, in the user's words. */
	where: string;
	keyId: string;
	secret?: string;
	sessionToken?: string;
	/** The winner takes its keys from here. */
	used: boolean;
	tokenSetting: string;
}

/**
 * Key material that cannot work: an ASIA key without its session token (the commonest InvalidClientTokenId), a
 * long-term key still carrying an old token, a role or user ID pasted as a key, stray quotes or whitespace.
 */
export function accessKeyShapeChecks(snapshot: Snapshot, verdict: Verdict): Finding[] {
	return keySets(snapshot, verdict).flatMap(set => checkSet(set));
}

function keySets(snapshot: Snapshot, verdict: Verdict): KeySet[] {
	const sets: KeySet[] = [];
	const winner = verdict.winner;
	const fromEnv = (prefix: string, source: string) => {
		const keyId = envSet(snapshot.env, `${prefix}_ACCESS_KEY_ID`);
		if (keyId === undefined || keyId === 'undefined') return;
		sets.push({
			where: `${prefix}_ACCESS_KEY_ID`,
			keyId,
			secret: envSet(snapshot.env, `${prefix}_SECRET_ACCESS_KEY`),
			sessionToken: envSet(snapshot.env, `${prefix}_SESSION_TOKEN`),
			used: winner?.source === source,
			tokenSetting: `${prefix}_SESSION_TOKEN`,
		});
	};
	fromEnv('AWS', 'env-keys');
	if (verdict.engine === 'serverless-v3') fromEnv(`AWS_${verdict.stage.toUpperCase()}`, 'env-stage-keys');
	if (winner?.profile && winner.source !== 'env-keys' && winner.source !== 'env-stage-keys') {
		const keys = profileOnDisk(snapshot, winner.profile).keys;
		const keyId = keys['aws_access_key_id'];
		if (keyId) {
			sets.push({
				where: `profile "${winner.profile}"`,
				keyId,
				secret: keys['aws_secret_access_key'],
				sessionToken: keys['aws_session_token'],
				used: true,
				tokenSetting: `aws_session_token in [${winner.profile}]`,
			});
		}
	}
	return sets;
}

function checkSet(set: KeySet): Finding[] {
	const findings: Finding[] = [];
	const masked = maskValue(set.keyId.trim());
	const stray = set.keyId !== set.keyId.trim() || /^["']|["']$/.test(set.keyId.trim());
	const keyId = set.keyId.trim().replaceAll(/^["']|["']$/g, '');
	const prefix = keyId.slice(0, 4);
	const idKind = ID_PREFIXES[prefix];
	if (stray) {
		findings.push({
			id: 'access-key-shape',
			status: set.used ? 'fail' : 'warn',
			title: `The access key in ${set.where} has quotes or spaces around it`,
			why: 'The quotes or whitespace become part of the key, and AWS rejects the signature (SignatureDoesNotMatch or InvalidClientTokenId).',
			fix: `Remove the quotes and spaces around the value of ${set.where}.`,
		});
	} else if (idKind) {
		findings.push({
			id: 'access-key-shape',
			status: set.used ? 'fail' : 'warn',
			title: `${set.where} holds ${idKind} (${masked}), not an access key`,
			why: `IDs starting with ${prefix} name an IAM entity; access keys start with AKIA (long-term) or ASIA (temporary).`,
			fix: 'Create an access key (IAM console → Users → Security credentials → Create access key, or `aws iam create-access-key --user-name <user>`) and use its AKIA… id.',
		});
	} else if (prefix !== 'AKIA' && prefix !== 'ASIA') {
		findings.push({
			id: 'access-key-shape',
			status: 'warn',
			title: `The access key in ${set.where} (${masked}) does not start with AKIA or ASIA`,
			why: 'AWS access key ids start with AKIA (long-term) or ASIA (temporary); this one may be a typo or a value from another system.',
			fix: `Copy the access key id again from where it was created and set it in ${set.where}.`,
		});
	} else if (keyId.length !== 20 || !/^[A-Z2-7]+$/.test(keyId)) {
		findings.push({
			id: 'access-key-shape',
			status: 'warn',
			title: `The access key in ${set.where} (${masked}) is not 20 characters of A–Z and 2–7`,
			why: `It has ${keyId.length} characters. Real key ids are 20 characters long; a cut-off or extra character makes AWS reject it.`,
			fix: `Copy the access key id again and set it in ${set.where}.`,
		});
	} else {
		findings.push({
			id: 'access-key-shape',
			status: 'ok',
			title: `${set.where} holds a well-formed ${prefix === 'ASIA' ? 'temporary' : 'long-term'} access key (${masked})`,
			why: 'The key id has the AKIA/ASIA prefix and 20 base32 characters.',
		});
	}
	if (set.secret !== undefined && (set.secret.trim().length !== 40 || !/^[A-Za-z0-9/+]+$/.test(set.secret.trim()) || set.secret !== set.secret.trim())) {
		findings.push({
			id: 'secret-key-shape',
			status: 'warn',
			title: `The secret access key next to ${set.where} looks unusual`,
			why: `It has ${set.secret.length} characters${set.secret !== set.secret.trim() ? ', with surrounding whitespace' : ''}; secret keys are normally 40 characters of letters, digits, / and +. A truncated or padded secret gives SignatureDoesNotMatch.`,
			fix: 'Copy the secret again from where the key was created (it is shown only once; create a new key if it is lost).',
		});
	}
	if (prefix === 'ASIA' && set.sessionToken === undefined) {
		findings.push({
			id: 'session-token-missing',
			status: set.used ? 'fail' : 'warn',
			title: `Temporary key ${masked} has no session token`,
			why: `ASIA keys are valid only together with their session token; without ${set.tokenSetting} AWS answers InvalidClientTokenId.`,
			fix: `Set ${set.tokenSetting} to the SessionToken that came with the key, or get a fresh set of temporary credentials.`,
		});
	}
	if (prefix === 'AKIA' && set.sessionToken !== undefined) {
		findings.push({
			id: 'session-token-stale',
			status: set.used ? 'fail' : 'warn',
			title: `Long-term key ${masked} is sent with a session token`,
			why: `${set.tokenSetting} is set, probably left over from earlier temporary keys. The SDK sends it along with the AKIA key and AWS rejects the pair ("The security token included in the request is invalid").`,
			fix: `Remove ${set.tokenSetting}.`,
		});
	}
	return findings;
}
