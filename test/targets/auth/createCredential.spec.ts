import { LogLevel } from '@azure/msal-node';
import { expect, test } from '@playwright/test';
import { createServer } from 'node:net';
import { createCredential } from '../../../src/targets/auth/createCredential';
import { CredentialError } from '../../../src/targets/auth/credentialError';
import { graphScope } from '../../../src/targets/auth/graphScope';
import { msalConfiguration } from '../../../src/targets/auth/msalConfiguration';
import { readAuthEnv } from '../../../src/targets/auth/readAuthEnv';

const base = 'https://graph.microsoft.com/beta';
// Distinctive values, so a test can prove no message repeats them.
const v = {
  token: 'token-value-AAAA1111',
  tenant: 'tenant-value-bbbb2222.example',
  client: 'client-value-cccc3333',
  secret: 'secret-value-dddd4444',
  certPath: '/nonexistent/cert-path-eeee5555.pem',
};

test('a static token is used as is and listed as a secret', async () => {
  const credential = createCredential({ GRAPH_ACCESS_TOKEN: v.token }, base);
  expect(credential.kind).toBe('token');
  expect(await credential.authorization()).toBe(`Bearer ${v.token}`);
  expect(credential.secrets()).toContain(v.token);
});

test('a static token pasted with its "Bearer " prefix is not prefixed twice', async () => {
  const credential = createCredential({ GRAPH_ACCESS_TOKEN: ` Bearer ${v.token}\n` }, base);
  expect(await credential.authorization()).toBe(`Bearer ${v.token}`);
});

const configurationErrors: Array<{ name: string; env: NodeJS.ProcessEnv; names: string[] }> = [
  {
    name: 'nothing set',
    env: {},
    names: [
      'GRAPH_ACCESS_TOKEN',
      'GRAPH_TENANT_ID',
      'GRAPH_CLIENT_ID',
      'GRAPH_CLIENT_SECRET',
      'GRAPH_CLIENT_CERTIFICATE_PATH',
    ],
  },
  {
    name: 'empty values count as unset',
    env: { GRAPH_ACCESS_TOKEN: ' ', GRAPH_TENANT_ID: '' },
    names: ['GRAPH_ACCESS_TOKEN'],
  },
  {
    name: 'token and client secret',
    env: { GRAPH_ACCESS_TOKEN: v.token, GRAPH_CLIENT_SECRET: v.secret },
    names: ['GRAPH_ACCESS_TOKEN', 'GRAPH_CLIENT_SECRET'],
  },
  {
    name: 'token and tenant',
    env: { GRAPH_ACCESS_TOKEN: v.token, GRAPH_TENANT_ID: v.tenant },
    names: ['GRAPH_ACCESS_TOKEN', 'GRAPH_TENANT_ID'],
  },
  {
    name: 'tenant without client id',
    env: { GRAPH_TENANT_ID: v.tenant, GRAPH_CLIENT_SECRET: v.secret },
    names: ['GRAPH_CLIENT_ID'],
  },
  {
    name: 'client id without tenant',
    env: { GRAPH_CLIENT_ID: v.client, GRAPH_CLIENT_SECRET: v.secret },
    names: ['GRAPH_TENANT_ID'],
  },
  { name: 'secret alone', env: { GRAPH_CLIENT_SECRET: v.secret }, names: ['GRAPH_TENANT_ID', 'GRAPH_CLIENT_ID'] },
  {
    name: 'neither secret nor certificate',
    env: { GRAPH_TENANT_ID: v.tenant, GRAPH_CLIENT_ID: v.client },
    names: ['GRAPH_CLIENT_SECRET', 'GRAPH_CLIENT_CERTIFICATE_PATH'],
  },
  {
    name: 'both secret and certificate',
    env: {
      GRAPH_TENANT_ID: v.tenant,
      GRAPH_CLIENT_ID: v.client,
      GRAPH_CLIENT_SECRET: v.secret,
      GRAPH_CLIENT_CERTIFICATE_PATH: v.certPath,
    },
    names: ['GRAPH_CLIENT_SECRET', 'GRAPH_CLIENT_CERTIFICATE_PATH'],
  },
  {
    name: 'unreadable certificate file',
    env: { GRAPH_TENANT_ID: v.tenant, GRAPH_CLIENT_ID: v.client, GRAPH_CLIENT_CERTIFICATE_PATH: v.certPath },
    names: ['GRAPH_CLIENT_CERTIFICATE_PATH', 'ENOENT'],
  },
  {
    name: 'multi-tenant alias',
    env: { GRAPH_TENANT_ID: 'organizations', GRAPH_CLIENT_ID: v.client, GRAPH_CLIENT_SECRET: v.secret },
    names: ['GRAPH_TENANT_ID'],
  },
  {
    name: 'tenant with a slash',
    env: { GRAPH_TENANT_ID: `${v.tenant}/x`, GRAPH_CLIENT_ID: v.client, GRAPH_CLIENT_SECRET: v.secret },
    names: ['GRAPH_TENANT_ID'],
  },
  {
    name: 'plain HTTP authority',
    env: {
      GRAPH_TENANT_ID: v.tenant,
      GRAPH_CLIENT_ID: v.client,
      GRAPH_CLIENT_SECRET: v.secret,
      GRAPH_AUTHORITY_HOST: 'http://authority-value-ffff6666',
    },
    names: ['GRAPH_AUTHORITY_HOST', 'https://'],
  },
  {
    name: 'authority not a URL',
    env: {
      GRAPH_TENANT_ID: v.tenant,
      GRAPH_CLIENT_ID: v.client,
      GRAPH_CLIENT_SECRET: v.secret,
      GRAPH_AUTHORITY_HOST: 'authority-value-ffff6666',
    },
    names: ['GRAPH_AUTHORITY_HOST'],
  },
];

