import { test, expect } from '@playwright/test';
import { evaluateExchange } from '../../src/check/evaluateExchange';
import type { Expectation } from '../../src/scenario/types';
import { contracts, exchange, here, successHeaders } from './checkKit';

// One fault, one failure: when a precondition of a check fails (the expectation's own status, a JSON body), the
// checks that need it are skipped and the failure that stopped them lists them, instead of a wall of failures that
// all say "expected X, got undefined".

const patchExpectation: Expectation = {
  status: 200,
  headers: { 'content-type': { mediaType: 'application/json' } },
  body: {
    schema: 'graph.beta.certificateBasedAuthPki',
    odataType: '#microsoft.graph.certificateBasedAuthPki',
    echoes: true,
    serverManaged: { from: 'pki' },
  },
};

function evaluate(expectation: Expectation, x: ReturnType<typeof exchange>) {
  const placed = [{ expectation, path: [], locate: () => here }];
  const scope = { pki: { id: 'x' }, request: { ...x.request, body: x.request.json } };
  return evaluateExchange(x, placed, { contracts, scope, steps: new Map() });
}

test('a PATCH answered 204 instead of 200 is one failure, the wrong status, listing the body checks it stopped', () => {
  const x = exchange({ status: 204, bodyText: '', request: { json: { displayName: 'x' } } });
  const failures = evaluate(patchExpectation, x);
  expect(failures.map((f) => f.code)).toEqual(['contract.status.unexpected']);
  expect(failures[0].skippedChecks).toEqual([
    'response_schema_conformance',
    'odata_type_conformance',
    'echo_conformance',
    'server_managed_conformance',
  ]);
});

test('a 200 whose body is not JSON is one notJson failure, listing the checks that needed JSON', () => {
  const x = exchange({ status: 200, bodyText: '<html/>', request: { json: { displayName: 'x' } } });
  const failures = evaluate({ status: 200, body: { echoes: true, odataType: '#t' } }, x);
  expect(failures.map((f) => f.code)).toEqual(['contract.body.notJson']);
  expect(failures[0].skippedChecks).toEqual(['odata_type_conformance', 'echo_conformance']);
});

test('a faithful answer runs every check and fails none', () => {
  const x = exchange({ request: { json: { displayName: 'Contoso PKI' } }, body: undefined, headers: successHeaders() });
  const faithful = {
    ...x,
    response: {
      ...x.response,
      bodyText: JSON.stringify({ ...JSON.parse(x.response.bodyText), displayName: 'Contoso PKI' }),
    },
  };
  const scope = { pki: JSON.parse(x.response.bodyText) };
  const failures = evaluateExchange(faithful, [{ expectation: patchExpectation, path: [], locate: () => here }], {
    contracts,
    scope: { ...scope, request: { ...x.request, body: x.request.json } },
    steps: new Map(),
  });
  expect(failures).toEqual([]);
});
