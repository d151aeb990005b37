/** response_schema_conformance: the body is JSON and satisfies the named contract. */
import { test, expect } from '@playwright/test';
import { responseSchemaConformance } from '../../src/check/checks/responseSchemaConformance';
import { exchange, here, pki, runCheck } from './checkKit';

const entity = { body: { schema: 'graph.beta.certificateBasedAuthPki' } };

test('a displayName that is a number violates the entity contract, with instance and schema paths', () => {
  expect(runCheck(responseSchemaConformance, entity, exchange({ body: pki({ displayName: 42 }) }))).toEqual([
    {
      code: 'contract.body.schema',
      title: 'Body violates its contract',
      message: '/body/displayName must be string,null (contract graph.beta.certificateBasedAuthPki)',
      pointer: '/body/displayName',
      expected: { keyword: 'type', type: ['string', 'null'] },
      actual: 42,
      schemaPath: 'graph.beta.certificateBasedAuthPki#/properties/displayName/type',
      source: here,
    },
  ]);
});

test('a body that is not JSON fails once, as notJson, naming its media type', () => {
  const html = '<!DOCTYPE html><html><body>Something went wrong</body></html>';
  const x = exchange({ status: 404, headers: { 'content-type': 'text/html; charset=utf-8' }, bodyText: html });
  expect(runCheck(responseSchemaConformance, { body: { schema: 'graph.error' } }, x)).toEqual([
    {
      code: 'contract.body.notJson',
      title: 'Body is not JSON',
      message: `the body (text/html, ${html.length} characters) is not JSON; contract graph.error expects JSON`,
      pointer: '/body',
      expected: 'graph.error',
      actual: html,
      source: here,
    },
  ]);
});

test('faithful: nulls, an open-type extra, reordered properties, 7-digit fractions with +00:00, an error date without zone', () => {
  const odd = {
    '@odata.type': '#microsoft.graph.certificateBasedAuthPki',
    statusDetails: null,
    status: 'succeeded',
    lastModifiedDateTime: '2024-10-29T02:05:57.0000000+00:00',
    displayName: null,
    deletedDateTime: null,
    id: 'x',
    extensionAttribute: 'x',
  };
  expect(runCheck(responseSchemaConformance, entity, exchange({ body: odd }))).toEqual([]);
  const envelope = {
    error: {
      code: 'Request_ResourceNotFound',
      message: 'gone',
      innerError: { date: '2021-07-02T01:40:19', 'request-id': 'r', extra: 1 },
    },
  };
  expect(
    runCheck(responseSchemaConformance, { body: { schema: 'graph.error' } }, exchange({ status: 404, body: envelope })),
  ).toEqual([]);
});
