import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { counted } from '../common/counted';
import { log, UsageError } from '../common/log';
import { projectRoot } from '../common/projectRoot';
import { baselineText } from '../baseline/baselineText';
import { loadBaseline } from '../baseline/loadBaseline';
import type { ConformanceReport } from '../report/conformanceReport';
import { runSettings } from '../runner/runSettings';
import { printProblems } from './printProblems';

/** The baseline file `baseline update` writes when no --out is given. */
export const defaultBaselineFile = 'conformance-baseline.yaml';

/**
 * `conformance baseline update [--out FILE] [--report-dir DIR]`: writes the known failures of the last run (its
 * conformance.json) as a baseline, keeping the reason, owner and expiry of entries the file already had.
 */
export async function baselineCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' }, 'report-dir': { type: 'string' } },
  });
  if (positionals[0] !== 'update' || positionals.length > 1)
    throw new UsageError('baseline takes one subcommand: update [--out FILE] [--report-dir DIR]');
  const reportDir = resolve(values['report-dir'] ?? runSettings().reportDir);
  const reportFile = join(reportDir, 'conformance.json');
  if (!existsSync(reportFile))
    throw new UsageError(`no ${relative(process.cwd(), reportFile)}: run the suite first (npx conformance run)`);
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as ConformanceReport;
  if (report.scenarios.length === 0)
    throw new UsageError(
      `${relative(process.cwd(), reportFile)} holds no scenario (the run stopped early): nothing to baseline`,
    );
  const out = resolve(values.out ?? join(projectRoot, defaultBaselineFile));
  const existing = existsSync(out) ? loadBaseline(out) : undefined;
  if (existing && printProblems(existing.problems)) return 2;
  const schema = relative(dirname(out), join(projectRoot, 'schemas', 'baseline.schema.json'));
  const text = baselineText(report, existing?.entries, schema);
  writeFileSync(out, text);
  const entries = (text.match(/^ {2}- scenario:/gm) ?? []).length;
  log.info(`wrote ${counted(entries, 'known failure')} of ${report.target} to ${relative(process.cwd(), out) || out}`);
  return 0;
}
