import { test, expect } from '@playwright/test';
import {
  collection,
  disposeSetup,
  groupAlive,
  liveSetup,
  pendingWrites,
  runCli,
  SEED_ID,
  SEEDED,
  serverGet,
  show,
  startCli,
  startProxy,
  waitFor,
  writableOf,
  COLLECTION,
  type CliProcess,
  type LiveSetup,
  type Proxy,
} from './liveHarness';

// README: "If a run is interrupted (Ctrl-C, a crash, `kill -9`) ... `npx conformance restore --target live`". The
// run is killed with SIGKILL, the whole process group at once (CLI, Playwright runner, workers), so nothing of
// the harness gets to clean up: only what the journal put on disk before each write can undo what was changed.

test.describe.configure({ mode: 'parallel' });
test.setTimeout(120_000);

let setup: LiveSetup | undefined;
let proxy: Proxy | undefined;
let cli: CliProcess | undefined;
test.afterEach(async ({}, info) => {
  if (cli?.child.pid && groupAlive(cli.child.pid)) process.kill(-cli.child.pid, 'SIGKILL');
  await proxy?.close();
  await disposeSetup(setup, info);
  setup = proxy = cli = undefined;
});

/** Starts a whole live run in a process group of its own (so one signal reaches every process of it). */
function startRun(env: NodeJS.ProcessEnv): CliProcess {
  return startCli(['run', '--target', 'live', '--allow-writes'], env, true);
}

/** Kills the run's whole process group with SIGKILL and waits until none of its processes is left. */
async function killGroup(run: CliProcess): Promise<void> {
  process.kill(-run.child.pid!, 'SIGKILL');
  await waitFor(
    'the killed process group to be gone',
    async () => (groupAlive(run.child.pid!) ? undefined : true),
    () => false,
    30_000,
  );
  expect((await run.exited).signal).toBe('SIGKILL');
}

/** `restore` with the run's environment puts everything back; a second `restore` finds nothing to do. */
async function restoreAndCheck(env: NodeJS.ProcessEnv, what: RegExp): Promise<void> {
  const restore = await runCli(['restore', '--target', 'live'], env);
  expect(restore.code, show(restore)).toBe(0);
  expect(restore.stdout + restore.stderr).toMatch(what);
  expect(pendingWrites(setup!.journalDir)).toEqual([]);

  const after = await collection(setup!);
  expect(
    after.map((o) => o.id),
    'a scratch object outlived the restore',
  ).toEqual([SEED_ID]);
  expect(writableOf(after[0])).toEqual(SEEDED);

  const again = await runCli(['restore', '--target', 'live'], env);
  expect(again.code, show(again)).toBe(0);
  expect(again.stdout).toMatch(/nothing to restore for live/);
  expect(await collection(setup!)).toEqual(after);
}

test('killed after the first write to the existing object: restore puts its values back', async () => {
  setup = await liveSetup({ seedIds: [SEED_ID], faults: ['slow:min=30;max=60'], faultSeed: 7 });
  const env = setup.env({ GRAPH_PKI_ID: SEED_ID });
  cli = startRun(env);
  const run = cli;
  const exited = () => run.child.exitCode !== null || run.child.signalCode !== null;

  // The first write is done once the object's displayName is no longer the seeded one.
  const changed = await waitFor(
    'the existing object to be written',
    async () => {
      const object = await serverGet(setup!, `${COLLECTION}/${SEED_ID}`);
      return object.body?.displayName !== SEEDED.displayName ? object.body : undefined;
    },
    exited,
  );
  await killGroup(run);

  expect(changed.displayName).not.toBe(SEEDED.displayName);
  const pending = pendingWrites(setup.journalDir);
  expect(
    pending.some((p) => p.op === 'snapshot' && p.getPath === `${COLLECTION}/${SEED_ID}`),
    JSON.stringify(pending),
  ).toBe(true);
  await restoreAndCheck(env, /restored: restored \S*(displayName|status)/);
});

test('killed after the service created a scratch object and before the run heard of it: restore deletes it', async () => {
  setup = await liveSetup({ seedIds: [SEED_ID], faults: ['slow:min=30;max=60'], faultSeed: 8 });
  let created = '';
  // The proxy holds the service's 201 (the object exists), kills the run, and never delivers the answer.
  proxy = await startProxy(setup.server.url, async (method, path, status) => {
    if (method !== 'POST' || status !== 201 || created || !cli) return 'forward';
    created = path;
    await killGroup(cli);
    return 'reset';
  });
  const env = setup.env({ GRAPH_PKI_ID: SEED_ID, GRAPH_BASE_URL: proxy.url });
  cli = startRun(env);
  const run = cli;

  await waitFor(
    'a create',
    async () => (created ? true : undefined),
    () => run.child.exitCode !== null,
    100_000,
  );
  await run.exited;

  expect((await collection(setup)).length, 'the create did not leave an object to clean up').toBe(2);
  expect(pendingWrites(setup.journalDir).some((p) => p.op === 'create-intent' && !p.created)).toBe(true);
  await restoreAndCheck(env, /deleted 1 scratch object\(s\) left by an interrupted create/);
});

test('killed while a scratch-mode run has scratch objects in the collection: restore deletes them', async () => {
  setup = await liveSetup({ seedIds: [SEED_ID], faults: ['slow:min=30;max=60'], faultSeed: 9 });
  const env = setup.env();
  cli = startRun(env);
  const run = cli;
  const exited = () => run.child.exitCode !== null || run.child.signalCode !== null;

  const scratch = await waitFor(
    'a scratch object in the collection',
    async () => {
      const objects = await collection(setup!);
      return objects.length > 1 ? objects.filter((o) => o.id !== SEED_ID) : undefined;
    },
    exited,
  );
  await killGroup(run);

  expect(scratch.map((o) => o.displayName)).toContainEqual(
    expect.stringMatching(/^graph-conformance (scratch|lifecycle) \d+$/),
  );
  expect(pendingWrites(setup.journalDir).length).toBeGreaterThan(0);
  await restoreAndCheck(env, /deleted (scratch object|\d+ scratch object)/);
});
