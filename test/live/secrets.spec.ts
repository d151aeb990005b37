import { test, expect } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { redacted } from '../../src/report/redact';
import { reportContents, secretForms, walkFiles } from '../cli/reportFiles';
import { disposeAfterEach, liveSetup, runCli, SEED_ID, show, type LiveSetup } from './liveHarness';

// Secrets are redacted where output is written, for the live target: the bearer token given in GRAPH_ACCESS_TOKEN
// reaches no file the run
// writes (reports, attachments, traces, test-results, the journal) and not the console, in any encoding.

test.setTimeout(120_000);

let setup: LiveSetup | undefined;
disposeAfterEach(() => setup);

test('the live token reaches no file under the report and journal dirs, nor the console', async () => {
  const canary = `canary-${randomUUID()}`;
  // The whole suite, against a server that fails some scenarios, so every kind of artifact is written (transcripts
  // and error contexts are attached to failed tests), in existing-object mode so the journal holds snapshots.
  setup = await liveSetup({ seedIds: [SEED_ID], breaks: ['patch-ignores-status'] }, canary);

  const run = await runCli(['run', '--target', 'live', '--allow-writes'], setup.env({ GRAPH_PKI_ID: SEED_ID }));
  expect(run.code, show(run)).toBe(1);
  expect(setup.server.stats().requests).toBeGreaterThan(50);

  const files = [...walkFiles(setup.reportDir), ...walkFiles(setup.journalDir)];
  // The walk reached the places a token would sit: the HTML report (with its embedded data), the JSON and JUnit
  // reports, the per-test output folder, and the journal the run wrote before its writes.
  for (const expected of [
    /\/html\/index\.html$/,
    /\/results\.json$/,
    /\/junit\.xml$/,
    /\/conformance\.json$/,
    /\/test-results\//,
    /\/live\.jsonl$/,
  ])
    expect(
      files.some((f) => expected.test(f)),
      `no file matches ${expected}`,
    ).toBe(true);
  const contents = [
    ...reportContents(setup.reportDir),
    ...walkFiles(setup.journalDir).map((f) => ({ origin: relative(setup!.journalDir, f), bytes: readFileSync(f) })),
  ];
  expect(contents.some((c) => /^html\/index\.html#.+\.json$/.test(c.origin))).toBe(true);
  expect(contents.some((c) => /^results\.json#body\[\d+\]$/.test(c.origin))).toBe(true);
  // Positive control: the token was sent, and redacted, in the transcripts the walk decoded.
  expect(contents.some((c) => c.bytes.toString('utf8').includes(`authorization: Bearer ${redacted}`))).toBe(true);

  const forms = secretForms(canary);
  expect(forms).toContain(Buffer.from(canary).toString('base64').replace(/=+$/, '').slice(0, -1));
  const leaks = contents.flatMap((c) => {
    const text = c.bytes.toString('latin1');
    return forms.filter((form) => text.includes(form)).map((form) => `${c.origin} contains ${JSON.stringify(form)}`);
  });
  expect(leaks, `the token leaked under ${setup.reportDir} or ${setup.journalDir}`).toEqual([]);
  for (const form of forms) expect(run.stdout + run.stderr, 'the token reached the console').not.toContain(form);
});
