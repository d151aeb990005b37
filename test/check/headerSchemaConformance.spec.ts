/** header_schema_conformance: the lower-cased header set satisfies its contract (graph.headers.*). */
import { test, expect } from '@playwright/test';
import { headerSchemaConformance } from '../../src/check/checks/headerSchemaConformance';
import { exchange, here, runCheck, successHeaders } from './checkKit';

const title = 'Headers violate their contract';

test('a non-GUID request-id violates the success header contract, with instance and schema paths', () => {
  const x = exchange({ headers: successHeaders({ 'request-id': 'req-42' }) });
  expect(runCheck(headerSchemaConformance, { headerSchema: 'graph.headers.success' }, x)).toEqual([
    {
      code: 'contract.headers.schema',
      title,
      message: '/headers/request-id must match format "uuid" (contract graph.headers.success)',
      pointer: '/headers/request-id',
      expected: { keyword: 'format', format: 'uuid' },
      actual: 'req-42',
      schemaPath: 'graph.headers.success#/$defs/requestId/format',
      source: here,
    },
  ]);
});

test('a missing OData-Version on a success is reported at the missing header', () => {
  const x = exchange({ headers: successHeaders({ 'odata-version': undefined }) });
  expect(runCheck(headerSchemaConformance, { headerSchema: 'graph.headers.success' }, x)).toEqual([
    {
      code: 'contract.headers.schema',
      title,
      message: "/headers/odata-version must have required property 'odata-version' (contract graph.headers.success)",
      pointer: '/headers/odata-version',
      expected: { keyword: 'required', missingProperty: 'odata-version' },
      actual: undefined,
      schemaPath: 'graph.headers.success#/required',
      source: here,
    },
  ]);
});

test('faithful: parameters in any order and case, extra headers, no OData-Version on an error or a 204', () => {
  const odd = successHeaders({
    'content-type':
      'Application/JSON; charset=UTF-8; IEEE754Compatible=false; odata.streaming=true; odata.metadata=minimal',
    'x-ms-ags-diagnostic': '{"ServerInfo":{"DataCenter":"West Europe"}}',
    date: 'Tue, 29 Oct 2024 02:05:57 GMT',
    'cache-control': 'no-cache',
  });
  expect(
    runCheck(headerSchemaConformance, { headerSchema: 'graph.headers.success' }, exchange({ headers: odd })),
  ).toEqual([]);
  const error = successHeaders({ 'content-type': 'application/json', 'odata-version': undefined });
  expect(
    runCheck(
      headerSchemaConformance,
      { headerSchema: 'graph.headers.error' },
      exchange({ status: 404, headers: error }),
    ),
  ).toEqual([]);
  const noContent = successHeaders({ 'content-type': undefined, 'odata-version': undefined });
  expect(
    runCheck(
      headerSchemaConformance,
      { headerSchema: 'graph.headers.noContent' },
      exchange({ status: 204, headers: noContent, bodyText: '' }),
    ),
  ).toEqual([]);
});
