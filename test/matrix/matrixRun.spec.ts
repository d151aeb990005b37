import { test, expect, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Matrix } from '../../src/matrix/matrix';
import type { ConformanceReport } from '../../src/report/conformanceReport';
import {
  collection,
  disposeSetup,
  liveSetup,
  pendingWrites,
  runCli,
  scenarioCount,
  type CliResult,
  type LiveSetup,
} from '../live/liveHarness';
import { launchChromium } from '../report/chromium';

// One run against three targets: the replay simulator, the committed example cassettes, and a served simulator that
// does not persist PATCH. The broken target's cells fail with the persistence check's code, the others pass; the
// matrix files agree with conformance.json and with each other, and the HTML page works in a real browser.

test.describe.configure({ mode: 'serial' });

const targets = ['replay', 'recordings-example', 'live'];
let setup: LiveSetup;
let run: CliResult;
let report: ConformanceReport;
let matrix: Matrix;
let browser: Browser;
let page: Page;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  setup = await liveSetup({ breaks: ['patch-not-persisted'] });
  run = await runCli(['run', '--target', targets.join(','), '--allow-writes'], setup.env());
  const read = (name: string) => JSON.parse(readFileSync(join(setup.reportDir, name), 'utf8'));
  report = read('conformance.json') as ConformanceReport;
  matrix = read('matrix.json') as Matrix;
  browser = await launchChromium('reports/matrix.html');
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
});

test.afterAll(async ({}, info) => {
  await browser?.close();
  await disposeSetup(setup, info);
});

test('the run fails (exit 1) only because of the broken target, and names each target in its summary', async () => {
  expect(run.code, run.stdout + run.stderr).toBe(1);
  expect(report.targets).toEqual(targets);
  expect(report.target).toBe(targets.join(','));
  expect(report.scenarios).toHaveLength(scenarioCount() * targets.length);
  for (const target of ['replay', 'recordings-example'])
    expect(run.stdout).toContain(`  ${target}: ${scenarioCount()} passed, 0 failed, 0 errored, 0 skipped`);
  expect(run.stdout).toMatch(/^ {2}live: \d+ passed, [1-9]\d* failed, 0 errored, 0 skipped$/m);
  expect(run.stdout).toMatch(/^FAILED pki-update-display-name \[live\]/m);
  // Nothing the run created on the served target is left behind.
  expect(await collection(setup), 'a scratch object was left behind').toEqual([]);
  expect(pendingWrites(setup.journalDir)).toEqual([]);
});

test('matrix.json: the broken target fails with the persistence check code, every other cell passes, rows differ there', () => {
  expect(matrix.targets.map((t) => t.name)).toEqual(targets);
  expect(matrix.rows).toHaveLength(scenarioCount());
  for (const row of matrix.rows) {
    expect(row.cells.replay.verdict).toBe('passed');
    expect(row.cells['recordings-example'].verdict).toBe('passed');
    const live = row.cells.live;
    if (live.verdict === 'failed') {
      expect(live.codes).toContain('contract.body.notPersisted');
      expect(live.detail?.failures).toContain('contract.body.notPersisted');
      expect(live.detail?.transcript).toMatch(/^PATCH /m);
    } else expect(live.verdict).toBe('passed');
    expect(row.differs).toBe(live.verdict !== 'passed');
  }
  const failedLive = matrix.rows.filter((r) => r.cells.live.verdict === 'failed').map((r) => r.id);
  expect(failedLive).toContain('pki-update-display-name');
  expect(matrix.differing).toBe(failedLive.length);
  // The matrix holds what conformance.json says, cell by cell.
  for (const entry of report.scenarios) {
    const cell = matrix.rows.find((r) => r.id === entry.id)!.cells[entry.target!];
    expect(cell.verdict).toBe(entry.verdict);
    expect(cell.codes).toEqual([...new Set(entry.failures.map((f) => f.code))]);
  }
  const live = matrix.targets.find((t) => t.name === 'live')!;
  expect(live.totals.failed).toBe(failedLive.length);
});

test('matrix.md lists the differing rows for a pull-request comment, with the codes', () => {
  const md = readFileSync(join(setup.reportDir, 'matrix.md'), 'utf8');
  expect(md).toContain(`${matrix.rows.length} scenarios, ${matrix.differing} where the targets differ.`);
  expect(md).toContain('| scenario | replay | recordings-example | live |');
  const rows = md.split('\n').filter((l) => l.startsWith('| `'));
  expect(rows).toHaveLength(matrix.differing);
  expect(md).toMatch(
    /\| `pki-update-display-name` \| ✅ passed \| ✅ passed \| ❌ failed `contract.body.notPersisted`/,
  );
});

test('matrix.html in chromium: the table agrees with matrix.json, the filter keeps the differing rows, a cell opens its detail', async ({}, info) => {
  // Opened from disk, as a CI artifact is: the page needs no server and no network.
  await page.goto(pathToFileURL(join(setup.reportDir, 'matrix.html')).href);
  await expect(page.getByRole('heading', { name: 'Compatibility matrix' })).toBeVisible();
  const rows = page.locator('#matrix tbody tr');
  await expect(rows).toHaveCount(matrix.rows.length);
  // Every cell's verdict as the page shows it, against matrix.json.
  const shown = await page.$$eval('#matrix tbody tr', (trs) =>
    trs.map((tr) => ({
      id: (tr as HTMLElement).dataset.id,
      cells: Array.from(tr.querySelectorAll('td')).map((td) => `${td.dataset.target}=${td.dataset.verdict}`),
    })),
  );
  expect(shown).toEqual(
    matrix.rows.map((r) => ({ id: r.id, cells: targets.map((t) => `${t}=${r.cells[t].verdict}`) })),
  );
  await page.getByLabel('Only the rows where the targets differ').check();
  await expect(page.locator('#matrix tbody tr:visible')).toHaveCount(matrix.differing);
  await expect(page.locator('#shown')).toHaveText(`${matrix.differing} rows shown`);
  const row = page.locator('#matrix tbody tr[data-id="pki-update-display-name"]');
  await expect(row).toBeVisible();
  await expect(page.locator('#matrix tbody tr[data-id="pki-reject-no-token"]')).toBeHidden();
  await row.locator('td[data-target="live"] button').click();
  const dialog = page.locator('#detail');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('#detail-title')).toHaveText('pki-update-display-name against live: failed');
  await expect(dialog.locator('#detail-failures')).toContainText('contract.body.notPersisted');
  // The YAML frame: the scenario file and the line that stated the broken expectation, with its caret.
  await expect(dialog.locator('#detail-failures')).toContainText('--> scenarios/graph-pki/update/');
  await expect(dialog.locator('#detail-transcript')).toContainText('PATCH ');
  const screenshot = info.outputPath('matrix.png');
  await page.screenshot({ path: screenshot, fullPage: true });
  await info.attach('matrix.png', { path: screenshot, contentType: 'image/png' });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await page.getByLabel('Only the rows where the targets differ').uncheck();
  await expect(page.locator('#matrix tbody tr:visible')).toHaveCount(matrix.rows.length);
});
