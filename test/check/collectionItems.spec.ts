/**
 * collection_items: a collection answer's `value` holds the right number of items, each matching, with the ids that must
 * and must not be there, in order.
 */
import { test, expect } from '@playwright/test';
import { collectionItems } from '../../src/check/checks/collectionItems';
import { exchange, pki, runCheck } from './checkKit';

const list = (...names: Array<string | null>) =>
  exchange({ body: { value: names.map((displayName, i) => pki({ id: `id-${i}`, displayName })) } });

test('a faithful page passes every rule at once', () => {
  const x = list('gc a', 'gc b', 'gc c');
  expect(
    runCheck(
      collectionItems,
      {
        body: {
          items: {
            count: { min: 1, max: 3 },
            every: { '@odata.type': '#microsoft.graph.certificateBasedAuthPki' },
            includes: ['ID-1'],
            excludes: ['id-9'],
            sortedBy: { property: 'displayName' },
          },
        },
      },
      x,
    ),
  ).toEqual([]);
});

test('more items than $top allows fails with contract.items.count at /body/value', () => {
  expect(runCheck(collectionItems, { body: { items: { count: { max: 2 } } } }, list('a', 'b', 'c'))).toMatchObject([
    { code: 'contract.items.count', pointer: '/body/value', expected: 'at most 2', actual: 3 },
  ]);
  expect(runCheck(collectionItems, { body: { items: { count: 1 } } }, list())).toMatchObject([
    { code: 'contract.items.count', expected: '1', actual: 0 },
  ]);
});

test('a body without a value array fails instead of passing vacuously', () => {
  expect(runCheck(collectionItems, { body: { items: { every: {} } } }, exchange({ body: pki() }))).toMatchObject([
    { code: 'contract.items.count', pointer: '/body/value' },
  ]);
});

test('an item the filter should have kept out fails, pointing at it; {variables} resolve first', () => {
  const failures = runCheck(
    collectionItems,
    { body: { items: { every: { displayName: '{wanted}' } } } },
    list('keep', 'other', 'keep'),
    { scope: { wanted: 'keep' } },
  );
  expect(failures).toMatchObject([
    { code: 'contract.items.mismatch', pointer: '/body/value/1/displayName', expected: 'keep', actual: 'other' },
  ]);
});

test('a created id missing and a deleted id still listed each fail', () => {
  const failures = runCheck(
    collectionItems,
    { body: { items: { includes: ['id-7'], excludes: ['id-0'] } } },
    list('a', 'b'),
  );
  expect(failures).toMatchObject([
    { code: 'contract.items.missing', expected: 'id-7' },
    { code: 'contract.items.unexpected', pointer: '/body/value/0/id', actual: 'id-0' },
  ]);
});

test('an order not followed fails at the first item out of place, case-insensitively and both ways', () => {
  expect(
    runCheck(collectionItems, { body: { items: { sortedBy: { property: 'displayName' } } } }, list('a', 'C', 'b')),
  ).toMatchObject([{ code: 'contract.items.order', pointer: '/body/value/2/displayName', actual: 'b' }]);
  expect(
    runCheck(
      collectionItems,
      { body: { items: { sortedBy: { property: 'displayName', order: 'desc' } } } },
      list('c', 'B', 'a', null),
    ),
  ).toEqual([]);
  expect(
    runCheck(
      collectionItems,
      { body: { items: { sortedBy: { property: 'displayName', order: 'desc' } } } },
      list('a', 'b'),
    ),
  ).toMatchObject([{ code: 'contract.items.order', pointer: '/body/value/1/displayName' }]);
});
