import { dirname } from 'node:path';
import type { Scenario } from '../scenario/types';

/** Scenarios that run one after another inside one Playwright test, each as its own step. */
export interface Batch {
  /**
   * The folder the scenarios come from, with a part number when the folder was split: what the Playwright test is
   * called.
   */
  title: string;
  scenarios: Scenario[];
}

/**
 * Groups scenarios by folder, in order, at most `size` per batch, and splits a folder into as many batches as there are
 * `workers` so they share it. Batches are as large as that allows: a Playwright test costs milliseconds of runner and
 * reporter work where a step costs a tenth of one (docs/performance.md), and Playwright restarts its worker (about a
 * second) after every failed test, so a broken target with failures spread over many small batches would pay that many
 * times.
 */
export function batchesOf(scenarios: Scenario[], size: number, workers = 1, shard?: string): Batch[] {
  const byFolder = new Map<string, Scenario[]>();
  for (const scenario of scenarios) {
    const folder = dirname(scenario.file).split('\\').join('/');
    const members = byFolder.get(folder);
    if (members) members.push(scenario);
    else byFolder.set(folder, [scenario]);
  }
  const batches: Batch[] = [];
  for (const [folder, members] of byFolder) {
    const parts = Math.max(Math.ceil(members.length / size), Math.min(workers, members.length));
    // Near-equal parts (sizes differ by at most one), so workers sharing a folder get similar loads.
    const cut = (part: number) => Math.floor((part * members.length) / parts);
    for (let part = 0; part < parts; part++)
      batches.push({
        // A shard's batches are named apart from another shard's, so their merged reports do not collide.
        title: `${parts === 1 ? folder : `${folder} (part ${part + 1} of ${parts})`}${shard ? ` [shard ${shard}]` : ''}`,
        scenarios: members.slice(cut(part), cut(part + 1)),
      });
  }
  return batches;
}
