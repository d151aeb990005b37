import type { ScenarioEntry, Verdict } from '../common/scenarioResult';

/** The shape of reports/conformance.json (README.md, "Reports"). */
export interface ConformanceReport {
  /** The target, or a matrix run's targets joined by commas. */
  target: string;
  /** A run against several targets: each of them, in order; every scenario entry then names its target. */
  targets?: string[];
  startedAt: string;
  finishedAt: string;
  totals: Record<Verdict, number>;
  scenarios: ScenarioEntry[];
  /** `I/N` for one shard of a run; a merged report lists the shards it was made from. */
  shard?: string;
  shards?: string[];
  /** How the run ended, as its exit code says; `message` says why when it stopped before or without a verdict. */
  exit?: RunExit;
  /** What the live run could not put back afterwards (each line a journal entry); `conformance restore` retries. */
  restoreFailed?: string[];
  /** With `run --history`: per target, what changed since its previous run (scenario ids). */
  history?: {
    file: string;
    targets: Array<{
      target: string;
      previousRun: string | null;
      newFailures: string[];
      fixed: string[];
      newlyErrored: string[];
    }>;
  };
  /** With `run --baseline`: how many failures were known, new or expired, and the entries no longer failing. */
  baseline?: {
    file: string;
    known: number;
    new: number;
    expired: number;
    fixed: Array<{ scenario: string; target?: string; code: string; pointer?: string; line?: number }>;
  };
}

/** The exit classes of README.md's exit-code table. */
export type ExitClass = 'passed' | 'failed' | 'refused' | 'no-verdict' | 'interrupted';

/** A run's exit code, its class, and the sentence that explains it. */
export interface RunExit {
  code: number;
  class: ExitClass;
  message?: string;
}

/** The class of an exit code: 0 passed, 1 failed, 2 refused (nothing sent), 3 no verdict, 130 interrupted. */
export function exitClassOf(code: number): ExitClass {
  return (
    ({ 0: 'passed', 1: 'failed', 2: 'refused', 130: 'interrupted' } as Record<number, ExitClass>)[code] ?? 'no-verdict'
  );
}

/** The report of a run that reached no scenario (refused, unreachable, an empty shard): no verdicts, and why. */
export function stoppedReport(target: string, startedAt: Date, code: number, message: string): ConformanceReport {
  const totals = totalsOf([]);
  const finishedAt = new Date().toISOString();
  return {
    target,
    startedAt: startedAt.toISOString(),
    finishedAt,
    totals,
    scenarios: [],
    exit: { code, class: exitClassOf(code), message },
  };
}

/** Counts verdicts. */
export function totalsOf(scenarios: ScenarioEntry[]): Record<Verdict, number> {
  const totals: Record<Verdict, number> = { passed: 0, failed: 0, errored: 0, skipped: 0 };
  for (const s of scenarios) totals[s.verdict]++;
  return totals;
}

/**
 * The exit code a run's report stands for: 0 all passed, 1 a contract failure, 3 no verdict for some scenario and no
 * failure.
 */
export function exitCodeOf(report: Pick<ConformanceReport, 'totals'>): 0 | 1 | 3 {
  if (report.totals.failed > 0) return 1;
  if (report.totals.errored > 0) return 3;
  return 0;
}
