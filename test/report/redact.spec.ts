import { test, expect } from '@playwright/test';
import { redacted, redactor } from '../../src/report/redact';

const redact = redactor(['secret-value-1', 'secret-value-12', 'abc', 'client-secret~with.dots']);

test('every occurrence of a known secret is replaced, the longest first', () => {
  expect(redact('x secret-value-12 y secret-value-1 z secret-value-12')).toBe(
    `x ${redacted} y ${redacted} z ${redacted}`,
  );
  expect(redact('a client-secret~with.dots b')).toBe(`a ${redacted} b`);
});

test('secrets shorter than six characters are ignored, so common words are not blanked', () => {
  expect(redact('abc abcdef')).toBe('abc abcdef');
});

test('duplicates and an empty list are harmless', () => {
  expect(redactor(['secret-value-1', 'secret-value-1'])('secret-value-1')).toBe(redacted);
  expect(redactor([])('nothing to hide')).toBe('nothing to hide');
});

test.describe('an Authorization credential is removed even when the secret is not known', () => {
  for (const [text, expected] of [
    ['Authorization: Bearer eyJ0eXAi.eyJhdWQi.sig', `Authorization: Bearer ${redacted}`],
    ['authorization: bearer tok', `authorization: bearer ${redacted}`],
    ['{"authorization":"Bearer tok123","x":1}', `{"authorization":"Bearer ${redacted}","x":1}`],
    ["curl -H 'authorization: Bearer tok' https://x", `curl -H 'authorization: Bearer ${redacted}' https://x`],
    ['authorization=Basic dXNlcjpwYXNz', `authorization=Basic ${redacted}`],
    ['Proxy-Authorization: Bearer zzz', `Proxy-Authorization: Bearer ${redacted}`],
  ] as const)
    test(text, () => expect(redact(text)).toBe(expected));
});

test('the credential inside JSON-escaped text (a JSON string holding JSON) is removed too', () => {
  expect(redact('{\\"authorization\\": \\"Bearer tok-unknown-42\\"}')).toBe(
    `{\\"authorization\\": \\"Bearer ${redacted}\\"}`,
  );
});

test('text without secrets is unchanged', () => {
  const text = 'GET /beta/directory HTTP/1.1\nclient-request-id: 1234\n\n{"displayName": "Contoso"}';
  expect(redact(text)).toBe(text);
});
