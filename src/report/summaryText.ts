import { totalsOf, type ConformanceReport } from './conformanceReport';
import { renderFailures } from './renderFailure';

/**
 * The console summary: each failed or errored scenario with its failures rendered as the YAML that stated them (code,
 * message, ` --> file:line:col`, the line and a caret), then the totals.
 */
export function summaryText(report: ConformanceReport): string {
  const lines: string[] = [];
  for (const s of report.scenarios.filter((x) => x.verdict === 'failed' || x.verdict === 'errored')) {
    const fresh = s.newSinceLastRun ? '  (new since the last run)' : '';
    lines.push(`${s.verdict.toUpperCase()} ${s.id}${s.target ? ` [${s.target}]` : ''}  (${s.file})${fresh}`);
    lines.push(renderFailures(s.failures).replace(/^/gm, '  '), '');
  }
  const line = (t: ConformanceReport['totals']) =>
    `${t.passed} passed, ${t.failed} failed, ${t.errored} errored, ${t.skipped} skipped`;
  // A matrix run: each target's totals, then the run's (reports/matrix.html sets them side by side).
  for (const target of report.targets ?? [])
    lines.push(`  ${target}: ${line(totalsOf(report.scenarios.filter((s) => s.target === target)))}`);
  const t = report.totals;
  lines.push(
    `conformance (${report.target}): ${t.passed} passed, ${t.failed} failed, ${t.errored} errored, ${t.skipped} skipped`,
  );
  return lines.join('\n');
}
