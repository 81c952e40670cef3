/** What goes wrong with CA settings, per variable and per engine (errors-and-tls.md §9). Pure. */
import type {CaProblem, CaSource, CaVariable} from './ca-bundle.js';
import type {PemContent} from './pem-certificates.js';
import type {ProxySettings} from './proxy-settings.js';
import {shellQuote as quote} from './errors/catalogue-entry.js';

export const INLINE_GROUP: CaVariable[] = ['ca', 'HTTPS_CA', 'https_ca'];
export const FILE_GROUP: CaVariable[] = ['cafile', 'HTTPS_CAFILE', 'https_cafile'];

export function inputProblems(sources: CaSource[], now: number): CaProblem[] {
	const problems: CaProblem[] = [];
	for (const source of sources) {
		const isServerlessFile = FILE_GROUP.includes(source.variable);
		const isInline = INLINE_GROUP.includes(source.variable);
		const whoBreaks = readerPhrase(source);
		if (!source.active) {
			problems.push({
				id: 'ca-shadowed',
				severity: 'info',
				variable: source.variable,
				title: `${source.variable} is ignored because ${source.shadowedBy} is set`,
				why: `Only the first non-empty variable of ${groupPhrase(source.variable)} is read.`,
				fix: `Put every certificate you need in ${source.shadowedBy}, or unset it.`,
			});
			continue;
		}
		if (source.variable === 'NODE_EXTRA_CA_CERTS' || source.variable === 'AWS_CA_BUNDLE') {
			if (source.value.includes(',') && source.inputs.every(input => input.file !== 'read')) {
				problems.push({
					id: 'ca-comma-joined',
					severity: 'warn',
					variable: source.variable,
					title: `${source.variable} holds a comma-separated list`,
					why: `${source.variable} takes exactly one file path; "${source.value}" is read as a single (missing) file name.`,
					fix: `cat the PEM files into one bundle (cat a.pem b.pem > ~/corp-ca.pem) and set ${source.variable}=~/corp-ca.pem with the full path.`,
				});
				continue;
			}
		}
		for (const input of source.inputs) {
			const where = input.path ? `${source.variable} file ${input.path}` : `${source.variable} (${input.label})`;
			if (input.file === 'missing') {
				problems.push({
					id: 'ca-file-missing',
					severity: isServerlessFile ? 'fail' : 'warn',
					variable: source.variable,
					title: `${source.variable} points at a file that does not exist`,
					why: isServerlessFile
						? `Serverless reads ${input.path} when its AWS provider loads and stops every AWS command with "ENOENT: no such file or directory" before any request.`
						: `${input.path} does not exist, so ${whoBreaks} add no certificate${source.variable === 'NODE_EXTRA_CA_CERTS' ? ' (Node only prints a warning)' : ''}.`,
					fix: `Fix the path in ${source.variable} (use an absolute path), or unset ${source.variable}.`,
				});
				continue;
			}
			if (input.file === 'unreadable') {
				problems.push({
					id: 'ca-file-unreadable',
					severity: isServerlessFile ? 'fail' : 'warn',
					variable: source.variable,
					title: `${source.variable} points at a file that cannot be read`,
					why: `${input.path}: ${input.fileError ?? 'not readable'}.`,
					fix: `chmod a+r ${quote(input.path ?? '')} (certificates are public), or point ${source.variable} at a readable copy.`,
				});
				continue;
			}
			const content = input.content;
			if (!content) continue;
			if (content.shape === 'literal-newlines') {
				problems.push({
					id: 'ca-literal-newline',
					severity: 'fail',
					variable: source.variable,
					title: `${where} contains "\\n" as text instead of line breaks`,
					why: 'A PEM certificate must span several lines; with literal \\n characters OpenSSL cannot read it, so no certificate is added.',
					fix: input.path
						? `Rewrite the file with real line breaks: printf '%b' "$(cat ${quote(input.path)})" > fixed.pem, then point ${source.variable} at fixed.pem.`
						: 'Save the certificate to a file and use cafile=/path/to/ca.pem (or NODE_EXTRA_CA_CERTS) instead.',
				});
				continue;
			}
			if (content.certificates.length === 0) {
				const looksLikePath = isInline && source.inputs.length === 1 && /^\s*(?:[~./]|[A-Za-z]:\\)|\.(?:pem|crt|cer)\s*$/i.test(source.value);
				problems.push(
					looksLikePath
						? {
								id: 'ca-path-in-inline',
								severity: 'fail',
								variable: source.variable,
								title: `${source.variable} holds a file path, not a certificate`,
								why: `${source.variable} expects the PEM text itself; a path there adds no certificate.`,
								fix: `export cafile=${quote(source.value.trim())} and unset ${source.variable}.`,
							}
						: {
								id: 'ca-not-pem',
								severity: isServerlessFile || isInline ? 'fail' : 'warn',
								variable: source.variable,
								title: `${where} holds no PEM certificate`,
								why: notPemWhy(content),
								fix: notPemFix(content, input.path),
							},
				);
				continue;
			}
			if (content.invalidBlocks > 0) {
				problems.push({
					id: 'ca-invalid-certificate',
					severity: 'warn',
					variable: source.variable,
					title: `${where}: ${content.invalidBlocks} certificate block(s) cannot be parsed`,
					why: 'A damaged block (cut off, edited, or with stray characters) is skipped; the other certificates still count.',
					fix: 'Export the certificate again from its source (browser, IT portal or `openssl s_client -showcerts`).',
				});
			}
			for (const certificate of content.certificates) {
				if (Date.parse(certificate.validTo) < now) {
					problems.push({
						id: 'ca-expired',
						severity: 'warn',
						variable: source.variable,
						title: `A certificate in ${source.variable} expired on ${certificate.validTo.slice(0, 10)}`,
						why: `"${certificate.subject}" is no longer valid, so TLS chains that rely on it fail with CERT_HAS_EXPIRED.`,
						fix: 'Get the current root/intermediate certificate from your IT department and replace the file.',
						details: [`subject: ${certificate.subject}`, `valid to: ${certificate.validTo}`],
					});
				} else if (Date.parse(certificate.validFrom) > now) {
					problems.push({
						id: 'ca-not-yet-valid',
						severity: 'warn',
						variable: source.variable,
						title: `A certificate in ${source.variable} is not valid before ${certificate.validFrom.slice(0, 10)}`,
						why: `"${certificate.subject}" starts being valid in the future; either it is new or this machine's clock is wrong.`,
						fix: 'Check the system clock (timedatectl / sntp), or use the certificate currently in force.',
					});
				}
			}
		}
	}
	return problems;
}

