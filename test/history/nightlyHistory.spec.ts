import { test, expect, type Browser } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { HistoryReport } from '../../src/history/historyText';
import { freshReportDir, readConformance, runCli, showOutput, stackTraceLine } from '../cli/runCli';
import { tempDir } from '../cli/tempDir';
import { disposeSetup, liveSetup, runCli as runLive, type LiveSetup } from '../live/liveHarness';
import { launchChromium } from '../report/chromium';

// The nightly history through the real CLI: ten runs against a target that breaks one scenario every other run mark
// it flaky (and nothing else); a throttling target is the target's trouble, not flakiness; runs made elsewhere are
// imported once; a history file that is not one is refused before anything is sent.

test.describe.configure({ mode: 'serial' });

const flip = 'pki-update-display-name';
const steady = 'pki-reject-unknown-id';
const grep = `^(${flip}|${steady})$`;
const history = join(tempDir('history'), 'nightly.sqlite');
const reportDir = freshReportDir('history-runs');
let browser: Browser | undefined;

test.afterAll(async () => browser?.close());

const show = (file = history, ...more: string[]) => {
  const shown = runCli(['history', '--history', file, '--format', 'json', ...more]);
  expect(shown.status, showOutput(shown)).toBe(0);
  return JSON.parse(shown.stdout) as HistoryReport;
};

