import type {X509Certificate} from 'node:crypto';

/** One certificate as the doctor shows it (PEM certificates are public: no secret here). */
export interface CaCertificate {
	/** One line: `CN=Corp Root, O=Corp`. */
	subject: string;
	issuer: string;
	/** ISO dates. */
	validFrom: string;
	validTo: string;
	selfSigned: boolean;
	/** Basic constraints CA:TRUE. */
	isCa: boolean;
	fingerprint256: string;
	/** The certificate in PEM form, exactly one block. */
	pem: string;
}

export interface PemContent {
	certificates: CaCertificate[];
	/** `BEGIN CERTIFICATE` blocks that did not parse. */
	invalidBlocks: number;
	/** What else the text looks like when it holds no certificate. */
	shape: 'pem' | 'empty' | 'literal-newlines' | 'private-key' | 'binary' | 'other';
}

const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

export function readPemCertificates(text: string): PemContent {
	const certificates: CaCertificate[] = [];
	let invalidBlocks = 0;
	for (const block of text.match(CERTIFICATE_BLOCK) ?? []) {
		const certificate = parseCertificate(block);
		if (certificate) certificates.push(certificate);
		else invalidBlocks++;
	}
	return {certificates, invalidBlocks, shape: shapeOf(text, certificates.length)};
}

function shapeOf(text: string, parsed: number): PemContent['shape'] {
	// A PEM pasted through JSON or a one-line variable keeps `\n` as two characters; OpenSSL then sees one long line.
	if (/-----BEGIN CERTIFICATE-----\\n/.test(text) || (parsed === 0 && /\\n/.test(text) && text.includes('-----BEGIN'))) {
		return 'literal-newlines';
	}
	if (parsed > 0) return 'pem';
	if (text.trim() === '') return 'empty';
	if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) return 'private-key';
	// DER read as UTF-8: a SEQUENCE tag followed by replacement characters or control bytes.
	if (text.startsWith('0\uFFFD') || /[\u0000-\u0008\uFFFD]/.test(text)) return 'binary';
	return 'other';
}

function parseCertificate(block: string): CaCertificate | undefined {
	let x509: X509Certificate;
	try {
		x509 = new (crypto().X509Certificate)(block);
	} catch {
		return undefined;
	}
	// Checking the self-signature costs about half a millisecond a certificate; a system bundle set as
	// NODE_EXTRA_CA_CERTS holds ~140, and only the few the doctor lists need it: computed on first read, once.
	let selfSigned: boolean | undefined;
	return {
		subject: oneLine(x509.subject),
		issuer: oneLine(x509.issuer),
		validFrom: isoDate(x509.validFrom),
		validTo: isoDate(x509.validTo),
		get selfSigned(): boolean {
			selfSigned ??= x509.subject === x509.issuer && verifiesItself(x509);
			return selfSigned;
		},
		isCa: x509.ca,
		fingerprint256: x509.fingerprint256,
		pem: x509.toString().trim(),
	};
}

function verifiesItself(x509: X509Certificate): boolean {
	try {
		return x509.verify(x509.publicKey);
	} catch {
		return false;
	}
}

function oneLine(name: string): string {
	return name.split('\n').join(', ');
}

function isoDate(openSslDate: string): string {
	const ms = Date.parse(openSslDate);
	return Number.isNaN(ms) ? openSslDate : new Date(ms).toISOString();
}

/**
 * node:crypto costs about 6 ms to load, and most runs (no CA settings, no SSO) never need it: loaded on first use.
 */
function crypto(): typeof import('node:crypto') {
	return process.getBuiltinModule('node:crypto');
}
