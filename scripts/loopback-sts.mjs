/**
 * A loopback STS that answers GetCallerIdentity at once, for the bench and the screenshots. It runs in its own
 * process: the caller's event loop is busy waiting for the commands it times or captures.
 */
import {spawn} from 'node:child_process';

export async function startLoopbackSts({account = '123456789012', arn = `arn:aws:iam::${account}:user/orders-deployer`} = {}) {
	const body = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>${arn}</Arn><UserId>AIDAEXAMPLEUSERID0001</UserId><Account>${account}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>0</RequestId></ResponseMetadata></GetCallerIdentityResponse>`;
	const server = `
const http = require('node:http');
const body = ${JSON.stringify(body)};
const server = http.createServer((request, response) => {
	request.resume();
	request.on('end', () => { response.writeHead(200, {'content-type': 'text/xml', date: new Date().toUTCString()}); response.end(body); });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
process.stdin.on('end', () => process.exit(0)); process.stdin.resume();`;
	const child = spawn(process.execPath, ['-e', server], {stdio: ['pipe', 'pipe', 'inherit']});
	const port = await new Promise((resolve, reject) => {
		child.stdout.once('data', data => resolve(Number(String(data).trim())));
		child.once('exit', code => reject(new Error(`the loopback STS server exited (${code})`)));
	});
	return {endpoint: `http://127.0.0.1:${port}`, stop: () => child.stdin.end()};
}
