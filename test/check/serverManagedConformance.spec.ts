/**
 * server_managed_conformance: the id never changes; lastModifiedDateTime is a valid date-time that never moves
 * backwards.
 */
import { test, expect } from '@playwright/test';
import { serverManagedConformance } from '../../src/check/checks/serverManagedConformance';
import { PKI_ID, exchange, here, pki, runCheck } from './checkKit';

const expectation = { body: { serverManaged: { from: 'pki' } } };
const scope = { pki: pki({ lastModifiedDateTime: '2024-10-29T02:05:57Z' }) };
const answer = (fields: Record<string, unknown>) => exchange({ body: pki(fields) });

test('a different id fails', () => {
  const other = '3d8e23bd-4c7c-177c-407f-d2ac6679307c';
  expect(
    runCheck(
      serverManagedConformance,
      expectation,
      answer({ id: other, lastModifiedDateTime: '2024-10-30T00:00:00Z' }),
      { scope },
    ),
  ).toEqual([
    {
      code: 'contract.body.idChanged',
      title: 'Key changed',
      message: `id is "${other}"; it was "${PKI_ID}" in pki`,
      pointer: '/body/id',
      expected: PKI_ID,
      actual: other,
      source: here,
    },
  ]);
});

test('an earlier instant fails even when its text sorts later (+02:00)', () => {
  const earlier = '2024-10-29T03:05:57+02:00';
  expect(runCheck(serverManagedConformance, expectation, answer({ lastModifiedDateTime: earlier }), { scope })).toEqual(
    [
      {
        code: 'contract.body.lastModified',
        title: 'lastModifiedDateTime invalid or moved backwards',
        message: `lastModifiedDateTime moved backwards: ${earlier} is before 2024-10-29T02:05:57Z in pki`,
        pointer: '/body/lastModifiedDateTime',
        expected: '>= 2024-10-29T02:05:57Z',
        actual: earlier,
        source: here,
      },
    ],
  );
});

test('an HTTP date (or null) is not a valid date-time', () => {
  const httpDate = 'Tue, 29 Oct 2024 02:05:57 GMT';
  expect(
    runCheck(serverManagedConformance, expectation, answer({ lastModifiedDateTime: httpDate }), { scope }),
  ).toEqual([
    {
      code: 'contract.body.lastModified',
      title: 'lastModifiedDateTime invalid or moved backwards',
      message: `lastModifiedDateTime "${httpDate}" is not a valid date-time`,
      pointer: '/body/lastModifiedDateTime',
      expected: 'date-time',
      actual: httpDate,
      source: here,
    },
  ]);
  expect(
    runCheck(serverManagedConformance, expectation, answer({ lastModifiedDateTime: null }), { scope }),
  ).toMatchObject([{ expected: 'date-time', actual: null }]);
});

test('faithful: the same instant respelled, or a later one in another offset', () => {
  expect(
    runCheck(
      serverManagedConformance,
      expectation,
      answer({ lastModifiedDateTime: '2024-10-29T02:05:57.0000000+00:00' }),
      { scope },
    ),
  ).toEqual([]);
  expect(
    runCheck(serverManagedConformance, expectation, answer({ lastModifiedDateTime: '2024-10-29T01:05:57.5-02:00' }), {
      scope,
    }),
  ).toEqual([]);
});