function readerPhrase(source: CaSource): string {
	if (source.variable === 'NODE_EXTRA_CA_CERTS') return 'Node and Serverless';
	if (source.variable === 'AWS_CA_BUNDLE' || source.variable === 'ca_bundle') return 'aws CLI commands';
	return 'Serverless';
}

function groupPhrase(variable: CaVariable): string {
	if (INLINE_GROUP.includes(variable)) return 'ca > HTTPS_CA > https_ca';
	if (FILE_GROUP.includes(variable)) return 'cafile > HTTPS_CAFILE > https_cafile';
	return 'AWS_CA_BUNDLE > profile ca_bundle';
}

function notPemWhy(content: PemContent): string {
	switch (content.shape) {
		case 'empty':
			return 'The value/file is empty.';
		case 'private-key':
			return 'It holds a private key, not a certificate; a CA setting needs the CA certificate (-----BEGIN CERTIFICATE-----).';
		case 'binary':
			return 'It looks like binary (DER) data; Node only reads PEM text.';
		default:
			return 'No "-----BEGIN CERTIFICATE-----" block was found, so nothing is added.';
	}
}

function notPemFix(content: PemContent, filePath: string | undefined): string {
	if (content.shape === 'binary' && filePath) {
		return `Convert it: openssl x509 -inform der -in ${quote(filePath)} -out ${quote(filePath.replace(/\.(cer|der|crt)$/i, '') + '.pem')}, then point the variable at the .pem file.`;
	}
	return 'Export the CA certificate in PEM (Base-64) form and point the variable at that file.';
}

