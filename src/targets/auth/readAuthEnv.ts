import { CredentialError } from './credentialError';
import { graphScope } from './graphScope';
import { readClientCertificate, type ClientCertificate } from './readClientCertificate';

/** The Entra ID authority host used when GRAPH_AUTHORITY_HOST is not set. */
export const defaultAuthorityHost = 'https://login.microsoftonline.com';

/** Where and as whom client credentials are exchanged for a token. */
export interface ClientApp {
  tenantId: string;
  clientId: string;
  /** `<authority host>/<tenant>`, the authority msal-node is configured with. */
  authority: string;
  /** Origin of the authority host, the only place a secret is sent to (used in messages). */
  authorityOrigin: string;
  /** `host[:port]` of the authority, declared to msal-node as known so it skips instance discovery. */
  authorityHostAndPort: string;
  /** True when GRAPH_AUTHORITY_HOST points somewhere other than login.microsoftonline.com. */
  customAuthorityHost: boolean;
  scope: string;
}

/** How the live target authenticates, as read from the environment (README.md). */
export type AuthSettings =
  | { kind: 'token'; token: string }
  | { kind: 'client-secret'; app: ClientApp; clientSecret: string }
  | { kind: 'client-certificate'; app: ClientApp; certificate: ClientCertificate };

const clientVariables = [
  'GRAPH_TENANT_ID',
  'GRAPH_CLIENT_ID',
  'GRAPH_CLIENT_SECRET',
  'GRAPH_CLIENT_CERTIFICATE_PATH',
] as const;
const multiTenantAliases = new Set(['common', 'organizations', 'consumers']);

/**
 * Reads GRAPH_ACCESS_TOKEN or the client-credential variables; a missing or contradictory setting is a CredentialError
 * naming the variables, never their values.
 */
export function readAuthEnv(env: NodeJS.ProcessEnv, graphBaseUrl: string): AuthSettings {
  const read = (name: string): string | undefined => env[name]?.trim() || undefined;
  const token = read('GRAPH_ACCESS_TOKEN');
  const present = clientVariables.filter((name) => read(name) !== undefined);
  if (token !== undefined) {
    if (present.length > 0) {
      throw new CredentialError(
        `GRAPH_ACCESS_TOKEN and ${list(present)} are both set; set either a token or client credentials, not both`,
      );
    }
    return { kind: 'token', token: token.replace(/^bearer\s+/i, '') };
  }
  if (present.length === 0) {
    throw new CredentialError(
      'no credentials are set; set GRAPH_ACCESS_TOKEN, or GRAPH_TENANT_ID, GRAPH_CLIENT_ID and one of GRAPH_CLIENT_SECRET or GRAPH_CLIENT_CERTIFICATE_PATH',
    );
  }
  const missing = (['GRAPH_TENANT_ID', 'GRAPH_CLIENT_ID'] as const).filter((name) => read(name) === undefined);
  if (missing.length > 0) {
    throw new CredentialError(
      `${list(present)} ${present.length === 1 ? 'is' : 'are'} set but ${list(missing)} ${missing.length === 1 ? 'is' : 'are'} not; client credentials need GRAPH_TENANT_ID and GRAPH_CLIENT_ID`,
    );
  }
  const clientSecret = read('GRAPH_CLIENT_SECRET');
  const certificatePath = read('GRAPH_CLIENT_CERTIFICATE_PATH');
  if (clientSecret !== undefined && certificatePath !== undefined) {
    throw new CredentialError(
      'GRAPH_CLIENT_SECRET and GRAPH_CLIENT_CERTIFICATE_PATH are both set; set exactly one of them',
    );
  }
  if (clientSecret === undefined && certificatePath === undefined) {
    throw new CredentialError(
      'GRAPH_TENANT_ID and GRAPH_CLIENT_ID are set but neither GRAPH_CLIENT_SECRET nor GRAPH_CLIENT_CERTIFICATE_PATH is; set one of them',
    );
  }
  const app = clientApp(
    read('GRAPH_TENANT_ID') ?? '',
    read('GRAPH_CLIENT_ID') ?? '',
    read('GRAPH_AUTHORITY_HOST'),
    graphScope(graphBaseUrl, read('GRAPH_SCOPE')),
  );
  if (clientSecret !== undefined) return { kind: 'client-secret', app, clientSecret };
  return { kind: 'client-certificate', app, certificate: readClientCertificate(certificatePath ?? '') };
}

function clientApp(tenantId: string, clientId: string, authorityHost: string | undefined, scope: string): ClientApp {
  if (multiTenantAliases.has(tenantId.toLowerCase())) {
    throw new CredentialError(
      'GRAPH_TENANT_ID must name one tenant (its ID or a verified domain); client credentials cannot use common, organizations or consumers',
    );
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(tenantId)) {
    throw new CredentialError('GRAPH_TENANT_ID must be a tenant ID or domain name (letters, digits, dots and hyphens)');
  }
  if (/\s|[/?#]/.test(clientId))
    throw new CredentialError('GRAPH_CLIENT_ID must be an application (client) ID, without spaces or slashes');
  let host: URL;
  try {
    host = new URL(authorityHost ?? defaultAuthorityHost);
  } catch {
    throw new CredentialError(
      'GRAPH_AUTHORITY_HOST is not an absolute URL; set it to an https:// URL such as https://login.microsoftonline.us',
    );
  }
  if (host.protocol !== 'https:')
    throw new CredentialError(
      'GRAPH_AUTHORITY_HOST must be an https:// URL; msal-node refuses to send client credentials over plain HTTP',
    );
  if (host.search || host.hash || host.username || host.password) {
    throw new CredentialError(
      'GRAPH_AUTHORITY_HOST must be a plain https:// URL, without credentials, query or fragment',
    );
  }
  const base = `${host.origin}${host.pathname.replace(/\/+$/, '')}`;
  return {
    tenantId,
    clientId,
    authority: `${base}/${tenantId}`,
    authorityOrigin: host.origin,
    authorityHostAndPort: host.host.toLowerCase(),
    customAuthorityHost: base !== defaultAuthorityHost,
    scope,
  };
}

function list(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
