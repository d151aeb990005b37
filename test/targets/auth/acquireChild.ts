// Run as a child process so NODE_EXTRA_CA_CERTS, which Node reads only at start, makes msal-node trust the loopback
// token server. It prints hashes of the Authorization headers, never the headers, so the parent can prove what it got
// without the credential reaching any output. Batches come from CHILD_BATCHES ("1,4": one call, then four concurrent).
import { createHash } from 'node:crypto';
import { inspect } from 'node:util';
import { createCredential } from '../../../src/targets/auth/createCredential';
import { CredentialError } from '../../../src/targets/auth/credentialError';

const allowedOrigin = process.env.CHILD_ALLOWED_ORIGIN ?? '';
const contacted: string[] = [];
const realFetch = globalThis.fetch;
globalThis.fetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
  const url = new URL(input instanceof Request ? input.url : input.toString());
  contacted.push(`${init?.method ?? 'GET'} ${url.origin}${url.pathname}`);
  // Anything but the loopback authority (instance discovery at login.microsoftonline.com, IMDS) is refused and
  // recorded.
  if (url.origin !== allowedOrigin) return Promise.reject(new TypeError(`blocked by the test: ${url.origin}`));
  return realFetch(input, init);
};

async function main(): Promise<void> {
  const batches = (process.env.CHILD_BATCHES ?? '1').split(',').map(Number);
  const waitMs = Number(process.env.CHILD_WAIT_MS ?? 0);
  const hash = (text: string) => createHash('sha256').update(text).digest('hex');
  const results: string[][] = [];
  let kind = '';
  try {
    const credential = createCredential(process.env, process.env.GRAPH_BASE_URL ?? 'https://graph.microsoft.com/beta');
    kind = credential.kind;
    for (const [i, size] of batches.entries()) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
      const headers = await Promise.all(Array.from({ length: size }, () => credential.authorization()));
      results.push(headers.map(hash));
    }
    console.log(JSON.stringify({ kind, batches: results, contacted }));
  } catch (error) {
    // What a careless caller might print: the whole error object, with its stack and own properties.
    console.error(inspect(error, { depth: 5 }));
    const reason = error instanceof CredentialError ? error.reason : undefined;
    const name = error instanceof Error ? error.name : typeof error;
    console.log(
      JSON.stringify({
        kind,
        batches: results,
        contacted,
        error: { name, reason, message: String(error instanceof Error ? error.message : error) },
      }),
    );
  }
}

void main();
