import { test, expect } from '@playwright/test';
import { replayToken } from '../../src/replay/replayTarget';
import { redacted } from '../../src/report/redact';
import { reportContents, secretForms, walkFiles } from './reportFiles';
import { runCli, showOutput } from './runCli';

// Secrets are redacted where output is written: a test proves no known secret reaches any artifact. The run below fails
// some scenarios and retries
// them, so the report dir holds every kind of artifact: HTML report data, attachments, error contexts, JSON, JUnit.

test('the replay token reaches no file under the report dir, nor the console', () => {
  test.setTimeout(360_000);
  const run = runCli(['run', '--retries', '1'], { env: { CONFORMANCE_REPLAY_BREAKS: 'patch-not-persisted' } });
  expect(run.status, showOutput(run)).toBe(1);

  const files = walkFiles(run.reportDir);
  const contents = reportContents(run.reportDir);
  // The walk must have reached the places a token would sit: the HTML report's embedded data (and any attachment
  // files under html/data/, test-results/ and the like, which it reads whatever they are), and the JSON reporter's
  // base64 attachment bodies.
  expect(files.some((f) => f.endsWith('html/index.html'))).toBe(true);
  expect(files.length).toBeGreaterThanOrEqual(5);
  expect(contents.some((c) => /^html\/index\.html#.+\.json$/.test(c.origin))).toBe(true);
  expect(contents.some((c) => /^results\.json#body\[\d+\]$/.test(c.origin))).toBe(true);

  // Positive control: the credential was sent (and redacted) in the transcripts the walk decoded.
  const withRedactedAuth = contents
    .filter((c) => c.bytes.toString('utf8').includes(`authorization: Bearer ${redacted}`))
    .map((c) => c.origin);
  expect(withRedactedAuth.some((o) => o.startsWith('html/index.html#'))).toBe(true);
  expect(withRedactedAuth.some((o) => o.startsWith('results.json#'))).toBe(true);

  const forms = secretForms(replayToken);
  const leaks = contents.flatMap((c) => {
    const text = c.bytes.toString('latin1');
    return forms.filter((form) => text.includes(form)).map((form) => `${c.origin} contains ${JSON.stringify(form)}`);
  });
  expect(leaks, `the token leaked into ${run.reportDir}`).toEqual([]);
  for (const form of forms) expect(run.stdout + run.stderr).not.toContain(form);
});
