import { test, expect } from '@playwright/test';
import { shardOf } from '../../src/scenario/selectScenarios';

// shardOf splits the selected scenarios for --shard I/N: N machines together must run each scenario exactly once.

/** Shards 1..count of a list of `length` numbered items. */
function allShards(length: number, count: number): number[][] {
  const items = Array.from({ length }, (_, i) => i);
  return Array.from({ length: count }, (_, i) => shardOf(items, `${i + 1}/${count}`));
}

const pairs: Array<[number, number]> = [];
for (let length = 0; length <= 40; length++) for (let count = 1; count <= 12; count++) pairs.push([length, count]);
pairs.push([26, 2], [26, 3], [26, 7], [100, 3], [101, 4], [250, 7], [1000, 9], [1000, 1000], [999, 1000]);

test('for many (length, count) pairs, shards 1..N in order are the whole list, each item exactly once', () => {
  for (const [length, count] of pairs) {
    const shards = allShards(length, count);
    // Concatenated in shard order they give 0..length-1: disjoint, in order, nothing lost or repeated.
    expect(shards.flat(), `${length} items in ${count} shards`).toEqual(Array.from({ length }, (_, i) => i));
  }
});

test('for many (length, count) pairs, shard sizes differ by at most one', () => {
  for (const [length, count] of pairs) {
    const sizes = allShards(length, count).map((s) => s.length);
    expect(
      Math.max(...sizes) - Math.min(...sizes),
      `${length} items in ${count} shards: ${sizes.join('+')}`,
    ).toBeLessThanOrEqual(1);
  }
});

test('more shards than scenarios: the extra shards are empty, the others hold one scenario each', () => {
  for (const [length, count] of [
    [3, 5],
    [1, 4],
    [0, 3],
    [5, 12],
  ]) {
    const sizes = allShards(length, count).map((s) => s.length);
    expect(
      sizes.filter((n) => n === 0),
      `${length} in ${count}: ${sizes.join('+')}`,
    ).toHaveLength(count - length);
    expect(
      sizes.filter((n) => n === 1),
      `${length} in ${count}: ${sizes.join('+')}`,
    ).toHaveLength(length);
  }
  // The CLI test of an empty shard relies on exactly this split of 3 scenarios into 5 shards.
  expect(allShards(3, 5)).toEqual([[], [0], [], [1], [2]]);
});

test('1/1 is the whole list, and the same objects are returned (a shard is a slice, not a copy)', () => {
  const items = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  const whole = shardOf(items, '1/1');
  expect(whole).toEqual(items);
  expect(whole[2]).toBe(items[2]);
  expect(shardOf(items, '2/2')[0]).toBe(items[1]);
});
