import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { readCassette } from '../../src/recordings/readCassette';
import { stableJson } from '../../src/common/stableJson';
import { secretForms } from '../cli/reportFiles';
import { type CliResult, defaultScenarioIds, readConformance, runCli, showOutput } from '../cli/runCli';
import { canaryToken, freshDir, harFiles, readHar, recordAgainstServer, verdictsOf } from './recordingsHarness';

// Record the default suite against the simulator served on loopback, then replay and verify the cassettes with the
// server gone.
test.describe.configure({ mode: 'serial' });

const dir = freshDir('round-trip');
let recording: CliResult;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  // A configured value ("Contoso PKI", in the scenarios' request bodies and the answers' echoes) must be redacted and
  // still replay.
  recording = await recordAgainstServer(dir, {}, { CONFORMANCE_REDACT: 'org=Contoso PKI' });
});

test('record writes one valid HAR 1.2 cassette per scenario, in stable JSON', () => {
  expect(recording.status, showOutput(recording)).toBe(0);
  expect(recording.stdout).toContain(`recorded ${defaultScenarioIds().length} cassettes in `);
  const files = harFiles(dir);
  expect(files.map((f) => f.split('/').pop()).sort()).toEqual(
    defaultScenarioIds()
      .map((id) => `${id}.har`)
      .sort(),
  );
  for (const file of files) {
    expect(readCassette(file).problems, file).toEqual([]);
    const text = readFileSync(file, 'utf8');
    expect(text, `${file} is not in stable form (sorted keys, 2 spaces)`).toBe(stableJson(JSON.parse(text)));
    expect(readHar(file).log._conformance).toMatchObject({
      target: 'live',
      scenario: file
        .split('/')
        .pop()!
        .replace(/\.har$/, ''),
    });
  }
});

test('no secret, id, run id or configured value reaches a cassette', () => {
  const leaks: string[] = [];
  let authorizations = 0;
  for (const file of harFiles(dir)) {
    const text = readFileSync(file, 'latin1');
    for (const form of secretForms(canaryToken))
      if (text.includes(form)) leaks.push(`${file} holds ${JSON.stringify(form)}`);
    if (text.includes('Contoso PKI')) leaks.push(`${file} holds the configured value "Contoso PKI"`);
    for (const guid of text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi) ?? [])
      if (!/^00000000-0000-4000-8000-\d{12}$/.test(guid)) leaks.push(`${file} holds the id ${guid}`);
    if (/\b20\d{12}\b/.test(text)) leaks.push(`${file} holds a run id`);
    authorizations += text.split('"{{REDACTED:authorization}}"').length - 1;
  }
  expect(leaks).toEqual([]);
  // Positive controls: the credential was sent and replaced, and the configured value was there to replace.
  expect(authorizations).toBeGreaterThan(50);
  expect(
    readFileSync(
      harFiles(dir).find((f) => f.endsWith('pki-update-display-name.har'))!,
      'utf8',
    ),
  ).toContain('{{REDACTED:org}} {{run.id}}');
});

test('replaying the cassettes offline reaches the same verdicts as the recording', () => {
  test.setTimeout(180_000);
  const replay = runCli(['run', '--target', 'recordings'], { env: { CONFORMANCE_RECORDINGS_DIR: dir } });
  expect(replay.status, showOutput(replay)).toBe(0);
  expect(verdictsOf(readConformance(replay.reportDir))).toEqual(verdictsOf(readConformance(recording.reportDir)));
});

test('verify-recordings finds every recorded answer conformant, sending nothing', () => {
  const verify = runCli(['verify-recordings', dir]);
  expect(verify.status, showOutput(verify)).toBe(0);
  expect(verify.stdout).toMatch(
    new RegExp(
      `: ${defaultScenarioIds().length} passed, 0 failed, 0 errored, 0 skipped; \\d+ recorded answers checked, nothing sent`,
    ),
  );
  expect(verify.stdout).toContain('PASSED  ');
});
