import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Keys and self-signed certificates made by openssl in a temp dir: one for the loopback HTTPS server, one for the
 * client.
 */
export interface TestPki {
  dir: string;
  server: { key: string; cert: string; certFile: string };
  /** The client's key and certificate, and the combined PEM file GRAPH_CLIENT_CERTIFICATE_PATH names. */
  client: { key: string; cert: string; pemFile: string };
  /** Runs openssl in the temp dir and returns its stdout. */
  openssl(args: string[]): string;
  /** Writes a file in the temp dir and returns its path. */
  write(name: string, text: string): string;
  remove(): void;
}

/** Makes the test PKI, failing with a clear message when openssl is not installed. */
export function createTestPki(): TestPki {
  if (spawnSync('sh', ['-c', 'command -v openssl']).status !== 0) {
    throw new Error(
      'openssl must be installed (e.g. apt-get install openssl) to run test/auth: it makes the loopback HTTPS certificates',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'graph-conformance-auth-'));
  const openssl = (args: string[]): string => {
    const run = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`openssl ${args[0]} failed: ${run.stderr}`);
    return run.stdout;
  };
  const write = (name: string, text: string): string => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const selfSigned = (name: string, subject: string, extra: string[]) => {
    openssl([
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      subject,
      ...extra,
      '-days',
      '1',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.crt`,
    ]);
    return {
      key: readFileSync(join(dir, `${name}.key`), 'utf8'),
      cert: readFileSync(join(dir, `${name}.crt`), 'utf8'),
    };
  };
  const server = selfSigned('server', '/CN=localhost', ['-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost']);
  const client = selfSigned('client', '/CN=graph-conformance-test-client', []);
  return {
    dir,
    server: { ...server, certFile: join(dir, 'server.crt') },
    client: { ...client, pemFile: write('client.pem', client.key + client.cert) },
    openssl,
    write,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
