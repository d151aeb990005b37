import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { disposeAfterEach, liveSetup, readReport, runCli, show, SEED_ID, type LiveSetup } from './liveHarness';

// A verdict reached stays a verdict: against a server that answers displayName as a number, scenarios fail, and the
// restore afterwards is refused too (the value read back is no string, so putting it back is a bad request). A gate
// that reads exit 3 as "infrastructure trouble, retry later" would hide the contract failures: the run ends 1, and the
// restore failure is reported loudly beside it.

test.setTimeout(150_000);
let setup: LiveSetup | undefined;
disposeAfterEach(() => setup);

test('failed scenarios and a failed restore: exit 1, the restore failure in the console, conformance.json and junit.xml', async () => {
  setup = await liveSetup({ seedIds: [SEED_ID], breaks: ['display-name-wrong-type-in-body'] });
  const run = await runCli(['run', '--target', 'live', '--allow-writes'], setup.env({ GRAPH_PKI_ID: SEED_ID }));
  const report = readReport(setup.reportDir);
  expect(report.totals.failed, show(run)).toBeGreaterThan(0);
  expect(run.code, show(run)).toBe(1);
  expect(report.exit).toMatchObject({ code: 1, class: 'failed' });
  expect(report.restoreFailed?.length, 'the restore is refused too').toBeGreaterThan(0);
  expect(run.stderr).toMatch(/could not undo \(this run\): .* answered 400/);
  const junit = readFileSync(join(setup.reportDir, 'junit.xml'), 'utf8');
  expect(junit).toMatch(/<testcase classname="conformance run" name="restore live">\s*<error /);
});
