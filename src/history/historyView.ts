import type { Verdict } from '../common/scenarioResult';
import type { HistoryRun, HistoryVerdict } from './historyRecord';

/** A run as the views name it. */
export interface RunSummary {
  startedAt: string;
  exitCode?: number;
  totals: Record<Verdict, number>;
}

/** What changed between a target's previous run and its last one. */
export interface RunChanges {
  /** Failed now and not before, or failing with codes it did not fail with before (`codes` are the new ones). */
  newFailures: Array<{ scenario: string; codes: string[] }>;
  /** Failed before, passed now. */
  fixed: Array<{ scenario: string; codes: string[] }>;
  /** No verdict now, and a verdict (or no run) before. */
  newlyErrored: Array<{ scenario: string; codes: string[] }>;
}

/** A scenario whose contract verdict does not hold still. */
export interface FlakyScenario {
  scenario: string;
  title: string;
  /** Changes between passed and failed over the window (errored and skipped runs are left out). */
  verdictChanges: number;
  /** Runs in which it failed, then passed on a retry. */
  passedOnRetry: number;
}

/** The target's own trouble over the window, kept apart from contract verdicts. */
export interface TargetTrouble {
  /** Scenario runs without a verdict (network, authentication, harness). */
  errored: number;
  /** Requests the target throttled (429) and answered unavailable (503/504), and connections lost, all retried. */
  throttled: number;
  unavailable: number;
  lost: number;
  /** Scenario runs whose batch Playwright ran again (`--retries`). */
  retried: number;
  /** Runs that reached no verdict at all (the target unreachable, the probe refused). */
  runsWithoutVerdict: number;
  byScenario: Array<{
    scenario: string;
    errored: number;
    throttled: number;
    unavailable: number;
    lost: number;
    retried: number;
  }>;
}

/** How long a scenario takes over the window: median and 95th percentile, and its last run. */
export interface DurationTrend {
  scenario: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  lastMs?: number;
}

/** The history of one target over the last runs. */
export interface TargetHistory {
  target: string;
  runs: number;
  last?: RunSummary;
  previous?: RunSummary;
  changes: RunChanges;
  flaky: FlakyScenario[];
  trouble: TargetTrouble;
  durations: DurationTrend[];
  /** Per scenario, its verdict in each run of the window, oldest first (null: not run). */
  strips: Array<{ scenario: string; title: string; verdicts: Array<Verdict | null> }>;
  /** When each run of the window started, oldest first (the strips' columns). */
  runStarts: string[];
}

/** At least this many passed↔failed changes in the window make a scenario flaky. */
export const flakyChanges = 3;

const summary = (run: HistoryRun): RunSummary => ({
  startedAt: run.startedAt,
  ...(run.exitCode !== undefined ? { exitCode: run.exitCode } : {}),
  totals: run.totals,
});

/** What changed from `previous` to `last` (no previous run: every failure is new). */
export function changesBetween(previous: HistoryRun | undefined, last: HistoryRun): RunChanges {
  const before = new Map((previous?.verdicts ?? []).map((v) => [v.scenario, v]));
  const changes: RunChanges = { newFailures: [], fixed: [], newlyErrored: [] };
  for (const now of last.verdicts) {
    const then = before.get(now.scenario);
    if (now.verdict === 'failed') {
      const known = new Set(then?.verdict === 'failed' ? then.codes : []);
      const fresh = now.codes.filter((c) => !known.has(c));
      if (fresh.length) changes.newFailures.push({ scenario: now.scenario, codes: fresh });
    }
    if (now.verdict === 'passed' && then?.verdict === 'failed')
      changes.fixed.push({ scenario: now.scenario, codes: then.codes });
    if (now.verdict === 'errored' && then?.verdict !== 'errored')
      changes.newlyErrored.push({ scenario: now.scenario, codes: now.codes });
  }
  return changes;
}

/** Nearest-rank percentile of sorted numbers. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The view of one target's last runs (oldest first): changes, flaky scenarios, trouble, durations and strips. */
export function targetHistory(target: string, runs: HistoryRun[]): TargetHistory {
  const last = runs.at(-1);
  const withVerdicts = runs.filter((r) => r.verdicts.length > 0);
  const lastJudged = withVerdicts.at(-1);
  const previousJudged = withVerdicts.at(-2);
  const scenarios = new Map<string, { title: string; seen: Array<HistoryVerdict | undefined> }>();
  runs.forEach((run, index) => {
    for (const v of run.verdicts) {
      let s = scenarios.get(v.scenario);
      if (!s) scenarios.set(v.scenario, (s = { title: v.title, seen: Array(runs.length).fill(undefined) }));
      s.title = v.title;
      s.seen[index] = v;
    }
  });
  const flaky: FlakyScenario[] = [];
  const durations: DurationTrend[] = [];
  const trouble: TargetTrouble = {
    errored: 0,
    throttled: 0,
    unavailable: 0,
    lost: 0,
    retried: 0,
    runsWithoutVerdict: runs.filter((r) => r.verdicts.length === 0 && r.exitCode !== 0).length,
    byScenario: [],
  };
  for (const [scenario, { title, seen }] of scenarios) {
    const present = seen.filter((v): v is HistoryVerdict => v !== undefined);
    const contract = present.map((v) => v.verdict).filter((v) => v === 'passed' || v === 'failed');
    const verdictChanges = contract.filter((v, i) => i > 0 && v !== contract[i - 1]).length;
    const passedOnRetry = present.filter((v) => v.verdict === 'passed' && v.earlier.includes('failed')).length;
    if (verdictChanges >= flakyChanges || passedOnRetry > 0)
      flaky.push({ scenario, title, verdictChanges, passedOnRetry });
    const mine = {
      scenario,
      errored: present.filter((v) => v.verdict === 'errored').length,
      throttled: present.reduce((n, v) => n + v.throttled, 0),
      unavailable: present.reduce((n, v) => n + v.unavailable, 0),
      lost: present.reduce((n, v) => n + v.lost, 0),
      retried: present.filter((v) => v.retries > 0).length,
    };
    if (mine.errored + mine.throttled + mine.unavailable + mine.lost + mine.retried > 0) trouble.byScenario.push(mine);
    for (const key of ['errored', 'throttled', 'unavailable', 'lost', 'retried'] as const) trouble[key] += mine[key];
    const timed = present
      .filter((v) => v.durationMs !== undefined && v.verdict !== 'skipped')
      .map((v) => v.durationMs!);
    if (timed.length) {
      const sorted = [...timed].sort((a, b) => a - b);
      durations.push({
        scenario,
        runs: timed.length,
        medianMs: percentile(sorted, 50),
        p95Ms: percentile(sorted, 95),
        ...(seen.at(-1)?.durationMs !== undefined ? { lastMs: seen.at(-1)!.durationMs } : {}),
      });
    }
  }
  durations.sort((a, b) => b.medianMs - a.medianMs);
  return {
    target,
    runs: runs.length,
    ...(last ? { last: summary(last) } : {}),
    ...(previousJudged ? { previous: summary(previousJudged) } : {}),
    changes: lastJudged ? changesBetween(previousJudged, lastJudged) : { newFailures: [], fixed: [], newlyErrored: [] },
    flaky,
    trouble,
    durations,
    strips: [...scenarios].map(([scenario, { title, seen }]) => ({
      scenario,
      title,
      verdicts: seen.map((v) => v?.verdict ?? null),
    })),
    runStarts: runs.map((r) => r.startedAt),
  };
}
