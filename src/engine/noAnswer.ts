import type { FailureCode } from '../common/failureCodes';
import { CredentialError } from '../targets/auth/credentialError';
import { TransportError } from '../targets/target';

/**
 * The harness code for an error that means the target gave no answer (transport, throttling, no credential), or
 * undefined for any other error.
 */
export function noAnswerCode(error: unknown): FailureCode | undefined {
  if (error instanceof CredentialError) return 'harness.auth';
  if (error instanceof TransportError) return `harness.${error.kind}`;
  return undefined;
}
