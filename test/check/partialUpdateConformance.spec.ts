/** partial_update_conformance: properties of an earlier body that were not sent keep their values. */
import { test, expect } from '@playwright/test';
import { partialUpdateConformance } from '../../src/check/checks/partialUpdateConformance';
import { exchange, here, pki, runCheck } from './checkKit';

const before = pki({ statusDetails: 'Upload complete' });
const expectation = { body: { unchanged: { from: 'before', except: ['status', 'lastModifiedDateTime'] } } };

test('a property that was not sent but changed fails, with its old and new value', () => {
  const x = exchange({
    request: { json: { status: 'running' } },
    body: { ...before, status: 'running', statusDetails: null },
  });
  expect(runCheck(partialUpdateConformance, expectation, x, { scope: { before } })).toEqual([
    {
      code: 'contract.body.changed',
      title: 'Property changed that was not sent',
      message: 'statusDetails was "Upload complete" in before and was not sent, but is now null',
      pointer: '/body/statusDetails',
      expected: 'Upload complete',
      actual: null,
      source: here,
    },
  ]);
});

test('faithful: reordered properties, an open-type extra, the same instants respelled, null read back as absent', () => {
  const earlier = pki({ deletedDateTime: '2024-10-29T02:05:57Z', statusDetails: null });
  const { statusDetails: _absent, ...rest } = earlier;
  const odd = Object.fromEntries(
    Object.entries({
      ...rest,
      deletedDateTime: '2024-10-29T02:05:57.0000000+00:00',
      status: 'running',
      lastModifiedDateTime: '2025-01-01T00:00:00.0000000+00:00',
      extensionAttribute: 'x',
    }).reverse(),
  );
  expect(
    runCheck(partialUpdateConformance, expectation, exchange({ body: odd }), { scope: { before: earlier } }),
  ).toEqual([]);
});
