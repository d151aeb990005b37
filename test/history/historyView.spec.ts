import { test, expect } from '@playwright/test';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Verdict } from '../../src/common/scenarioResult';
import { HistoryDb } from '../../src/history/historyDb';
import type { HistoryRun, HistoryVerdict } from '../../src/history/historyRecord';
import { changesBetween, targetHistory } from '../../src/history/historyView';
import { tempDir } from '../cli/tempDir';

// The rules of the history views on hand-made runs: what is flaky and what is the target's trouble, what changed
// between two runs, and a database the harness cannot read.

const verdict = (scenario: string, v: Verdict, more: Partial<HistoryVerdict> = {}): HistoryVerdict => ({
  scenario,
  title: scenario,
  verdict: v,
  codes: v === 'failed' ? ['contract.status.unexpected'] : v === 'errored' ? ['harness.transport'] : [],
  retries: 0,
  earlier: [],
  throttled: 0,
  unavailable: 0,
  lost: 0,
  durationMs: 10,
  ...more,
});

const run = (night: number, verdicts: HistoryVerdict[]): HistoryRun => ({
  target: 't',
  startedAt: `2026-12-${String(night).padStart(2, '0')}T02:00:00.000Z`,
  finishedAt: `2026-12-${String(night).padStart(2, '0')}T02:05:00.000Z`,
  totals: { passed: 0, failed: 0, errored: 0, skipped: 0 },
  source: 'run',
  metadata: {},
  verdicts,
});

test('errored nights are no verdict: passed, errored, passed, errored… is never flaky, but it is trouble', () => {
  const runs = Array.from({ length: 10 }, (_, i) => run(i + 1, [verdict('s', i % 2 ? 'errored' : 'passed')]));
  const view = targetHistory('t', runs);
  expect(view.flaky).toEqual([]);
  expect(view.trouble.errored).toBe(5);
  expect(view.changes.newlyErrored).toEqual([{ scenario: 's', codes: ['harness.transport'] }]);
});

test('passed on a retry after failing is flaky; after an errored attempt it is only retried', () => {
  const view = targetHistory('t', [
    run(1, [
      verdict('after-failure', 'passed', { retries: 1, earlier: ['failed'] }),
      verdict('after-error', 'passed', { retries: 1, earlier: ['errored'], throttled: 4 }),
    ]),
  ]);
  expect(view.flaky).toEqual([
    { scenario: 'after-failure', title: 'after-failure', verdictChanges: 0, passedOnRetry: 1 },
  ]);
  expect(view.trouble).toMatchObject({ retried: 2, throttled: 4 });
});

test('two failures changes: a new code is a new failure, the same code is not; a pass after a failure is fixed', () => {
  const before = run(1, [verdict('same', 'failed'), verdict('other', 'failed'), verdict('fixed', 'failed')]);
  const after = run(2, [
    verdict('same', 'failed'),
    verdict('other', 'failed', { codes: ['contract.body.notPersisted'] }),
    verdict('fixed', 'passed'),
    verdict('brand-new', 'failed'),
  ]);
  expect(changesBetween(before, after)).toEqual({
    newFailures: [
      { scenario: 'other', codes: ['contract.body.notPersisted'] },
      { scenario: 'brand-new', codes: ['contract.status.unexpected'] },
    ],
    fixed: [{ scenario: 'fixed', codes: ['contract.status.unexpected'] }],
    newlyErrored: [],
  });
});

test('the database keeps runs across opens, skips a run stored twice, and refuses a newer schema', () => {
  const file = join(tempDir('history-db'), 'h.sqlite');
  const db = HistoryDb.open(file);
  expect(db.append([run(1, [verdict('s', 'passed')]), run(2, [verdict('s', 'failed')])])).toBe(2);
  expect(db.append([run(2, [verdict('s', 'failed')])])).toBe(0);
  db.close();
  const again = HistoryDb.open(file, false);
  expect(again.lastRuns('t', 10).map((r) => r.verdicts[0].verdict)).toEqual(['passed', 'failed']);
  expect(again.lastRuns('t', 1, '2026-12-02T02:00:00.000Z').map((r) => r.startedAt)).toEqual([
    '2026-12-01T02:00:00.000Z',
  ]);
  again.close();
  const raw = new Database(file);
  raw.pragma('user_version = 9');
  raw.close();
  expect(() => HistoryDb.open(file)).toThrow(/written by a newer graph-conformance \(history schema 9/);
});
