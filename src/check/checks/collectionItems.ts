import { interpolate } from '../../scenario/interpolate';
import { responseJson } from '../../common/exchange';
import type { Check } from '../check';
import { subsetDifferences } from '../compareValues';
import { failure, type Failure } from '../../common/failure';
import { compareODataValues } from '../../common/odataOrder';
import type { ItemsExpectation } from '../../scenario/types';

type Item = Record<string, unknown>;

/**
 * The items of a collection answer (`value`): their number within bounds (`$top` honoured), each one matching (`$filter`
 * honoured), the ids that must and must not be there (a create listed, a delete gone), and their order (`$orderby`).
 */
export const collectionItems: Check = {
  name: 'collection_items',
  applies: (e) => e.body?.items !== undefined,
  needs: 'json-body',
  run({ exchange, expectation, scope, at }) {
    const rule = interpolate(expectation.body!.items, scope) as ItemsExpectation;
    const value = (responseJson(exchange.response) as { value?: unknown } | null)?.value;
    if (!Array.isArray(value))
      return [
        failure('contract.items.count', {
          message: `the body has no "value" array, so its items cannot be judged`,
          pointer: '/body/value',
          expected: 'an array of items',
          actual: value,
          source: at(['body', 'items']),
        }),
      ];
    const items = value as Item[];
    const where = (key: string) => at(['body', 'items', key]);
    return [
      ...countFailures(items.length, rule.count, where('count')),
      ...items.flatMap((item, i) =>
        rule.every === undefined
          ? []
          : subsetDifferences(rule.every, item, `/body/value/${i}`).map((d) =>
              failure('contract.items.mismatch', {
                message: `item ${i}${idOf(item)} has ${d.pointer.split('/').slice(4).join('/') || 'value'} ${JSON.stringify(d.actual)}; every item must have ${JSON.stringify(d.expected)}`,
                pointer: d.pointer,
                expected: d.expected,
                actual: d.actual,
                source: where('every'),
              }),
            ),
      ),
      ...membership(items, rule, where),
      ...orderFailures(items, rule.sortedBy, where('sortedBy')),
    ];
  },
};

function idOf(item: Item): string {
  return typeof item?.id === 'string' ? ` (${item.id})` : '';
}

function countFailures(length: number, count: ItemsExpectation['count'], source: Failure['source']): Failure[] {
  if (count === undefined) return [];
  const { min, max } = typeof count === 'number' ? { min: count, max: count } : count;
  if ((min === undefined || length >= min) && (max === undefined || length <= max)) return [];
  const expected =
    min === max
      ? `${min}`
      : [min !== undefined && `at least ${min}`, max !== undefined && `at most ${max}`].filter(Boolean).join(' and ');
  return [
    failure('contract.items.count', {
      message: `the collection holds ${length} item(s); expected ${expected}`,
      pointer: '/body/value',
      expected,
      actual: length,
      source,
    }),
  ];
}

function membership(items: Item[], rule: ItemsExpectation, where: (key: string) => Failure['source']): Failure[] {
  const ids = items.map((item) => (typeof item?.id === 'string' ? item.id.toLowerCase() : undefined));
  const missing = (rule.includes ?? []).filter((id) => !ids.includes(id.toLowerCase()));
  const present = (rule.excludes ?? []).filter((id) => ids.includes(id.toLowerCase()));
  return [
    ...missing.map((id) =>
      failure('contract.items.missing', {
        message: `no item has id ${id}; it must be in this collection`,
        pointer: '/body/value',
        expected: id,
        actual: ids.filter(Boolean),
        source: where('includes'),
      }),
    ),
    ...present.map((id, at = ids.indexOf(id.toLowerCase())) =>
      failure('contract.items.unexpected', {
        message: `item ${at} has id ${id}; it must not be in this collection`,
        pointer: `/body/value/${at}/id`,
        expected: `no item with id ${id}`,
        actual: id,
        source: where('excludes'),
      }),
    ),
  ];
}

function orderFailures(items: Item[], sortedBy: ItemsExpectation['sortedBy'], source: Failure['source']): Failure[] {
  if (!sortedBy) return [];
  const { property, order = 'asc' } = sortedBy;
  const sign = order === 'asc' ? 1 : -1;
  for (let i = 1; i < items.length; i++) {
    const [before, after] = [items[i - 1]?.[property], items[i]?.[property]];
    if (sign * compareODataValues(before, after) > 0)
      return [
        failure('contract.items.order', {
          message: `item ${i - 1} has ${property} ${JSON.stringify(before)} and item ${i} has ${JSON.stringify(after)}: not in ${order}ending order of ${property}`,
          pointer: `/body/value/${i}/${property}`,
          expected: `${property} ${order === 'asc' ? '≥' : '≤'} ${JSON.stringify(before)}`,
          actual: after,
          source,
        }),
      ];
  }
  return [];
}
