/**
 * body_matches: every value listed under `matches` is in the body with an equal value (date-times as instants, null as
 * absent).
 */
import { test, expect } from '@playwright/test';
import { bodyMatches } from '../../src/check/checks/bodyMatches';
import { PKI_ID, exchange, here, pki, runCheck } from './checkKit';

const title = 'Body value differs';

test('a value other than the one listed fails, resolving {variables} first', () => {
  const x = exchange({ request: { json: { displayName: 'New name' } } });
  expect(
    runCheck(bodyMatches, { body: { matches: { id: '{pki.id}', displayName: '{request.body.displayName}' } } }, x, {
      scope: { pki: pki() },
    }),
  ).toEqual([
    {
      code: 'contract.body.mismatch',
      title,
      message: 'body/displayName is "Contoso PKI"; expected "New name"',
      pointer: '/body/displayName',
      expected: 'New name',
      actual: 'Contoso PKI',
      source: here,
    },
  ]);
});

test('a listed null fails against a value; nested places get a nested pointer', () => {
  expect(
    runCheck(
      bodyMatches,
      { body: { matches: { statusDetails: null } } },
      exchange({ body: pki({ statusDetails: 'Uploading' }) }),
    ),
  ).toEqual([
    {
      code: 'contract.body.mismatch',
      title,
      message: 'body/statusDetails is "Uploading"; expected null',
      pointer: '/body/statusDetails',
      expected: null,
      actual: 'Uploading',
      source: here,
    },
  ]);
  const list = exchange({ body: { value: [pki()] } });
  expect(runCheck(bodyMatches, { body: { matches: { value: [{ id: 'other' }] } } }, list)).toMatchObject([
    { pointer: '/body/value/0/id', expected: 'other', actual: PKI_ID },
  ]);
});

test('date-times differing below the millisecond are different instants', () => {
  const x = exchange({ body: pki({ lastModifiedDateTime: '2024-10-29T02:05:57.1234568Z' }) });
  expect(
    runCheck(bodyMatches, { body: { matches: { lastModifiedDateTime: '2024-10-29T02:05:57.1234567Z' } } }, x),
  ).toMatchObject([{ pointer: '/body/lastModifiedDateTime', actual: '2024-10-29T02:05:57.1234568Z' }]);
});

test('faithful: the same instant written differently, and null against an absent property', () => {
  const odd = exchange({
    body: {
      ...pki({
        lastModifiedDateTime: '2024-10-29T02:05:57.0000000+00:00',
        deletedDateTime: '2024-10-29T04:05:57.5+02:00',
      }),
      statusDetails: undefined,
    },
  });
  const matches = {
    lastModifiedDateTime: '2024-10-29T02:05:57Z',
    deletedDateTime: '2024-10-29T02:05:57.500Z',
    statusDetails: null,
    id: PKI_ID,
  };
  expect(runCheck(bodyMatches, { body: { matches } }, odd)).toEqual([]);
  expect(
    runCheck(
      bodyMatches,
      { body: { matches: { statusDetails: null } } },
      exchange({ body: pki({ statusDetails: null }) }),
    ),
  ).toEqual([]);
});
