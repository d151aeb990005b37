/**
 * odata_type_conformance: the body's @odata.type names the expected entity type, exactly (OData type names are
 * case-sensitive).
 */
import { test, expect } from '@playwright/test';
import { odataTypeConformance } from '../../src/check/checks/odataTypeConformance';
import { PKI_TYPE, exchange, here, pki, runCheck } from './checkKit';

const expectation = { body: { odataType: '{pkiType}' } };
const scope = { pkiType: PKI_TYPE };

test('a type name in another case fails', () => {
  const lower = PKI_TYPE.toLowerCase();
  expect(
    runCheck(odataTypeConformance, expectation, exchange({ body: pki({ '@odata.type': lower }) }), { scope }),
  ).toEqual([
    {
      code: 'contract.body.odataType',
      title: 'Wrong @odata.type',
      message: `@odata.type is "${lower}"; expected "${PKI_TYPE}"`,
      pointer: '/body/@odata.type',
      expected: PKI_TYPE,
      actual: lower,
      source: here,
    },
  ]);
});

test('a body without @odata.type fails with actual undefined', () => {
  const { ['@odata.type']: _omitted, ...untyped } = pki();
  expect(runCheck(odataTypeConformance, expectation, exchange({ body: untyped }), { scope })).toMatchObject([
    { code: 'contract.body.odataType', actual: undefined },
  ]);
});

test('faithful: the expected type (from a variable) passes', () => {
  expect(runCheck(odataTypeConformance, expectation, exchange({ body: pki() }), { scope })).toEqual([]);
});
