/** status_conformance: the status is the one, or one of those, the scenario expects. */
import { test, expect } from '@playwright/test';
import { statusConformance } from '../../src/check/checks/statusConformance';
import { exchange, here, runCheck } from './checkKit';

test('a status other than the expected one fails with both values', () => {
  expect(runCheck(statusConformance, { status: 200 }, exchange({ status: 204, bodyText: '' }))).toEqual([
    {
      code: 'contract.status.unexpected',
      title: 'Unexpected status code',
      message: 'PATCH answered 204; expected 200',
      pointer: '/status',
      expected: 200,
      actual: 204,
      source: here,
    },
  ]);
});

test('a status outside every accepted pattern fails, naming the list', () => {
  const [failure] = runCheck(statusConformance, { status: [400, 415] }, exchange({ status: 200 }));
  expect(failure).toMatchObject({
    code: 'contract.status.unexpected',
    message: 'PATCH answered 200; expected 400 or 415',
    expected: [400, 415],
    actual: 200,
  });
  expect(runCheck(statusConformance, { status: '4xx' }, exchange({ status: 500 }))).toMatchObject([
    { expected: '4xx', actual: 500 },
  ]);
});

test('an exact code, a class and a list member all pass', () => {
  expect(runCheck(statusConformance, { status: 200 }, exchange({ status: 200 }))).toEqual([]);
  expect(runCheck(statusConformance, { status: '4xx' }, exchange({ status: 404 }))).toEqual([]);
  expect(runCheck(statusConformance, { status: [400, 415] }, exchange({ status: 415 }))).toEqual([]);
  expect(runCheck(statusConformance, { status: ['2xx', 404] }, exchange({ status: 201 }))).toEqual([]);
});
