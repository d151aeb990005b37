import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConformanceReport } from '../../src/report/conformanceReport';
import { junitTestcases, scenarioSteps } from './reportFiles';
import { defaultScenarioIds, projectRoot, readConformance, runCli, showOutput, type CliResult } from './runCli';

// One run against a replay target that forgets PATCHes (CONFORMANCE_REPLAY_BREAKS=patch-not-persisted), shared below.
test.describe.configure({ mode: 'serial' });

let run: CliResult;
let report: ConformanceReport;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  run = runCli(['run'], { env: { CONFORMANCE_REPLAY_BREAKS: 'patch-not-persisted' } });
  report = readConformance(run.reportDir);
});

test('exits 1: a contract failure, not a usage error or "no verdict"', () => {
  expect(run.status, showOutput(run)).toBe(1);
});

test('conformance.json counts the failures as failed, never as errored, and still covers every scenario', () => {
  const ids = defaultScenarioIds();
  expect(report.scenarios.map((s) => s.id).sort()).toEqual(ids);
  expect(report.totals.failed).toBeGreaterThan(0);
  expect(report.totals.errored).toBe(0);
  expect(report.totals.passed + report.totals.failed).toBe(ids.length);
  expect(report.totals.failed).toBe(report.scenarios.filter((s) => s.verdict === 'failed').length);
});

test('the PATCH-and-GET scenarios fail with contract.body.notPersisted and the data to see why', () => {
  const failed = report.scenarios.filter((s) => s.verdict === 'failed');
  expect(failed.map((s) => s.id)).toContain('pki-update-display-name');
  const notPersisted = failed.flatMap((s) =>
    s.failures.filter((f) => f.code === 'contract.body.notPersisted').map((f) => ({ id: s.id, ...f })),
  );
  expect(notPersisted.length).toBeGreaterThan(0);
  for (const f of notPersisted) {
    expect(f, f.id).toMatchObject({
      title: expect.any(String),
      message: expect.any(String),
      pointer: expect.stringMatching(/^\/body\/\w+$/),
    });
    expect(f.expected, f.id).not.toEqual(f.actual);
  }
  const displayName = failed.find((s) => s.id === 'pki-update-display-name')!.failures;
  expect(displayName).toEqual([
    expect.objectContaining({ code: 'contract.body.notPersisted', pointer: '/body/displayName', step: 'persisted' }),
  ]);
  expect(displayName[0].message).toMatch(
    /^step patch set displayName to "Contoso PKI \d+", but GET now returns "graph-conformance scratch \d+"$/,
  );
});

test("each failure's source points at the `persisted:` expectation in the scenario YAML", () => {
  const failures = report.scenarios.flatMap((s) =>
    s.failures.filter((f) => f.code === 'contract.body.notPersisted').map((f) => ({ scenario: s, f })),
  );
  for (const { scenario, f } of failures) {
    expect(f.source, scenario.id).toBeDefined();
    const { file, line, column } = f.source!;
    expect(file, scenario.id).toBe(scenario.file);
    expect(file).toMatch(/^scenarios\/.+\.yaml$/);
    const text = readFileSync(join(projectRoot, file), 'utf8').split(/\r?\n/)[line - 1];
    expect(text, `${file}:${line}`).toBeDefined();
    // The column is that of the step name `persisted:` refers to, so the text just before it is the key.
    expect(text.slice(0, column - 1), `${file}:${line}:${column}`).toMatch(/persisted:\s*$/);
  }
});

test('the console summary names each failed scenario, its failure code and where the YAML says so', () => {
  expect(run.stdout).toMatch(
    /^FAILED pki-update-display-name {2}\(scenarios\/graph-pki\/update\/display-name\.yaml\)$/m,
  );
  // Each failure as the YAML that stated it: code and title, the message, ` --> file:line:col`, the line, a caret.
  expect(run.stdout).toMatch(
    /^ {2}contract\.body\.notPersisted: Change not persisted \(step persisted\)\n {4}step patch set displayName .+\n {4}--> scenarios\/graph-pki\/update\/display-name\.yaml:\d+:\d+\n.*\|\n.*\| .*persisted: patch.*\n.*\| +\^/m,
  );
  // The console is a list of scenarios with their verdicts, not Playwright's batches.
  expect(run.stdout).toMatch(/^ {2}✘ pki-update-display-name {2}PATCH displayName .+ \(\d+ ms\) failed$/m);
  expect(run.stdout).not.toMatch(/specs\/conformance\.spec\.ts|\d+ passed \(/);
  const t = report.totals;
  expect(run.stdout).toContain(`conformance (replay): ${t.passed} passed, ${t.failed} failed, 0 errored, 0 skipped`);
});

/** The scenario ids of junit.xml's testcases that hold a child element of this name (`failure` or `error`). */
function junitCases(xml: string, element: 'failure' | 'error'): string[] {
  return junitTestcases(xml)
    .filter((c) => new RegExp(`<${element}[\\s>]`).test(c.body))
    .map((c) => c.name.split(':')[0])
    .sort();
}

test('junit.xml has one testcase per scenario and marks exactly the failed ones as not passing', () => {
  const xml = readFileSync(join(run.reportDir, 'junit.xml'), 'utf8');
  expect([...xml.matchAll(/<testcase\s/g)]).toHaveLength(report.scenarios.length);
  const failed = report.scenarios
    .filter((s) => s.verdict === 'failed')
    .map((s) => s.id)
    .sort();
  expect([...junitCases(xml, 'failure'), ...junitCases(xml, 'error')].sort()).toEqual(failed);
});

test('results.json holds one step per scenario, with an error exactly on the failed ones', () => {
  const json = JSON.parse(readFileSync(join(run.reportDir, 'results.json'), 'utf8')) as Parameters<
    typeof scenarioSteps
  >[0];
  const steps = scenarioSteps(json);
  expect(steps.map((s) => s.id).sort()).toEqual(report.scenarios.map((s) => s.id).sort());
  const failed = report.scenarios
    .filter((s) => s.verdict === 'failed')
    .map((s) => s.id)
    .sort();
  expect(
    steps
      .filter((s) => s.error)
      .map((s) => s.id)
      .sort(),
  ).toEqual(failed);
  for (const s of steps.filter((x) => x.error)) expect(s.error).toContain(`failed: ${s.id}`);
});

test('junit.xml reports contract failures as <failure>, not as <error> (errors are for "no verdict")', () => {
  const xml = readFileSync(join(run.reportDir, 'junit.xml'), 'utf8');
  const failed = report.scenarios
    .filter((s) => s.verdict === 'failed')
    .map((s) => s.id)
    .sort();
  expect(xml).toMatch(new RegExp(`<testsuites [^>]*failures="${failed.length}"[^>]*errors="0"`));
  expect(junitCases(xml, 'failure')).toEqual(failed);
  expect(junitCases(xml, 'error')).toEqual([]);
});
