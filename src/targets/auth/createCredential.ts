import { clientCredential } from './clientCredential';
import type { Credential } from './credential';
import { readAuthEnv } from './readAuthEnv';

/**
 * Builds the credential README.md's environment describes; throws CredentialError for missing or contradictory settings
 * before anything is sent.
 */
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
