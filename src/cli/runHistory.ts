import { relative } from 'node:path';
import { counted } from '../common/counted';
import { log } from '../common/log';
import type { ConformanceReport } from '../report/conformanceReport';
import type { HistoryDb } from '../history/historyDb';
import { historyRunsOf, runMetadata } from '../history/historyRecord';
import { changesBetween } from '../history/historyView';

/**
 * Opens the history database for a command, loading the SQLite binding only then (runs without --history never need
 * it): the database, or the sentence saying why the file cannot be used.
 */
export function openHistory(file: string): { db: HistoryDb } | { refused: string } {
  const { HistoryDb, HistoryError } = require('../history/historyDb') as typeof import('../history/historyDb');
  try {
    return { db: HistoryDb.open(file) };
  } catch (error) {
    if (!(error instanceof HistoryError)) throw error;
    return { refused: error.message };
  }
}

/**
 * `run --history FILE`: compares the finished run with the previous run of each of its targets, marks the failures
 * that are new since then (each scenario entry's `newSinceLastRun`, and `history` in conformance.json), says so on the
 * console, and appends the run. A run that reached no verdict is kept too: it is the target's trouble.
 */
export function recordHistory(report: ConformanceReport, db: HistoryDb, source = 'run'): void {
  const runs = historyRunsOf(report, source, runMetadata());
  const file = relative(process.cwd(), db.file) || db.file;
  const summary: NonNullable<ConformanceReport['history']> = { file, targets: [] };
  for (const run of runs) {
    if (run.verdicts.length === 0) continue;
    const previous = db.lastRuns(run.target, 1, run.startedAt)[0];
    const changes = changesBetween(previous, run);
    const fresh = new Set(changes.newFailures.map((f) => f.scenario));
    for (const entry of report.scenarios)
      if ((entry.target ?? report.target) === run.target && fresh.has(entry.id)) entry.newSinceLastRun = true;
    summary.targets.push({
      target: run.target,
      previousRun: previous?.startedAt ?? null,
      newFailures: changes.newFailures.map((f) => f.scenario),
      fixed: changes.fixed.map((f) => f.scenario),
      newlyErrored: changes.newlyErrored.map((f) => f.scenario),
    });
    const since = previous ? `since the run of ${previous.startedAt}` : 'no earlier run of this target';
    const named = (ids: string[]) => (ids.length ? `: ${ids.join(', ')}` : '');
    log.info(
      `history (${run.target}, ${since}): ${counted(changes.newFailures.length, 'new failure')}${named([...fresh])}; ${changes.fixed.length} fixed${named(changes.fixed.map((f) => f.scenario))}; ${changes.newlyErrored.length} newly errored${named(changes.newlyErrored.map((f) => f.scenario))}`,
    );
  }
  report.history = summary;
  db.append(runs);
  log.info(`history: this run is kept in ${file} (\`conformance history --history ${file}\`)`);
}