for (const { name, env, names } of configurationErrors) {
  test(`configuration error names the variables, never their values: ${name}`, () => {
    let thrown: unknown;
    try {
      createCredential(env, base);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CredentialError);
    const error = thrown as CredentialError;
    expect(error.reason).toBe('configuration');
    for (const variable of names) expect(error.message).toContain(variable);
    for (const value of [...Object.values(v), 'authority-value-ffff6666']) expect(error.message).not.toContain(value);
  });
}

test('the scope follows the Graph origin, so national clouds ask for their own audience', () => {
  expect(graphScope('https://graph.microsoft.com/beta')).toBe('https://graph.microsoft.com/.default');
  expect(graphScope('https://graph.microsoft.us/v1.0')).toBe('https://graph.microsoft.us/.default');
  expect(graphScope('https://dod-graph.microsoft.us/beta')).toBe('https://dod-graph.microsoft.us/.default');
  expect(graphScope('https://microsoftgraph.chinacloudapi.cn/v1.0')).toBe(
    'https://microsoftgraph.chinacloudapi.cn/.default',
  );
  for (const loopback of ['http://127.0.0.1:4010/beta', 'http://localhost:4010/beta', 'http://[::1]:4010/beta']) {
    expect(graphScope(loopback)).toBe('https://graph.microsoft.com/.default');
  }
  expect(graphScope('http://127.0.0.1:4010/beta', 'api://simulator/.default')).toBe('api://simulator/.default');
  expect(() => graphScope('not a url')).toThrow(/GRAPH_BASE_URL/);
});

test('msal-node is configured with a known authority and a silent logger', () => {
  const env = {
    GRAPH_TENANT_ID: 'contoso.example',
    GRAPH_CLIENT_ID: v.client,
    GRAPH_CLIENT_SECRET: v.secret,
    GRAPH_AUTHORITY_HOST: 'https://login.example.test:8443/',
  };
  const settings = readAuthEnv(env, 'https://graph.example.test/beta');
  if (settings.kind !== 'client-secret') throw new Error('expected client-secret settings');
  expect(settings.app).toMatchObject({
    authority: 'https://login.example.test:8443/contoso.example',
    customAuthorityHost: true,
    scope: 'https://graph.example.test/.default',
  });
  const configuration = msalConfiguration(settings.app, { clientSecret: settings.clientSecret });
  expect(configuration.auth.knownAuthorities).toEqual(['login.example.test:8443']);
  expect(configuration.system?.loggerOptions).toMatchObject({ piiLoggingEnabled: false, logLevel: LogLevel.Error });
  const defaults = readAuthEnv({ ...env, GRAPH_AUTHORITY_HOST: '' }, base);
  expect(defaults.kind === 'client-secret' && defaults.app).toMatchObject({
    authority: 'https://login.microsoftonline.com/contoso.example',
    customAuthorityHost: false,
  });
});

test('an unreachable authority is a CredentialError naming the host and the variables to check', async () => {
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as { port: number };
      probe.close(() => resolve(free));
    });
  });
  const credential = createCredential(
    {
      GRAPH_TENANT_ID: 'contoso.example',
      GRAPH_CLIENT_ID: v.client,
      GRAPH_CLIENT_SECRET: v.secret,
      GRAPH_AUTHORITY_HOST: `https://127.0.0.1:${port}`,
    },
    base,
  );
  const error = await credential.authorization().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CredentialError);
  expect((error as CredentialError).reason).toBe('unreachable');
  expect((error as CredentialError).message).toBe(
    `could not read a valid OpenID configuration from the authority at https://127.0.0.1:${port}; check GRAPH_AUTHORITY_HOST and GRAPH_TENANT_ID`,
  );
  expect(credential.secrets()).toEqual([v.secret]);
});
