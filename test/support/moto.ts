/**
 * A real AWS-compatible API (moto server) on 127.0.0.1 for the tests that talk to STS/IAM
 * (../shared/spec/test-endpoint.md). Each test file that needs one starts its own server, so files that switch
 * auth mode on cannot disturb each other; it is stopped by PID.
 */
import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import net from 'node:net';

export const PYTHON = process.env.SLS_CREDS_WIZARD_PYTHON ?? 'python3';

export interface Moto {
	endpoint: string;
	port: number;
	/** Wipe all data and switch auth off (reset does not reset auth mode by itself). */
	reset(): Promise<void>;
	/** SigV4 and IAM policies are enforced from the next request on. */
	authOn(): Promise<void>;
	authOff(): Promise<void>;
	stop(): Promise<void>;
}

/** One line naming the check that failed, and how to get the suite running. */
export function motoMissingHint(detail: string): string {
	return `moto server is required for the tests but \`${PYTHON} -c 'import moto, flask, flask_cors'\` failed (${detail.trim().split('\n').pop()}). Install it with \`pip install 'moto[server]==5.2.1'\` or point SLS_CREDS_WIZARD_PYTHON at a python3 that has it.`;
}

export function checkMotoAvailable(): void {
	const result = spawnSync(PYTHON, ['-c', 'import moto, flask, flask_cors; print(moto.__version__)'], {encoding: 'utf8'});
	if (result.error || result.status !== 0) {
		throw new Error(motoMissingHint(result.error?.message ?? result.stderr ?? 'unknown error'));
	}
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
	for (const child of running) child.kill('SIGTERM');
});

async function waitReady(endpoint: string, child: ChildProcess, output: () => string, deadlineMs: number): Promise<boolean> {
	const deadline = Date.now() + deadlineMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) return false;
		try {
			const response = await fetch(`${endpoint}/moto-api/`);
			if (response.ok) return true;
		} catch {
			// not listening yet
		}
		await new Promise(resolve => setTimeout(resolve, 50));
	}
	void output;
	return false;
}

export async function startMoto(options: {managedPolicies?: boolean; accountId?: string} = {}): Promise<Moto> {
	let lastOutput = '';
	for (let attempt = 0; attempt < 3; attempt++) {
		const port = await freePort();
		const endpoint = `http://127.0.0.1:${port}`;
		const env: Record<string, string> = {PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp'};
		if (process.env.PYENV_ROOT) env.PYENV_ROOT = process.env.PYENV_ROOT;
		if (options.managedPolicies) env.MOTO_IAM_LOAD_MANAGED_POLICIES = 'true';
		if (options.accountId) env.MOTO_ACCOUNT_ID = options.accountId;
		const child = spawn(PYTHON, ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], {
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout?.on('data', chunk => (output += String(chunk)));
		child.stderr?.on('data', chunk => (output += String(chunk)));
		running.add(child);
		if (await waitReady(endpoint, child, () => output, 15_000)) {
			const post = async (path: string, body?: string) => {
				const response = await fetch(`${endpoint}${path}`, {method: 'POST', body});
				if (!response.ok) throw new Error(`moto ${path}: HTTP ${response.status}`);
			};
			return {
				endpoint,
				port,
				reset: async () => {
					await post('/moto-api/reset');
					await post('/moto-api/reset-auth', 'inf');
				},
				authOn: () => post('/moto-api/reset-auth', '0'),
				authOff: () => post('/moto-api/reset-auth', 'inf'),
				stop: async () => {
					running.delete(child);
					if (child.exitCode !== null) return;
					const exited = new Promise(resolve => child.once('exit', resolve));
					child.kill('SIGTERM');
					await Promise.race([exited, new Promise(resolve => setTimeout(resolve, 3000))]);
					if (child.exitCode === null) child.kill('SIGKILL');
				},
			};
		}
		lastOutput = output;
		running.delete(child);
		child.kill('SIGKILL');
	}
	throw new Error(`moto server did not start on 127.0.0.1: ${lastOutput.trim().split('\n').slice(-3).join(' | ')}`);
}
