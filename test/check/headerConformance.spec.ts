/** header_conformance: each named response header meets its rule (exact, pattern, format, media type, absent, echo). */
import { test, expect } from '@playwright/test';
import { headerConformance } from '../../src/check/checks/headerConformance';
import { CLIENT_REQUEST_ID, REQUEST_ID, exchange, here, runCheck, successHeaders } from './checkKit';

const title = {
  missing: 'Required header missing',
  mismatch: 'Header value differs',
  format: 'Header value has the wrong format',
  mediaType: 'Wrong media type',
  unexpected: 'Header present that must be absent',
  echo: 'Header not echoed',
};
const withHeaders = (fields: Record<string, string | undefined>) => exchange({ headers: successHeaders(fields) });

test('a missing header fails with what the rule wanted', () => {
  expect(
    runCheck(
      headerConformance,
      { headers: { 'request-id': { format: 'uuid' } } },
      withHeaders({ 'request-id': undefined }),
    ),
  ).toEqual([
    {
      code: 'contract.header.missing',
      title: title.missing,
      message: 'the response has no request-id header',
      pointer: '/headers/request-id',
      expected: 'uuid',
      actual: undefined,
      source: here,
    },
  ]);
});

test('a value other than the exact one fails', () => {
  expect(
    runCheck(headerConformance, { headers: { 'odata-version': '4.0' } }, withHeaders({ 'odata-version': '3.0' })),
  ).toEqual([
    {
      code: 'contract.header.mismatch',
      title: title.mismatch,
      message: 'odata-version is "3.0"; expected "4.0"',
      pointer: '/headers/odata-version',
      expected: '4.0',
      actual: '3.0',
      source: here,
    },
  ]);
});

test('a value that does not match the pattern fails', () => {
  expect(
    runCheck(
      headerConformance,
      { headers: { 'cache-control': { pattern: '^no-cache$' } } },
      withHeaders({ 'cache-control': 'private' }),
    ),
  ).toEqual([
    {
      code: 'contract.header.mismatch',
      title: title.mismatch,
      message: 'cache-control "private" does not match /^no-cache$/',
      pointer: '/headers/cache-control',
      expected: '/^no-cache$/',
      actual: 'private',
      source: here,
    },
  ]);
});

test('a non-GUID request-id fails the uuid format; the rule name keeps its case, the pointer is lower-cased', () => {
  const id = 'req-0123456789abcdef0123456789abcdef';
  expect(
    runCheck(headerConformance, { headers: { 'Request-Id': { format: 'uuid' } } }, withHeaders({ 'request-id': id })),
  ).toEqual([
    {
      code: 'contract.header.format',
      title: title.format,
      message: `Request-Id "${id}" is not a valid uuid`,
      pointer: '/headers/request-id',
      expected: 'uuid',
      actual: id,
      source: here,
    },
  ]);
});

test('a non-JSON media type fails', () => {
  expect(
    runCheck(
      headerConformance,
      { headers: { 'content-type': { mediaType: 'application/json' } } },
      withHeaders({ 'content-type': 'text/plain;charset=utf-8' }),
    ),
  ).toEqual([
    {
      code: 'contract.header.mediaType',
      title: title.mediaType,
      message: 'content-type is "text/plain;charset=utf-8"; expected media type application/json',
      pointer: '/headers/content-type',
      expected: 'application/json',
      actual: 'text/plain;charset=utf-8',
      source: here,
    },
  ]);
});

test('a header that must be absent fails when present', () => {
  expect(
    runCheck(
      headerConformance,
      { headers: { 'WWW-Authenticate': { absent: true } } },
      withHeaders({ 'www-authenticate': 'Bearer' }),
    ),
  ).toEqual([
    {
      code: 'contract.header.unexpected',
      title: title.unexpected,
      message: 'WWW-Authenticate must be absent but is "Bearer"',
      pointer: '/headers/www-authenticate',
      expected: null,
      actual: 'Bearer',
      source: here,
    },
  ]);
  expect(runCheck(headerConformance, { headers: { 'WWW-Authenticate': { absent: true } } }, withHeaders({}))).toEqual(
    [],
  );
});

test('client-request-id must echo the one sent, or equal request-id when none was sent', () => {
  const rule = { headers: { 'client-request-id': { echo: 'client-request-id', elseSameAs: 'request-id' } } };
  const other = '3fffff11-ffff-bfff-7fff-ffffffff3f21';
  expect(runCheck(headerConformance, rule, withHeaders({ 'client-request-id': other }))).toEqual([
    {
      code: 'contract.header.echo',
      title: title.echo,
      message: `client-request-id is "${other}"; the request sent client-request-id: ${CLIENT_REQUEST_ID}`,
      pointer: '/headers/client-request-id',
      expected: CLIENT_REQUEST_ID,
      actual: other,
      source: here,
    },
  ]);
  const anonymous = exchange({
    headers: successHeaders({ 'client-request-id': other }),
    request: { headers: { 'content-type': 'application/json' } },
  });
  expect(runCheck(headerConformance, rule, anonymous)).toEqual([
    {
      code: 'contract.header.echo',
      title: title.echo,
      message: `client-request-id is "${other}"; the request sent no client-request-id, so it must equal request-id`,
      pointer: '/headers/client-request-id',
      expected: REQUEST_ID,
      actual: other,
      source: here,
    },
  ]);
});

test('faithful: rule names in any case, content-type parameters in any order and case, echo of request-id', () => {
  const rules = {
    headers: {
      'Content-Type': { mediaType: 'application/json' },
      'OData-Version': '4.0',
      'REQUEST-ID': { format: 'uuid' as const },
      'Client-Request-Id': { echo: 'Client-Request-ID', elseSameAs: 'Request-Id' },
    },
  };
  const odd = 'Application/JSON; charset=UTF-8; IEEE754Compatible=false; odata.streaming=true; odata.metadata=minimal';
  expect(runCheck(headerConformance, rules, withHeaders({ 'content-type': odd }))).toEqual([]);
  expect(
    runCheck(
      headerConformance,
      rules,
      withHeaders({ 'content-type': 'application/json;odata.metadata=minimal;charset=utf-8' }),
    ),
  ).toEqual([]);
  const anonymous = exchange({
    headers: successHeaders({ 'client-request-id': REQUEST_ID }),
    request: { headers: {} },
  });
  expect(runCheck(headerConformance, rules, anonymous)).toEqual([]);
});
