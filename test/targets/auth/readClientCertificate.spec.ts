import { expect, test } from '@playwright/test';
import { CredentialError } from '../../../src/targets/auth/credentialError';
import { readClientCertificate } from '../../../src/targets/auth/readClientCertificate';
import { createTestPki, type TestPki } from './testPki';

let pki: TestPki;
test.beforeAll(() => {
  pki = createTestPki();
});
test.afterAll(() => pki.remove());

const fingerprint = (algorithm: string, file: string) =>
  (/=([0-9A-F:]+)/.exec(pki.openssl(['x509', '-noout', '-fingerprint', `-${algorithm}`, '-in', file]))?.[1] ?? '')
    .replace(/:/g, '')
    .toLowerCase();

test('reads the key and certificate, with the thumbprints openssl computes, the certificate as x5c and the key as secrets', () => {
  const certificate = readClientCertificate(pki.client.pemFile);
  expect(certificate.thumbprintSha256).toBe(fingerprint('sha256', 'client.crt'));
  expect(certificate.thumbprintSha1).toBe(fingerprint('sha1', 'client.crt'));
  expect(certificate.thumbprintSha256).toMatch(/^[0-9a-f]{64}$/);
  expect(certificate.privateKey).toContain('-----BEGIN PRIVATE KEY-----');
  expect(certificate.x5c.trim()).toBe(pki.client.cert.trim());
  const keyLines = pki.client.key.split('\n').filter((line) => line.length > 20 && !line.startsWith('-----'));
  for (const line of keyLines) expect(certificate.secrets).toContain(line);
  expect(certificate.secrets).toContain(pki.client.key.trim());
});

test('puts the certificate matching the key first in x5c, whatever the order in the file, and accepts a PKCS#1 key', () => {
  const pkcs1 = pki.openssl(['rsa', '-in', 'client.key', '-traditional']);
  expect(pkcs1).toContain('BEGIN RSA PRIVATE KEY');
  const file = pki.write('chain.pem', pki.server.cert + pkcs1 + pki.client.cert);
  const certificate = readClientCertificate(file);
  expect(certificate.thumbprintSha256).toBe(fingerprint('sha256', 'client.crt'));
  expect(certificate.x5c.indexOf(pki.client.cert.trim())).toBe(0);
  expect(certificate.x5c).toContain(pki.server.cert.trim());
  expect(certificate.privateKey).toContain('-----BEGIN PRIVATE KEY-----');
  expect(certificate.secrets).toContain(pkcs1.trim());
});

const invalid: Array<{ name: string; file: () => string; says: RegExp }> = [
  { name: 'no certificate', file: () => pki.write('key-only.pem', pki.client.key), says: /holds no certificate/ },
  {
    name: 'no private key',
    file: () => pki.write('cert-only.pem', pki.client.cert),
    says: /exactly one private key, but it holds 0/,
  },
  {
    name: 'two private keys',
    file: () => pki.write('two-keys.pem', pki.client.key + pki.server.key + pki.client.cert),
    says: /exactly one private key, but it holds 2/,
  },
  {
    name: 'a certificate for another key',
    file: () => pki.write('mismatch.pem', pki.client.key + pki.server.cert),
    says: /does not match its private key/,
  },
  {
    name: 'an encrypted key',
    file: () =>
      pki.write(
        'encrypted.pem',
        pki.openssl(['pkey', '-in', 'client.key', '-aes256', '-passout', 'pass:pw']) + pki.client.cert,
      ),
    says: /encrypted/,
  },
  {
    name: 'an EC key',
    file: () => {
      pki.openssl([
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-subj',
        '/CN=ec',
        '-days',
        '1',
        '-keyout',
        'ec.key',
        '-out',
        'ec.crt',
      ]);
      return pki.write('ec.pem', pki.openssl(['pkey', '-in', 'ec.key']) + pki.openssl(['x509', '-in', 'ec.crt']));
    },
    says: /private key is ec, but msal-node signs client assertions with RSA only/,
  },
  {
    name: 'a damaged key',
    file: () => pki.write('damaged.pem', pki.client.key.replace(/\n[A-Za-z0-9+/]{20}/, '\n!!!!') + pki.client.cert),
    says: /cannot be parsed/,
  },
];

for (const { name, file, says } of invalid) {
  test(`a certificate file with ${name} is a CredentialError naming the variable, not the path or the key`, () => {
    const path = file();
    let thrown: unknown;
    try {
      readClientCertificate(path);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CredentialError);
    const message = (thrown as Error).message;
    expect(message).toMatch(/^GRAPH_CLIENT_CERTIFICATE_PATH /);
    expect(message).toMatch(says);
    expect(message).not.toContain(pki.dir);
    expect(message).not.toContain('MII');
  });
}
