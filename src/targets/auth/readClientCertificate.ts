import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CredentialError } from './credentialError';

/**
 * What msal-node needs to sign a client assertion, read from one PEM file holding the private key and its certificate.
 */
export interface ClientCertificate {
  /** Hex SHA-256 thumbprint of the certificate (sent as `x5t#S256`). */
  thumbprintSha256: string;
  /** Hex SHA-1 thumbprint, for authorities (older ADFS) that only know `x5t`. */
  thumbprintSha1: string;
  /** The private key as PKCS#8 PEM, the form msal-node documents. */
  privateKey: string;
  /** The certificate chain as PEM, the certificate matching the key first (sent as `x5c`). */
  x5c: string;
  /** Texts that must never be printed: the file, the key PEM and each line of its base64 body. */
  secrets: string[];
}

const variable = 'GRAPH_CLIENT_CERTIFICATE_PATH';
const keyBlock = /-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\s\S]+?-----END \1PRIVATE KEY-----/g;
const certificateBlock = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * Reads and checks the PEM file named by GRAPH_CLIENT_CERTIFICATE_PATH; every problem is a CredentialError naming the
 * variable, never the path or the key.
 */
export function readClientCertificate(path: string): ClientCertificate {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'read error';
    throw new CredentialError(`${variable} names a file that cannot be read (${code})`);
  }
  const keys = text.match(keyBlock) ?? [];
  const certificates = text.match(certificateBlock) ?? [];
  if (keys.length !== 1) {
    throw new CredentialError(
      `${variable} must name a PEM file holding exactly one private key, but it holds ${keys.length}`,
    );
  }
  if (certificates.length === 0) {
    throw new CredentialError(
      `${variable} must name a PEM file holding the certificate as well as the private key, but it holds no certificate`,
    );
  }
  const key = parseKey(keys[0]);
  const parsed = certificates.map(parseCertificate);
  const leaf = parsed.findIndex((certificate) => certificate.checkPrivateKey(key));
  if (leaf < 0)
    throw new CredentialError(`${variable} names a PEM file whose certificate does not match its private key`);
  const privateKey = key.export({ type: 'pkcs8', format: 'pem' }).toString();
  return {
    thumbprintSha256: hex(parsed[leaf].fingerprint256),
    thumbprintSha1: hex(parsed[leaf].fingerprint),
    privateKey,
    x5c: [certificates[leaf], ...certificates.filter((_, i) => i !== leaf)].join('\n'),
    secrets: [text, keys[0], privateKey, ...base64Lines(keys[0]), ...base64Lines(privateKey)],
  };
}

function parseKey(pem: string): KeyObject {
  if (pem.includes('ENCRYPTED')) {
    throw new CredentialError(
      `${variable} names a PEM file whose private key is encrypted; store it unencrypted (openssl pkey -in FILE) since no password variable is read`,
    );
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new CredentialError(`${variable} names a PEM file whose private key cannot be parsed`);
  }
  // msal-node signs the client assertion with PS256 (or RS256), which only an RSA key can do.
  if (key.asymmetricKeyType !== 'rsa') {
    throw new CredentialError(
      `${variable} names a PEM file whose private key is ${key.asymmetricKeyType ?? 'of an unknown type'}, but msal-node signs client assertions with RSA only`,
    );
  }
  return key;
}

function parseCertificate(pem: string): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch {
    throw new CredentialError(`${variable} names a PEM file holding a certificate that cannot be parsed`);
  }
}

function hex(fingerprint: string): string {
  return fingerprint.replace(/:/g, '').toLowerCase();
}

function base64Lines(pem: string): string[] {
  const lines = pem
    .split(/\r?\n/)
    .filter((line) => line.length >= 16 && !line.startsWith('-----') && !line.includes(':'));
  return [...lines, lines.join('')];
}
