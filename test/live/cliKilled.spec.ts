import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import {
  disposeSetup,
  liveSetup,
  runCli,
  show,
  sleep,
  startCli,
  waitFor,
  SEED_ID,
  type CliProcess,
  type LiveSetup,
} from './liveHarness';

// `kill -9` of the `conformance run` process alone (not its process group): Playwright's runner and its workers used to
// go on for seconds under pid 1, writing to the target. The runner holds a pipe whose other end only the CLI holds
// (src/runner/lifeline.ts): when the CLI dies the runner kills its own group at once.

test.setTimeout(120_000);

let setup: LiveSetup | undefined;
let cli: CliProcess | undefined;
test.afterEach(async ({}, info) => {
  for (const pid of cli?.child.pid ? descendants(cli.child.pid) : []) kill(pid);
  await disposeSetup(setup, info);
  setup = cli = undefined;
});

/** Every process below `pid` (Linux /proc), found while they still run. */
function descendants(pid: number): number[] {
  const found: number[] = [];
  const visit = (parent: number) => {
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${parent}/task`);
    } catch {
      return;
    }
    for (const task of tasks) {
      let children: string;
      try {
        children = readFileSync(`/proc/${parent}/task/${task}/children`, 'utf8');
      } catch {
        continue;
      }
      for (const child of children.split(/\s+/).filter(Boolean).map(Number)) {
        found.push(child);
        visit(child);
      }
    }
  };
  visit(pid);
  return found;
}

/** A process that runs (not gone, not a zombie waiting to be reaped). */
function running(pid: number): boolean {
  try {
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '')[0];
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

function kill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

test('kill -9 of the CLI alone: no process of the run is left after one second, and no request arrives after it', async () => {
  setup = await liveSetup({ seedIds: [SEED_ID], faults: ['slow:min=40;max=80'], faultSeed: 3 });
  const server = setup.server;
  cli = startCli(['run', '--target', 'live', '--allow-writes'], setup.env());
  const run = cli;
  // Running: the runner and a worker exist and the scenarios are writing.
  const tree = await waitFor(
    'the runner and a worker to be sending',
    async () => {
      const pids = descendants(run.child.pid!);
      return pids.length >= 2 && server.stats().requests > 20 ? pids : undefined;
    },
    () => run.child.exitCode !== null,
    60_000,
  );
  // 'exit', not the CLI's 'close': its output pipes stay open for as long as the runner it started holds them.
  const gone = new Promise((resolve) => run.child.once('exit', resolve));
  process.kill(run.child.pid!, 'SIGKILL');
  await gone;
  // Requests already on the wire when the kill came arrive at once on loopback; none may follow them.
  await sleep(250);
  const atKill = server.stats().requests;
  await sleep(750);
  expect(tree.filter(running), `still running 1 s after the kill: ${tree.join(', ')}`).toEqual([]);
  await sleep(1500);
  expect(server.stats().requests, 'requests kept arriving after the run was killed').toBe(atKill);

  // The journal still says what to undo, and `restore` does it.
  const restore = await runCli(['restore', '--target', 'live'], setup.env());
  expect(restore.code, show(restore)).toBe(0);
});
