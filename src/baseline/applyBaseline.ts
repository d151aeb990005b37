import { isHarnessFailure } from '../common/failure';
import type { ConformanceReport } from '../report/conformanceReport';
import { baselineKey, type BaselineEntry, type BaselineStatus } from './baseline';

/** What a run's failures are against a baseline: known (accepted), new, expired, and the entries no longer failing. */
export interface BaselineOutcome {
  file: string;
  known: number;
  new: number;
  expired: number;
  /** Entries whose failure did not happen in this run: the lines to delete. */
  fixed: BaselineEntry[];
}

/**
 * Marks each contract failure of the report `known`, `new` or `expired` against the entries (an expired entry counts as
 * a failure again), and says which entries no longer fail. Only scenarios that ran are judged for `fixed`: a scenario
 * left out by --grep or a shard says nothing about its entry.
 */
export function applyBaseline(
  report: ConformanceReport,
  file: string,
  entries: BaselineEntry[],
  today: string,
): BaselineOutcome {
  const byKey = new Map(entries.map((e) => [baselineKey(e), e]));
  const seen = new Set<string>();
  const outcome: BaselineOutcome = { file, known: 0, new: 0, expired: 0, fixed: [] };
  for (const scenario of report.scenarios)
    for (const failure of scenario.failures) {
      if (isHarnessFailure(failure)) continue;
      const identity = { scenario: scenario.id, code: failure.code, pointer: failure.pointer };
      // An entry for this very target first, then one that holds on every target.
      const key = [baselineKey({ ...identity, target: scenario.target }), baselineKey(identity)].find((k) =>
        byKey.has(k),
      );
      const entry = key === undefined ? undefined : byKey.get(key);
      const status: BaselineStatus = !entry
        ? 'new'
        : entry.expires !== undefined && entry.expires <= today
          ? 'expired'
          : 'known';
      if (entry) seen.add(key!);
      failure.baseline = status;
      if (entry?.reason || entry?.owner)
        failure.baselineReason = [entry.reason, entry.owner && `owner ${entry.owner}`].filter(Boolean).join('; ');
      outcome[status]++;
    }
  const ran = new Set(
    report.scenarios.filter((s) => s.verdict !== 'skipped').flatMap((s) => [s.id, `${s.target}\u0000${s.id}`]),
  );
  const judged = (e: BaselineEntry) => ran.has(e.target === undefined ? e.scenario : `${e.target}\u0000${e.scenario}`);
  outcome.fixed = entries.filter((e) => judged(e) && !seen.has(baselineKey(e)));
  return outcome;
}
