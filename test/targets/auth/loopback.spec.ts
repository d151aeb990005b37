import { expect, test } from '@playwright/test';
import { createTestPki, type TestPki } from './testPki';
import { headerHash, runAcquireChild, type ChildRun } from './runAcquireChild';
import { startTokenServer, type TokenServer, type TokenServerOptions } from './tokenServer';

// msal-node runs in a child process that trusts the test certificate through NODE_EXTRA_CA_CERTS; the server runs here.
const tenant = 'contoso.onmicrosoft.com';
const clientId = '11111111-2222-4333-8444-555555555555';
const clientSecret = 'right-secret~Q8vA1xZ93kLmN0pRsTuVwXyZ';
const graphScope = 'https://graph.microsoft.com/.default';

let pki: TestPki;
test.beforeAll(() => {
  pki = createTestPki();
});
test.afterAll(() => pki.remove());

async function withServer(
  options: Omit<TokenServerOptions, 'tls' | 'tenant' | 'clientId'>,
  body: (server: TokenServer) => Promise<void>,
): Promise<void> {
  const server = await startTokenServer({ tls: pki.server, tenant, clientId, ...options });
  try {
    await body(server);
  } finally {
    await server.close();
  }
}

function run(server: TokenServer, env: Record<string, string>): Promise<ChildRun> {
  return runAcquireChild(
    { GRAPH_TENANT_ID: tenant, GRAPH_CLIENT_ID: clientId, GRAPH_AUTHORITY_HOST: server.origin, ...env },
    pki.server.certFile,
    server.origin,
  );
}

function expectSilent(child: ChildRun, secrets: string[]): void {
  for (const secret of secrets) expect(child.output, 'a secret reached the output').not.toContain(secret);
}

const discoveryAndToken = (server: TokenServer) => [
  `GET ${server.origin}/${tenant}/v2.0/.well-known/openid-configuration`,
  `POST ${server.tokenEndpoint}`,
];

test('client secret: one token request serves later and concurrent calls, and only the authority host is contacted', async () => {
  await withServer({ scope: graphScope, clientSecret }, async (server) => {
    const child = await run(server, {
      GRAPH_CLIENT_SECRET: clientSecret,
      GRAPH_BASE_URL: 'http://127.0.0.1:9/beta',
      CHILD_BATCHES: '1,1,5',
    });
    expect(child.result.error).toBeUndefined();
    expect(child.result.kind).toBe('client-secret');
    expect(server.tokenRequests).toHaveLength(1);
    expect(server.tokenRequests[0].params).toMatchObject({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
      scope: graphScope,
    });
    expect(child.result.batches.flat()).toEqual(Array(7).fill(headerHash(server.tokens[0])));
    expect(child.result.contacted).toEqual(discoveryAndToken(server));
    expect(server.hits).toEqual([
      `GET /${tenant}/v2.0/.well-known/openid-configuration`,
      `POST /${tenant}/oauth2/v2.0/token`,
    ]);
    expectSilent(child, [server.tokens[0], clientSecret]);
  });
});

test('client secret: concurrent first calls share one acquisition', async () => {
  await withServer({ scope: graphScope, clientSecret }, async (server) => {
    const child = await run(server, { GRAPH_CLIENT_SECRET: clientSecret, CHILD_BATCHES: '8' });
    expect(child.result.error).toBeUndefined();
    expect(server.tokenRequests).toHaveLength(1);
    expect(child.result.batches[0]).toEqual(Array(8).fill(headerHash(server.tokens[0])));
  });
});

test('a wrong client secret is one CredentialError sentence with neither secret in it nor anywhere in the output', async () => {
  const wrongSecret = 'wrong-secret~Zq1Yx2Wv3Ut4Sr5Qp6On7Ml';
  await withServer({ scope: graphScope, clientSecret }, async (server) => {
    const child = await run(server, { GRAPH_CLIENT_SECRET: wrongSecret });
    expectSilent(child, [wrongSecret, clientSecret]);
    expect(child.result.error).toEqual({
      name: 'CredentialError',
      reason: 'rejected',
      message: `the token endpoint at ${server.origin} rejected the client credentials (AADSTS7000215: Invalid client secret provided)`,
    });
    expect(server.tokens).toHaveLength(0);
  });
});

test('client certificate: the token request carries a client assertion signed by the certificate key, for a national cloud scope', async () => {
  const chinaScope = 'https://microsoftgraph.chinacloudapi.cn/.default';
  await withServer({ scope: chinaScope, clientCertificate: pki.client.cert }, async (server) => {
    const child = await run(server, {
      GRAPH_CLIENT_CERTIFICATE_PATH: pki.client.pemFile,
      GRAPH_BASE_URL: 'https://microsoftgraph.chinacloudapi.cn/v1.0',
      CHILD_BATCHES: '1,3',
    });
    expect(child.result.error).toBeUndefined();
    expect(child.result.kind).toBe('client-certificate');
    expect(server.tokenRequests).toHaveLength(1);
    const [request] = server.tokenRequests;
    expect(request.params.client_secret).toBeUndefined();
    expect(request.params.client_assertion_type).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    const assertion = request.assertion;
    expect(assertion?.signatureValid).toBe(true);
    expect(assertion?.thumbprintMatches).toBe(true);
    expect(assertion?.header).toMatchObject({ alg: 'PS256', 'x5t#S256': expect.any(String) });
    const certificateBody = pki.client.cert.replace(/-----[A-Z ]+-----|\s/g, '');
    expect(assertion?.header.x5c).toEqual([certificateBody]);
    expect(assertion?.payload).toMatchObject({ aud: server.tokenEndpoint, iss: clientId, sub: clientId });
    expect(Number(assertion?.payload.exp)).toBeGreaterThan(Date.now() / 1000);
    expect(child.result.batches.flat()).toEqual(Array(4).fill(headerHash(server.tokens[0])));
    expect(child.result.contacted).toEqual(discoveryAndToken(server));
    const keyLines = pki.client.key.split('\n').filter((line) => line.length > 20 && !line.startsWith('-----'));
    expectSilent(child, [server.tokens[0], request.params.client_assertion, ...keyLines]);
  });
});

test('a certificate the server does not know is rejected with a clear sentence', async () => {
  await withServer({ scope: graphScope, clientCertificate: pki.server.cert }, async (server) => {
    const child = await run(server, { GRAPH_CLIENT_CERTIFICATE_PATH: pki.client.pemFile });
    expect(child.result.error?.reason).toBe('rejected');
    expect(child.result.error?.message).toBe(
      `the token endpoint at ${server.origin} rejected the client credentials (AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application)`,
    );
  });
});

test('a token is renewed before it expires, with a new token request', async () => {
  await withServer({ scope: graphScope, clientSecret, expiresIn: 2 }, async (server) => {
    const child = await run(server, { GRAPH_CLIENT_SECRET: clientSecret, CHILD_BATCHES: '1,1', CHILD_WAIT_MS: '1300' });
    expect(child.result.error).toBeUndefined();
    expect(server.tokenRequests).toHaveLength(2);
    expect(child.result.batches).toEqual([[headerHash(server.tokens[0])], [headerHash(server.tokens[1])]]);
    expectSilent(child, [...server.tokens, clientSecret]);
  });
});
