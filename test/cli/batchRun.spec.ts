import { test, expect } from '@playwright/test';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { scenarioSteps } from './reportFiles';
import { projectRoot, readConformance, runCli, showOutput } from './runCli';
import { tempDir } from './tempDir';

// Batches end to end: scenario folders of our own, run through `conformance run` on the replay target.
test.describe.configure({ timeout: 300_000 });

const graphPki = join(projectRoot, 'scenarios', 'graph-pki');

/**
 * A fresh scenario folder: the default suite's suite.yaml beside copies of these scenario files (relative to
 * scenarios/graph-pki).
 */
function scenarioFolder(files: string[]): string {
  const dir = tempDir('batch-scenarios');
  copyFileSync(join(graphPki, 'suite.yaml'), join(dir, 'suite.yaml'));
  for (const file of files) copyFileSync(join(graphPki, file), join(dir, basename(file)));
  return dir;
}

/** The folder as batch titles name it: relative to the project root, where the CLI runs. */
function folderTitle(dir: string): string {
  return relative(projectRoot, dir).split('\\').join('/');
}

interface JsonResult {
  retry: number;
  status: string;
  steps?: unknown[];
}
interface JsonSpec {
  title: string;
  tests: Array<{ results: JsonResult[] }>;
}
interface JsonSuite {
  specs?: JsonSpec[];
  suites?: JsonSuite[];
}

/** Every spec (Playwright test, here: one batch) in a report dir's results.json. */
function resultSpecs(reportDir: string): JsonSpec[] {
  const walk = (suites: JsonSuite[] = []): JsonSpec[] => suites.flatMap((s) => [...(s.specs ?? []), ...walk(s.suites)]);
  return walk((JSON.parse(readFileSync(join(reportDir, 'results.json'), 'utf8')) as { suites: JsonSuite[] }).suites);
}

/** The scenarios that ran as steps in one attempt of a batch, in order, with their step's error. */
function attemptSteps(result: JsonResult): ReturnType<typeof scenarioSteps> {
  return scenarioSteps({ suites: [{ specs: [{ tests: [{ results: [result] }] }] }] } as Parameters<
    typeof scenarioSteps
  >[0]);
}

/** The ids of the scenarios that ran in one attempt of a batch, sorted. */
function stepIds(result: JsonResult): string[] {
  return attemptSteps(result)
    .map((s) => s.id)
    .sort();
}

test('a scenario past CONFORMANCE_TIMEOUT_MS is errored with harness.timeout, and the rest of its batch still runs and passes', () => {
  const dir = scenarioFolder(['update/display-name.yaml', 'reject/no-token.yaml', 'update/status.yaml']);
  // Sorted first, so the scenarios after it in the same batch show that the batch goes on.
  const slow = readFileSync(join(graphPki, 'reject', 'unknown-id.yaml'), 'utf8')
    .replace('id: pki-reject-unknown-id', 'id: pki-slow')
    .replace('  - name: patch\n', '  - name: patch\n    delayMs: 10000\n');
  expect(slow).toContain('delayMs: 10000');
  writeFileSync(join(dir, 'a-slow.yaml'), slow);
  const run = runCli(['run', dir], { env: { CONFORMANCE_TIMEOUT_MS: '2000' } });
  expect(run.status, showOutput(run)).toBe(3);
  const report = readConformance(run.reportDir);
  expect(report.scenarios.map((s) => [s.id, s.verdict]).sort()).toEqual([
    ['pki-reject-no-token', 'passed'],
    ['pki-slow', 'errored'],
    ['pki-update-display-name', 'passed'],
    ['pki-update-status', 'passed'],
  ]);
  const slowEntry = report.scenarios.find((s) => s.id === 'pki-slow')!;
  expect(slowEntry.failures.map((f) => f.code)).toEqual(['harness.timeout']);
  expect(slowEntry.failures[0].message).toContain('2000 ms (CONFORMANCE_TIMEOUT_MS)');
  expect(report.totals).toEqual({ passed: 3, failed: 0, errored: 1, skipped: 0 });
  // All four were in one batch, one Playwright test for the folder, and the three after the abandoned one ran and
  // passed.
  const specs = resultSpecs(run.reportDir);
  expect(specs.map((s) => s.title)).toEqual([folderTitle(dir)]);
  const steps = attemptSteps(specs[0].tests[0].results[0]);
  expect(steps.map((s) => [s.id, s.error === undefined])).toEqual([
    ['pki-slow', false],
    ['pki-update-display-name', true],
    ['pki-reject-no-token', true],
    ['pki-update-status', true],
  ]);
});

