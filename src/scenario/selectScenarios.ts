import type { Scenario } from './types';

/** Keeps the scenarios whose id or title matches `grep` and that carry `tag` (either optional). */
export function selectScenarios(scenarios: Scenario[], grep?: RegExp, tag?: string): Scenario[] {
  return scenarios.filter(
    (s) =>
      (!grep || grep.test(s.doc.id) || grep.test(s.doc.title)) &&
      (!tag || (s.doc.tags ?? []).includes(tag.replace(/^@/, ''))),
  );
}

/**
 * The scenarios of shard `I/N`: the I-th of N consecutive, near-equal slices, so N machines together run each scenario
 * once.
 */
export function shardOf<T>(scenarios: T[], shard: string): T[] {
  const [index, count] = shard.split('/').map(Number);
  return scenarios.slice(
    Math.floor(((index - 1) * scenarios.length) / count),
    Math.floor((index * scenarios.length) / count),
  );
}
