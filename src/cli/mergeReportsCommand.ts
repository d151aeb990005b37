import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { listFiles } from '../common/listFiles';
import { log, UsageError } from '../common/log';
import { exitClassOf, type ConformanceReport } from '../report/conformanceReport';
import { loadBaseline } from '../baseline/loadBaseline';
import { printProblems } from './printProblems';
import { judgeBaseline } from './runReports';
import { writeRunReports } from '../report/writeRunReports';
import { clearReports } from './runReports';
import { openHistory, recordHistory } from './runHistory';
import { mergeReports } from '../report/mergeReports';
import { summaryText } from '../report/summaryText';
import { runSettings } from '../runner/runSettings';
import { matrixOf, type CellDetail, type Matrix } from '../matrix/matrix';
import { writeMatrix } from '../matrix/writeMatrix';

/**
 * `conformance merge-reports DIR... [--report-dir OUT] [--baseline FILE [--strict-baseline]] [--history FILE]`: the report dirs of a
 * run's shards (`run --shard I/N`) back into one set of reports: one conformance.json and junit.xml, and one HTML and
 * JSON report merged by Playwright's own `merge-reports` from the shards' blob reports. Exits as the merged run would
 * have, judged against the baseline when one is given.
 */
export async function mergeReportsCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'report-dir': { type: 'string' },
      baseline: { type: 'string' },
      'strict-baseline': { type: 'boolean' },
      history: { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new UsageError('merge-reports takes the report dirs of the shards to merge');
  const out = resolve(values['report-dir'] ?? runSettings().reportDir);
  const dirs = positionals.map((d) => resolve(d));
  const missing = dirs.filter((d) => !existsSync(join(d, 'conformance.json')));
  if (missing.length)
    throw new UsageError(
      `no conformance.json in ${missing.map((d) => relative(process.cwd(), d) || d).join(', ')}: not a shard's report dir`,
    );
  const shards = dirs.map((d) => JSON.parse(readFileSync(join(d, 'conformance.json'), 'utf8')) as ConformanceReport);
  const { report, problems } = mergeReports(shards);
  if (!report) {
    for (const p of problems) log.error(`${p}; nothing was merged`);
    return 2;
  }
  if (values.baseline !== undefined) {
    // The gate of a sharded run: the merged failures against the known ones, as `run --baseline` judges one run.
    const loaded = loadBaseline(resolve(values.baseline));
    if (printProblems(loaded.problems)) return 2;
    const { code } = judgeBaseline(report, {
      file: loaded.file,
      entries: loaded.entries,
      strict: values['strict-baseline'] ?? false,
    });
    report.exit = { ...report.exit!, code, class: exitClassOf(code) };
  }
  if (values.history !== undefined) {
    // The merged run is one entry of the nightly history, as an unsharded run would be.
    const opened = openHistory(resolve(values.history));
    if ('refused' in opened) {
      log.error(`${opened.refused}; nothing was merged`);
      return 2;
    }
    try {
      recordHistory(report, opened.db, 'merge-reports');
    } finally {
      opened.db.close();
    }
  }
  clearReports(out);
  writeRunReports(out, report);
  if (report.targets) writeMatrix(out, mergedMatrix(report, dirs));
  const blobs = dirs.flatMap((d) => listFiles(join(d, 'blob'), '.zip'));
  if (blobs.length === dirs.length) mergeHtml(blobs, out);
  else
    log.error(
      `note: ${blobs.length} of ${dirs.length} shards left a blob report; html/ and results.json were not merged`,
    );
  log.info(
    `${summaryText(report)}\nmerged ${report.shards!.length} shards into ${relative(process.cwd(), out) || out}`,
  );
  return report.exit!.code;
}

/** The matrix of a merged matrix run: the targets as the shards described them, each cell's detail from its shard. */
function mergedMatrix(report: ConformanceReport, dirs: string[]): Matrix {
  const shards = dirs
    .map((d) => join(d, 'matrix.json'))
    .filter((file) => existsSync(file))
    .map((file) => JSON.parse(readFileSync(file, 'utf8')) as Matrix);
  const described = report.targets!.map((name) => {
    const { kind, description } = shards.flatMap((m) => m.targets).find((t) => t.name === name) ?? {};
    return { name, kind, description };
  });
  const details = new Map<string, CellDetail>();
  for (const m of shards)
    for (const row of m.rows)
      for (const [target, cell] of Object.entries(row.cells))
        if (cell.detail) details.set(`${target}\u0000${row.id}`, cell.detail);
  return matrixOf(report, described, (target, id) => details.get(`${target}\u0000${id}`));
}

/** Playwright's merge-reports over the shards' blob reports: one HTML report and one results.json in `out`. */
function mergeHtml(blobs: string[], out: string): void {
  const work = join(out, '.merge');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  for (const blob of blobs) copyFileSync(blob, join(work, basename(blob)));
  const config = join(work, 'merge.config.cjs');
  const reporters = [
    ['html', { outputFolder: join(out, 'html'), open: 'never' }],
    ['json', { outputFile: join(out, 'results.json') }],
  ];
  writeFileSync(config, `module.exports = ${JSON.stringify({ reporter: reporters })};\n`);
  const cli = require.resolve('@playwright/test/cli');
  const merged = spawnSync(process.execPath, [cli, 'merge-reports', '-c', config, work], { encoding: 'utf8' });
  rmSync(work, { recursive: true, force: true });
  if (merged.status !== 0)
    log.error(`Playwright's merge-reports failed (exit ${merged.status}): ${merged.stderr.trim().split('\n')[0]}`);
}
