import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { log } from '../common/log';
import { counted } from '../common/counted';
import { applyBaseline } from '../baseline/applyBaseline';
import type { BaselineEntry } from '../baseline/baseline';
import { exitClassOf, exitCodeOf, stoppedReport, type ConformanceReport } from '../report/conformanceReport';
import { writeRunReports } from '../report/writeRunReports';
import { runSettings } from '../runner/runSettings';
import { matrixFiles } from '../matrix/writeMatrix';
import type { HistoryDb } from '../history/historyDb';
import { recordHistory } from './runHistory';

/** The files and folders of a report dir that a run writes, and so removes before it starts. */
const owned = [
  ...matrixFiles,
  'conformance.json',
  'junit.xml',
  'results.json',
  'html',
  'blob',
  'test-results',
  '.results',
  '.plan.json',
];

/** How a run ended, as the CLI saw it: a code it decided itself, or the runner's, and what it could not restore. */
export interface RunEnd {
  /** Set when the CLI decided the exit itself (refused, unreachable, interrupted, an empty shard). */
  code?: number;
  message?: string;
  /** The runner's own exit code, when it ran. */
  runnerCode?: number;
  restoreFailed?: string[];
}

/** Which run the reports are for. */
export interface RunIdentity {
  reportDir: string;
  target: string;
  startedAt: Date;
  /** `run --baseline`: the known failures, and whether one that no longer happens fails the run. */
  baseline?: { file: string; entries: BaselineEntry[]; strict: boolean };
  /** `run --history`: the history database, opened before anything was sent. */
  history?: HistoryDb;
}

/** The report dir the arguments name, read leniently (before they are checked), so even a refused run can clear it. */
export function earlyReportDir(args: string[]): string {
  const at = args.findIndex((a) => a === '--report-dir' || a.startsWith('--report-dir='));
  const given = at < 0 ? undefined : args[at].includes('=') ? args[at].split('=').slice(1).join('=') : args[at + 1];
  return given && !given.startsWith('--') ? resolve(given) : runSettings().reportDir;
}

/** Removes every report an earlier run left in the folder, so none of them can pass for this run's. */
export function clearReports(reportDir: string): void {
  for (const name of owned) rmSync(join(reportDir, name), { recursive: true, force: true });
}

/**
 * Completes the run's conformance.json and junit.xml with how the run ended (its exit code, class and reason, and
 * what could not be restored) and returns the exit code. A run that stopped before any scenario gets reports that say
 * why: a junit.xml with one <error>, a conformance.json with no scenarios and the exit class.
 */
export function finishReports(run: RunIdentity, end: RunEnd): number {
  const file = join(run.reportDir, 'conformance.json');
  const written = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ConformanceReport) : undefined;
  let code = end.code;
  let message = end.message;
  if (code === undefined && !written) {
    message = `the test runner ended (exit ${end.runnerCode ?? 'unknown'}) without writing ${file}; no verdict was reached`;
    log.error(message);
    code = 3;
  }
  const report = written ?? stoppedReport(run.target, run.startedAt, code!, message ?? '');
  const baseline = run.baseline && written ? judgeBaseline(report, run.baseline) : undefined;
  const verdictCode = baseline?.code ?? exitCodeOf(report);
  // A verdict reached stays a verdict: a failed scenario is exit 1 even when restoring afterwards failed.
  code ??= verdictCode === 0 && end.restoreFailed?.length ? 3 : verdictCode;
  if (code === 3 && !message && end.restoreFailed?.length)
    message = 'every scenario passed, but the target was not restored';
  report.exit = { code, class: exitClassOf(code), ...(message ? { message } : {}) };
  if (end.restoreFailed?.length) report.restoreFailed = end.restoreFailed;
  // Kept only for runs that ran something or could not reach the target: a refused run (exit 2) says nothing of it.
  if (run.history && (written || code === 3)) recordHistory(report, run.history);
  writeRunReports(run.reportDir, report);
  return code;
}

/**
 * Applies the baseline to a finished run: marks each failure, says what is new and what got fixed (with the line to
 * delete), and returns the exit code the run stands for: 1 for a new or expired failure (or, strict, a fixed entry).
 */
export function judgeBaseline(
  report: ConformanceReport,
  baseline: NonNullable<RunIdentity['baseline']>,
): { code: number } {
  const today = new Date().toISOString().slice(0, 10);
  const outcome = applyBaseline(report, baseline.file, baseline.entries, today);
  report.baseline = {
    file: baseline.file,
    known: outcome.known,
    new: outcome.new,
    expired: outcome.expired,
    fixed: outcome.fixed.map((e) => ({
      scenario: e.scenario,
      ...(e.target ? { target: e.target } : {}),
      code: e.code,
      pointer: e.pointer,
      line: e.at?.line,
    })),
  };
  const failing = report.scenarios.filter((s) =>
    s.failures.some((f) => f.baseline === 'new' || f.baseline === 'expired'),
  );
  for (const s of failing)
    for (const f of s.failures.filter((x) => x.baseline === 'new' || x.baseline === 'expired'))
      log.info(
        `baseline: ${f.baseline} failure ${s.id}${s.target ? ` [${s.target}]` : ''} ${f.code}${f.pointer ? ` at ${f.pointer}` : ''}`,
      );
  for (const e of outcome.fixed)
    log.info(
      `baseline: fixed ${e.scenario}${e.target ? ` [${e.target}]` : ''} ${e.code}${e.pointer ? ` at ${e.pointer}` : ''}: delete line ${e.at?.line ?? '?'} of ${baseline.file}`,
    );
  log.info(
    `baseline ${baseline.file}: ${counted(outcome.known, 'failure')} known (not failing the run), ${outcome.new} new, ${outcome.expired} expired, ${counted(outcome.fixed.length, 'entry', 'entries')} fixed`,
  );
  const errored = report.scenarios.some((s) => s.verdict === 'errored');
  const strictFail = baseline.strict && outcome.fixed.length > 0;
  return { code: failing.length || strictFail ? 1 : errored ? 3 : 0 };
}
