import type { Scenario } from '../scenario/types';

/** Keeps the scenarios whose id or title matches `grep` and that carry `tag` (either optional). */
export function selectScenarios(scenarios: Scenario[], grep?: RegExp, tag?: string): Scenario[] {
  return scenarios.filter((s) =>
    (!grep || grep.test(s.doc.id) || grep.test(s.doc.title)) && (!tag || (s.doc.tags ?? []).includes(tag.replace(/^@/, ''))));
}
