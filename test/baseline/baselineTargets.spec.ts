import { test, expect } from '@playwright/test';
import { parse } from 'yaml';
import { failure } from '../../src/common/failure';
import type { ScenarioEntry } from '../../src/common/scenarioResult';
import { applyBaseline } from '../../src/baseline/applyBaseline';
import { baselineText } from '../../src/baseline/baselineText';
import type { BaselineEntry } from '../../src/baseline/baseline';
import { totalsOf, type ConformanceReport } from '../../src/report/conformanceReport';

// A baseline in a run against several targets: an entry naming a target holds only there, one without a target holds
// on every target; `baseline update` from a matrix run names each failure's target.

const failed = (target: string, id: string): ScenarioEntry => ({
  id,
  title: id,
  file: `scenarios/${id}.yaml`,
  target,
  verdict: 'failed',
  failures: [failure('contract.body.notPersisted', { message: 'not persisted', pointer: '/body/displayName' })],
});
const passed = (target: string, id: string): ScenarioEntry => ({
  ...failed(target, id),
  verdict: 'passed',
  failures: [],
});

const matrixReport = (scenarios: ScenarioEntry[]): ConformanceReport => ({
  target: 'replay,vendor',
  targets: ['replay', 'vendor'],
  startedAt: '2026-12-02T10:00:00.000Z',
  finishedAt: '2026-12-02T10:01:00.000Z',
  totals: totalsOf(scenarios),
  scenarios,
});

const entry = (scenario: string, target?: string): BaselineEntry => ({
  scenario,
  ...(target ? { target } : {}),
  code: 'contract.body.notPersisted',
  pointer: '/body/displayName',
});

test('an entry with a target holds on that target only; one without holds on every target', () => {
  const report = matrixReport([
    failed('vendor', 'a'),
    failed('replay', 'a'),
    failed('vendor', 'b'),
    failed('replay', 'b'),
  ]);
  const outcome = applyBaseline(report, 'b.yaml', [entry('a', 'vendor'), entry('b')], '2026-12-02');
  const marks = report.scenarios.map((s) => `${s.target}/${s.id}=${s.failures[0].baseline}`);
  expect(marks).toEqual(['vendor/a=known', 'replay/a=new', 'vendor/b=known', 'replay/b=known']);
  expect(outcome).toMatchObject({ known: 3, new: 1, fixed: [] });
});

test('a targeted entry is fixed when its target passes, whatever the other targets do', () => {
  const report = matrixReport([passed('vendor', 'a'), failed('replay', 'a')]);
  const outcome = applyBaseline(report, 'b.yaml', [entry('a', 'vendor'), entry('a', 'replay')], '2026-12-02');
  expect(outcome.fixed.map((e) => e.target)).toEqual(['vendor']);
});

test("baseline update from a matrix run names the target of each failure, and keeps an untargeted entry's reason", () => {
  const report = matrixReport([failed('vendor', 'a'), passed('replay', 'a')]);
  const text = baselineText(report, [{ ...entry('a'), reason: 'vendor bug 123' }]);
  expect((parse(text) as { known: BaselineEntry[] }).known).toEqual([
    { ...entry('a', 'vendor'), reason: 'vendor bug 123' },
  ]);
});
