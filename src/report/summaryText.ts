import type { ConformanceReport } from './conformanceReport';

/** The console summary: each failed or errored scenario with its failure codes and messages, then the totals. */
export function summaryText(report: ConformanceReport): string {
  const lines: string[] = [];
  for (const s of report.scenarios.filter((x) => x.verdict === 'failed' || x.verdict === 'errored')) {
    lines.push(`${s.verdict.toUpperCase()} ${s.id}  (${s.file})`);
    for (const f of s.failures)
      lines.push(
        `  ${f.code}${f.step ? ` [${f.step}]` : ''}: ${f.message}${f.source ? `  --> ${f.source.file}:${f.source.line}:${f.source.column}` : ''}`,
      );
  }
  const t = report.totals;
  lines.push(
    `conformance (${report.target}): ${t.passed} passed, ${t.failed} failed, ${t.errored} errored, ${t.skipped} skipped`,
  );
  return lines.join('\n');
}
