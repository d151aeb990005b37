import { test, expect } from '@playwright/test';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../../src/serve/startServer';
import {
  cliEnv,
  collection,
  disposeAfterEach,
  liveSetup,
  pendingWrites,
  readReport,
  runCli,
  SEED_ID,
  SEEDED,
  show,
  STACK_LINE,
  writableOf,
  type LiveSetup,
} from './liveHarness';

// Runs that must not start (README.md): a live run that would write without --allow-writes (exit 2, nothing sent),
// and a target that cannot be reached or refuses the credential (exit 3, one sentence, no verdict, no write).

test.describe.configure({ mode: 'parallel' });
test.setTimeout(120_000);

let setup: LiveSetup | undefined;
disposeAfterEach(() => setup);

/** One sentence for the user: a single non-empty line on stderr and no stack trace. */
/** The run stopped before any scenario: conformance.json and junit.xml say so, with the exit class and the reason. */
function expectStoppedReport(reportDir: string, code: 2 | 3, reason: RegExp): void {
  const report = readReport(reportDir);
  expect(report.scenarios).toEqual([]);
  expect(report.exit).toMatchObject({ code, class: code === 2 ? 'refused' : 'no-verdict' });
  expect(report.exit?.message).toMatch(reason);
  expect(readFileSync(join(reportDir, 'junit.xml'), 'utf8')).toMatch(/<error message="exit [23] /);
}

function expectOneSentence(stderr: string): void {
  const lines = stderr.split('\n').filter((l) => l.trim() !== '');
  expect(lines, stderr).toHaveLength(1);
  expect(stderr).not.toMatch(STACK_LINE);
}

test('without --allow-writes a live run refuses (exit 2), says why, and the server receives no request at all', async () => {
  setup = await liveSetup({ seedIds: [SEED_ID] });

  const run = await runCli(['run', '--target', 'live'], setup.env());

  expect(run.code, show(run)).toBe(2);
  expect(run.stderr).toContain('--allow-writes');
  expect(run.stderr).toMatch(/would write to the live target live/);
  expect(run.stderr).toMatch(/Nothing was sent/i);
  expectOneSentence(run.stderr);
  expect(setup.server.stats().requests).toBe(0);
  expectStoppedReport(setup.reportDir, 2, /--allow-writes/);
});

test('an unreachable service (a closed port): exit 3 with one sentence and no stack trace', async () => {
  // A port that was just listened on and is now closed: connections are refused.
  const gone = await startServer({ port: 0, tokens: ['tok-closed-port'] });
  const url = gone.url;
  await gone.close();
  setup = await liveSetup();

  const run = await runCli(
    ['run', '--target', 'live', '--allow-writes'],
    setup.env({ GRAPH_BASE_URL: url, GRAPH_ACCESS_TOKEN: 'tok-closed-port' }),
  );

  expect(run.code, show(run)).toBe(3);
  expect(run.stderr).toMatch(/unreachable/);
  expect(run.stderr).toMatch(/no scenario was run/);
  expectOneSentence(run.stderr);
  expectStoppedReport(setup.reportDir, 3, /unreachable/);
  expect(pendingWrites(setup.journalDir)).toEqual([]);
});

test('a credential the service refuses: exit 3 "refused the credential", and only the read-only probe was sent', async () => {
  setup = await liveSetup({ seedIds: [SEED_ID] }, 'tok-the-right-one');
  const before = await collection(setup);
  const requestsBefore = setup.server.stats().requests;

  const run = await runCli(
    ['run', '--target', 'live', '--allow-writes'],
    setup.env({ GRAPH_ACCESS_TOKEN: 'tok-a-wrong-one' }),
  );

  expect(run.code, show(run)).toBe(3);
  expect(run.stderr).toMatch(/refused the credential/);
  expect(run.stderr).toMatch(/GET \S+certificateBasedAuthConfigurations\S* answered 401/);
  expectOneSentence(run.stderr);
  expect(run.stdout + run.stderr).not.toContain('tok-a-wrong-one');
  // The probe (one GET) and nothing else: no PATCH, no POST, no scratch object, the seeded object untouched.
  expect(setup.server.stats().requests - requestsBefore).toBe(1);
  expect(await collection(setup)).toEqual(before);
  expect(writableOf(before[0])).toEqual(SEEDED);
  expect(pendingWrites(setup.journalDir)).toEqual([]);
});

// README.md: "A missing or rejected credential ends the run with exit 3" — the CLI agrees: no credential is exit 3
// (not 2, although it is found before anything is sent), with a sentence naming the variables to set.
test('no credential at all (no GRAPH_ACCESS_TOKEN, no GRAPH_TENANT_ID): exit 3 naming what to set, nothing sent', async () => {
  setup = await liveSetup({ seedIds: [SEED_ID] });

  const run = await runCli(
    ['run', '--target', 'live', '--allow-writes'],
    setup.env({ GRAPH_ACCESS_TOKEN: undefined, GRAPH_TENANT_ID: undefined }),
  );

  expect(run.code, show(run)).toBe(3);
  expect(run.stderr).toMatch(/no usable credential for live/);
  expect(run.stderr).toContain('GRAPH_ACCESS_TOKEN');
  expect(run.stderr).toContain('GRAPH_TENANT_ID');
  expectOneSentence(run.stderr);
  expect(setup.server.stats().requests).toBe(0);
});

test('restore without a credential: exit 3 with one sentence, not a stack trace', async () => {
  setup = await liveSetup();

  const run = await runCli(
    ['restore', '--target', 'live'],
    cliEnv({ GRAPH_BASE_URL: setup.server.url, CONFORMANCE_JOURNAL_DIR: setup.journalDir }),
  );

  expect(run.code, show(run)).toBe(3);
  expect(run.stderr).toMatch(/no usable credential for live/);
  expectOneSentence(run.stderr);
  expect(setup.server.stats().requests).toBe(0);
});

// A misconfigured run is not the service's fault: before any scenario, the probe checks that the collection answers
// 200 with a collection and that the object GRAPH_PKI_ID names exists and is a PKI; otherwise exit 3, one sentence,
// and no scenario `failed`.
test('a GRAPH_PKI_ID that names no object: exit 3, one sentence naming it, no scenario run, nothing written', async () => {
  setup = await liveSetup({ seedIds: [SEED_ID] });
  const missing = '99999999-2222-4333-8444-555555555555';
  const run = await runCli(['run', '--target', 'live', '--allow-writes'], setup.env({ GRAPH_PKI_ID: missing }));
  expect(run.code, show(run)).toBe(3);
  expect(run.stderr).toMatch(new RegExp(`GRAPH_PKI_ID=${missing} is not an object the run can use: .* answered 404`));
  expect(run.stderr).toMatch(/check GRAPH_PKI_ID; no scenario was run/);
  expectOneSentence(run.stderr);
  expectStoppedReport(setup.reportDir, 3, /GRAPH_PKI_ID/);
  expect(pendingWrites(setup.journalDir)).toEqual([]);
  expect(writableOf((await collection(setup))[0])).toEqual(SEEDED);
});

test('a base URL with a wrong path (/bta): exit 3 naming GRAPH_BASE_URL, no scenario run', async () => {
  setup = await liveSetup({ seedIds: [SEED_ID] });
  const wrong = setup.server.url.replace(/\/beta$/, '/bta');
  const run = await runCli(['run', '--target', 'live', '--allow-writes'], setup.env({ GRAPH_BASE_URL: wrong }));
  expect(run.code, show(run)).toBe(3);
  expect(run.stderr).toMatch(/GET \/bta\/\S+ answered 404 .*check GRAPH_BASE_URL/);
  expectOneSentence(run.stderr);
  expectStoppedReport(setup.reportDir, 3, /GRAPH_BASE_URL/);
});

test("an earlier run's reports never pass for a run that stops early: they are replaced by ones that say why", async () => {
  setup = await liveSetup({ seedIds: [SEED_ID] });
  // What a green earlier run left behind.
  mkdirSync(join(setup.reportDir, 'html'), { recursive: true });
  writeFileSync(join(setup.reportDir, 'html', 'index.html'), '<html>2 passed</html>');
  writeFileSync(join(setup.reportDir, 'results.json'), '{"stats":{"expected":2}}');
  writeFileSync(join(setup.reportDir, 'junit.xml'), '<testsuites tests="2" failures="0" errors="0"/>');
  const run = await runCli(
    ['run', '--target', 'live', '--allow-writes'],
    setup.env({ GRAPH_ACCESS_TOKEN: 'tok-wrong' }),
  );
  expect(run.code, show(run)).toBe(3);
  expectStoppedReport(setup.reportDir, 3, /refused the credential/);
  expect(readdirSync(setup.reportDir).sort()).toEqual(['conformance.json', 'junit.xml']);
});
