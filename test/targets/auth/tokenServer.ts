import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { verifyAssertion, type CheckedAssertion } from './verifyAssertion';

/** What the loopback token endpoint accepts: one tenant, one client, one scope, and a secret or a certificate. */
export interface TokenServerOptions {
  tls: { key: string; cert: string };
  tenant: string;
  clientId: string;
  scope: string;
  clientSecret?: string;
  clientCertificate?: string;
  expiresIn?: number;
}

/** One POST to the token endpoint as the server saw it. */
export interface TokenRequest {
  params: Record<string, string>;
  assertion?: CheckedAssertion;
  status: number;
}

/**
 * A loopback Entra-like authority: OpenID configuration and a client-credentials token endpoint, recording what it was
 * sent.
 */
export interface TokenServer {
  origin: string;
  tokenEndpoint: string;
  /** Every access token issued, in order. */
  tokens: string[];
  tokenRequests: TokenRequest[];
  /** `METHOD path` of every request, including OpenID configuration reads and any unexpected path. */
  hits: string[];
  close(): Promise<void>;
}

const jwtBearer = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** Starts the loopback token endpoint on a free port over HTTPS with the given certificate. */
export async function startTokenServer(options: TokenServerOptions): Promise<TokenServer> {
  const tokens: string[] = [];
  const tokenRequests: TokenRequest[] = [];
  const hits: string[] = [];
  let origin = '';
  const base = () => `${origin}/${options.tenant}`;

  const server: Server = createServer(options.tls, (req, res) => {
    const path = new URL(req.url ?? '/', origin).pathname;
    hits.push(`${req.method} ${path}`);
    const answer = (status: number, body: object) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
    };
    if (req.method === 'GET' && path === `/${options.tenant}/v2.0/.well-known/openid-configuration`) {
      return answer(200, {
        token_endpoint: `${base()}/oauth2/v2.0/token`,
        authorization_endpoint: `${base()}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${base()}/oauth2/v2.0/logout`,
        jwks_uri: `${base()}/discovery/v2.0/keys`,
        issuer: `${base()}/v2.0`,
        response_types_supported: ['code', 'id_token', 'token'],
      });
    }
    if (req.method !== 'POST' || path !== `/${options.tenant}/oauth2/v2.0/token`)
      return answer(404, { error: 'not_found' });
    let text = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      const params = Object.fromEntries(new URLSearchParams(text));
      const record: TokenRequest = { params, status: 200 };
      tokenRequests.push(record);
      const fail = (status: number, error: string, description: string) => {
        record.status = status;
        answer(status, {
          error,
          error_description: `${description} Trace ID: 0000 Correlation ID: ${params['client-request-id'] ?? 'none'} Timestamp: 2025-01-01 00:00:00Z`,
          error_codes: [Number(/AADSTS(\d+)/.exec(description)?.[1])],
        });
      };
      if (params.grant_type !== 'client_credentials')
        return fail(400, 'unsupported_grant_type', 'AADSTS70003: The app requested an unsupported grant type.');
      if (params.client_id !== options.clientId)
        return fail(400, 'unauthorized_client', 'AADSTS700016: Application was not found in the directory.');
      if (params.scope !== options.scope)
        return fail(400, 'invalid_scope', `AADSTS1002012: The provided value for scope ${params.scope} is not valid.`);
      if (options.clientSecret !== undefined && params.client_secret !== options.clientSecret) {
        // Entra ID never echoes the secret; this server does, to prove the credential layer strips it anyway.
        return fail(
          401,
          'invalid_client',
          `AADSTS7000215: Invalid client secret provided. You sent ${params.client_secret} to app '${options.clientId}'.`,
        );
      }
      if (options.clientCertificate !== undefined) {
        if (params.client_assertion_type !== jwtBearer || !params.client_assertion)
          return fail(401, 'invalid_client', 'AADSTS7000216: client_assertion is required.');
        record.assertion = verifyAssertion(params.client_assertion, options.clientCertificate);
        if (!record.assertion.signatureValid || !record.assertion.thumbprintMatches)
          return fail(
            401,
            'invalid_client',
            'AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application.',
          );
      }
      const token = `srv-token-${randomBytes(24).toString('base64url')}`;
      tokens.push(token);
      answer(200, {
        token_type: 'Bearer',
        expires_in: options.expiresIn ?? 3599,
        ext_expires_in: options.expiresIn ?? 3599,
        access_token: token,
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    tokenEndpoint: `${base()}/oauth2/v2.0/token`,
    tokens,
    tokenRequests,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
