import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { runCli, showOutput, stackTraceLine } from '../cli/runCli';
import { browserStyle, graphExplorerCapture } from './foreignHars';

const example = join(__dirname, '..', '..', 'recordings', 'example');

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'conformance-har-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

test('a truncated HAR is refused with its file, line and column, exit 2, no stack trace; so is a run replaying it', () => {
  const whole = readFileSync(join(example, 'pki-lifecycle.har'), 'utf8');
  const dir = dirWith({ 'pki-lifecycle.har': whole.slice(0, 2000) });
  const verify = runCli(['verify-recordings', dir]);
  expect(verify.status, showOutput(verify)).toBe(2);
  expect(verify.stderr).toMatch(
    /^error\[har\.truncated\]: the file ends in the middle of the JSON \(2000 characters\): it was cut off while being written or copied$/m,
  );
  expect(verify.stderr).toMatch(/--> \S*conformance-har-\w+\/pki-lifecycle\.har:\d+:\d+/);
  expect(verify.stderr).toContain('nothing was sent');
  expect(verify.stderr + verify.stdout).not.toMatch(stackTraceLine);
  const run = runCli(['run', '--target', 'recordings'], { env: { CONFORMANCE_RECORDINGS_DIR: dir } });
  expect(run.status, showOutput(run)).toBe(2);
  expect(run.stderr).toContain('error[har.truncated]');
  expect(run.stderr + run.stdout).not.toMatch(stackTraceLine);
});

test('a HAR of the wrong shape is refused with every problem at once, each at its line', () => {
  const har = JSON.parse(readFileSync(join(example, 'pki-lifecycle.har'), 'utf8')) as {
    log: { entries: Array<Record<string, Record<string, unknown>>> };
  };
  delete har.log.entries[0].request.url;
  har.log.entries[1].response.status = '200';
  har.log.entries[2].response.content = { encoding: 'base64', text: 'not base64!' };
  const dir = dirWith({ 'bad.har': JSON.stringify(har, null, 2), 'not-json.har': '{"log": {"entries": [}}' });
  const verify = runCli(['verify-recordings', dir]);
  expect(verify.status, showOutput(verify)).toBe(2);
  expect(verify.stderr).toMatch(
    /error\[har\.schema\.required\]: `log\.entries\[0\]\.request` is missing the required property `url`\n {2}--> \S+bad\.har:\d+:\d+/,
  );
  expect(verify.stderr).toMatch(/error\[har\.schema\.type\]: `log\.entries\[1\]\.response\.status` must be integer/);
  expect(verify.stderr).toMatch(/error\[har\.json\]: not valid JSON: .+\n {2}--> \S+not-json\.har:1:\d+/);
  expect(verify.stderr).not.toMatch(stackTraceLine);
});

test('a browser dev-tools export of a scenario (extra and private fields, base64 bodies, capitalised and pseudo headers) replays and verifies', () => {
  test.setTimeout(120_000);
  const har = browserStyle(JSON.parse(readFileSync(join(example, 'pki-update-display-name.har'), 'utf8')));
  const dir = dirWith({ 'pki-update-display-name.har': JSON.stringify(har) });
  const run = runCli(['run', '--target', 'recordings', '--grep', '^pki-update-display-name$'], {
    env: { CONFORMANCE_RECORDINGS_DIR: dir },
  });
  expect(run.status, showOutput(run)).toBe(0);
  const verify = runCli(['verify-recordings', dir]);
  expect(verify.status, showOutput(verify)).toBe(0);
  expect(verify.stdout).toMatch(
    /^PASSED {2}\S+pki-update-display-name\.har {2}\(scenario pki-update-display-name, 5 answers\)$/m,
  );
});

test('a Graph Explorer capture is verified entry by entry against the suite rules of the paths it uses', () => {
  const dir = dirWith({ 'graph-explorer.har': JSON.stringify(graphExplorerCapture()) });
  const verify = runCli(['verify-recordings', dir]);
  expect(verify.status, showOutput(verify)).toBe(1);
  expect(verify.stdout).toMatch(/^FAILED {2}\S+graph-explorer\.har {2}\(2 answers\)$/m);
  expect(verify.stdout).toContain(
    'note: #4 PATCH /directory/publicKeyInfrastructure/certificateBasedAuthConfigurations/7c1d4e59-2f3a-4b6c-9d8e-0a1b2c3d4e5f got no answer in the capture: not checked',
  );
  expect(verify.stdout).toContain("note: 1 request outside every suite's paths: not checked");
  expect(verify.stdout).toContain(
    'contract.header.mediaType: Wrong media type (step #3 PATCH /directory/publicKeyInfrastructure/certificateBasedAuthConfigurations/7c1d4e59-2f3a-4b6c-9d8e-0a1b2c3d4e5f)',
  );
  expect(verify.stdout).not.toContain('(step #2 GET');
  expect(verify.stdout).toMatch(/: 0 passed, 1 failed, 0 errored, 0 skipped; 2 recorded answers checked, nothing sent/);
});
