import { verdictMarks } from '../report/scenarioLine';
import type { TargetHistory } from './historyView';

/** What `conformance history` prints and writes as JSON: the file and each target's view of its last runs. */
export interface HistoryReport {
  file: string;
  /** How many of each target's last runs the flaky, trouble and duration figures cover. */
  window: number;
  targets: TargetHistory[];
}

const list = (items: Array<{ scenario: string; codes: string[] }>): string[] =>
  items.map((i) => `    ${i.scenario}${i.codes.length ? `  ${i.codes.join(' ')}` : ''}`);

/** The history as text: per target, what changed since the previous run, flaky scenarios, trouble, slowest scenarios. */
export function historyText(report: HistoryReport): string {
  const out: string[] = [];
  if (report.targets.length === 0) out.push(`history ${report.file}: no runs yet`);
  for (const t of report.targets) {
    const totals = (s: NonNullable<TargetHistory['last']>) =>
      `${s.totals.passed} passed, ${s.totals.failed} failed, ${s.totals.errored} errored, ${s.totals.skipped} skipped`;
    out.push(`${t.target}: ${t.runs} run(s) in the window of ${report.window}`);
    if (t.last) out.push(`  last run     ${t.last.startedAt}  ${totals(t.last)}`);
    if (t.previous) out.push(`  previous run ${t.previous.startedAt}  ${totals(t.previous)}`);
    const c = t.changes;
    out.push(
      `  since the previous run: ${c.newFailures.length} new failure(s), ${c.fixed.length} fixed, ${c.newlyErrored.length} newly errored`,
    );
    if (c.newFailures.length) out.push('  new failures:', ...list(c.newFailures));
    if (c.fixed.length) out.push('  fixed:', ...list(c.fixed));
    if (c.newlyErrored.length) out.push('  newly errored:', ...list(c.newlyErrored));
    out.push(`  flaky (${t.flaky.length}): a contract verdict that changed at least 3 times, or passed on a retry`);
    for (const f of t.flaky) {
      const strip = t.strips
        .find((s) => s.scenario === f.scenario)!
        .verdicts.map((v) => (v ? verdictMarks[v] : ' '))
        .join('');
      const why = [
        f.verdictChanges ? `${f.verdictChanges} verdict changes` : '',
        f.passedOnRetry ? `passed on retry in ${f.passedOnRetry} run(s)` : '',
      ].filter(Boolean);
      out.push(`    ${f.scenario}  [${strip}]  ${why.join(', ')}`);
    }
    const tr = t.trouble;
    out.push(
      `  target trouble (not counted as flaky): ${tr.errored} errored, ${tr.throttled} throttled, ${tr.unavailable} unavailable, ${tr.lost} lost, ${tr.retried} retried; ${tr.runsWithoutVerdict} run(s) without a verdict`,
    );
    for (const s of tr.byScenario.slice(0, 10))
      out.push(
        `    ${s.scenario}  ${[
          s.errored && `${s.errored} errored`,
          s.throttled && `${s.throttled} throttled`,
          s.unavailable && `${s.unavailable} unavailable`,
          s.lost && `${s.lost} lost`,
          s.retried && `${s.retried} retried`,
        ]
          .filter(Boolean)
          .join(', ')}`,
      );
    const slow = t.durations.slice(0, 5);
    if (slow.length) {
      out.push('  slowest (median / p95 / last, ms):');
      for (const d of slow)
        out.push(`    ${d.scenario}  ${d.medianMs} / ${d.p95Ms} / ${d.lastMs ?? '-'}  over ${d.runs} run(s)`);
    }
  }
  return out.join('\n');
}
