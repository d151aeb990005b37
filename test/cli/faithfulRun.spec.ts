import { test, expect } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConformanceReport } from '../../src/report/conformanceReport';
import { junitTestcases, scenarioSteps } from './reportFiles';
import { defaultScenarioIds, readConformance, runCli, showOutput, stackTraceLine, type CliResult } from './runCli';

// One `conformance run` of the default suite against the faithful replay target, shared by the tests below.
test.describe.configure({ mode: 'serial' });

let run: CliResult;
let report: ConformanceReport;
let ids: string[];

test.beforeAll(async () => {
  test.setTimeout(300_000);
  ids = defaultScenarioIds();
  run = runCli(['run']);
  report = readConformance(run.reportDir);
});

test('exits 0 when every scenario passes', () => {
  expect(run.status, showOutput(run)).toBe(0);
  expect(run.stdout + run.stderr).not.toMatch(stackTraceLine);
});

test('writes every report README.md names into the report dir', () => {
  for (const name of ['html/index.html', 'junit.xml', 'results.json', 'conformance.json'])
    expect(existsSync(join(run.reportDir, name)), `${name} in ${run.reportDir}`).toBe(true);
});

test('conformance.json has the documented shape and counts every scenario as passed', () => {
  expect(Object.keys(report)).toEqual(
    expect.arrayContaining(['target', 'startedAt', 'finishedAt', 'totals', 'scenarios']),
  );
  expect(report.target).toBe('replay');
  for (const stamp of [report.startedAt, report.finishedAt]) expect(new Date(stamp).toISOString()).toBe(stamp);
  expect(Date.parse(report.finishedAt)).toBeGreaterThanOrEqual(Date.parse(report.startedAt));
  expect(report.totals).toEqual({ passed: ids.length, failed: 0, errored: 0, skipped: 0 });
  expect(report.scenarios.map((s) => s.id).sort()).toEqual(ids);
  for (const s of report.scenarios) {
    expect(s, s.id).toMatchObject({
      id: expect.any(String),
      title: expect.any(String),
      verdict: 'passed',
      failures: [],
    });
    expect(s.file, s.id).toMatch(/^scenarios\/.+\.ya?ml$/);
    expect(existsSync(join(__dirname, '..', '..', s.file)), `${s.file} exists`).toBe(true);
    expect(s.title.length, s.id).toBeGreaterThan(0);
  }
});

test('junit.xml has one passing testcase per scenario', () => {
  const xml = readFileSync(join(run.reportDir, 'junit.xml'), 'utf8');
  const named = junitTestcases(xml).map((c) => c.name);
  expect(named).toHaveLength(ids.length);
  for (const id of ids)
    expect(
      named.filter((n) => n.startsWith(`${id}: `)),
      id,
    ).toHaveLength(1);
  expect(xml).toMatch(new RegExp(`<testsuites [^>]*tests="${ids.length}"[^>]*failures="0"`));
});

test('results.json is Playwright JSON with one passing test per folder and one passing step per scenario', () => {
  const json = JSON.parse(readFileSync(join(run.reportDir, 'results.json'), 'utf8')) as Parameters<
    typeof scenarioSteps
  >[0] & { stats: { expected: number; unexpected: number } };
  expect(json.stats).toMatchObject({ expected: 4, unexpected: 0 }); // update/, reject/, lifecycle/, list/
  const steps = scenarioSteps(json);
  expect(steps.map((s) => s.id).sort()).toEqual([...ids].sort());
  expect(steps.filter((s) => s.error)).toEqual([]);
});

test('the console summary gives the totals line', () => {
  expect(run.stdout).toContain(`conformance (replay): ${ids.length} passed, 0 failed, 0 errored, 0 skipped`);
});
