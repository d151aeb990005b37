import type { ConformanceReport } from './conformanceReport';
import { renderFailures } from './renderFailure';

/**
 * The console summary: each failed or errored scenario with its failures rendered as the YAML that stated them (code,
 * message, ` --> file:line:col`, the line and a caret), then the totals.
 */
export function summaryText(report: ConformanceReport): string {
  const lines: string[] = [];
  for (const s of report.scenarios.filter((x) => x.verdict === 'failed' || x.verdict === 'errored')) {
    lines.push(`${s.verdict.toUpperCase()} ${s.id}  (${s.file})`);
    lines.push(renderFailures(s.failures).replace(/^/gm, '  '), '');
  }
  const t = report.totals;
  lines.push(
    `conformance (${report.target}): ${t.passed} passed, ${t.failed} failed, ${t.errored} errored, ${t.skipped} skipped`,
  );
  return lines.join('\n');
}
