/** Throw-away certificate authorities for TLS tests, made with the openssl CLI in a temporary folder. */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

export interface TestCa {
	dir: string;
	/** The root certificate, PEM. */
	caPem: string;
	caPath: string;
	/** Server certificate for localhost/127.0.0.1 signed by the root, followed by the root (a TLS-inspecting proxy's chain). */
	serverChainPem: string;
	serverKeyPem: string;
}

function openssl(args: string[], cwd: string): void {
	execFileSync('openssl', args, {cwd, stdio: ['ignore', 'ignore', 'pipe']});
}

/** `days` is the validity from now; tests move `snapshot.now` instead of back-dating certificates. */
export function makeTestCa(name = 'Test Corp Root', days = 2): TestCa {
	const dir = mkdtempSync(path.join(tmpdir(), 'sls-creds-ca-'));
	const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
	openssl(['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', String(days), '-subj', `/O=Test Corp/CN=${name}`,
		'-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);
	openssl(['req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost'], dir);
	writeFileSync(path.join(dir, 'server.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n');
	openssl(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem',
		'-days', String(days), '-extfile', 'server.ext'], dir);
	const caPem = readFileSync(path.join(dir, 'ca.pem'), 'utf8');
	return {
		dir,
		caPem,
		caPath: path.join(dir, 'ca.pem'),
		serverChainPem: readFileSync(path.join(dir, 'server.pem'), 'utf8') + caPem,
		serverKeyPem: readFileSync(path.join(dir, 'server.key'), 'utf8'),
	};
}
