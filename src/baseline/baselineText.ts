import { isHarnessFailure } from '../common/failure';
import type { ConformanceReport } from '../report/conformanceReport';
import { baselineKey, type BaselineEntry } from './baseline';

/**
 * The baseline file for a run's contract failures (`conformance baseline update`): one entry per scenario, code and
 * pointer, keeping the reason, owner and expiry an existing file gave the same failure. Harness failures (no verdict)
 * are never baselined.
 */
export function baselineText(
  report: ConformanceReport,
  existing: BaselineEntry[] = [],
  schemaPath = 'schemas/baseline.schema.json',
): string {
  const kept = new Map(existing.map((e) => [baselineKey(e), e]));
  const known: BaselineEntry[] = [];
  const seen = new Set<string>();
  for (const scenario of report.scenarios)
    for (const failure of scenario.failures) {
      if (isHarnessFailure(failure)) continue;
      // A matrix run's failures are known on the target that had them.
      const entry = { scenario: scenario.id, target: scenario.target, code: failure.code, pointer: failure.pointer };
      const key = baselineKey(entry);
      if (seen.has(key)) continue;
      seen.add(key);
      const { reason, owner, expires } = kept.get(key) ?? kept.get(baselineKey({ ...entry, target: undefined })) ?? {};
      const full: Record<string, string | undefined> = { ...entry, reason, owner, expires };
      known.push(
        Object.fromEntries(Object.entries(full).filter(([, v]) => v !== undefined)) as unknown as BaselineEntry,
      );
    }
  const { stringify } = require('yaml') as typeof import('yaml');
  const header = [
    `# yaml-language-server: $schema=${schemaPath}`,
    `# Known failures of ${report.target} (${report.finishedAt}). \`conformance run --baseline FILE\` fails only on others.`,
    '# Add reason:, owner: and expires: (YYYY-MM-DD) to an entry; `conformance baseline update` keeps them.',
  ].join('\n');
  return `${header}\n${stringify({ known }, { lineWidth: 0 })}`;
}
