import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { log, UsageError } from '../common/log';
import { projectRoot } from '../common/projectRoot';
import type { ConformanceReport } from '../report/conformanceReport';
import { HistoryDb, HistoryError } from '../history/historyDb';
import { historyHtml } from '../history/historyHtml';
import { historyRunsOf, runMetadata } from '../history/historyRecord';
import { historyText, type HistoryReport } from '../history/historyText';
import { targetHistory } from '../history/historyView';

/** Where the history lives unless --history (or CONFORMANCE_HISTORY) says otherwise. */
export function defaultHistoryFile(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.CONFORMANCE_HISTORY || join(projectRoot, '.conformance', 'history.sqlite'));
}

const formats = ['text', 'json', 'html'] as const;

/**
 * `conformance history [--history FILE] [--target NAME] [--last N] [--format text|json|html] [--out FILE]`: what
 * changed since each target's previous run, flaky scenarios, the target's trouble and duration trends;
 * `conformance history import REPORT...` appends runs made elsewhere (a conformance.json or its report dir).
 */
export async function historyCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      history: { type: 'string' },
      target: { type: 'string' },
      last: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const file = values.history !== undefined ? resolve(values.history) : defaultHistoryFile();
  const [verb, ...rest] = positionals;
  try {
    if (verb === 'import') return importReports(file, rest);
    if (verb !== undefined)
      throw new UsageError(`history takes no ${JSON.stringify(verb)}; did you mean \`history import ${verb}\`?`);
    const window = values.last === undefined ? 10 : Number(values.last);
    if (!Number.isInteger(window) || window < 2)
      throw new UsageError(`--last takes a whole number of runs, at least 2; got ${JSON.stringify(values.last)}`);
    const format = (values.format ?? 'text') as (typeof formats)[number];
    if (!formats.includes(format))
      throw new UsageError(`--format takes ${formats.join(', ')}; got ${JSON.stringify(values.format)}`);
    const db = HistoryDb.open(file, false);
    try {
      const targets = values.target !== undefined ? [values.target] : db.targets();
      if (values.target !== undefined && !db.targets().includes(values.target))
        throw new UsageError(
          `${shown(file)} has no run of ${JSON.stringify(values.target)}; it has runs of ${db.targets().join(', ') || 'no target'}`,
        );
      const report: HistoryReport = {
        file: shown(file),
        window,
        targets: targets.map((t) => targetHistory(t, db.lastRuns(t, window))),
      };
      const text =
        format === 'json'
          ? `${JSON.stringify(report, null, 2)}\n`
          : format === 'html'
            ? historyHtml(report)
            : `${historyText(report)}\n`;
      if (values.out !== undefined) {
        mkdirSync(dirname(resolve(values.out)), { recursive: true });
        writeFileSync(resolve(values.out), text);
        log.info(`wrote the ${format} history of ${targets.length} target(s) to ${values.out}`);
      } else process.stdout.write(text);
      return 0;
    } finally {
      db.close();
    }
  } catch (error) {
    if (!(error instanceof HistoryError)) throw error;
    log.error(error.message);
    return 2;
  }
}

/** `history import`: each report's runs appended (a report already imported is skipped, not doubled). */
function importReports(file: string, paths: string[]): number {
  if (paths.length === 0) throw new UsageError('history import takes conformance.json files or report dirs');
  const reports = paths.map((p) => {
    const path = existsSync(p) && statSync(p).isDirectory() ? join(p, 'conformance.json') : p;
    if (!existsSync(path)) throw new UsageError(`${p}: no such report (a conformance.json or a report dir)`);
    let report: ConformanceReport;
    try {
      report = JSON.parse(readFileSync(path, 'utf8')) as ConformanceReport;
    } catch (error) {
      throw new UsageError(`${p} is not JSON: ${(error as Error).message}`);
    }
    if (typeof report?.target !== 'string' || !Array.isArray(report.scenarios) || typeof report.startedAt !== 'string')
      throw new UsageError(`${p} is not a conformance.json (no target, startedAt and scenarios)`);
    return report;
  });
  const db = HistoryDb.open(file);
  try {
    let added = 0;
    for (const report of reports) added += db.append(historyRunsOf(report, 'import', runMetadata()));
    const offered = reports.reduce((n, r) => n + (r.targets?.length ?? 1), 0);
    log.info(
      `imported ${added} run(s) into ${shown(file)}${added < offered ? ` (${offered - added} already there)` : ''}`,
    );
    return 0;
  } finally {
    db.close();
  }
}

const shown = (file: string) => relative(process.cwd(), file) || file;
