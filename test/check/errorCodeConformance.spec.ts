/** error_code_conformance: the Graph error envelope's error.code is one the scenario accepts. */
import { test, expect } from '@playwright/test';
import { errorCodeConformance } from '../../src/check/checks/errorCodeConformance';
import { exchange, here, runCheck } from './checkKit';

const envelope = (code?: string) => ({
  error: { ...(code === undefined ? {} : { code }), message: 'm', innerError: { date: '2021-07-02T01:40:19' } },
});
const notFound = { error: { code: ['Request_ResourceNotFound', 'ResourceNotFound'] } };

test('a code outside the accepted list fails, naming the list', () => {
  expect(runCheck(errorCodeConformance, notFound, exchange({ status: 500, body: envelope('UnknownError') }))).toEqual([
    {
      code: 'contract.error.code',
      title: 'Unexpected error code',
      message: 'error.code is "UnknownError"; expected Request_ResourceNotFound or ResourceNotFound',
      pointer: '/body/error/code',
      expected: ['Request_ResourceNotFound', 'ResourceNotFound'],
      actual: 'UnknownError',
      source: here,
    },
  ]);
});

test('an envelope without a code (or no envelope at all) fails with actual undefined', () => {
  const expectation = { error: { code: 'InvalidAuthenticationToken' } };
  const failure = {
    code: 'contract.error.code',
    message: 'error.code is undefined; expected InvalidAuthenticationToken',
    expected: 'InvalidAuthenticationToken',
    actual: undefined,
  };
  expect(runCheck(errorCodeConformance, expectation, exchange({ status: 401, body: envelope() }))).toMatchObject([
    failure,
  ]);
  expect(
    runCheck(errorCodeConformance, expectation, exchange({ status: 401, bodyText: '<html></html>' })),
  ).toMatchObject([failure]);
});

test('faithful: any accepted code passes', () => {
  expect(
    runCheck(errorCodeConformance, notFound, exchange({ status: 404, body: envelope('ResourceNotFound') })),
  ).toEqual([]);
  expect(
    runCheck(
      errorCodeConformance,
      { error: { code: 'InvalidAuthenticationToken' } },
      exchange({ status: 401, body: envelope('InvalidAuthenticationToken') }),
    ),
  ).toEqual([]);
});
