/** Node network errors, timeouts and TLS verification failures (errors-and-tls.md §7, §8, §9). */
import type {MachineFacts} from '../machine-facts.js';
import {shellQuote, type CatalogueEntry} from './catalogue-entry.js';

function proxyPhrase(facts: MachineFacts): string | undefined {
	const proxy = facts.ca?.proxy;
	const setting = facts.framework === 4 ? proxy?.v4 : proxy?.v3 ?? proxy?.v4;
	return setting ? `${setting.variable}=${setting.url}` : undefined;
}

function networkCauses(facts: MachineFacts): string[] {
	const causes: string[] = [];
	const proxy = proxyPhrase(facts);
	if (proxy) causes.push(`A proxy is configured (${proxy}); check that it is reachable and allows AWS hosts.`);
	return causes;
}

/** Why a certificate chain is not trusted here, and the one setting most likely to fix it (§9). */
function tlsCauses(facts: MachineFacts): string[] {
	const causes: string[] = [];
	const ca = facts.ca;
	const active = ca?.sources.filter(source => source.active) ?? [];
	const nodeExtra = active.find(source => source.variable === 'NODE_EXTRA_CA_CERTS');
	const serverlessCa = active.find(source => ['ca', 'HTTPS_CA', 'https_ca', 'cafile', 'HTTPS_CAFILE', 'https_cafile'].includes(source.variable));
	const bundle = active.find(source => source.variable === 'AWS_CA_BUNDLE' || source.variable === 'ca_bundle');
	if (ca && !nodeExtra && !serverlessCa) {
		causes.push(
			bundle
				? `Only ${bundle.variable} is set (${bundle.value}): the aws CLI honours it, but Serverless and the AWS SDK for JavaScript ignore it, and NODE_EXTRA_CA_CERTS is not set.`
				: 'No extra CA is configured on this machine (NODE_EXTRA_CA_CERTS, ca and cafile are all unset), so only the public roots are trusted.',
		);
	}
	if (nodeExtra && nodeExtra.certificates.length === 0) causes.push(`NODE_EXTRA_CA_CERTS is set (${nodeExtra.value}) but yields no usable certificate.`);
	if (serverlessCa && facts.framework === 3 && ca?.proxy.v3) {
		causes.push(`${serverlessCa.variable} is set, but with ${ca.proxy.v3.variable} set Serverless v3 does not use it for the TLS session to AWS.`);
	}
	if (serverlessCa && facts.framework === 4 && !ca?.proxy.v4) causes.push(`${serverlessCa.variable} is set, but Serverless v4's core ignores it for direct connections.`);
	for (const problem of ca?.problems ?? []) if (problem.severity === 'fail') causes.push(problem.title + '.');
	causes.push('A TLS-inspecting proxy, VPN or antivirus re-signs HTTPS traffic with a private root certificate that Node does not trust.');
	return causes;
}

function tlsFixes(facts: MachineFacts): string[] {
	const ca = facts.ca;
	const known = ca?.sources.find(source => source.active && source.certificates.length > 0 && source.inputs[0]?.path);
	const path = known?.inputs[0]?.path ?? '/path/to/corporate-root.pem';
	return [
		`export NODE_EXTRA_CA_CERTS=${shellQuote(path)} — adds the root to Node's trusted list for Serverless v3, v4 and this tool, with or without a proxy.`,
		"Get the root certificate from IT, or export it: openssl s_client -showcerts -connect sts.amazonaws.com:443 </dev/null (save the last certificate as PEM).",
		'Never set NODE_TLS_REJECT_UNAUTHORIZED=0: it turns verification off for everything.',
	];
}

