import type { Configuration } from '@azure/msal-node';
import type { ClientApp } from './readAuthEnv';
import type { ClientCertificate } from './readClientCertificate';

/** The client's proof of identity: a secret or a certificate. */
export type ClientProof = { clientSecret: string } | { certificate: ClientCertificate };

/** Builds msal-node's configuration: no instance discovery, no PII and no output from its logger, one credential. */
export function msalConfiguration(app: ClientApp, proof: ClientProof): Configuration {
  return {
    auth: {
      clientId: app.clientId,
      authority: app.authority,
      // A known authority gets its cloud metadata from this list instead of a request to
      // login.microsoftonline.com/common/discovery/instance, so sovereign clouds and test servers stay self-contained.
      knownAuthorities: [app.authorityHostAndPort],
      ...('clientSecret' in proof
        ? { clientSecret: proof.clientSecret }
        : {
            clientCertificate: {
              thumbprintSha256: proof.certificate.thumbprintSha256,
              privateKey: proof.certificate.privateKey,
              x5c: proof.certificate.x5c,
            },
          }),
    },
    system: {
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: (require('@azure/msal-node') as typeof import('@azure/msal-node')).LogLevel.Error,
        // msal-node's messages can quote request details; failures reach the user as a CredentialError instead.
        loggerCallback: () => undefined,
      },
    },
  };
}
