import { test, expect } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { disposeAfterEach, liveSetup, pendingWrites, runCli, show, SEED_ID, type LiveSetup } from './liveHarness';

// Journal entries recorded against another base URL are never replayed here. They used to be repeated on every later
// run, one line per entry; now they are said once with their count, and `restore --forget URL` drops them once the
// user has handled them.

test.setTimeout(120_000);
let setup: LiveSetup | undefined;
disposeAfterEach(() => setup);

const elsewhere = 'http://127.0.0.1:9/beta';

function journalOf(dir: string, entries: number): void {
  mkdirSync(dir, { recursive: true });
  const lines = Array.from({ length: entries }, (_, i) =>
    JSON.stringify({
      op: 'snapshot',
      key: `k${i}`,
      getPath: `/x/${i}`,
      updatePath: `/x/${i}`,
      properties: {},
      baseUrl: elsewhere,
      at: new Date().toISOString(),
    }),
  );
  writeFileSync(join(dir, 'live.jsonl'), `${lines.join('\n')}\n`);
}

test('entries of another base URL: one line with their count per run, and restore --forget drops them', async () => {
  setup = await liveSetup({ seedIds: [SEED_ID] });
  journalOf(setup.journalDir, 6);
  const env = setup.env({ GRAPH_PKI_ID: SEED_ID });
  const run = await runCli(['run', '--target', 'live', '--allow-writes', '--grep', 'display-name$'], env);
  expect(run.code, show(run)).toBe(0);
  const notes = run.stderr.split('\n').filter((l) => l.includes(elsewhere));
  expect(notes, run.stderr).toHaveLength(1);
  expect(notes[0]).toMatch(/6 journal entries recorded against http:\/\/127\.0\.0\.1:9\/beta .* left alone/);
  expect(notes[0]).toContain(`conformance restore --target live --forget ${elsewhere}`);

  const forget = await runCli(['restore', '--target', 'live', '--forget', elsewhere], env);
  expect(forget.code, show(forget)).toBe(0);
  expect(forget.stdout).toMatch(/forgot 6 journal entries of live recorded against/);
  expect(pendingWrites(setup.journalDir)).toEqual([]);

  const again = await runCli(['run', '--target', 'live', '--allow-writes', '--grep', 'display-name$'], env);
  expect(again.code, show(again)).toBe(0);
  expect(again.stderr).not.toContain(elsewhere);
});
