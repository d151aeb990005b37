/**
 * Why a credential could not be had: bad settings (nothing was sent), a refusal by the token endpoint, or no answer
 * from it.
 */
export type CredentialFailure = 'configuration' | 'rejected' | 'unreachable';

/**
 * A credential could not be configured or acquired; the message is one sentence that names variables and hosts, never a
 * secret.
 */
export class CredentialError extends Error {
  constructor(
    message: string,
    readonly reason: CredentialFailure = 'configuration',
  ) {
    super(message);
    this.name = 'CredentialError';
  }
}