test('ten runs, one scenario broken every other run: it is flaky, the steady one is not; each run says what is new', () => {
  test.setTimeout(300_000);
  for (let night = 1; night <= 10; night++) {
    const broken = night % 2 === 0;
    const run = runCli(['run', '--grep', grep, '--history', history], {
      reportDir,
      env: broken ? { CONFORMANCE_REPLAY_BREAKS: 'patch-not-persisted' } : {},
    });
    expect(run.status, showOutput(run)).toBe(broken ? 1 : 0);
    const report = readConformance(reportDir);
    const entry = report.scenarios.find((s) => s.id === flip)!;
    // A failure the previous night did not have is marked new, in conformance.json and on the console.
    expect(entry.newSinceLastRun ?? false).toBe(broken);
    expect(report.history?.targets[0]).toMatchObject({
      target: 'replay',
      newFailures: broken ? [flip] : [],
      fixed: broken || night === 1 ? [] : [flip],
    });
    if (night > 1) expect(run.stdout).toMatch(/^history \(replay, since the run of \d{4}-/m);
    if (broken) expect(run.stdout).toContain(`1 new failure: ${flip}`);
  }
  const view = show().targets[0];
  expect(view.runs).toBe(10);
  expect(view.flaky.map((f) => [f.scenario, f.verdictChanges])).toEqual([[flip, 9]]);
  expect(view.changes.newFailures).toEqual([{ scenario: flip, codes: ['contract.body.notPersisted'] }]);
  expect(view.trouble).toMatchObject({ errored: 0, throttled: 0, retried: 0, runsWithoutVerdict: 0 });
  const strip = view.strips.find((s) => s.scenario === flip)!.verdicts;
  expect(strip).toEqual(Array.from({ length: 10 }, (_, i) => (i % 2 === 1 ? 'failed' : 'passed')));
  const durations = view.durations.find((d) => d.scenario === flip)!;
  expect(durations.runs).toBe(10);
  expect(durations.p95Ms).toBeGreaterThanOrEqual(durations.medianMs);
  // --last narrows the window: over the last two runs the scenario changed once, which is not flaky.
  expect(show(history, '--last', '2').targets[0].flaky).toEqual([]);
  const text = runCli(['history', '--history', history]);
  expect(text.stdout).toContain(`flaky (1)`);
  expect(text.stdout).toMatch(new RegExp(`${flip}  \\[✓✘✓✘✓✘✓✘✓✘\\]  9 verdict changes`));
});

test('the HTML page shows a strip of the last runs per scenario, in chromium', async ({}, info) => {
  const page = join(tempDir('history-html'), 'history.html');
  const wrote = runCli(['history', '--history', history, '--format', 'html', '--out', page]);
  expect(wrote.status, showOutput(wrote)).toBe(0);
  browser = await launchChromium('the history page');
  const tab = await browser.newPage();
  await tab.goto(pathToFileURL(page).href);
  await expect(tab.getByRole('heading', { name: 'replay' })).toBeVisible();
  const row = tab.locator(`tr[data-scenario="${flip}"]`);
  await expect(row.locator('.sq')).toHaveCount(10);
  await expect(row.locator('.sq.failed')).toHaveCount(5);
  await expect(row.locator('.note')).toHaveText(['new failure', 'flaky']);
  await expect(tab.locator(`tr[data-scenario="${steady}"] .sq.passed`)).toHaveCount(10);
  await tab.screenshot({ path: info.outputPath('history.png'), fullPage: true });
});

test('a throttling target is target trouble, not flakiness', async () => {
  test.setTimeout(240_000);
  let setup: LiveSetup | undefined;
  const file = join(tempDir('history-throttled'), 'nightly.sqlite');
  try {
    setup = await liveSetup({ faults: ['throttle:every=2;retryAfter=0.02'], faultSeed: 7 });
    for (let night = 1; night <= 3; night++) {
      const run = await runLive(
        ['run', '--target', 'live', '--allow-writes', '--grep', grep, '--history', file],
        setup.env(),
      );
      expect(run.code, run.stdout + run.stderr).toBe(0);
    }
  } finally {
    await disposeSetup(setup, test.info());
  }
  const view = show(file).targets[0];
  expect(view.target).toBe('live');
  expect(view.flaky).toEqual([]);
  expect(view.trouble.throttled).toBeGreaterThan(0);
  expect(view.trouble.byScenario.map((s) => s.scenario).sort()).toEqual([flip, steady].sort());
  expect(view.strips.every((s) => s.verdicts.every((v) => v === 'passed'))).toBe(true);
});

test('history import: a report made elsewhere is added once; merge-reports adds the merged run as one entry', () => {
  const file = join(tempDir('history-import'), 'ci.sqlite');
  const first = runCli(['history', 'import', reportDir, '--history', file]);
  expect(first.status, showOutput(first)).toBe(0);
  expect(first.stdout).toContain('imported 1 run(s)');
  const again = runCli(['history', 'import', join(reportDir, 'conformance.json'), '--history', file]);
  expect(again.stdout).toContain('imported 0 run(s) into');
  expect(again.stdout).toContain('(1 already there)');
  const shards = ['1/2', '2/2'].map((shard) => {
    const run = runCli(['run', '--grep', grep, '--shard', shard]);
    expect(run.status, showOutput(run)).toBe(0);
    return run.reportDir;
  });
  const merged = runCli(['merge-reports', ...shards, '--report-dir', freshReportDir('merged'), '--history', file]);
  expect(merged.status, showOutput(merged)).toBe(0);
  const view = show(file).targets[0];
  expect(view.runs).toBe(2);
  expect(view.strips.map((s) => s.verdicts.length)).toEqual([2, 2]);
});

test('a history file that is not one is refused with exit 2 before anything is sent, without a stack trace', () => {
  const file = join(tempDir('history-bad'), 'not-a-db.sqlite');
  writeFileSync(file, 'this is not an SQLite database, it only has the name of one\n'.repeat(20));
  const run = runCli(['run', '--grep', grep, '--history', file]);
  expect(run.status, showOutput(run)).toBe(2);
  expect(run.stderr).toContain(`${file} cannot be used as a history database`);
  expect(run.stderr).toContain('nothing was sent');
  expect(run.stdout + run.stderr).not.toMatch(stackTraceLine);
  expect(readConformance(run.reportDir).exit).toMatchObject({ code: 2, class: 'refused' });
  const shown = runCli(['history', '--history', join(tempDir('history-none'), 'absent.sqlite')]);
  expect(shown.status).toBe(2);
  expect(shown.stderr).toContain('no history yet');
});
