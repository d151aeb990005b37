import { delimiter, resolve } from 'node:path';
import { projectRoot } from '../common/projectRoot';

/** What a run was asked to do, as the CLI hands it to Playwright's runner and workers through the environment. */
export interface RunSettings {
  /** The target, or the targets of a compatibility matrix joined by commas (`run --target a,b,c`). */
  target: string;
  /** Each target of the run: one Playwright project each (playwright.config.ts). */
  targets: string[];
  runId: string;
  scenarioPaths: string[];
  contractsDir: string;
  grep?: RegExp;
  tag?: string;
  /** Scenario ids left out of the selection (CONFORMANCE_EXCLUDE_IDS; `record --only-missing` sets it). */
  exclude: string[];
  reportDir: string;
  replayBreaks: string[];
  replayVariant?: 'plain' | 'odd-but-valid';
  /** A JSON file of objects the replay simulator holds at start (CONFORMANCE_REPLAY_SEED), e.g. for benchmarks. */
  replaySeedFile?: string;
  /** The run's plan (CONFORMANCE_PLAN, written by `conformance run`); without one the YAML is loaded again. */
  planFile?: string;
  /** How long one scenario may take before it is stopped and counted errored (CONFORMANCE_TIMEOUT_MS). */
  scenarioTimeoutMs: number;
  /** At most this many scenarios share one Playwright test (CONFORMANCE_BATCH_SIZE). */
  batchSize: number;
  /**
   * `I/N` when this run is one shard of N (CONFORMANCE_SHARD): its reports can be merged (`conformance merge-reports`).
   */
  shard?: string;
  /** Playwright workers (CONFORMANCE_WORKERS); a folder is split so that each has a batch of it. */
  workers: number;
  /**
   * Scenarios in flight per worker (CONFORMANCE_SCENARIO_CONCURRENCY, `run --concurrency`); absent: the target's
   * request cap (src/runner/runBatch.ts).
   */
  scenarioConcurrency?: number;
}

/**
 * Reads the run settings from the environment (set by `conformance run`, or by hand when calling Playwright directly).
 */
export function runSettings(env: NodeJS.ProcessEnv = process.env): RunSettings {
  const list = (value: string | undefined) =>
    (value ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const target = list(env.CONFORMANCE_TARGET).join(',') || 'replay';
  return {
    target,
    targets: target.split(','),
    runId: env.CONFORMANCE_RUN_ID || new Date().toISOString().replace(/\D/g, '').slice(0, 14),
    scenarioPaths: env.CONFORMANCE_SCENARIOS
      ? env.CONFORMANCE_SCENARIOS.split(delimiter)
      : [resolve(projectRoot, 'scenarios')],
    contractsDir: env.CONFORMANCE_CONTRACTS || resolve(projectRoot, 'contracts'),
    grep: env.CONFORMANCE_GREP ? new RegExp(env.CONFORMANCE_GREP) : undefined,
    tag: env.CONFORMANCE_TAG || undefined,
    exclude: list(env.CONFORMANCE_EXCLUDE_IDS),
    reportDir: resolve(env.CONFORMANCE_REPORT_DIR || resolve(projectRoot, 'reports')),
    replayBreaks: list(env.CONFORMANCE_REPLAY_BREAKS),
    replayVariant: env.CONFORMANCE_REPLAY_VARIANT === 'odd-but-valid' ? 'odd-but-valid' : undefined,
    replaySeedFile: env.CONFORMANCE_REPLAY_SEED || undefined,
    planFile: env.CONFORMANCE_PLAN || undefined,
    scenarioTimeoutMs: Number(env.CONFORMANCE_TIMEOUT_MS || 120_000),
    batchSize: Math.max(1, Number(env.CONFORMANCE_BATCH_SIZE || 1000)),
    workers: Math.max(1, Number(env.CONFORMANCE_WORKERS || 1)),
    shard: env.CONFORMANCE_SHARD || undefined,
    scenarioConcurrency: env.CONFORMANCE_SCENARIO_CONCURRENCY
      ? Math.max(1, Number(env.CONFORMANCE_SCENARIO_CONCURRENCY))
      : undefined,
  };
}
