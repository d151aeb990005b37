import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Matrix } from '../../src/matrix/matrix';
import { defaultScenarioIds, freshReportDir, readConformance, runCli, showOutput } from '../cli/runCli';

// A matrix run spread over two CI machines comes back as one matrix: every scenario once per target, the failure
// detail of the broken target kept from the shard that ran it.

test('two shards of a matrix run merge into one matrix with every cell of the unsharded run', () => {
  test.setTimeout(240_000);
  const targets = 'replay,replay-odd';
  const env = { CONFORMANCE_REPLAY_BREAKS: 'patch-not-persisted' };
  const whole = runCli(['run', '--target', targets], { env });
  expect(whole.status, showOutput(whole)).toBe(1);
  const dirs = ['1/2', '2/2'].map((shard) => {
    const run = runCli(['run', '--target', targets, '--shard', shard], { env });
    expect([0, 1], showOutput(run)).toContain(run.status);
    return run.reportDir;
  });
  const out = freshReportDir('matrix-merged');
  const merged = runCli(['merge-reports', ...dirs, '--report-dir', out]);
  expect(merged.status, showOutput(merged)).toBe(1);
  const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'matrix.json'), 'utf8')) as Matrix;
  const cells = (m: Matrix) =>
    Object.fromEntries(m.rows.map((r) => [r.id, Object.entries(r.cells).map(([t, c]) => `${t}=${c.verdict}`)]));
  const [wholeMatrix, mergedMatrix] = [read(whole.reportDir), read(out)];
  expect(mergedMatrix.rows).toHaveLength(defaultScenarioIds().length);
  expect(cells(mergedMatrix)).toEqual(cells(wholeMatrix));
  expect(mergedMatrix.targets.map((t) => [t.name, t.kind, t.totals])).toEqual(
    wholeMatrix.targets.map((t) => [t.name, t.kind, t.totals]),
  );
  const failed = mergedMatrix.rows.find((r) => r.cells.replay.verdict === 'failed')!;
  expect(failed.cells.replay.detail?.failures).toContain('contract.body.notPersisted');
  expect(readConformance(out).targets).toEqual(['replay', 'replay-odd']);
});
