import type { AuthenticationResult, ConfidentialClientApplication } from '@azure/msal-node';
import { cachedToken, type IssuedToken } from './cachedToken';
import type { Credential } from './credential';
import { CredentialError } from './credentialError';
import { describeTokenError } from './describeTokenError';
import { msalConfiguration, type ClientProof } from './msalConfiguration';
import type { ClientApp } from './readAuthEnv';

/** How long one token acquisition (discovery and token request, with msal-node's own retry) may take. */
export const tokenTimeoutMs = 60_000;

/**
 * A credential that exchanges a client secret or certificate for Graph tokens through msal-node, cached and renewed
 * ahead of expiry.
 */
export function clientCredential(app: ClientApp, proof: ClientProof): Credential {
  const configured = 'clientSecret' in proof ? [proof.clientSecret] : proof.certificate.secrets;
  const issued: string[] = [];
  const secrets = (): string[] => [...configured, ...issued];
  let msal: ConfidentialClientApplication;
  try {
    // Loaded only when client credentials are used: a run with GRAPH_ACCESS_TOKEN or an in-process target never needs
    // it.
    const { ConfidentialClientApplication: Client } = require('@azure/msal-node') as typeof import('@azure/msal-node');
    msal = new Client(msalConfiguration(app, proof));
  } catch (error) {
    throw describeTokenError(error, app, secrets());
  }

  const acquire = async (): Promise<IssuedToken> => {
    let result: AuthenticationResult | null;
    try {
      result = await withTimeout(
        msal.acquireTokenByClientCredential({
          scopes: [app.scope],
          // cachedToken is the one cache, so renewal always reaches the token endpoint.
          skipCache: true,
          // MSAL_FORCE_REGION would send a custom authority's secret to a regional Microsoft host.
          ...(app.customAuthorityHost ? { azureRegion: 'DisableMsalForceRegion' } : {}),
        }),
        app,
      );
    } catch (error) {
      throw describeTokenError(error, app, secrets());
    }
    if (!result?.accessToken)
      throw new CredentialError(
        `the token endpoint at ${app.authorityOrigin} answered without an access token`,
        'rejected',
      );
    issued.push(result.accessToken);
    const expiresOn = result.expiresOn?.getTime() ?? Date.now() + 5 * 60_000;
    return { accessToken: result.accessToken, expiresOn, refreshOn: result.refreshOn?.getTime() };
  };

  const token = cachedToken(acquire);
  return {
    kind: 'clientSecret' in proof ? 'client-secret' : 'client-certificate',
    authorization: async () => `Bearer ${await token()}`,
    secrets,
  };
}

function withTimeout<T>(promise: Promise<T>, app: ClientApp): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new CredentialError(
            `the token endpoint at ${app.authorityOrigin} did not answer within ${tokenTimeoutMs / 1000} s`,
            'unreachable',
          ),
        ),
      tokenTimeoutMs,
    );
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
