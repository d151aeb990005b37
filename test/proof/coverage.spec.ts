/**
 * Every check and every contract failure code is shown to bite by some break, or is explicitly left to the unit tests
 * of test/check.
 */
import { test, expect } from '@playwright/test';
import { failureTitles, type FailureCode } from '../../src/common/failureCodes';
import { checks } from '../../src/check/registry';
import { checkCodes } from './checkCodes';
import { codesOnlyUnitTested, expectedCatches } from './expectedCatches';

// Only catches the suite achieves today count: a known gap proves nothing.
const proven = new Set<FailureCode>(
  Object.values(expectedCatches)
    .filter((c) => c.gap === undefined)
    .flatMap((c) => c.codes),
);
const contractCodes = (Object.keys(failureTitles) as FailureCode[]).filter((code) => code.startsWith('contract.'));

test('the map of check codes lists every registered check and only known codes', () => {
  expect(Object.keys(checkCodes).sort()).toEqual(checks.map((c) => c.name).sort());
  expect(Object.values(checkCodes).flat().sort()).toEqual([...contractCodes].sort());
});

test('every contract code is proven by a break, except the ones listed as unit-tested only', () => {
  const unproven = contractCodes.filter((code) => !proven.has(code));
  expect(unproven.sort()).toEqual(Object.keys(codesOnlyUnitTested).sort());
});

test('every registered check is proven by a break, except checks whose only codes are unit-tested only', () => {
  const unproven = checks.map((c) => c.name).filter((name) => !checkCodes[name].some((code) => proven.has(code)));
  const allowed = Object.keys(checkCodes).filter((name) =>
    checkCodes[name].every((code) => code in codesOnlyUnitTested),
  );
  expect(unproven.sort()).toEqual(allowed.sort());
  expect(unproven).toEqual(['empty_body_conformance']);
});
