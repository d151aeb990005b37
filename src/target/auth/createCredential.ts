import { clientCredential } from './clientCredential';
import { readAuthEnv } from './readAuthEnv';

export { CredentialError } from './credentialError';

/** How the live target authorises its requests; never prints, and lists every secret it holds so output can be redacted. */
export interface Credential {
  /** 'token' | 'client-secret' | 'client-certificate' */
  kind: string;
  /** Returns "Bearer <token>", acquiring or refreshing it as needed (cached; refreshed before expiry, safe under concurrent calls: one acquisition in flight). */
  authorization(): Promise<string>;
  /** Every secret value that must never be printed: the tokens issued so far, the client secret, the certificate file and private key text. */
  secrets(): string[];
}

/** Builds the credential DESIGN §2's environment describes; throws CredentialError for missing or contradictory settings before anything is sent. */
export function createCredential(env: NodeJS.ProcessEnv, graphBaseUrl: string): Credential {
  const settings = readAuthEnv(env, graphBaseUrl);
  switch (settings.kind) {
    case 'token': {
      const header = `Bearer ${settings.token}`;
      return { kind: 'token', authorization: async () => header, secrets: () => [settings.token] };
    }
    case 'client-secret':
      return clientCredential(settings.app, { clientSecret: settings.clientSecret });
    case 'client-certificate':
      return clientCredential(settings.app, { certificate: settings.certificate });
  }
}
