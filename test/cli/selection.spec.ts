import { test, expect } from '@playwright/test';
import { defaultScenarios, readConformance, runCli, showOutput } from './runCli';

// --grep, --tag and --shard choose which scenarios run; each run here goes to its own temp report dir.
test.describe.configure({ timeout: 600_000 });

function ranIds(reportDir: string): string[] {
  return readConformance(reportDir)
    .scenarios.map((s) => s.id)
    .sort();
}

test('--grep pki-update-display-name runs only the scenarios whose id or title matches', () => {
  const grep = /pki-update-display-name/;
  const expected = defaultScenarios()
    .filter((s) => grep.test(s.id) || grep.test(s.title))
    .map((s) => s.id)
    .sort();
  expect(expected).toContain('pki-update-display-name');
  const result = runCli(['run', '--grep', 'pki-update-display-name']);
  expect(result.status, showOutput(result)).toBe(0);
  expect(ranIds(result.reportDir)).toEqual(expected);
  expect(readConformance(result.reportDir).totals).toEqual({
    passed: expected.length,
    failed: 0,
    errored: 0,
    skipped: 0,
  });
});

test('--tag smoke runs only the scenarios tagged smoke', () => {
  const expected = defaultScenarios()
    .filter((s) => s.tags.includes('smoke'))
    .map((s) => s.id)
    .sort();
  expect(expected.length).toBeGreaterThan(0);
  expect(expected.length).toBeLessThan(defaultScenarios().length);
  const result = runCli(['run', '--tag', 'smoke']);
  expect(result.status, showOutput(result)).toBe(0);
  expect(ranIds(result.reportDir)).toEqual(expected);
});

test.describe('--shard', () => {
  test.describe.configure({ mode: 'serial' });
  const memo = new Map<string, [string[], string[]]>();

  /** Runs both halves with the same extra flags (once per flag set) and returns the ids each one ran. */
  function shards(extra: string[]): [string[], string[]] {
    const known = memo.get(extra.join(' '));
    if (known) return known;
    const runs = ['1/2', '2/2'].map((shard) => runCli(['run', '--shard', shard, ...extra]));
    for (const r of runs) expect(r.status, showOutput(r)).toBe(0);
    const result: [string[], string[]] = [ranIds(runs[0].reportDir), ranIds(runs[1].reportDir)];
    memo.set(extra.join(' '), result);
    return result;
  }

  function expectEachOnce([a, b]: [string[], string[]]): void {
    expect(
      a.filter((id) => b.includes(id)),
      'scenarios run by both shards',
    ).toEqual([]);
    expect([...a, ...b].sort()).toEqual(
      defaultScenarios()
        .map((s) => s.id)
        .sort(),
    );
  }

  test('1/2 and 2/2 together run every scenario exactly once', () => {
    expectEachOnce(shards([]));
  });

  test('with --workers 2, each shard runs about half of the scenarios, and together each once', () => {
    const [a, b] = shards(['--workers', '2']);
    expectEachOnce([a, b]);
    expect(Math.abs(a.length - b.length)).toBeLessThanOrEqual(1);
  });

  test('with the default --workers, each shard runs about half of the scenarios', () => {
    const [a, b] = shards([]);
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
  });
});
