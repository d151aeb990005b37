import type { Failure } from '../check/failure';
import type { Exchange } from './exchange';

/** How a scenario ended: `failed` is the target's contract violation, `errored` means no verdict (network, auth, harness). */
export type Verdict = 'passed' | 'failed' | 'errored' | 'skipped';

/** Everything a reporter needs about one scenario run. */
export interface ScenarioResult {
  id: string;
  title: string;
  file: string;
  verdict: Verdict;
  failures: Failure[];
  exchanges: Exchange[];
  durationMs: number;
}

/** Derives the verdict: one contract failure is a verdict (failed) even if the scenario could not go on; harness failures alone mean no verdict (errored). */
export function verdictOf(failures: Failure[]): Verdict {
  if (failures.some((f) => !f.code.startsWith('harness.'))) return 'failed';
  return failures.length ? 'errored' : 'passed';
}
