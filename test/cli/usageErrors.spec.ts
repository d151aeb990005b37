import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConformanceReport } from '../../src/report/conformanceReport';
import { conformanceFile, runCli, showOutput, stackTraceLine, type CliResult } from './runCli';

// Mistakes a user makes on the command line or in scenario files: exit 2, a clear message, no stack trace, nothing
// sent.

/** stderr holds one message line (plus at most a pointer to --help), prefixed like every CLI message. */
function expectOneSentence(result: CliResult, mentions: RegExp): void {
  expect(result.status, showOutput(result)).toBe(2);
  expect(result.stderr, showOutput(result)).not.toMatch(stackTraceLine);
  expect(result.stdout).not.toMatch(stackTraceLine);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines[0], showOutput(result)).toMatch(/^conformance: \S.*$/);
  expect(lines[0]).toMatch(mentions);
  expect(
    lines.slice(1).every((l) => /^\(see conformance --help\)$/.test(l)),
    showOutput(result),
  ).toBe(true);
}

/**
 * Playwright never started (no HTML report, results.json or test-results), and the two reports a pipeline reads say the
 * run was refused: conformance.json with no scenario and exit class `refused`, junit.xml with one <error> naming why.
 */
function expectNothingSent(result: CliResult): void {
  expect(readdirSync(result.reportDir).sort()).toEqual(['conformance.json', 'junit.xml']);
  const report = JSON.parse(readFileSync(conformanceFile(result.reportDir), 'utf8')) as ConformanceReport;
  expect(report.scenarios).toEqual([]);
  expect(report.exit).toMatchObject({ code: 2, class: 'refused' });
  expect(report.exit?.message, 'the reason is kept').toBeTruthy();
  const junit = readFileSync(join(result.reportDir, 'junit.xml'), 'utf8');
  expect([...junit.matchAll(/<error /g)]).toHaveLength(1);
  expect(junit).toContain('type="refused"');
}

const usageMistakes: Array<{ args: string[]; mentions: RegExp }> = [
  { args: ['frobnicate'], mentions: /unknown command "frobnicate".*\brun\b.*\blint\b/ },
  { args: ['run', '--frobnicate'], mentions: /--frobnicate/ },
  { args: ['lint', '--frobnicate'], mentions: /--frobnicate/ },
  { args: ['run', '--workers', '0'], mentions: /--workers .*"0"/ },
  { args: ['run', '--workers', 'two'], mentions: /--workers .*"two"/ },
  { args: ['run', '--workers', '1.5'], mentions: /--workers .*"1\.5"/ },
  { args: ['run', '--shard', '1of2'], mentions: /--shard .*I\/N.*"1of2"/ },
  { args: ['run', '--shard', '0/2'], mentions: /--shard .*"0\/2"/ },
  { args: ['run', '--shard', '3/2'], mentions: /--shard 3\/2/ },
  { args: ['run', '--grep', '(unclosed'], mentions: /--grep is not a valid regular expression/ },
  { args: ['run', '--target', 'nowhere'], mentions: /unknown target "nowhere".*\breplay\b/ },
];

for (const { args, mentions } of usageMistakes) {
  test(`conformance ${args.join(' ')} → exit 2 with one clear sentence`, () => {
    const result = runCli(args, { timeoutMs: 90_000 });
    expectOneSentence(result, mentions);
    if (args[0] === 'run') expectNothingSent(result);
    else expect(readdirSync(result.reportDir), 'only a run writes reports').toEqual([]);
  });
}

test('a --grep that matches nothing → exit 2, naming the pattern, nothing sent', () => {
  const result = runCli(['run', '--grep', 'no-scenario-is-called-this'], { timeoutMs: 90_000 });
  expectOneSentence(result, /no scenario matches --grep no-scenario-is-called-this; nothing was sent/);
  expectNothingSent(result);
});

test('a --tag that no scenario carries → exit 2, naming the tag, nothing sent', () => {
  const result = runCli(['run', '--tag', 'no-such-tag'], { timeoutMs: 90_000 });
  expectOneSentence(result, /no scenario matches --tag no-such-tag/);
  expectNothingSent(result);
});

test('lint of a broken fixture folder → exit 2, file:line:column frames with carets, no stack trace', () => {
  const result = runCli(['lint', 'test/fixtures/broken'], { timeoutMs: 90_000 });
  expect(result.status, showOutput(result)).toBe(2);
  expect(result.stderr).not.toMatch(stackTraceLine);
  expect(result.stdout).not.toMatch(stackTraceLine);
  expect(result.stderr).toMatch(/^ {2}--> test\/fixtures\/broken\/unknown-property\/misspelt-expect\.yaml:6:5$/m);
  expect(result.stderr).toMatch(/^6 \| {5}expcet:$/m);
  expect(result.stderr).toMatch(/^ {2}\| {5}\^{6} did you mean `expect`\?$/m);
  expect(result.stderr).toMatch(/\n\d+ problems in \d+ files; nothing was sent\.\n$/);
  for (const frame of result.stderr.matchAll(/^ {2}--> (test\/fixtures\/\S+):(\d+):(\d+)$/gm))
    expect(Number(frame[2])).toBeGreaterThan(0);
});

test('lint of a missing path → exit 2, naming it', () => {
  const result = runCli(['lint', 'test/fixtures/no-such-folder'], { timeoutMs: 90_000 });
  expect(result.status, showOutput(result)).toBe(2);
  expect(result.stderr).toContain('test/fixtures/no-such-folder');
  expect(result.stderr).not.toMatch(stackTraceLine);
});

test('run of a broken fixture folder → exit 2, the problems, and nothing sent', () => {
  const result = runCli(['run', 'test/fixtures/broken/unknown-property'], { timeoutMs: 90_000 });
  expect(result.status, showOutput(result)).toBe(2);
  expect(result.stderr).toContain(
    'error[scenario.schema.additionalProperties]: unknown property `expcet` in `steps[0]`',
  );
  expect(result.stderr).toMatch(/--> test\/fixtures\/broken\/unknown-property\/misspelt-expect\.yaml:6:5\n/);
  expect(result.stderr).toMatch(/nothing was sent\.\n$/);
  expect(result.stderr + result.stdout).not.toMatch(stackTraceLine);
  expectNothingSent(result);
});

test('no command prints the usage and exits 2; --help exits 0', () => {
  const none = runCli([], { timeoutMs: 90_000 });
  expect(none.status).toBe(2);
  expect(none.stdout).toMatch(/^Usage: conformance <command>/);
  const help = runCli(['--help'], { timeoutMs: 90_000 });
  expect(help.status).toBe(0);
  expect(help.stdout).toMatch(/Exit codes: 0 every scenario passed; 1 at least one contract failure; 2 usage/);
});
