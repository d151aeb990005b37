import { test, expect } from '@playwright/test';
import {
  collection,
  disposeAfterEach,
  failureCodes,
  liveSetup,
  pendingWrites,
  readReport,
  runCli,
  scenarioCount,
  SEED_ID,
  SEEDED,
  show,
  writableOf,
  type LiveSetup,
} from './liveHarness';

// The two ways a live run works on a tenant (README "Running against a real tenant"), end to end through the real
// CLI: scratch objects created and deleted, or an existing object changed and put back. Either way the tenant is
// left as it was found, and the journal has nothing left to undo.

test.describe.configure({ mode: 'parallel' });
test.setTimeout(120_000);

let setup: LiveSetup | undefined;
disposeAfterEach(() => setup);

test('scratch mode on a faithful server: every scenario passes and the collection is exactly as it was', async () => {
  // An object nobody asked the run to touch: a scratch-mode run must leave it byte for byte as it was.
  setup = await liveSetup({ seedIds: [SEED_ID] });
  const before = await collection(setup);

  const run = await runCli(['run', '--target', 'live', '--allow-writes'], setup.env());

  expect(run.code, show(run)).toBe(0);
  const report = readReport(setup.reportDir);
  expect(report.target).toBe('live');
  expect(report.totals, failureCodes(report)).toEqual({ passed: scenarioCount(), failed: 0, errored: 0, skipped: 0 });
  expect(await collection(setup), 'a scratch object was left behind, or the untouched object changed').toEqual(before);
  expect(pendingWrites(setup.journalDir)).toEqual([]);
  // The scratch objects really were made (and named as the README says), so "nothing left" means "cleaned up".
  const creates = report.scenarios
    .flatMap((s) => s.exchanges ?? [])
    .filter((e) => e.method === 'POST' && e.status === 201);
  expect(creates.length).toBeGreaterThanOrEqual(scenarioCount() / 2);
});

test('existing-object mode with --workers 2: every scenario passes and the object gets its values back', async () => {
  setup = await liveSetup({ seedIds: [SEED_ID] });
  const before = await collection(setup);
  expect(before.map((o) => writableOf(o))).toEqual([SEEDED]);

  const run = await runCli(
    ['run', '--target', 'live', '--allow-writes', '--workers', '2'],
    setup.env({ GRAPH_PKI_ID: SEED_ID }),
  );

  expect(run.code, show(run)).toBe(0);
  const report = readReport(setup.reportDir);
  expect(report.totals, failureCodes(report)).toEqual({ passed: scenarioCount(), failed: 0, errored: 0, skipped: 0 });
  // The scenarios share one object, so the CLI says it runs them one at a time.
  expect(run.stdout + run.stderr).toContain('--workers 2 ignored');
  const after = await collection(setup);
  expect(
    after.map((o) => o.id),
    'the collection holds something besides the existing object',
  ).toEqual([SEED_ID]);
  expect(writableOf(after[0])).toEqual(SEEDED);
  // The object was really written to (and put back), so the equality above is a restore, not an untouched object.
  expect(Date.parse(String(after[0].lastModifiedDateTime))).toBeGreaterThan(
    Date.parse(String(before[0].lastModifiedDateTime)),
  );
  expect(pendingWrites(setup.journalDir)).toEqual([]);
});

test('a server that does not persist PATCHes: exit 1, contract failures (not errors) coded notPersisted, nothing left behind', async () => {
  setup = await liveSetup({ seedIds: [SEED_ID], breaks: ['patch-not-persisted'] });
  const before = await collection(setup);

  const run = await runCli(['run', '--target', 'live', '--allow-writes'], setup.env());

  expect(run.code, show(run)).toBe(1);
  const report = readReport(setup.reportDir);
  const caught = report.scenarios.filter((s) => s.failures.some((f) => f.code === 'contract.body.notPersisted'));
  expect(caught.length, failureCodes(report)).toBeGreaterThan(0);
  for (const scenario of caught) expect(scenario.verdict, scenario.id).toBe('failed');
  expect(report.totals.errored, failureCodes(report)).toBe(0);
  expect(report.totals.failed).toBeGreaterThan(0);
  expect(await collection(setup), 'a scratch object was left behind').toEqual(before);
  expect(pendingWrites(setup.journalDir)).toEqual([]);
});
