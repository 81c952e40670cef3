/**
 * Several AWS accounts in one moto server: a request carrying `x-moto-account-id` is filed under that account, and
 * a key created that way later answers STS GetCallerIdentity with it — without the header. So the product under
 * test needs nothing special; only the setup sends the header.
 */
import {CreateAccessKeyCommand, CreateUserCommand, IAMClient} from '@aws-sdk/client-iam';
import type {Moto} from './moto.js';

/** An IAM client whose requests moto files under `account`. */
export function iamIn(moto: Moto, account: string): IAMClient {
	const iam = new IAMClient({endpoint: moto.endpoint, region: 'us-east-1', credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}, maxAttempts: 1});
	iam.middlewareStack.add(
		next => async args => {
			(args.request as {headers: Record<string, string>}).headers['x-moto-account-id'] = account;
			return next(args);
		},
		{step: 'build', name: 'motoAccount'},
	);
	return iam;
}

/** A user with one access key in `account`. */
export async function userIn(moto: Moto, account: string, name: string): Promise<{id: string; secret: string}> {
	const iam = iamIn(moto, account);
	try {
		await iam.send(new CreateUserCommand({UserName: name}));
		const {AccessKey} = await iam.send(new CreateAccessKeyCommand({UserName: name}));
		return {id: AccessKey!.AccessKeyId!, secret: AccessKey!.SecretAccessKey!};
	} finally {
		iam.destroy();
	}
}
