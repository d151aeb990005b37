import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { readConformance, runCli, showOutput } from '../cli/runCli';
import { freshDir, harFiles, readHar, recordAgainstServer, verdictsOf } from './recordingsHarness';

// A live run on an existing object (GRAPH_PKI_ID) records that object under a placeholder id; the replay works on the
// same placeholder.
const seeded = '11111111-2222-4333-8444-555555555555';
const grep = '^pki-update-(display-name|partial-sequence)$';

test('a recording made on an existing object replays on that object, and never names it', async () => {
  test.setTimeout(240_000);
  const dir = freshDir('existing');
  const recording = await recordAgainstServer(dir, { seedIds: [seeded] }, { GRAPH_PKI_ID: seeded }, ['--grep', grep]);
  expect(recording.status, showOutput(recording)).toBe(0);
  for (const file of harFiles(dir)) {
    expect(readHar(file).log._conformance?.existing).toEqual({ GRAPH_PKI_ID: '00000000-0000-4000-8000-000000000001' });
    expect(readFileSync(file, 'utf8')).not.toContain(seeded);
    expect(readHar(file).log.entries[0]).toMatchObject({ _step: 'pki.get' });
  }
  const replay = runCli(['run', '--target', 'recordings', '--grep', grep], {
    env: { CONFORMANCE_RECORDINGS_DIR: dir },
  });
  expect(replay.status, showOutput(replay)).toBe(0);
  expect(verdictsOf(readConformance(replay.reportDir))).toEqual(verdictsOf(readConformance(recording.reportDir)));
});
