import type { Exchange, RetryCounts } from './exchange';
import { isHarnessFailure, type Failure } from './failure';

/**
 * How a scenario ended: `failed` is the target's contract violation, `errored` means no verdict (network, auth,
 * harness).
 */
export type Verdict = 'passed' | 'failed' | 'errored' | 'skipped';

/** What every report says about one scenario, however far it got. */
export interface ScenarioOutcome {
  id: string;
  title: string;
  file: string;
  verdict: Verdict;
  failures: Failure[];
  durationMs?: number;
  /** Which attempt of its batch produced this outcome (0 for the first). */
  retries?: number;
  /** The verdicts of the attempts before it, first to last (a scenario that failed, then passed, is flaky). */
  earlierAttempts?: Verdict[];
}

/** A scenario as the engine ran it, with every exchange in full. */
export interface ScenarioResult extends ScenarioOutcome {
  exchanges: Exchange[];
  durationMs: number;
}

/** One exchange as conformance.json lists it: enough to find it in the service's logs. */
export interface ExchangeSummary {
  step: string;
  method: string;
  url: string;
  status: number;
  requestId?: string;
  clientRequestId?: string;
  /** Attempts retried before this answer (throttling, unavailability, lost connections): the target's trouble. */
  retried?: RetryCounts;
}

/** One scenario in conformance.json: the outcome, and its exchanges summarised. */
export interface ScenarioEntry extends ScenarioOutcome {
  /** In a run against several targets (`run --target a,b,c`): the one this entry is for. */
  target?: string;
  /** With `run --history`: a failure the previous run of the same target did not have. */
  newSinceLastRun?: boolean;
  exchanges?: ExchangeSummary[];
}

/** A result as conformance.json lists it, from the attempt it ran in. */
export function entryOf(result: ScenarioResult, retries: number): ScenarioEntry {
  const { exchanges, ...outcome } = result;
  return {
    ...outcome,
    retries,
    exchanges: exchanges.map((x) => ({
      step: x.step,
      method: x.request.method,
      url: x.request.url,
      status: x.response.status,
      requestId: x.response.headers['request-id'],
      clientRequestId: x.request.headers['client-request-id'],
      ...(x.response.retried ? { retried: x.response.retried } : {}),
    })),
  };
}

/**
 * The one verdict rule: a contract failure is a verdict (failed) even if the scenario could not go on; harness failures
 * alone mean no verdict (errored).
 */
export function verdictOf(failures: Failure[]): Verdict {
  if (failures.some((f) => !isHarnessFailure(f))) return 'failed';
  return failures.length ? 'errored' : 'passed';
}
