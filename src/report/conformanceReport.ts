import type { Failure } from '../check/failure';
import type { Verdict } from '../run/scenarioResult';

/** One scenario in conformance.json. */
export interface ScenarioEntry {
  id: string;
  title: string;
  file: string;
  verdict: Verdict;
  failures: Failure[];
  durationMs?: number;
  retries?: number;
  exchanges?: Array<{ step: string; method: string; url: string; status: number; requestId?: string; clientRequestId?: string }>;
}

/** The shape of reports/conformance.json (DESIGN.md §2). */
export interface ConformanceReport {
  target: string;
  startedAt: string;
  finishedAt: string;
  totals: Record<Verdict, number>;
  scenarios: ScenarioEntry[];
}

/** Counts verdicts. */
export function totalsOf(scenarios: ScenarioEntry[]): Record<Verdict, number> {
  const totals: Record<Verdict, number> = { passed: 0, failed: 0, errored: 0, skipped: 0 };
  for (const s of scenarios) totals[s.verdict]++;
  return totals;
}

/** The exit code a run's report stands for: 0 all passed, 1 a contract failure, 3 no verdict for some scenario and no failure. */
export function exitCodeOf(report: ConformanceReport): 0 | 1 | 3 {
  if (report.totals.failed > 0) return 1;
  if (report.totals.errored > 0) return 3;
  return 0;
}
