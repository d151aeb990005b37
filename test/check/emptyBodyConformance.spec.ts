/** empty_body_conformance: a 204 carries no body. */
import { test, expect } from '@playwright/test';
import { emptyBodyConformance } from '../../src/check/checks/emptyBodyConformance';
import { exchange, here, runCheck } from './checkKit';

test('a body on a 204 fails, showing the start of the body', () => {
  expect(
    runCheck(emptyBodyConformance, { body: { empty: true } }, exchange({ status: 204, bodyText: '{"id":"x"}' })),
  ).toEqual([
    {
      code: 'contract.body.notEmpty',
      title: 'Body must be empty',
      message: 'the body holds 10 characters; expected none',
      pointer: '/body',
      expected: '',
      actual: '{"id":"x"}',
      source: here,
    },
  ]);
});

test('faithful: an empty body passes', () => {
  expect(runCheck(emptyBodyConformance, { body: { empty: true } }, exchange({ status: 204, bodyText: '' }))).toEqual(
    [],
  );
});
