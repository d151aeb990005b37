import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCassettes } from '../recordings/loadCassettes';
import type { CassetteVerdict } from '../recordings/cassetteVerdict';
import { verifyCassettes } from '../recordings/verifyCassettes';
import { exitCodeOf, totalsOf, type ConformanceReport } from '../report/conformanceReport';
import { renderFailures } from '../report/renderFailure';
import { loadRun } from '../scenario/loadRun';
import { runSettings } from '../runner/runSettings';
import { projectRoot } from '../common/projectRoot';
import { log, UsageError } from '../common/log';
import { counted } from '../common/counted';
import { printProblems } from './printProblems';

/**
 * `conformance verify-recordings [PATH] [--report-dir DIR]`: judges every recorded answer by today's contracts and
 * scenarios, sending nothing.
 */
export async function verifyRecordingsCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'report-dir': { type: 'string' }, dir: { type: 'string' } },
  });
  if (positionals.length + (values.dir === undefined ? 0 : 1) > 1)
    throw new UsageError(`verify-recordings takes one cassette set (--dir) or one folder or .har file`);
  const path = resolve(values.dir ?? positionals[0] ?? join(projectRoot, 'recordings'));
  const shown = relative(process.cwd(), path) || path;
  const settings = runSettings();
  const loaded = loadRun({ ...settings, grep: undefined, tag: undefined });
  const cassettes = loadCassettes(path);
  const problems = [...loaded.problems, ...cassettes.problems];
  if (printProblems(problems)) return 2;
  if (cassettes.cassettes.length === 0) {
    log.error(`no cassette (*.har) under ${shown}; record some with \`conformance record --target NAME\``);
    return 2;
  }
  const startedAt = new Date().toISOString();
  const verdicts = await verifyCassettes(cassettes.cassettes, loaded.scenarios, loaded.contracts, settings.runId);
  for (const v of verdicts) log.info(describe(v));
  const report: ConformanceReport = {
    target: `recordings:${shown}`,
    startedAt,
    finishedAt: new Date().toISOString(),
    totals: { passed: 0, failed: 0, errored: 0, skipped: 0 },
    scenarios: verdicts.map((v) => ({
      id: v.scenario ?? v.file,
      title: v.file,
      file: v.scenarioFile ?? v.file,
      verdict: v.verdict,
      failures: v.failures,
    })),
  };
  report.totals = totalsOf(report.scenarios);
  if (values['report-dir'] !== undefined) {
    mkdirSync(resolve(values['report-dir']), { recursive: true });
    writeFileSync(join(resolve(values['report-dir']), 'conformance.json'), `${JSON.stringify(report, null, 2)}\n`);
  }
  const t = report.totals;
  const checked = verdicts.reduce((n, v) => n + v.checked, 0);
  log.info(
    `verify-recordings (${shown}): ${t.passed} passed, ${t.failed} failed, ${t.errored} errored, ${t.skipped} skipped; ${checked} recorded answers checked, nothing sent`,
  );
  return exitCodeOf(report);
}

/** One cassette's line, and for a failed or errored one its failures rendered exactly as a run renders them. */
function describe(v: CassetteVerdict): string {
  const head = `${v.verdict.toUpperCase().padEnd(7)} ${v.file}  (${v.scenario ? `scenario ${v.scenario}, ` : ''}${counted(v.checked, 'answer')})`;
  const notes = v.notes.map((n) => `  note: ${n}`);
  const failures = v.failures.length ? [renderFailures(v.failures).replace(/^/gm, '  '), ''] : [];
  return [head, ...notes, ...failures].join('\n');
}