test('CONFORMANCE_BATCH_SIZE=2 splits a folder of 5 into 3 tests titled `folder (part i of 3)`; conformance.json still has all 5', () => {
  const dir = scenarioFolder([
    'update/display-name.yaml',
    'update/status.yaml',
    'reject/no-token.yaml',
    'reject/unknown-id.yaml',
    'lifecycle/create-get-list-delete.yaml',
  ]);
  const run = runCli(['run', dir], { env: { CONFORMANCE_BATCH_SIZE: '2' } });
  expect(run.status, showOutput(run)).toBe(0);
  const specs = resultSpecs(run.reportDir);
  const folder = folderTitle(dir);
  expect(specs.map((s) => s.title)).toEqual([1, 2, 3].map((i) => `${folder} (part ${i} of 3)`));
  expect(specs.map((s) => stepIds(s.tests[0].results[0]).length)).toEqual([1, 2, 2]);
  const report = readConformance(run.reportDir);
  const ids = [
    'pki-lifecycle',
    'pki-reject-no-token',
    'pki-reject-unknown-id',
    'pki-update-display-name',
    'pki-update-status',
  ];
  expect(report.scenarios.map((s) => s.id).sort()).toEqual(ids);
  expect(specs.flatMap((s) => stepIds(s.tests[0].results[0])).sort()).toEqual(ids);
  expect(report.totals).toEqual({ passed: 5, failed: 0, errored: 0, skipped: 0 });
});

test('--retries 1 runs again only the scenarios that did not pass; they stay failed and count one retry', () => {
  const dir = scenarioFolder([
    'update/display-name.yaml',
    'update/status.yaml',
    'reject/no-token.yaml',
    'reject/unknown-id.yaml',
  ]);
  const run = runCli(['run', '--retries', '1', dir], { env: { CONFORMANCE_REPLAY_BREAKS: 'patch-not-persisted' } });
  expect(run.status, showOutput(run)).toBe(1);
  const report = readConformance(run.reportDir);
  const failed = report.scenarios.filter((s) => s.verdict === 'failed');
  const passed = report.scenarios.filter((s) => s.verdict === 'passed');
  expect(failed.map((s) => s.id)).toContain('pki-update-display-name');
  expect(passed.map((s) => s.id)).toContain('pki-reject-unknown-id');
  expect(failed.length + passed.length).toBe(4);
  for (const s of failed) {
    expect(s.retries, s.id).toBe(1);
    expect(
      s.failures.map((f) => f.code),
      s.id,
    ).toContain('contract.body.notPersisted');
  }
  const [batch] = resultSpecs(run.reportDir);
  const attempts = batch.tests[0].results;
  expect(attempts.map((r) => [r.retry, r.status])).toEqual([
    [0, 'failed'],
    [1, 'failed'],
  ]);
  expect(stepIds(attempts[0])).toEqual(report.scenarios.map((s) => s.id).sort());
  // The retry carries the passed scenarios over without running them again.
  expect(stepIds(attempts[1])).toEqual(failed.map((s) => s.id).sort());
  expect(attemptSteps(attempts[1]).every((s) => s.error?.includes(`failed: ${s.id}`))).toBe(true);
});

// A consumer must be able to tell a stable scenario (ran once) from a flaky one (passed on the retry).
test('after a retry, the scenarios that passed the first time and were carried over report no retry', () => {
  const dir = scenarioFolder(['update/display-name.yaml', 'reject/unknown-id.yaml']);
  const run = runCli(['run', '--retries', '1', dir], { env: { CONFORMANCE_REPLAY_BREAKS: 'patch-not-persisted' } });
  expect(run.status, showOutput(run)).toBe(1);
  const carried = readConformance(run.reportDir).scenarios.find((s) => s.id === 'pki-reject-unknown-id')!;
  expect(carried.verdict).toBe('passed');
  expect(carried.retries ?? 0).toBe(0);
});

test('--shard 1/5 of a 3-scenario folder is an empty shard: exit 0, a note, nothing run', () => {
  const dir = scenarioFolder(['reject/no-token.yaml', 'reject/unknown-id.yaml', 'update/status.yaml']);
  // 3 scenarios in 5 shards: shards 1 and 3 are empty (test/runner/shard.spec.ts).
  for (const shard of ['1/5', '3/5']) {
    const run = runCli(['run', '--shard', shard, dir], { timeoutMs: 90_000 });
    expect(run.status, showOutput(run)).toBe(0);
    expect(run.stdout).toContain(`shard ${shard} has no scenario (3 split 5 ways); nothing to run`);
    expect(run.stderr, showOutput(run)).toBe('');
    // The reports say so (an earlier run's reports never stand in for this one's): no scenario, exit 0.
    const report = readConformance(run.reportDir);
    expect(report.scenarios).toEqual([]);
    expect(report.exit).toMatchObject({
      code: 0,
      class: 'passed',
      message: expect.stringContaining('has no scenario'),
    });
    expect(readFileSync(join(run.reportDir, 'junit.xml'), 'utf8')).toMatch(/<skipped\/>/);
  }
});
