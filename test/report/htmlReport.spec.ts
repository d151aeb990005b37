import { test, expect, type Browser, type Page } from '@playwright/test';
import { join } from 'node:path';
import type { ConformanceReport } from '../../src/report/conformanceReport';
import { redacted } from '../../src/report/redact';
import { readConformance, runCli, showOutput, type CliResult } from '../cli/runCli';
import { serveFolder, type StaticServer } from './staticServer';
import { launchChromium } from './chromium';

// The Playwright HTML report of a run with a break, opened in a real browser (Debian's chromium) over loopback HTTP.
test.describe.configure({ mode: 'serial' });

let run: CliResult;
let report: ConformanceReport;
let server: StaticServer;
let browser: Browser;
let page: Page;

test.beforeAll(async () => {
  test.setTimeout(360_000);
  run = runCli(['run'], { env: { CONFORMANCE_REPLAY_BREAKS: 'patch-not-persisted' } });
  expect(run.status, showOutput(run)).toBe(1);
  report = readConformance(run.reportDir);
  server = await serveFolder(join(run.reportDir, 'html'));
  browser = await launchChromium('the HTML report');
  page = await browser.newPage();
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const updateFolder = 'scenarios/graph-pki/update';

test("the report's index lists one test per scenario folder, and the folder with failed scenarios as failed", async () => {
  await page.goto(server.url);
  for (const folder of ['update', 'reject', 'lifecycle', 'list'].map((f) => `scenarios/graph-pki/${f}`))
    await expect(page.getByText(folder, { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: /^All\s*4$/ }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: /^Failed\s*1$/ }).first()).toBeVisible();
  await page.goto(`${server.url}#?q=s:failed`);
  await expect(page.getByText(updateFolder, { exact: true }).first()).toBeVisible();
  const text = await page.locator('body').innerText();
  expect(text).not.toContain('scenarios/graph-pki/reject');
});

test("the failed folder's page names every failed scenario and no passing one", async () => {
  await page.goto(server.url);
  await page.getByText(updateFolder, { exact: true }).first().click();
  await expect(page).toHaveURL(/#\?testId=/);
  await expect(page.getByText('Annotations')).toBeVisible();
  const text = await page.locator('body').innerText();
  for (const s of report.scenarios.filter((x) => x.file.startsWith(updateFolder))) {
    if (s.verdict === 'failed') expect(text, `${s.id} named`).toContain(`failed scenario: ${s.id} (${s.file}:`);
    else expect(text, `${s.id} not named`).not.toContain(`failed scenario: ${s.id} (`);
  }
});

test("the failed folder's error, shown first, already holds the failures and their YAML, located at the failing expectation", async () => {
  await page.goto(server.url);
  await page.getByText(updateFolder, { exact: true }).first().click();
  await expect(page.getByText(/\d+ scenario\(s\) broke the contract/).first()).toBeVisible();
  const text = await page.locator('body').innerText();
  // The reason, not only a pointer to the attachments: the code, the message and the YAML line with its caret.
  expect(text).toMatch(/contract\.body\.notPersisted: Change not persisted \(step persisted\)/);
  expect(text).toMatch(/step patch set displayName to "Contoso PKI \d+", but GET now returns/);
  // Playwright's own code frame for the error is the failing expectation's line, not the scenario's `id:` line.
  expect(text).toMatch(/expect:[^\n]*persisted: patch|persisted: patch/);
  expect(text).not.toMatch(/>\s*\d+ \| id: pki-update/);
});

test("each scenario is a step; a failed scenario's step holds its failures: code, message and the YAML frame", async () => {
  // Continues on the page the previous test opened.
  await page
    .getByText(/^\d+ scenarios$/)
    .first()
    .click();
  const inUpdate = report.scenarios.filter((x) => x.file.startsWith(updateFolder));
  for (const s of inUpdate) await expect(page.getByText(`${s.id}: ${s.title}`, { exact: true }).first()).toBeVisible();
  await page
    .getByText(`pki-update-display-name: ${inUpdate.find((s) => s.id === 'pki-update-display-name')!.title}`, {
      exact: true,
    })
    .first()
    .click();
  await expect(page.getByText('Attach "pki-update-display-name.failures.txt"').first()).toBeVisible();
  await page.getByText('pki-update-display-name.failures.txt', { exact: true }).last().click();
  await expect(
    page
      .getByText('contract.body.notPersisted: Change not persisted (step persisted)')
      .filter({ visible: true })
      .first(),
  ).toBeVisible();
  const text = await page.locator('body').innerText();
  expect(text).toMatch(/step patch set displayName to "Contoso PKI \d+", but GET now returns/);
  expect(text).toMatch(/--> scenarios\/graph-pki\/update\/display-name\.yaml:\d+:\d+/);
  expect(text).toContain('persisted: patch');
});

test("the failed scenario's http-transcript attachment opens to the redacted exchange", async () => {
  await page.goto(server.url);
  await page.getByText(updateFolder, { exact: true }).first().click();
  await expect(page.getByText('Attachments')).toBeVisible();
  const attachment = page.getByText('pki-update-display-name.http-transcript.txt', { exact: true }).last();
  await expect(attachment).toBeVisible();
  await attachment.click();
  await expect(
    page
      .getByText(
        /PATCH \/beta\/directory\/publicKeyInfrastructure\/certificateBasedAuthConfigurations\/[0-9a-f-]+ HTTP\/1\.1/,
      )
      .filter({ visible: true })
      .first(),
  ).toBeVisible();
  const text = await page.locator('body').innerText();
  expect(text).toContain('### step patch');
  expect(text).toContain('### step persisted');
  expect(text).toContain(`authorization: Bearer ${redacted}`);
  // Replay answers Graph's URL in-process: the curl lines name what a person can run, the simulator on loopback.
  expect(text).toMatch(
    /# To reproduce: start the simulator \(npx conformance serve --port 8080 --token local-token --break patch-not-persisted --seed [0-9a-f-]+\)/,
  );
  expect(text).toMatch(/\$ curl -i -X PATCH 'http:\/\/127\.0\.0\.1:8080\/beta\/\S+' .*--oauth2-bearer local-token/);
});
