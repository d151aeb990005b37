/** echo_conformance: every property the request sent comes back in the response with the same value. */
import { test, expect } from '@playwright/test';
import { echoConformance } from '../../src/check/checks/echoConformance';
import { PKI_TYPE, exchange, here, pki, runCheck } from './checkKit';

test('a sent value the response does not echo fails, once per property', () => {
  const x = exchange({ request: { json: { displayName: 'New name', status: 'succeeded' } }, body: pki() });
  expect(runCheck(echoConformance, { body: { echoes: true } }, x)).toEqual([
    {
      code: 'contract.body.notEchoed',
      title: 'Sent value not echoed',
      message: 'the request set displayName to "New name" but the response says "Contoso PKI"',
      pointer: '/body/displayName',
      expected: 'New name',
      actual: 'Contoso PKI',
      source: here,
    },
  ]);
});

test('a response that is not JSON echoes nothing', () => {
  const x = exchange({ status: 204, bodyText: '', request: { json: { status: 'running' } } });
  expect(runCheck(echoConformance, { body: { echoes: true } }, x)).toMatchObject([
    { pointer: '/body/status', expected: 'running', actual: undefined },
  ]);
});

test('faithful: excepted properties and annotations are skipped, instants compare as instants, null matches absent', () => {
  const sent = {
    '@odata.type': PKI_TYPE,
    deletedDateTime: '2024-10-29T02:05:57Z',
    statusDetails: null,
    lastModifiedDateTime: '2001-01-01T00:00:00Z',
  };
  const { statusDetails: _absent, ...answer } = pki({ deletedDateTime: '2024-10-29T02:05:57.0000000+00:00' });
  const x = exchange({ request: { json: sent }, body: answer });
  expect(runCheck(echoConformance, { body: { echoes: { except: ['lastModifiedDateTime'] } } }, x)).toEqual([]);
});

// Object values compare member by member, in any order, with nested date-times as instants (as `matches` does).
test('faithful: an object value echoed with its members in another order', () => {
  const x = exchange({
    request: { json: { settings: { a: 1, when: '2024-10-29T02:05:57Z' } } },
    body: pki({ settings: { when: '2024-10-29T02:05:57Z', a: 1 } }),
  });
  expect(runCheck(echoConformance, { body: { echoes: true } }, x)).toEqual([]);
});
