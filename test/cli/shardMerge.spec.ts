import { test, expect } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { junitTestcases } from './reportFiles';
import { freshReportDir, readConformance, runCli, showOutput } from './runCli';

// A suite spread over CI machines with `run --shard I/N` comes back as one set of reports: three shards merged give
// the same totals and per-scenario verdicts as the unsharded run (with a break, so there are failures to carry).

test.describe.configure({ mode: 'serial' });
const env = { CONFORMANCE_REPLAY_BREAKS: 'patch-not-persisted' };
const shardDirs: string[] = [];

test('three shards and their merge agree with the unsharded run, scenario by scenario', () => {
  test.setTimeout(240_000);
  const whole = runCli(['run'], { env });
  expect(whole.status, showOutput(whole)).toBe(1);
  for (const shard of ['1/3', '2/3', '3/3']) {
    const run = runCli(['run', '--shard', shard], { env });
    expect([0, 1], showOutput(run)).toContain(run.status);
    expect(readConformance(run.reportDir).shard).toBe(shard);
    shardDirs.push(run.reportDir);
  }
  const out = freshReportDir('merged');
  const merge = runCli(['merge-reports', ...shardDirs, '--report-dir', out]);
  expect(merge.status, showOutput(merge)).toBe(1);
  expect(merge.stdout).toMatch(/merged 3 shards into /);
  const merged = readConformance(out);
  const expected = readConformance(whole.reportDir);
  expect(merged.totals).toEqual(expected.totals);
  const verdicts = (r: typeof merged) => Object.fromEntries(r.scenarios.map((s) => [s.id, s.verdict]));
  expect(verdicts(merged)).toEqual(verdicts(expected));
  expect(merged.shards).toEqual(['1/3', '2/3', '3/3']);
  expect(merged.exit).toMatchObject({ code: 1, class: 'failed' });
  // One junit testcase per scenario, and one HTML and JSON report merged by Playwright from the blob reports.
  const junit = readFileSync(join(out, 'junit.xml'), 'utf8');
  expect(junitTestcases(junit)).toHaveLength(expected.scenarios.length);
  expect(existsSync(join(out, 'html', 'index.html'))).toBe(true);
  const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as {
    stats: { expected: number; unexpected: number };
  };
  expect(results.stats.expected + results.stats.unexpected).toBeGreaterThanOrEqual(3);
});

test('the gate of a sharded run: merge-reports --baseline judges the merged failures against the known ones', () => {
  const out = freshReportDir('merged-baseline');
  const all = runCli(['merge-reports', ...shardDirs, '--report-dir', out]);
  expect(all.status, showOutput(all)).toBe(1);
  const baseline = join(out, 'baseline.yaml');
  const update = runCli(['baseline', 'update', '--out', baseline, '--report-dir', out]);
  expect(update.status, showOutput(update)).toBe(0);
  const gate = runCli(['merge-reports', ...shardDirs, '--report-dir', freshReportDir('gate'), '--baseline', baseline]);
  expect(gate.status, showOutput(gate)).toBe(0);
  expect(gate.stdout).toMatch(/baseline \S+: \d+ failures? known \(not failing the run\), 0 new, 0 expired/);
});

test('shards that do not belong together are refused: the same shard twice', () => {
  const merge = runCli(['merge-reports', shardDirs[0], shardDirs[0], '--report-dir', freshReportDir('merged-bad')]);
  expect(merge.status, showOutput(merge)).toBe(2);
  expect(merge.stderr).toMatch(/^conformance: shard 1\/3 is given twice; nothing was merged$/m);
});
