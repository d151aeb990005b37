import type { ServerError } from '@azure/msal-node';
import { redacted, redactor } from '../../report/redact';
import { CredentialError } from './credentialError';
import type { ClientApp } from './readAuthEnv';

/**
 * Turns whatever msal-node threw into one CredentialError sentence naming the authority and the server's code, with
 * anything secret-like removed.
 */
export function describeTokenError(error: unknown, app: ClientApp, secrets: string[]): CredentialError {
  const clean = scrubber(secrets);
  const at = `the token endpoint at ${app.authorityOrigin}`;
  if (error instanceof CredentialError) return error;
  // msal-node's error classes, loaded with it on first use.
  const { AuthError, ServerError } = require('@azure/msal-node') as typeof import('@azure/msal-node');
  if (error instanceof ServerError) {
    const detail = serverDetail(error, clean);
    switch (error.errorCode) {
      case 'invalid_client':
      case 'unauthorized_client':
        return new CredentialError(`${at} rejected the client credentials (${detail})`, 'rejected');
      case 'invalid_scope':
        return new CredentialError(
          `${at} rejected the scope ${app.scope} (${detail}); set GRAPH_SCOPE if the API needs another audience`,
          'rejected',
        );
      default:
        return new CredentialError(`${at} refused to issue a token (${detail})`, 'rejected');
    }
  }
  if (error instanceof AuthError) {
    switch (error.errorCode) {
      case 'network_error':
        return new CredentialError(
          `could not reach ${at} (${firstSentence(clean(error.errorMessage.split(', additionalErrorInfo')[0]))})`,
          'unreachable',
        );
      case 'openid_config_error':
      case 'endpoints_resolution_error':
        // msal-node folds every discovery failure (unreachable host, bad JSON, foreign issuer) into this one code.
        return new CredentialError(
          `could not read a valid OpenID configuration from the authority at ${app.authorityOrigin}; check GRAPH_AUTHORITY_HOST and GRAPH_TENANT_ID`,
          'unreachable',
        );
      default:
        return new CredentialError(
          `could not get a token from ${at} (${firstSentence(clean(`${error.errorCode}: ${error.errorMessage}`))})`,
          'rejected',
        );
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return new CredentialError(`could not get a token from ${at} (${firstSentence(clean(message))})`, 'unreachable');
}

/** msal-node packs the server's answer as "Error(s): … - Description: AADSTS…: text. … - Correlation ID: …". */
function serverDetail(error: ServerError, clean: (text: string) => string): string {
  const description = /Description: ([\s\S]*?)(?: - Correlation ID:|$)/.exec(error.errorMessage)?.[1]?.trim();
  if (!description || description === 'Not Available')
    return clean(error.errorCode || `HTTP ${error.status ?? 'error'}`);
  return firstSentence(clean(description));
}

/**
 * Takes the first sentence of already scrubbed text (scrubbing first, so no cut can split a secret past recognition).
 */
function firstSentence(text: string): string {
  const sentence = (/^[\s\S]*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!?]$/, '');
  return sentence.length > 160 ? `${sentence.slice(0, 157)}...` : sentence;
}

const jwtLike = /\beyJ[\w-]*\.[\w-]*\.[\w-]*/g;
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const secretLike = /[\w~+/=.-]{24,}/g;

/**
 * Removes known secrets, JWTs and long opaque strings (GUIDs and URLs are kept: they identify, they do not
 * authenticate).
 */
function scrubber(secrets: string[]): (text: string) => string {
  const redact = redactor(secrets);
  return (text) =>
    redact(text)
      .replace(jwtLike, redacted)
      .replace(secretLike, (run) =>
        guid.test(run) || !/\d/.test(run) || !/[A-Za-z]/.test(run) || /^[\w.-]+\.[a-z]{2,}$/i.test(run)
          ? run
          : redacted,
      );
}
