// Throttling efficiency: our harness (live) against the loopback server limited to R requests per second (429 +
// Retry-After beyond that): how close it gets to the ideal N / R seconds, with no failed scenario.
import { join } from 'node:path';
import { emitAll } from './emit.js';
import { measure } from './measure.js';
import { command } from './tools.js';
import { makeWorkload } from './workload.js';

/**
 * Runs it once; `efficiencyServed` compares the ideal with the span the server saw (first request to last 200, plus one
 * interval).
 */
export async function throttling(server, workDir, { n, rate, log }) {
  const workload = makeWorkload(n, 'throttle');
  const paths = emitAll(workload, join(workDir, 'throttle'));
  const tool = 'graph-conformance-live';
  const { cmd, args, env, cwd, read } = command(tool, paths, server, join(workDir, 'throttle', 'run'));
  server.load(workload, { ratePerSecond: rate });
  const run = await measure(cmd, args, { env: { ...env, CONFORMANCE_TIMEOUT_MS: '600000' }, cwd });
  const stats = server.stats();
  const outcome = read(run);
  const report = outcome.exchanges ? outcome : { passed: 0, failed: n };
  const idealMs = (n / rate) * 1000;
  const servedWindowMs = stats.lastOkAt - stats.firstAt + 1000 / rate;
  const result = {
    n,
    rate,
    idealMs,
    servedWindowMs,
    wallMs: run.wallMs,
    efficiencyServed: idealMs / servedWindowMs,
    efficiencyWall: idealMs / run.wallMs,
    throttled: stats.throttled,
    served: stats.served,
    passed: report.passed ?? 0,
    failedScenarios: n - (report.passed ?? 0),
    errored: countErrored(outcome),
    exitCode: run.code,
  };
  log(
    `throttling: N=${n} R=${rate}/s → served window ${Math.round(servedWindowMs)} ms vs ideal ${idealMs} ms (${(result.efficiencyServed * 100).toFixed(1)} %), ${stats.throttled} × 429, exit ${run.code}`,
  );
  return result;
}

function countErrored(outcome) {
  if (!outcome.failures) return 0;
  return [...outcome.failures.values()].filter((kinds) => kinds.some((k) => String(k).startsWith('harness.'))).length;
}
