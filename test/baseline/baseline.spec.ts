import { test, expect } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConformanceReport } from '../../src/report/conformanceReport';
import { freshReportDir, readConformance, runCli, showOutput } from '../cli/runCli';
import { tempDir } from '../cli/tempDir';

// A release gate with known, accepted failures goes red only on new ones, and says when a known one got fixed.
// Two breaks of the replay simulator give the failures: odata-type-lowercase (known) and patch-not-persisted (new).

const scenarios = ['--grep', '^pki-update-(display-name|status)$'];
const known = 'odata-type-lowercase';

test.describe.configure({ mode: 'serial' });

let baseline = '';

test('baseline update writes each contract failure of the last run by scenario, code and pointer', () => {
  const reportDir = freshReportDir('baseline');
  const run = runCli(['run', ...scenarios], { env: { CONFORMANCE_REPLAY_BREAKS: known }, reportDir });
  expect(run.status, showOutput(run)).toBe(1);
  baseline = join(tempDir('baseline-file'), 'baseline.yaml');
  const update = runCli(['baseline', 'update', '--out', baseline, '--report-dir', reportDir]);
  expect(update.status, showOutput(update)).toBe(0);
  const text = readFileSync(baseline, 'utf8');
  expect(text).toMatch(/^# yaml-language-server: \$schema=\S+baseline\.schema\.json$/m);
  expect(text).toMatch(
    /- scenario: pki-update-display-name\n {4}code: contract\.body\.odataType\n {4}pointer: \/body\/@odata\.type/,
  );
  expect(text).not.toMatch(/message|harness\./);
  // A reason and an owner, as a user adds them; update keeps them.
  writeFileSync(
    baseline,
    text.replace(
      '    pointer: /body/@odata.type\n',
      '    pointer: /body/@odata.type\n    reason: vendor bug 123\n    owner: qa\n',
    ),
  );
  const again = runCli(['baseline', 'update', '--out', baseline, '--report-dir', reportDir]);
  expect(again.status, showOutput(again)).toBe(0);
  expect(readFileSync(baseline, 'utf8')).toContain('reason: vendor bug 123');
});

test('only known failures: exit 0, each failure marked known in conformance.json, skipped with the reason in junit.xml', () => {
  const run = runCli(['run', ...scenarios, '--baseline', baseline], { env: { CONFORMANCE_REPLAY_BREAKS: known } });
  expect(run.status, showOutput(run)).toBe(0);
  const report: ConformanceReport = readConformance(run.reportDir);
  const failures = report.scenarios.flatMap((s) => s.failures);
  expect(failures.length).toBeGreaterThan(0);
  expect(failures.every((f) => f.baseline === 'known')).toBe(true);
  expect(report.baseline).toMatchObject({ new: 0, expired: 0, fixed: [] });
  expect(report.exit).toMatchObject({ code: 0, class: 'passed' });
  const junit = readFileSync(join(run.reportDir, 'junit.xml'), 'utf8');
  expect(junit).not.toMatch(/<failure /);
  expect(junit).toMatch(/<skipped\/>\s*<system-out><!\[CDATA\[known failure \(baseline\): vendor bug 123; owner qa/);
});

test('a new failure beside the known ones: exit 1, and it is the only one listed as new', () => {
  const run = runCli(['run', ...scenarios, '--baseline', baseline], {
    env: { CONFORMANCE_REPLAY_BREAKS: `${known},patch-not-persisted` },
  });
  expect(run.status, showOutput(run)).toBe(1);
  const report = readConformance(run.reportDir);
  const fresh = report.scenarios.flatMap((s) =>
    s.failures.filter((f) => f.baseline === 'new').map((f) => `${s.id} ${f.code}`),
  );
  expect(fresh.length).toBeGreaterThan(0);
  expect(fresh.every((f) => f.endsWith('contract.body.notPersisted'))).toBe(true);
  expect(run.stdout).toMatch(/^baseline: new failure pki-update-\S+ contract\.body\.notPersisted at \/body\//m);
  expect(run.stdout).not.toMatch(/^baseline: new failure .*odataType/m);
});

test('a known failure that no longer happens is reported fixed with the line to delete; --strict-baseline fails on it', () => {
  const run = runCli(['run', ...scenarios, '--baseline', baseline]);
  expect(run.status, showOutput(run)).toBe(0);
  expect(run.stdout).toMatch(
    /^baseline: fixed pki-update-display-name contract\.body\.odataType at \/body\/@odata\.type: delete line \d+ of \S+baseline\.yaml$/m,
  );
  const report = readConformance(run.reportDir);
  expect(report.baseline?.fixed.length).toBeGreaterThan(0);
  const strict = runCli(['run', ...scenarios, '--baseline', baseline, '--strict-baseline']);
  expect(strict.status, showOutput(strict)).toBe(1);
});

test('an expired entry counts as a failure again', () => {
  const expired = join(tempDir('baseline-expired'), 'baseline.yaml');
  writeFileSync(expired, readFileSync(baseline, 'utf8').replace(/ {4}code: /g, '    expires: 2020-01-01\n    code: '));
  const run = runCli(['run', ...scenarios, '--baseline', expired], { env: { CONFORMANCE_REPLAY_BREAKS: known } });
  expect(run.status, showOutput(run)).toBe(1);
  const report = readConformance(run.reportDir);
  expect(report.scenarios.flatMap((s) => s.failures).every((f) => f.baseline === 'expired')).toBe(true);
});

test('a broken baseline file is refused before anything is sent: exit 2 with its line', () => {
  const broken = join(tempDir('baseline-broken'), 'baseline.yaml');
  writeFileSync(broken, 'known:\n  - scenario: x\n    cod: contract.status.unexpected\n');
  const run = runCli(['run', ...scenarios, '--baseline', broken]);
  expect(run.status, showOutput(run)).toBe(2);
  expect(run.stderr).toMatch(/error\[baseline\.schema\.additionalProperties\]: unknown property `cod`/);
  expect(run.stderr).toMatch(/--> \S+baseline\.yaml:3:5/);
});
