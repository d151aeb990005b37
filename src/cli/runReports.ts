import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { log } from '../common/log';
import { exitClassOf, exitCodeOf, stoppedReport, type ConformanceReport } from '../report/conformanceReport';
import { writeJunit } from '../report/junitReport';
import { runSettings } from '../runner/runSettings';

/** The files and folders of a report dir that a run writes, and so removes before it starts. */
const owned = ['conformance.json', 'junit.xml', 'results.json', 'html', 'test-results', '.results', '.plan.json'];

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
  // A verdict reached stays a verdict: a failed scenario is exit 1 even when restoring afterwards failed.
  code ??= exitCodeOf(report) === 0 && end.restoreFailed?.length ? 3 : exitCodeOf(report);
  if (code === 3 && !message && end.restoreFailed?.length)
    message = 'every scenario passed, but the target was not restored';
  report.exit = { code, class: exitClassOf(code), ...(message ? { message } : {}) };
  if (end.restoreFailed?.length) report.restoreFailed = end.restoreFailed;
  mkdirSync(run.reportDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  writeJunit(join(run.reportDir, 'junit.xml'), report);
  return code;
}
