import type { FullConfig, Reporter, Suite, TestCase, TestError, TestResult, TestStep } from '@playwright/test/reporter';
import { batchesOf } from './batches';
import { plannedScenarios } from './planned';
import { clearResults, readResults } from './resultChannel';
import { runSettings } from './runSettings';
import type { Scenario } from '../scenario/types';
import { totalsOf, type ConformanceReport } from '../report/conformanceReport';
import { type ScenarioEntry } from '../common/scenarioResult';
import { writeRunReports } from '../report/writeRunReports';
import { summaryText } from '../report/summaryText';
import { scenarioLine } from '../report/scenarioLine';
import type { Verdict } from '../common/scenarioResult';
import { failure } from '../common/failure';

/**
 * A Playwright reporter that turns batch tests back into scenarios: it prints each scenario's verdict as its step ends,
 * writes conformance.json and junit.xml with one entry per scenario, and prints the failures with their YAML and the
 * totals. It is the run's only console reporter (Playwright's own would list batches, not scenarios). It reads
 * verdicts, it never decides them.
 */
export default class ConformanceReporter implements Reporter {
  private readonly entries = new Map<string, ScenarioEntry>();
  private readonly scenariosOf = new Map<string, Scenario[]>();
  private readonly finalResult = new Map<string, TestResult>();
  private startedAt = new Date();
  private readonly settings = runSettings();

  /** Scenario steps by their title (`id: title`), to print each one's line as it ends. */
  private readonly stepTitles = new Map<string, Scenario>();

  printsToStdio(): boolean {
    return true;
  }

  onStepEnd(_test: TestCase, result: TestResult, step: TestStep): void {
    const scenario = step.category === 'test.step' ? this.stepTitles.get(step.title) : undefined;
    if (!scenario) return;
    const said = /^(?:\w*Error: )?(failed|errored): /.exec(step.error?.message ?? '')?.[1] as Verdict | undefined;
    const verdict: Verdict = step.error ? (said ?? 'errored') : 'passed';
    process.stdout.write(
      `${scenarioLine(verdict, scenario.doc.id, scenario.doc.title, step.duration, result.retry)}\n`,
    );
  }

  onError(error: TestError): void {
    // Whatever stopped Playwright itself (a config that does not load, a worker that cannot start).
    process.stderr.write(`conformance: the test runner reported: ${error.message ?? error.value ?? 'an error'}\n`);
  }

  onBegin(_config: FullConfig, suite: Suite): void {
    this.startedAt = new Date();
    clearResults(this.settings.reportDir);
    const batches = new Map(
      batchesOf(
        plannedScenarios(this.settings),
        this.settings.batchSize,
        this.settings.workers,
        this.settings.shard,
      ).map((b) => [b.title, b.scenarios]),
    );
    for (const test of suite.allTests()) {
      const scenarios = batches.get(test.title) ?? [];
      this.scenariosOf.set(test.id, scenarios);
      for (const s of scenarios) this.stepTitles.set(`${s.doc.id}: ${s.doc.title}`, s);
      for (const s of scenarios)
        this.entries.set(s.doc.id, {
          id: s.doc.id,
          title: s.doc.title,
          file: s.file,
          verdict: 'skipped',
          failures: [],
        });
    }
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    this.finalResult.set(test.id, result);
  }

  onEnd(): void {
    const written = readResults(this.settings.reportDir);
    for (const [testId, result] of this.finalResult) {
      for (const scenario of this.scenariosOf.get(testId) ?? []) {
        const entry = written.get(`${scenario.doc.id}#${result.retry}`);
        // A scenario carried over from an earlier attempt keeps that attempt's count: it was not run again.
        if (entry) this.entries.set(scenario.doc.id, entry);
        else if (result.status !== 'passed' && result.status !== 'skipped') {
          // The batch ended (worker crash, interruption) before this scenario reported.
          const message = result.error?.message?.split('\n')[0] ?? `its batch ended ${result.status}`;
          this.entries.set(scenario.doc.id, {
            ...this.entries.get(scenario.doc.id)!,
            verdict: 'errored',
            retries: result.retry,
            failures: [failure('harness.crash', { message: `no result: ${message}` })],
          });
        }
      }
    }
    const scenarios = [...this.entries.values()];
    const report: ConformanceReport = {
      target: this.settings.target,
      startedAt: this.startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      totals: totalsOf(scenarios),
      scenarios,
      ...(this.settings.shard ? { shard: this.settings.shard } : {}),
    };
    writeRunReports(this.settings.reportDir, report);
    process.stdout.write(`\n${summaryText(report)}\n`);
  }
}
