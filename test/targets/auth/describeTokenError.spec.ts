import { AuthError, ServerError } from '@azure/msal-node';
import { expect, test } from '@playwright/test';
import { describeTokenError } from '../../../src/targets/auth/describeTokenError';
import { readAuthEnv, type ClientApp } from '../../../src/targets/auth/readAuthEnv';

const secret = 'known-secret~Ab12Cd34Ef56Gh78Ij90';
const settings = readAuthEnv(
  { GRAPH_TENANT_ID: 'contoso.example', GRAPH_CLIENT_ID: 'app', GRAPH_CLIENT_SECRET: secret },
  'https://graph.microsoft.us/v1.0',
);
const app: ClientApp = settings.kind === 'client-secret' ? settings.app : (undefined as never);
const at = 'the token endpoint at https://login.microsoftonline.com';

/** A ServerError shaped the way msal-node builds one from a token endpoint's error answer. */
function serverError(code: string, description: string): ServerError {
  const message = `Error(s): 1 - Timestamp: 2025-01-01 00:00:00Z - Description: ${description} - Correlation ID: c - Trace ID: t`;
  return new ServerError(code, 'c', message, undefined, '1', 400);
}

test('a rejected client secret becomes one sentence with the AADSTS code and first sentence of the description', () => {
  const error = describeTokenError(
    serverError(
      'invalid_client',
      'AADSTS7000215: Invalid client secret provided. Ensure the secret being sent is the value. Trace ID: x',
    ),
    app,
    [secret],
  );
  expect(error.message).toBe(`${at} rejected the client credentials (AADSTS7000215: Invalid client secret provided)`);
  expect(error.reason).toBe('rejected');
});

test('known secrets, JWTs and long opaque strings in a server description are removed; GUIDs and hosts stay', () => {
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
  const unknown = 'Zx9~unknownSecretLike0123456789abcdef';
  const description = `AADSTS50000: Bad ${secret} and ${jwt} and ${unknown} for 11111111-2222-4333-8444-555555555555 at login.microsoftonline.us`;
  const error = describeTokenError(serverError('invalid_request', description), app, [secret]);
  expect(error.message).toBe(
    `${at} refused to issue a token (AADSTS50000: Bad [REDACTED] and [REDACTED] and [REDACTED] for 11111111-2222-4333-8444-555555555555 at login.microsoftonline.us)`,
  );
});

test('an invalid scope names the scope and GRAPH_SCOPE', () => {
  const error = describeTokenError(
    serverError('invalid_scope', 'AADSTS70011: The provided value for the input parameter scope is not valid.'),
    app,
    [],
  );
  expect(error.message).toBe(
    `${at} rejected the scope https://graph.microsoft.us/.default (AADSTS70011: The provided value for the input parameter scope is not valid); set GRAPH_SCOPE if the API needs another audience`,
  );
});

test('network, discovery and unknown failures say which host and what to check', () => {
  expect(
    describeTokenError(
      new AuthError(
        'network_error',
        'c',
        'Network request failed: fetch failed, additionalErrorInfo: error.name:TypeError',
      ),
      app,
      [],
    ).message,
  ).toBe(`could not reach ${at} (Network request failed: fetch failed)`);
  expect(describeTokenError(new AuthError('openid_config_error', 'c'), app, []).reason).toBe('unreachable');
  expect(describeTokenError(new Error(`boom ${secret}`), app, [secret]).message).toBe(
    `could not get a token from ${at} (boom [REDACTED])`,
  );
});
