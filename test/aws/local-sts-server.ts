/**
 * Tiny local STS look-alikes for what moto cannot show: a skewed Date header, TLS with a private CA, a server
 * that accepts connections and never answers. Loopback only; closed by the test.
 */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

export interface LocalServer {
	endpoint: string;
	port: number;
	/** Requests that reached the handler. */
	requests: number;
	close(): Promise<void>;
}

export const CALLER_ARN = 'arn:aws:iam::111122223333:user/local-tester';

const IDENTITY_XML = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult>
    <Arn>${CALLER_ARN}</Arn>
    <UserId>AIDAEXAMPLELOCALUSER</UserId>
    <Account>111122223333</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
</GetCallerIdentityResponse>`;

async function listen(server: net.Server, scheme: 'http' | 'https', state: {requests: number}, sockets: Set<net.Socket>): Promise<LocalServer> {
	server.on('connection', socket => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		endpoint: `${scheme}://127.0.0.1:${port}`,
		port,
		get requests() {
			return state.requests;
		},
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>(resolve => server.close(() => resolve()));
		},
	};
}

/** Answers every request with a valid GetCallerIdentity response whose Date header is `dateOffsetMs` off. */
export async function startIdentityServer(options: {dateOffsetMs?: number; tls?: {key: string; cert: string}} = {}): Promise<LocalServer> {
	const state = {requests: 0};
	const handler: http.RequestListener = (request, response) => {
		state.requests++;
		request.resume();
		request.on('end', () => {
			response.writeHead(200, {
				'content-type': 'text/xml',
				date: new Date(Date.now() + (options.dateOffsetMs ?? 0)).toUTCString(),
				'x-amzn-requestid': '01234567-89ab-cdef-0123-456789abcdef',
			});
			response.end(IDENTITY_XML);
		});
	};
	const server = options.tls ? https.createServer({key: options.tls.key, cert: options.tls.cert}, handler) : http.createServer(handler);
	return listen(server, options.tls ? 'https' : 'http', state, new Set());
}

/** Accepts TCP connections and never sends a byte. */
export async function startSilentServer(): Promise<LocalServer> {
	const state = {requests: 0};
	const server = net.createServer(() => {
		state.requests++;
	});
	return listen(server, 'http', state, new Set());
}

/** A loopback port with nothing listening (bound once, then released). */
export async function closedPort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	await new Promise<void>(resolve => server.close(() => resolve()));
	return port;
}
