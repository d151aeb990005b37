import { test, expect } from '@playwright/test';
import { type CliResult, readConformance, runCli, showOutput } from '../cli/runCli';
import { freshDir, recordAgainstServer, verdictsOf } from './recordingsHarness';

// A recording of a broken server keeps its faults: verification fails with the run's codes, and a replay repeats its
// verdicts. A few scenarios are enough (and every failed test costs Playwright a worker restart): one that passes,
// three that fail.
const grep = '^pki-(update-display-name|update-partial-sequence|lifecycle|reject-unknown-id)$';
test.describe.configure({ mode: 'serial' });

const dir = freshDir('broken');
let recording: CliResult;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  recording = await recordAgainstServer(dir, { breaks: ['patch-not-persisted', 'client-request-id-not-echoed'] }, {}, [
    '--grep',
    grep,
  ]);
});

test('the recording run itself fails', () => {
  expect(recording.status, showOutput(recording)).toBe(1);
  expect(recording.stdout).toContain('recorded 4 cassettes in ');
});

test('verify-recordings fails the cassettes with the same failure codes, rendered as a run renders them', () => {
  const verify = runCli(['verify-recordings', dir]);
  expect(verify.status, showOutput(verify)).toBe(1);
  expect(verify.stdout).toMatch(
    /^FAILED {2}\S+pki-update-display-name\.har {2}\(scenario pki-update-display-name, \d+ answers\)$/m,
  );
  expect(verify.stdout).toContain('contract.body.notPersisted: Change not persisted (step persisted)');
  expect(verify.stdout).toContain('contract.header.echo: Header not echoed (step patch)');
  expect(verify.stdout).toMatch(/--> scenarios\/graph-pki\/suite\.yaml:\d+:\d+/);
  expect(verify.stdout).toMatch(/: 1 passed, 3 failed, 0 errored, 0 skipped; /);
  const reportDir = freshDir('broken-verify-report');
  runCli(['verify-recordings', dir, '--report-dir', reportDir]);
  const verified = verdictsOf(readConformance(reportDir));
  const recorded = verdictsOf(readConformance(recording.reportDir));
  expect(verified).toEqual(recorded);
});

test('replaying the broken recording offline repeats its verdicts', () => {
  test.setTimeout(180_000);
  const replay = runCli(['run', '--target', 'recordings', '--grep', grep], {
    env: { CONFORMANCE_RECORDINGS_DIR: dir },
  });
  expect(replay.status, showOutput(replay)).toBe(1);
  expect(verdictsOf(readConformance(replay.reportDir))).toEqual(verdictsOf(readConformance(recording.reportDir)));
});
