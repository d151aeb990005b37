import junit from 'junit-report-builder';
import { dirname } from 'node:path';
import { isHarnessFailure } from '../common/failure';
import type { ConformanceReport } from './conformanceReport';
import { renderFailures } from './renderFailure';

/**
 * Writes junit.xml with one testcase per scenario, grouped in a testsuite per folder: a contract violation is a
 * <failure>, a scenario without a verdict an <error>, one never run <skipped>. Playwright's own JUnit reporter would
 * list one testcase per batch, so this one is built from the verdicts instead.
 */
export function writeJunit(path: string, report: ConformanceReport): void {
  const builder = junit.newBuilder().name(`graph-conformance ${report.target}`);
  const suites = new Map<string, ReturnType<typeof builder.testSuite>>();
  for (const scenario of report.scenarios) {
    const folder = dirname(scenario.file);
    let suite = suites.get(folder);
    if (!suite) suites.set(folder, (suite = builder.testSuite().name(folder).timestamp(report.startedAt)));
    const testCase = suite
      .testCase()
      .className(scenario.file)
      .name(`${scenario.id}: ${scenario.title}`)
      .file(scenario.file)
      .time((scenario.durationMs ?? 0) / 1000);
    const first =
      scenario.failures.find((f) => (scenario.verdict === 'failed') !== isHarnessFailure(f)) ?? scenario.failures[0];
    const fresh = scenario.newSinceLastRun ? 'new since the last run: ' : '';
    const summary = `${fresh}${first ? `${first.code}: ${first.message.split('\n')[0]}` : scenario.verdict}`;
    // The failures go into a CDATA section, where xmlbuilder escapes only the first `]]>`; a target's answer may hold
    // more.
    const details = renderFailures(scenario.failures).replaceAll(']]>', ']] >');
    const contract = scenario.failures.filter((f) => !isHarnessFailure(f));
    const known = scenario.verdict === 'failed' && contract.length > 0 && contract.every((f) => f.baseline === 'known');
    // A failure the baseline accepts is reported apart: skipped, with why it is accepted.
    const reasons = [...new Set(contract.map((f) => f.baselineReason).filter(Boolean))].join('; ');
    if (known)
      testCase
        .skipped()
        .standardOutput(`known failure (baseline)${reasons ? `: ${reasons}` : ''}\n${summary}\n\n${details}`);
    else if (scenario.verdict === 'failed') testCase.failure(summary, 'contract').stacktrace(details);
    if (scenario.verdict === 'errored') testCase.error(summary, 'no-verdict', details);
    if (scenario.verdict === 'skipped') testCase.skipped();
  }
  // A run that stopped without a verdict, or left something it could not restore, says so where CI looks first.
  let runSuite: ReturnType<typeof builder.testSuite> | undefined;
  const run = () => (runSuite ??= builder.testSuite().name('run').timestamp(report.startedAt));
  const exit = report.exit;
  if (exit && report.scenarios.length === 0) {
    const testCase = run().testCase().className('conformance run').name(`run against ${report.target}`);
    const reason = `exit ${exit.code} (${exit.class}): ${exit.message ?? 'no scenario ran'}`;
    if (exit.code === 0) testCase.skipped();
    else testCase.error(reason, exit.class);
  }
  if (report.restoreFailed?.length) {
    const lines = report.restoreFailed.join('\n');
    const message = `${report.restoreFailed.length} change(s) could not be undone; run \`conformance restore --target ${report.target}\``;
    run().testCase().className('conformance run').name(`restore ${report.target}`).error(message, 'restore', lines);
  }
  builder.writeTo(path);
}
