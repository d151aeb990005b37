import { test, expect, chromium, type Browser, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ConformanceReport } from '../../src/report/conformanceReport';
import { redacted } from '../../src/report/redact';
import { readConformance, runCli, showOutput, type CliResult } from '../cli/runCli';
import { serveFolder, type StaticServer } from './staticServer';

// The Playwright HTML report of a run with a break, opened in a real browser (Debian's chromium) over loopback HTTP.
test.describe.configure({ mode: 'serial' });

const chromiumPath = '/usr/bin/chromium';
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

let run: CliResult;
let report: ConformanceReport;
let server: StaticServer;
let browser: Browser;
let page: Page;

test.beforeAll(async () => {
  test.setTimeout(360_000);
  if (!existsSync(chromiumPath))
    throw new Error(`${chromiumPath} is missing: these tests open the HTML report in Debian's chromium; install it with \`apt-get install chromium\``);
  run = runCli(['run'], { env: { CONFORMANCE_REPLAY_BREAKS: 'patch-not-persisted' } });
  expect(run.status, showOutput(run)).toBe(1);
  report = readConformance(run.reportDir);
  server = await serveFolder(join(run.reportDir, 'html'));
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  page = await browser.newPage();
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('the report\'s index lists every scenario by id, with the run\'s totals', async () => {
  await page.goto(server.url);
  const t = report.totals;
  await expect(page.getByText(`pki-update-display-name: ${report.scenarios.find((s) => s.id === 'pki-update-display-name')!.title}`)).toBeVisible();
  const text = await page.locator('body').innerText();
  for (const s of report.scenarios) expect(text, `${s.id} listed`).toContain(`${s.id}: `);
  await expect(page.getByRole('link', { name: new RegExp(`^All\\s*${t.passed + t.failed}$`) }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(`^Failed\\s*${t.failed}$`) }).first()).toBeVisible();
});

test('the Failed filter shows exactly the scenarios conformance.json calls failed', async () => {
  await page.goto(`${server.url}#?q=s:failed`);
  const failed = report.scenarios.filter((s) => s.verdict === 'failed');
  await expect(page.getByText(`${failed[0].id}: `, { exact: false }).first()).toBeVisible();
  const text = await page.locator('body').innerText();
  for (const s of report.scenarios) {
    if (s.verdict === 'failed') expect(text, `${s.id} shown`).toContain(`${s.id}: `);
    else expect(text, `${s.id} hidden`).not.toContain(`${s.id}: `);
  }
});

test('a failed scenario\'s page shows the failure code, message and the YAML frame', async () => {
  await page.goto(server.url);
  await page.getByText('pki-update-display-name: PATCH displayName', { exact: false }).first().click();
  await expect(page).toHaveURL(/#\?testId=/);
  const errors = page.getByText('contract.body.notPersisted: Change not persisted (step persisted)').first();
  await expect(errors).toBeVisible();
  const text = await page.locator('body').innerText();
  expect(text).toMatch(/step patch set displayName to "Contoso PKI \d+", but GET now returns/);
  expect(text).toMatch(/--> scenarios\/graph-pki\/update\/display-name\.yaml:\d+:\d+/);
  expect(text).toContain('persisted: patch');
  expect(text).toContain('scenario: scenarios/graph-pki/update/display-name.yaml:');
});

test('the failed scenario\'s page offers the http-transcript attachment, and it opens to the redacted exchange', async () => {
  // Continues on the page the previous test opened.
  await expect(page.getByText('Attachments')).toBeVisible();
  const attachment = page.getByText('http-transcript.txt', { exact: true }).last();
  await expect(attachment).toBeVisible();
  await attachment.click();
  await expect(page.getByText(/PATCH \/beta\/directory\/publicKeyInfrastructure\/certificateBasedAuthConfigurations\/[0-9a-f-]+ HTTP\/1\.1/).first()).toBeVisible();
  const text = await page.locator('body').innerText();
  expect(text).toContain('### step patch');
  expect(text).toContain('### step persisted');
  expect(text).toContain(`authorization: Bearer ${redacted}`);
  expect(text).toMatch(/\$ curl -i -X PATCH 'https:\/\/graph\.microsoft\.com\/beta\//);
});
