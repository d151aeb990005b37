import { failureCodesOf } from '../common/failure';
import type { Verdict } from '../common/scenarioResult';
import { totalsOf, type ConformanceReport } from '../report/conformanceReport';

/** One scenario's verdict in one run against one target, as the history keeps it. */
export interface HistoryVerdict {
  scenario: string;
  title: string;
  verdict: Verdict;
  /** Failure codes, each once, sorted: what "the same failure" means from one night to the next. */
  codes: string[];
  durationMs?: number;
  /** Playwright retries of the scenario's batch before this verdict. */
  retries: number;
  /** Verdicts of the earlier attempts, when the scenario ran more than once. */
  earlier: Verdict[];
  /** Requests the target throttled (429) and answered unavailable (503/504), and connections lost, then retried. */
  throttled: number;
  unavailable: number;
  lost: number;
}

/** One run against one target: when, how it ended, its totals and its verdicts. */
export interface HistoryRun {
  /** Set once stored. */
  id?: number;
  target: string;
  startedAt: string;
  finishedAt: string;
  exitCode?: number;
  totals: Record<Verdict, number>;
  /** Where the entry came from: `run`, `import` or `merge-reports`. */
  source: string;
  /** CI and machine facts of the run (CI run id, commit, host), as far as the environment tells. */
  metadata: Record<string, string>;
  verdicts: HistoryVerdict[];
}

/** The environment variables that identify a CI run and its commit, kept with each entry. */
const metadataVariables = [
  'GITHUB_RUN_ID',
  'GITHUB_RUN_ATTEMPT',
  'GITHUB_SHA',
  'GITHUB_REF_NAME',
  'BUILD_BUILDID',
  'BUILD_SOURCEVERSION',
  'CI_PIPELINE_ID',
  'CI_COMMIT_SHA',
];

/** The run facts the environment tells: CI ids and commits (never a credential: only the names above are read). */
export function runMetadata(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of metadataVariables) if (env[name]) out[name] = env[name]!;
  return out;
}

/**
 * The history entries of a finished run's report: one per target (a matrix run has several), each with its verdicts,
 * failure codes, durations, retries and the retries its target needed.
 */
export function historyRunsOf(
  report: ConformanceReport,
  source: string,
  metadata: Record<string, string>,
): HistoryRun[] {
  const targets = report.targets ?? [report.target];
  return targets.map((target) => {
    const entries = report.scenarios.filter((s) => (s.target ?? report.target) === target);
    return {
      target,
      startedAt: report.startedAt,
      finishedAt: report.finishedAt,
      exitCode: report.exit?.code,
      totals: totalsOf(entries),
      source,
      metadata,
      verdicts: entries.map((e) => {
        const retried = { throttled: 0, unavailable: 0, lost: 0 };
        for (const x of e.exchanges ?? []) {
          retried.throttled += x.retried?.throttled ?? 0;
          retried.unavailable += x.retried?.unavailable ?? 0;
          retried.lost += x.retried?.lost ?? 0;
        }
        return {
          scenario: e.id,
          title: e.title,
          verdict: e.verdict,
          codes: failureCodesOf(e.failures).sort(),
          ...(e.durationMs !== undefined ? { durationMs: e.durationMs } : {}),
          retries: e.retries ?? 0,
          earlier: e.earlierAttempts ?? [],
          ...retried,
        };
      }),
    };
  });
}
