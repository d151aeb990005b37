import { test, expect } from '@playwright/test';
import { basename } from 'node:path';
import { batchesOf, type Batch } from '../../src/runner/batches';
import type { Scenario, Suite } from '../../src/scenario/types';

// batchesOf turns the selected scenarios into Playwright tests: one per folder, split when a folder holds more than the
// batch size.

const suite: Suite = {
  doc: { suite: 'unit', title: 'Unit' },
  file: 'suite.yaml',
  index: 0,
  locate: () => ({ file: 'suite.yaml', line: 1, column: 1 }),
};

/** A scenario as batchesOf sees it: only its file and id matter. */
function scenario(file: string): Scenario {
  const id = basename(file, '.yaml');
  const at = { file, line: 1, column: 5 };
  return { doc: { id, title: `title of ${id}`, steps: [] }, file, index: 0, at, suite, locate: () => at };
}

/** `count` scenarios in one folder, named 000.yaml, 001.yaml... */
function folderOf(folder: string, count: number): Scenario[] {
  return Array.from({ length: count }, (_, i) => scenario(`${folder}/${String(i).padStart(3, '0')}.yaml`));
}

/** Each batch as `title: file, file...`, for comparisons that show the whole grouping. */
function layout(batches: Batch[]): string[] {
  return batches.map((b) => `${b.title}: ${b.scenarios.map((s) => basename(s.file)).join(', ')}`);
}

test('scenarios are grouped by folder, folders in order of first appearance, scenarios in input order', () => {
  const input = [
    ...folderOf('scenarios/s/update', 3),
    ...folderOf('scenarios/s/reject', 2),
    ...folderOf('scenarios/s/lifecycle', 1),
  ];
  expect(layout(batchesOf(input, 100))).toEqual([
    'scenarios/s/update: 000.yaml, 001.yaml, 002.yaml',
    'scenarios/s/reject: 000.yaml, 001.yaml',
    'scenarios/s/lifecycle: 000.yaml',
  ]);
});

test('scenarios of several folders interleaved in the input still form one batch per folder', () => {
  const input = ['a/1.yaml', 'b/1.yaml', 'a/2.yaml', 'c/1.yaml', 'b/2.yaml', 'a/3.yaml'].map(scenario);
  const batches = batchesOf(input, 100);
  expect(layout(batches)).toEqual(['a: 1.yaml, 2.yaml, 3.yaml', 'b: 1.yaml, 2.yaml', 'c: 1.yaml']);
  // The very objects given, not copies: the runner steps through the scenarios it was handed.
  expect(batches[0].scenarios[1]).toBe(input[2]);
});

test('a folder and its subfolder are separate batches', () => {
  const input = ['s/x.yaml', 's/deeper/y.yaml', 's/z.yaml'].map(scenario);
  expect(layout(batchesOf(input, 100))).toEqual(['s: x.yaml, z.yaml', 's/deeper: y.yaml']);
});

test('a folder that fits in one batch keeps the plain folder title, also when it is exactly the batch size', () => {
  for (const count of [1, 99, 100]) {
    const batches = batchesOf(folderOf('scenarios/s/update', count), 100);
    expect(
      batches.map((b) => b.title),
      `${count} scenarios`,
    ).toEqual(['scenarios/s/update']);
    expect(batches[0].scenarios).toHaveLength(count);
  }
});

test('a folder of 250 with batch size 100 is split into 3 parts of at most 100, titled `folder (part i of 3)`', () => {
  const input = folderOf('scenarios/big', 250);
  const batches = batchesOf(input, 100);
  expect(batches.map((b) => b.title)).toEqual([
    'scenarios/big (part 1 of 3)',
    'scenarios/big (part 2 of 3)',
    'scenarios/big (part 3 of 3)',
  ]);
  for (const b of batches) expect(b.scenarios.length, b.title).toBeLessThanOrEqual(100);
  // Near-equal, not 100 + 100 + 50: every part holds about a third.
  for (const b of batches) expect(b.scenarios.length, b.title).toBeGreaterThanOrEqual(80);
  expect(batches.flatMap((b) => b.scenarios)).toEqual(input);
});

test('only the folder too large for one batch is split; its neighbours keep their plain titles', () => {
  const input = [...folderOf('a', 2), ...folderOf('b', 5), ...folderOf('c', 3)];
  const batches = batchesOf(input, 3);
  expect(batches.map((b) => b.title)).toEqual(['a', 'b (part 1 of 2)', 'b (part 2 of 2)', 'c']);
  expect(batches.flatMap((b) => b.scenarios)).toEqual(input);
});

test('for any folder size and batch size, parts hold at most the batch size, none is empty, and together they are the folder in order', () => {
  for (let count = 1; count <= 40; count++) {
    for (let size = 1; size <= 15; size++) {
      const input = folderOf('f', count);
      const batches = batchesOf(input, size);
      const label = `${count} scenarios, batch size ${size}: ${batches.map((b) => b.scenarios.length).join('+')}`;
      expect(batches.length, label).toBe(Math.ceil(count / size));
      expect(
        batches.every((b) => b.scenarios.length >= 1 && b.scenarios.length <= size),
        label,
      ).toBe(true);
      expect(
        batches.flatMap((b) => b.scenarios.map((x) => x.file)),
        label,
      ).toEqual(input.map((x) => x.file));
      const n = batches.length;
      expect(
        batches.map((b) => b.title),
        label,
      ).toEqual(n === 1 ? ['f'] : batches.map((_, i) => `f (part ${i + 1} of ${n})`));
    }
  }
});

// Workers sharing a large folder get similar loads.
test('the parts of a split folder differ in size by at most one', () => {
  for (const [count, size] of [
    [250, 100],
    [13, 4],
    [10, 4],
    [7, 3],
  ]) {
    const lengths = batchesOf(folderOf('f', count), size).map((b) => b.scenarios.length);
    expect(
      Math.max(...lengths) - Math.min(...lengths),
      `${count} at batch size ${size}: ${lengths.join('+')}`,
    ).toBeLessThanOrEqual(1);
  }
});

test('with several workers a folder is split so each has a batch of it, but never into empty batches', () => {
  expect(batchesOf(folderOf('f', 11), 1000, 2).map((b) => [b.title, b.scenarios.length])).toEqual([
    ['f (part 1 of 2)', 5],
    ['f (part 2 of 2)', 6],
  ]);
  expect(batchesOf(folderOf('f', 3), 1000, 8).map((b) => b.scenarios.length)).toEqual([1, 1, 1]);
  expect(batchesOf(folderOf('f', 1000), 1000, 1).map((b) => b.title)).toEqual(['f']);
  expect(batchesOf(folderOf('f', 2500), 1000, 2).map((b) => b.scenarios.length)).toEqual([833, 833, 834]);
});