export function engineProblems(sources: CaSource[], proxy: ProxySettings, major: 3 | 4): CaProblem[] {
	const problems: CaProblem[] = [];
	const active = (variables: CaVariable[]) => sources.find(source => source.active && variables.includes(source.variable));
	const inline = active(INLINE_GROUP);
	const files = active(FILE_GROUP);
	const serverlessCa = inline ?? files;
	const nodeExtra = active(['NODE_EXTRA_CA_CERTS']);
	const nodeExtraWorks = Boolean(nodeExtra && nodeExtra.certificates.length > 0);
	const caFilePath = files?.inputs[0]?.path ?? '/path/to/corporate-root.pem';
	const useNodeExtra = `export NODE_EXTRA_CA_CERTS=${quote(caFilePath)} (it adds to Node's roots for every HTTPS connection, proxied or not)`;

	if (serverlessCa && major === 3) {
		if (proxy.v3) {
			problems.push({
				id: 'ca-proxy-quirk-v3',
				severity: nodeExtraWorks ? 'info' : 'warn',
				variable: serverlessCa.variable,
				title: `${serverlessCa.variable} has no effect on AWS connections while ${proxy.v3.variable} is set (Serverless v3)`,
				why: `With a proxy, Serverless v3 gives ${serverlessCa.variable} only to the connection to the proxy (${proxy.v3.url}); the TLS session to AWS inside the tunnel does not use it, so a TLS-inspecting proxy still fails with SELF_SIGNED_CERT_IN_CHAIN.${nodeExtraWorks ? ' NODE_EXTRA_CA_CERTS is set, and it does reach that session.' : ''}`,
				fix: nodeExtraWorks ? undefined : useNodeExtra,
			});
		} else {
			problems.push({
				id: 'ca-replaces-roots-v3',
				severity: 'warn',
				variable: serverlessCa.variable,
				title: `${serverlessCa.variable} replaces Node's trusted roots in Serverless v3`,
				why: `Without a proxy, Serverless v3 builds one HTTPS agent with ca = your certificates only: the public roots${nodeExtra ? ' and NODE_EXTRA_CA_CERTS' : ''} are no longer trusted, so any AWS endpoint not intercepted by your CA fails with "unable to get local issuer certificate".`,
				fix: `${useNodeExtra}, and unset ${serverlessCa.variable}; or make the file also contain the public roots.`,
			});
		}
	}
	if (serverlessCa && major === 4) {
		if (!proxy.v4) {
			problems.push({
				id: 'ca-v4-direct-ignored',
				severity: nodeExtraWorks ? 'info' : 'warn',
				variable: serverlessCa.variable,
				title: `Serverless v4's core ignores ${serverlessCa.variable} without a proxy`,
				why: `v4 applies ca/cafile in its core (account check, \${ssm:}/\${s3:}/\${cf:} resolvers, licence check) only when a proxy variable is set; direct connections use Node's roots alone.${nodeExtraWorks ? ' NODE_EXTRA_CA_CERTS is set and covers them.' : ''}`,
				fix: nodeExtraWorks ? undefined : useNodeExtra,
			});
		} else {
			if (inline && inline.inputs.length > 1) {
				problems.push({
					id: 'ca-comma-joined',
					severity: 'warn',
					variable: inline.variable,
					title: `${inline.variable} holds several comma-joined certificates`,
					why: 'Serverless v4 core passes the value as one string (no split on commas, no \\n replacement), so only part of it may be read.',
					fix: useNodeExtra,
				});
			}
			if (files && files.inputs.length > 1) {
				problems.push({
					id: 'ca-comma-joined',
					severity: 'warn',
					variable: files.variable,
					title: `${files.variable} lists several files`,
					why: 'Serverless v4 core reads cafile as one path; a comma-separated list fails to load (only logged with --debug).',
					fix: `cat the files into one bundle and set ${files.variable} to it, or ${useNodeExtra}.`,
				});
			}
		}
		if (inline?.literalNewlines) {
			problems.push({
				id: 'ca-literal-newline',
				severity: proxy.v4 ? 'warn' : 'info',
				variable: inline.variable,
				title: `${inline.variable} uses literal "\\n" for line breaks`,
				why: 'The v4 framework package replaces \\n with line breaks, but the v4 core does not, so its proxy connections cannot read the certificate.',
				fix: `Save the certificate to a file and ${useNodeExtra}.`,
			});
		}
	}

	const bundle = active(['AWS_CA_BUNDLE', 'ca_bundle']);
	if (bundle && bundle.certificates.length > 0) {
		problems.push({
			id: 'ca-bundle-ignored',
			severity: nodeExtraWorks || serverlessCa ? 'info' : 'warn',
			variable: bundle.variable,
			title: `${bundle.variable} is honoured by the aws CLI only`,
			why: `Serverless (v3 and v4) and the AWS SDK for JavaScript ignore ${bundle.variable === 'ca_bundle' ? 'the profile setting ca_bundle' : 'AWS_CA_BUNDLE'}, so \`aws\` commands can work while \`serverless deploy\` fails with SELF_SIGNED_CERT_IN_CHAIN.`,
			fix: nodeExtraWorks ? undefined : `export NODE_EXTRA_CA_CERTS=${quote(bundle.inputs[0]?.path ?? bundle.value)}`,
		});
	}
	return problems;
}
