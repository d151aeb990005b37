import { test, expect } from '@playwright/test';
import { failure } from '../../src/common/failure';
import type { ScenarioEntry } from '../../src/common/scenarioResult';
import { matrixOf } from '../../src/matrix/matrix';
import { matrixHtml } from '../../src/matrix/matrixHtml';
import { matrixMarkdown } from '../../src/matrix/matrixMarkdown';
import { totalsOf, type ConformanceReport } from '../../src/report/conformanceReport';

// The matrix model and its two text renderings, on hand-made reports: what counts as a difference, and text from a
// target (codes, transcripts) that must not break the page or the table.

const entry = (target: string, id: string, verdict: ScenarioEntry['verdict'], codes: string[] = []): ScenarioEntry => ({
  id,
  title: `title of ${id}`,
  file: `scenarios/${id}.yaml`,
  target,
  verdict,
  failures: codes.map((code) => failure(code as never, { message: `${code} happened` })),
});

const reportOf = (scenarios: ScenarioEntry[], targets: string[]): ConformanceReport => ({
  target: targets.join(','),
  targets,
  startedAt: '2026-12-02T10:00:00.000Z',
  finishedAt: '2026-12-02T10:01:00.000Z',
  totals: totalsOf(scenarios),
  scenarios,
});

const targets = [{ name: 'a' }, { name: 'b' }];

test('a row differs on another verdict, on other failure codes, or on a missing cell; not on code order', () => {
  const matrix = matrixOf(
    reportOf(
      [
        entry('a', 'same', 'passed'),
        entry('b', 'same', 'passed'),
        entry('a', 'verdict', 'passed'),
        entry('b', 'verdict', 'errored', ['harness.transport']),
        entry('a', 'codes', 'failed', ['contract.status.unexpected']),
        entry('b', 'codes', 'failed', ['contract.body.notPersisted']),
        entry('a', 'order', 'failed', ['contract.status.unexpected', 'contract.body.notPersisted']),
        entry('b', 'order', 'failed', ['contract.body.notPersisted', 'contract.status.unexpected']),
        entry('a', 'absent', 'passed'),
      ],
      ['a', 'b'],
    ),
    targets,
  );
  const differs = Object.fromEntries(matrix.rows.map((r) => [r.id, r.differs]));
  expect(differs).toEqual({ same: false, verdict: true, codes: true, order: false, absent: true });
  expect(matrix.differing).toBe(3);
  expect(matrix.targets.map((t) => [t.name, t.totals])).toEqual([
    ['a', { passed: 3, failed: 2, errored: 0, skipped: 0 }],
    ['b', { passed: 1, failed: 2, errored: 1, skipped: 0 }],
  ]);
  expect(matrix.rows.find((r) => r.id === 'absent')!.cells.b).toBeUndefined();
});

test('matrix.html: text from a target cannot close the data script or inject markup', () => {
  const hostile = '</script><img src=x onerror=alert(1)>';
  const report = reportOf(
    [entry('a', 'x', 'failed', ['contract.status.unexpected']), entry('b', 'x', 'passed')],
    ['a', 'b'],
  );
  report.scenarios[0].title = hostile;
  const matrix = matrixOf(report, targets, () => ({ failures: hostile, transcript: `HTTP/1.1 500\n\n${hostile}` }));
  const html = matrixHtml(matrix);
  expect(html).not.toContain('<img');
  expect(html.match(/<\/script>/g)).toHaveLength(2); // the data block's own end and the code's own end
  const data = /<script type="application\/json" id="matrix-data">(.*?)<\/script>/s.exec(html)![1];
  expect(JSON.parse(data)).toEqual(JSON.parse(JSON.stringify(matrix)));
});

test('matrix.md: one table row per differing scenario, pipes and line breaks kept inside their cell', () => {
  const report = reportOf(
    [
      entry('a', 'x|y', 'failed', ['weird|code']),
      entry('b', 'x|y', 'passed'),
      entry('a', 'z', 'passed'),
      entry('b', 'z', 'passed'),
    ],
    ['a', 'b'],
  );
  const md = matrixMarkdown(matrixOf(report, targets));
  const rows = md.split('\n').filter((l) => l.startsWith('| `'));
  expect(rows).toEqual(['| `x\\|y` | ❌ failed `weird\\|code` | ✅ passed |']);
  expect(md).toContain('2 scenarios, 1 where the targets differ.');
  const same = matrixMarkdown(
    matrixOf(reportOf([entry('a', 'z', 'passed'), entry('b', 'z', 'passed')], ['a', 'b']), targets),
  );
  expect(same).toContain('Every target gave every scenario the same verdict and failure codes.');
});
