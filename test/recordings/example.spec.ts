import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { loadTargets } from '../../src/targets/loadTargets';
import { defaultScenarioIds, projectRoot, readConformance, runCli, showOutput } from '../cli/runCli';
import { harFiles } from './recordingsHarness';

// recordings/example/ is recorded against the simulator over loopback by test/recordings/makeExample.ts, never written
// by hand.
const example = join(projectRoot, 'recordings', 'example');
const regenerate = 'regenerate it: npx tsx test/recordings/makeExample.ts';

test('the example set holds one recorded cassette per scenario of the default suite', () => {
  const files = harFiles(example);
  const scenarios = files.map((file) => {
    const log = (
      JSON.parse(readFileSync(file, 'utf8')) as {
        log: { creator: { name: string }; _conformance: { scenario: string; target: string; baseUrl: string } };
      }
    ).log;
    expect(log.creator.name, `${file} was not written by conformance record; ${regenerate}`).toBe('graph-conformance');
    expect(log._conformance, `${file}; ${regenerate}`).toMatchObject({
      target: 'live',
      baseUrl: 'http://127.0.0.1:47800/beta',
    });
    return log._conformance.scenario;
  });
  expect(scenarios.sort(), `the example set and the scenarios differ; ${regenerate}`).toEqual(defaultScenarioIds());
});

test('the recordings-example target replays the example set green, offline', () => {
  test.setTimeout(180_000);
  const declared = loadTargets(projectRoot).targets['recordings-example'];
  expect(
    declared?.kind === 'recordings' && declared.dir,
    'targets.yaml must declare `recordings-example: { kind: recordings, dir: recordings/example }`',
  ).toBe('recordings/example');
  const run = runCli(['run', '--target', 'recordings-example']);
  expect(run.status, showOutput(run)).toBe(0);
  expect(readConformance(run.reportDir).totals).toEqual({
    passed: defaultScenarioIds().length,
    failed: 0,
    errored: 0,
    skipped: 0,
  });
});

test('verify-recordings passes every committed cassette', () => {
  const verify = runCli(['verify-recordings']);
  expect(verify.status, showOutput(verify)).toBe(0);
  expect(verify.stdout).toMatch(
    /^verify-recordings \(recordings\): \d+ passed, 0 failed, 0 errored, 0 skipped; \d+ recorded answers checked, nothing sent$/m,
  );
});