export const networkErrors: CatalogueEntry[] = [
	{
		id: 'dns-failure',
		title: 'The AWS host name could not be resolved',
		codes: ['ENOTFOUND', 'EAI_AGAIN'],
		patterns: [/getaddrinfo (?:ENOTFOUND|EAI_AGAIN) (?<host>[^\s,)]+)/i],
		what: 'DNS lookup of the endpoint failed, so no connection was made.',
		causes: (facts, match) => [
			...(match.groups.host && !/amazonaws\.com/.test(match.groups.host) ? [`${match.groups.host} is not an AWS host: an endpoint override (AWS_ENDPOINT_URL*) or a custom endpoint sends the calls there.`] : []),
			...(facts.region && !/^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/.test(facts.region) ? [`The region "${facts.region}" does not look like an AWS region, so the host name does not exist.`] : []),
			...networkCauses(facts),
			'No network, a VPN/DNS problem, or a network that only allows traffic through a proxy.',
		],
		fix: () => ['Check the connection (nslookup sts.amazonaws.com), the region spelling, and AWS_ENDPOINT_URL* (env | grep AWS_ENDPOINT).'],
	},
	{
		id: 'connection-refused',
		title: 'Nothing is listening at the endpoint',
		codes: ['ECONNREFUSED'],
		patterns: [/connect ECONNREFUSED (?<address>[^\s,)]+)/i],
		what: 'The host answered but refused the connection on that port.',
		causes: (facts, match) => [
			...(match.groups.address && /^(127\.|::1|\[::1\]|localhost)/.test(match.groups.address)
				? ['The address is this machine: a local emulator (LocalStack, moto) or a local proxy that is not running.']
				: []),
			...networkCauses(facts),
			'A wrong port in AWS_ENDPOINT_URL* or in a proxy variable.',
		],
		fix: () => ['Start the local emulator/proxy, or unset the override (unset AWS_ENDPOINT_URL AWS_ENDPOINT_URL_STS) / fix the proxy variable.'],
	},
	{
		id: 'connection-reset',
		title: 'The connection was cut',
		codes: ['ECONNRESET', 'EPIPE'],
		patterns: [/\bsocket hang up\b/i, /read ECONNRESET/i],
		what: 'The connection was closed by the other side or by something in between.',
		causes: facts => [...networkCauses(facts), 'A firewall, proxy or VPN dropped the connection; or the network is unstable.'],
		fix: () => ['Retry; if it repeats, try another network or check the proxy (HTTPS_PROXY) settings.'],
	},
	{
		id: 'network-unreachable',
		title: 'AWS cannot be reached from this network',
		codes: ['ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH'],
		patterns: [/connect (?:ETIMEDOUT|EHOSTUNREACH|ENETUNREACH) (?<address>[^\s,)]+)/i, /Connect timeout on endpoint URL/i, /Could not connect to the endpoint URL:?\s*"?(?<url>[^"\s]+)?/i],
		what: 'No route to the endpoint, or packets are silently dropped.',
		causes: facts => [
			...networkCauses(facts),
			...(proxyPhrase(facts) ? [] : ['No proxy variable is set: networks that only allow web traffic through a proxy block direct connections.']),
			'Offline, a firewall, or a VPN that routes AWS traffic elsewhere.',
		],
		fix: () => ['Check connectivity (curl -sI https://sts.amazonaws.com); behind a corporate proxy set HTTPS_PROXY (and for Serverless v3 also HTTP_PROXY, which it prefers).'],
	},
	{
		id: 'timeout',
		title: 'AWS did not answer in time',
		codes: ['Timeout', 'TimeoutError', 'RequestTimeout', 'RequestTimeoutException'],
		codesInText: false,
		patterns: [
			/\bTimeoutError\b/,
			/the request socket timed out after \d+ ms/i,
			/did not establish a connection with the server within/i,
			/exceeded the configured \d+ ms requestTimeout/i,
			/did not answer within \d+ ms/i,
		],
		what: 'The endpoint accepted nothing or answered nothing before the deadline.',
		causes: facts => [
			...networkCauses(facts),
			'A firewall silently drops the traffic, a proxy is required, or the endpoint override points at something that accepts connections but never answers.',
		],
		fix: () => ['Check connectivity (curl -sI https://sts.amazonaws.com) and proxy settings; retry with a longer deadline (doctor --timeout 30000).'],
	},
	{
		id: 'test-mode-refused',
		title: 'Test mode refused a request to a real host',
		codes: ['TEST_MODE_NON_LOOPBACK', 'NonLoopbackRequestError'],
		patterns: [/SLS_CREDS_WIZARD_TEST=1 allows only 127\.0\.0\.1\/localhost/],
		what: 'SLS_CREDS_WIZARD_TEST=1 is set, so this tool only talks to 127.0.0.1/localhost.',
		causes: () => ['A test (or a leftover variable) without AWS_ENDPOINT_URL pointing at the local endpoint.'],
		fix: () => ['unset SLS_CREDS_WIZARD_TEST, or set AWS_ENDPOINT_URL=http://127.0.0.1:<port>.'],
	},
	{
		id: 'self-signed-cert-in-chain',
		title: 'A self-signed certificate is in the chain (TLS inspection)',
		codes: ['SELF_SIGNED_CERT_IN_CHAIN'],
		patterns: [/self[- ]signed certificate in certificate chain/i],
		what: 'The server presented a chain ending in a private root certificate that Node does not trust — typical of a TLS-inspecting proxy.',
		causes: facts => tlsCauses(facts),
		fix: facts => tlsFixes(facts),
	},
	{
		id: 'unable-to-get-issuer',
		title: "The certificate's root is not trusted",
		codes: ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY'],
		patterns: [/unable to get local issuer certificate/i],
		what: 'The chain (leaf + intermediate) was sent, but its root is not in the trusted list.',
		causes: facts => tlsCauses(facts),
		fix: facts => tlsFixes(facts),
	},
	{
		id: 'unable-to-verify-leaf',
		title: "The server certificate's issuer is unknown",
		codes: ['UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
		patterns: [/unable to verify the first certificate/i],
		what: 'Only the server certificate was sent and its issuing CA is not trusted.',
		causes: facts => tlsCauses(facts),
		fix: facts => [...tlsFixes(facts).slice(0, 1), 'Include the issuing (intermediate) CA in the PEM file, not only the root.', ...tlsFixes(facts).slice(1)],
	},
	{
		id: 'depth-zero-self-signed',
		title: 'The server uses a self-signed certificate',
		codes: ['DEPTH_ZERO_SELF_SIGNED_CERT'],
		patterns: [/self[- ]signed certificate(?! in certificate chain)/i],
		what: 'The endpoint presents a certificate signed by itself, with no CA behind it.',
		causes: facts => [
			'A local emulator or proxy with a self-signed certificate.',
			...tlsCauses(facts).filter(cause => !cause.startsWith('A TLS-inspecting')),
		],
		fix: facts => [
			`Trust exactly that certificate: export NODE_EXTRA_CA_CERTS=/path/to/that-cert.pem`,
			...tlsFixes(facts).slice(1),
		],
	},
	{
		id: 'certificate-expired',
		title: 'A certificate in the chain has expired',
		codes: ['CERT_HAS_EXPIRED'],
		patterns: [/certificate has expired/i],
		what: 'A certificate on the path to AWS is past its end date.',
		causes: facts => [
			...(facts.ca?.problems.filter(problem => problem.id === 'ca-expired').map(problem => problem.title + '.') ?? []),
			"The proxy's certificate expired, or this machine's clock is far in the future.",
		],
		fix: () => ['Check the clock (date -u); ask IT for the current proxy root certificate and replace the old file.'],
	},
	{
		id: 'certificate-name-mismatch',
		title: 'The certificate is for another host name',
		codes: ['ERR_TLS_CERT_ALTNAME_INVALID'],
		patterns: [/Hostname\/IP does not match certificate's altnames/i],
		what: "The server's certificate does not cover the host name that was called.",
		causes: () => ['An endpoint override uses an IP address or alias the certificate does not list, or a proxy intercepts with a wrong certificate.'],
		fix: () => ['Use the host name the certificate was issued for in AWS_ENDPOINT_URL*, or fix the proxy certificate.'],
	},
];
