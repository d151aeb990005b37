import type { ScenarioEntry, Verdict } from '../common/scenarioResult';

/** The shape of reports/conformance.json (README.md, "Reports"). */
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

/**
 * The exit code a run's report stands for: 0 all passed, 1 a contract failure, 3 no verdict for some scenario and no
 * failure.
 */
export function exitCodeOf(report: ConformanceReport): 0 | 1 | 3 {
  if (report.totals.failed > 0) return 1;
  if (report.totals.errored > 0) return 3;
  return 0;
}
