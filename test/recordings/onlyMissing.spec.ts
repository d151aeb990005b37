import { test, expect } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { disposeAfterEach, liveSetup, runCli, show, type LiveSetup } from '../live/liveHarness';

// After a scenario is added (or one's steps change and its cassette is deleted), only the missing cassettes are
// recorded into the set in use, and every cassette whose exchanges did not change stays byte for byte.

test.setTimeout(150_000);
let setup: LiveSetup | undefined;
disposeAfterEach(() => setup);

const example = resolve(__dirname, '..', '..', 'recordings', 'example');

test('record --only-missing records just the missing scenario into the set; re-recording keeps unchanged cassettes', async () => {
  setup = await liveSetup();
  const set = mkdtempSync(join(tmpdir(), 'conformance-set-'));
  cpSync(example, set, { recursive: true });
  const missing = join(set, 'pki-update-status.har');
  rmSync(missing);
  const before = new Map(
    ['pki-update-display-name.har', 'pki-reject-no-token.har'].map((f) => [f, readFileSync(join(set, f), 'utf8')]),
  );
  const mtimes = new Map([...before.keys()].map((f) => [f, statSync(join(set, f)).mtimeMs]));

  const record = await runCli(
    ['record', '--target', 'live', '--allow-writes', '--dir', set, '--only-missing'],
    setup.env(),
  );
  expect(record.code, show(record)).toBe(0);
  expect(record.stdout).toMatch(/^ {2}✓ pki-update-status /m);
  expect(record.stdout.match(/^ {2}[✓✘!] /gm), 'only the missing scenario ran').toHaveLength(1);
  expect(statSync(missing).size).toBeGreaterThan(0);
  for (const [file, text] of before) {
    expect(readFileSync(join(set, file), 'utf8'), file).toBe(text);
    expect(statSync(join(set, file)).mtimeMs, file).toBe(mtimes.get(file));
  }

  // Nothing missing any more: nothing to record.
  const again = await runCli(
    ['record', '--target', 'live', '--allow-writes', '--dir', set, '--only-missing'],
    setup.env(),
  );
  expect(again.code, show(again)).toBe(0);
  expect(again.stdout).toMatch(/every selected scenario already has a cassette in .*; nothing to record/);

  // Re-recording a scenario whose exchanges are the same (only their times differ) leaves its file as it was.
  const written = readFileSync(missing, 'utf8');
  const rerun = await runCli(
    ['record', '--target', 'live', '--allow-writes', '--dir', set, '--grep', '^pki-update-status$'],
    setup.env(),
  );
  expect(rerun.code, show(rerun)).toBe(0);
  expect(readFileSync(missing, 'utf8')).toBe(written);
  rmSync(set, { recursive: true, force: true });
});
