import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { FullConfig, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { clearResults, readResults } from '../run/resultChannel';
import { runSettings, projectRoot } from '../run/runSettings';
import { totalsOf, type ConformanceReport, type ScenarioEntry } from './conformanceReport';
import { summaryText } from './summaryText';

/** A Playwright reporter that writes conformance.json and prints the verdict summary; it reads verdicts, it never decides them. */
export default class ConformanceReporter implements Reporter {
  private readonly entries = new Map<string, ScenarioEntry>();
  private readonly finalRetry = new Map<string, number>();
  private startedAt = new Date();
  private readonly settings = runSettings();

  printsToStdio(): boolean {
    return false;
  }

  onBegin(_config: FullConfig, suite: Suite): void {
    this.startedAt = new Date();
    clearResults(this.settings.reportDir);
    for (const test of suite.allTests()) this.entries.set(test.id, { id: idOf(test), title: test.title, file: fileOf(test), verdict: 'skipped', failures: [] });
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    this.finalRetry.set(test.id, result.retry);
    const verdict = result.status === 'skipped' ? 'skipped' : result.status === 'passed' ? 'passed' : 'errored';
    const message = result.error?.message?.split('\n')[0] ?? `the test ended ${result.status}`;
    this.entries.set(test.id, { id: idOf(test), title: test.title, file: fileOf(test), verdict, retries: result.retry,
      failures: verdict === 'errored' ? [{ code: 'harness.crash', title: 'Harness error', message }] : [] });
  }

  onEnd(): void {
    const written = readResults(this.settings.reportDir);
    for (const [testId, retry] of this.finalRetry) {
      const entry = written.get(`${testId}#${retry}`);
      if (entry) this.entries.set(testId, { ...entry, retries: retry });
    }
    const scenarios = [...this.entries.values()];
    const report: ConformanceReport = { target: this.settings.target, startedAt: this.startedAt.toISOString(), finishedAt: new Date().toISOString(), totals: totalsOf(scenarios), scenarios };
    mkdirSync(this.settings.reportDir, { recursive: true });
    writeFileSync(join(this.settings.reportDir, 'conformance.json'), `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`\n${summaryText(report)}\n`);
  }
}

function idOf(test: TestCase): string {
  return test.title.split(':')[0];
}

function fileOf(test: TestCase): string {
  const scenario = test.annotations.find((a) => a.type === 'scenario')?.description;
  return scenario ? scenario.replace(/:\d+$/, '') : relative(projectRoot, test.location.file);
}
